"""The whole process, in order. Each step is a plain function; this page is the map.

    intake      files, folders, ZIPs -> dossiers of files           ingest.intake.collect
    store       originals kept byte for byte, by sha256              models.storage (in jobs)
    triage      what each file really is, from its bytes             ingest.triage.triage
    read        per page text: PDF text layer | OCR | Word | images  ingest.readers.READERS
    check text  low OCR confidence flagged per page                  flag_low_confidence
    (next issues: split stacks, classify, sections, fields, completeness, duplicates)

Nothing here touches a database, Celery or the web: ``ingest.jobs`` calls these functions
and persists what they return; ``ingest.tasks`` runs jobs on workers.
"""

from __future__ import annotations

from dataclasses import replace

from ingest.readers import ReadContext, reader_for
from ingest.triage import triage
from ingest.vietnamese import nfc
from models.domain import DocumentText, Page, Problem


def read_document(data: bytes, name: str, ctx: ReadContext) -> DocumentText:
    """One file's bytes -> its pages of clean NFC text, with per-page problems."""
    file_type = triage(data, name)
    text = reader_for(file_type)(data, name, ctx)
    text = normalise(text)
    return flag_low_confidence(text, ctx.ocr.low_confidence)


def normalise(doc: DocumentText) -> DocumentText:
    """Every page ends NFC, whatever the reader did."""
    pages = tuple(replace(p, text=nfc(p.text)) for p in doc.pages)
    return replace(doc, pages=pages)


def flag_low_confidence(doc: DocumentText, threshold: float) -> DocumentText:
    """A page OCR'd with low mean word confidence gets a ``low_confidence`` problem (once)."""
    flagged = {p.page for p in doc.problems if p.code == "low_confidence"}
    extra = [
        Problem("low_confidence",
                f"Độ tin cậy nhận dạng chữ của trang thấp ({page.confidence:.0f}/100); "
                "nên kiểm tra lại bản quét.", page=page.number, stage="ocr")
        for page in doc.pages
        if _low(page, threshold) and page.number not in flagged
    ]
    return replace(doc, problems=doc.problems + tuple(extra)) if extra else doc


def _low(page: Page, threshold: float) -> bool:
    return page.ocr and page.confidence is not None and page.confidence < threshold
