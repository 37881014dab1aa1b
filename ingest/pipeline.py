"""The whole process, in order. Each step is a plain function; this page is the map.

    intake      files, folders, ZIPs -> dossiers of files           ingest.intake.collect
    store       originals kept byte for byte, by sha256              models.storage (in jobs)
    triage      what each file really is, from its bytes             ingest.triage.triage
    survey      which pages need OCR (a long scan's OCR is spread     survey_file, ocr_chunk
                over workers in chunks, ``ingest.jobs``)
    read        per page text, by the reader for that type:          ingest.readers.READERS
                  PDF: text layer, or OCR for scanned/broken pages   ingest.pdf
                  DOCX, DOC/RTF (LibreOffice), legacy fonts          ingest.word, ingest.legacy
                  images, multi-page TIFF, photos                    ingest.images
                  OCR: orientation, deskew, Tesseract, confidence    ingest.ocr, ingest.preprocess
    normalise   every page NFC                                       normalise
    classify    which document it is, from its title                 extract.classify
    split       a stack scan into dossiers, each into documents      split_file, extract.stack
  once an upload is read:
    group       loose files of one dossier, by title and authors     group_files, extract.grouping
  per dossier (``understand``):
    sections    headings -> section keys, with page and length       extract.sections
                (a section may go on in the next photo: ``continued``)
    fields      title, authors, dates, … (spaCy matchers)            extract.fields
    profile     the round's rule profile, or detected                checks.profiles
    complete    findings against the profile                         checks.completeness
  once a dossier is finished (``ingest.duplicates`` runs these and stores the matches):
    compare     own text: no template, headings, title or record     checks.dup_text
    retrieve    dossiers sharing prints (archive and submissions)    checks.dup_index
    align       passages seeded, extended, merged, scored; decide    checks.align, .duplicates

Nothing here touches a database, Celery or the web: ``ingest.jobs`` calls these functions
and persists what they return; ``ingest.tasks`` runs jobs on workers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from checks.completeness import check_completeness
from checks.profiles import Profile, choose_profile
from extract.classify import Classification, classify_document, title_kind
from extract.fields import extract_fields
from extract.grouping import LooseFile, group_loose, mentioned
from extract.sections import find_sections
from extract.stack import split_stack
from ingest.ocr import OcrPart
from ingest.readers import ReadContext, Survey, ocr_part, read_surveyed, survey
from ingest.triage import triage
from ingest.vietnamese import nfc
from models.domain import DocumentText, FileType, Page
from models.understanding import DocView, Section, StackPart, Understanding


@dataclass(frozen=True)
class FileResult:
    text: DocumentText
    classification: Classification


def process_file(data: bytes, name: str, ctx: ReadContext, *, found: Survey | None = None,
                 parts: Sequence[OcrPart] = ()) -> FileResult:
    """One file: read it, then say which document of the dossier it is. ``found``: its
    survey, when made already; ``parts``: pages already OCR'd (chunks read elsewhere)."""
    text = read_document(data, name, ctx, found=found, parts=parts)
    return FileResult(text, classify_document(text.pages, name))


def read_document(data: bytes, name: str, ctx: ReadContext, *, found: Survey | None = None,
                  parts: Sequence[OcrPart] = ()) -> DocumentText:
    """One file's bytes -> its pages of clean NFC text, with per-page problems."""
    found = found or survey_file(data, name, ctx)
    return normalise(read_surveyed(found, data, name, parts, ctx))


def survey_file(data: bytes, name: str, ctx: ReadContext) -> Survey:
    """What a file is and which of its pages need OCR, before any is OCR'd."""
    return survey(triage(data, name), data, name, ctx)


def ocr_chunk(file_type: FileType, data: bytes, name: str, dpis: Mapping[int, int],
              ctx: ReadContext) -> OcrPart:
    """Some of a file's pages OCR'd (``dpis``: page number -> DPI, from its survey)."""
    return ocr_part(file_type, data, name, dpis, ctx)


def normalise(doc: DocumentText) -> DocumentText:
    """Every page ends NFC, whatever the reader did."""
    pages = tuple(replace(p, text=nfc(p.text)) for p in doc.pages)
    return replace(doc, pages=pages)


# ---------------------------------------------------------------------------- per dossier


def split_file(name: str, pages: Sequence[Page]) -> tuple[StackPart, ...]:
    """One file -> the dossiers it holds (one part for an ordinary file), each part with
    its documents (page ranges and their kinds)."""
    return split_stack(pages, name)


def documents_of(name: str, pages: Sequence[Page], part: StackPart) -> tuple[DocView, ...]:
    """The documents of one part of a file, as DocViews with their own pages."""
    by_number = {p.number: p for p in pages}
    return tuple(
        DocView(name, seg.kind, tuple(by_number[n] for n in range(seg.first, seg.last + 1)
                                      if n in by_number))
        for seg in part.segments
    )


def group_files(files: Sequence[Sequence[DocView]]) -> list[list[int]]:
    """Loose files uploaded together -> groups (indexes into ``files``) that form one
    dossier each, matched by title and authors."""
    return group_loose(loose_files(files))


def loose_files(files: Sequence[Sequence[DocView]]) -> list[LooseFile]:
    """What grouping compares of each loose file: its kind, title and author names."""
    loose = []
    for docs in files:
        fields = extract_fields(docs)
        name = docs[0].file if docs else ""
        kind = docs[0].kind if docs else "khac"
        title = fields.title or fields.description_title
        authors = tuple(a.name for a in fields.authors) or fields.description_authors
        if not title and not authors:  # a proof, minutes …: the names they quote
            title, authors = mentioned("\n".join(d.text for d in docs))
        loose.append(LooseFile(name, kind, title, authors))
    return loose


def understand(docs: Sequence[DocView], profiles: Mapping[str, Profile], *,
               profile: str | None = None, default_profile: str | None = None) -> Understanding:
    """One dossier's documents -> its sections, fields, profile and completeness."""
    chosen, how = choose_profile(docs, profiles, given=profile, default=default_profile)
    cues = chosen.cues if chosen else {}
    sections = continued(docs, tuple(s for d in docs for s in find_sections(d, cues)))
    fields = extract_fields(docs)
    completeness = check_completeness(docs, sections, fields, chosen, profiles)
    return Understanding(chosen.key if chosen else None, how, sections, fields, completeness)


def continued(docs: Sequence[DocView], sections: tuple[Section, ...]) -> tuple[Section, ...]:
    """A document photographed page by page arrives as several files: a section whose
    heading ends one file and whose text opens the next file of the same document (which
    has no title of its own) is not empty."""
    out = list(sections)
    for a, b in zip(docs, docs[1:]):
        if a.kind != b.kind or a.file == b.file or not b.pages:
            continue
        head = [line for line in b.pages[0].text.split("\n") if line.strip()][:5]
        if any(title_kind(line) for line in head):
            continue  # b is a document of its own, not the next page of a
        mine = [i for i, s in enumerate(out) if s.file == a.file and s.document == a.kind]
        if not mine or not out[mine[-1]].empty:
            continue
        lead = b.text
        theirs = [s for s in out if s.file == b.file and s.document == b.kind]
        if theirs:
            cut = lead.find(theirs[0].heading)
            lead = lead[:cut] if cut >= 0 else ""
        lead = " ".join(lead.split())
        if sum(c.isalpha() for c in lead) >= 15:
            out[mine[-1]] = replace(out[mine[-1]], empty=False, chars=len(lead), text=lead)
    return tuple(out)
