"""The whole process, in order. Each step is a plain function; this page is the map.

    intake      files, folders, ZIPs -> dossiers of files           ingest.intake.collect
    store       originals kept byte for byte, by sha256              models.storage (in jobs)
    triage      what each file really is, from its bytes             ingest.triage.triage
    read        per page text, by the reader for that type:          ingest.readers.READERS
                  PDF: text layer, or OCR for scanned/broken pages   ingest.pdf
                  DOCX, DOC/RTF (LibreOffice), legacy fonts          ingest.word, ingest.legacy
                  images, multi-page TIFF, photos                    ingest.images
                  OCR: orientation, deskew, Tesseract, confidence    ingest.ocr, ingest.preprocess
    normalise   every page NFC                                       normalise
    classify    which document it is, from its title                 extract.classify
    (next: split stacks, sections, fields, completeness, duplicates)

Nothing here touches a database, Celery or the web: ``ingest.jobs`` calls these functions
and persists what they return; ``ingest.tasks`` runs jobs on workers.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from extract.classify import Classification, classify_document
from ingest.readers import ReadContext, reader_for
from ingest.triage import triage
from ingest.vietnamese import nfc
from models.domain import DocumentText


@dataclass(frozen=True)
class FileResult:
    text: DocumentText
    classification: Classification


def process_file(data: bytes, name: str, ctx: ReadContext) -> FileResult:
    """One file: read it, then say which document of the dossier it is."""
    text = read_document(data, name, ctx)
    return FileResult(text, classify_document(text.pages, name))


def read_document(data: bytes, name: str, ctx: ReadContext) -> DocumentText:
    """One file's bytes -> its pages of clean NFC text, with per-page problems."""
    file_type = triage(data, name)
    text = reader_for(file_type)(data, name, ctx)
    return normalise(text)


def normalise(doc: DocumentText) -> DocumentText:
    """Every page ends NFC, whatever the reader did."""
    pages = tuple(replace(p, text=nfc(p.text)) for p in doc.pages)
    return replace(doc, pages=pages)
