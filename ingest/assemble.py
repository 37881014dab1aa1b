"""Dossier-level jobs: split stack scans, group loose files, understand each dossier.

``ingest.jobs`` reads files one by one; what needs a whole file or a whole dossier happens
here, inside the same database transaction as the read that completed it:

- ``split_document``: a file holding several dossiers (a stack scan) keeps its first part;
  every further part becomes a dossier of its own, ``formed_by="stack"``, whose documents are
  page ranges of the same stored file. Page numbers stay those of the scan, so a reviewer
  finds "page 37" in the paper stack.
- ``group_batch``: once every file of an upload is read, loose files (each its own dossier
  so far) that share a title or authors are merged into one dossier, ``formed_by="group"``.
  It runs once per batch: the first worker to flip ``Batch.grouped`` does it.
- ``understand_dossier``: sections, fields, profile and completeness of a finished dossier,
  stored as JSON on the dossier (``models.report`` prints it).

The decisions themselves are the pure functions of ``ingest.pipeline``; this module only
loads rows into ``DocView``s and writes results back.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import asdict
from datetime import date
from typing import Any

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from ingest.fulltext import index_dossier_text
from ingest.pipeline import documents_of, group_files, understand
from ingest.runtime import Runtime
from models.domain import Line, Page, PageMethod, Word
from models.errors import HosoError
from models.search import search_key
from models.tables import Batch, Document, Dossier, DupEntry, DupMatch, PageRow, ProblemRow
from models.understanding import DocView, Segment, StackPart, Understanding

log = logging.getLogger(__name__)

FINISHED = ("done", "failed")


# ---------------------------------------------------------------------------- stacks


def segments_json(part: StackPart) -> list[dict]:
    return [asdict(seg) for seg in part.segments]


def split_document(s: Session, doc: Document, parts: tuple[StackPart, ...],
                   pages: tuple[Page, ...]) -> list[Dossier]:
    """Keep ``parts[0]`` in ``doc``'s dossier; make a dossier for each further part.
    ``doc`` has no page rows yet; this writes them for every part, and moves each page's
    problems to the dossier that page now belongs to. Returns the new dossiers."""
    first, *rest = parts
    dossier = doc.dossier
    doc.segments = segments_json(first)
    doc.kind = first.segments[0].kind if first.segments else doc.kind
    if rest:
        doc.first_page, doc.last_page = first.first, first.last
        doc.page_count = first.last - first.first + 1
        dossier.formed_by = "stack"
        dossier.formation = _stack_formation(doc.path, first, len(parts), 1)
    _write_pages(s, doc, pages, first)
    made = []
    for n, part in enumerate(rest, 2):
        child = Dossier(batch_id=dossier.batch_id, source=dossier.source, round=dossier.round,
                        profile=dossier.batch.profile, prior=dossier.prior, formed_by="stack",
                        formation=_stack_formation(doc.path, part, len(parts), n),
                        fingerprint=hashlib.sha256(
                            f"{doc.sha256}:{part.first}-{part.last}".encode()).hexdigest(),
                        status="done")
        s.add(child)
        s.flush()
        part_pages = [p for p in pages if part.first <= p.number <= part.last]
        child_doc = Document(
            dossier_id=child.id, position=0, name=doc.name, path=doc.path, sha256=doc.sha256,
            size=doc.size, file_type=doc.file_type, status="done", attempts=doc.attempts,
            kind=part.segments[0].kind if part.segments else "khac",
            first_page=part.first, last_page=part.last, segments=segments_json(part),
            page_count=len(part_pages), ocr_pages=sum(p.ocr for p in part_pages),
            mean_confidence=_mean_conf(part_pages), legacy_encoding=doc.legacy_encoding,
            searchable_sha256=doc.searchable_sha256)
        s.add(child_doc)
        s.flush()
        _write_pages(s, child_doc, pages, part)
        for problem in s.scalars(select(ProblemRow).where(  # a page's problem goes with it
                ProblemRow.document_id == doc.id, ProblemRow.page.between(part.first, part.last))):
            problem.dossier_id, problem.document_id = child.id, child_doc.id
        made.append(child)
    return made


def _stack_formation(path: str, part: StackPart, parts: int, n: int) -> dict:
    return {"file": path, "part": n, "parts": parts, "first_page": part.first,
            "last_page": part.last, "split_at": part.how, "separator_code": part.code}


def _write_pages(s: Session, doc: Document, pages: tuple[Page, ...], part: StackPart) -> None:
    for page in pages:
        if part.first <= page.number <= part.last:
            s.add(PageRow(document_id=doc.id, number=page.number, method=page.method.value,
                          **page_columns(page)))


def page_columns(page: Page) -> dict[str, Any]:
    """What a page row stores of a page's reading: text, confidence, lines and words (JSON)."""
    return {"text": page.text, "confidence": page.confidence,
            "lines": [_line_json(line) for line in page.lines] or None,
            "words": [_word_json(w) for w in page.words] or None}


def _mean_conf(pages: list[Page]) -> float | None:
    confs = [p.confidence for p in pages if p.ocr and p.confidence is not None]
    return round(sum(confs) / len(confs), 1) if confs else None


def _word_json(w: Word) -> dict:
    out = {"t": w.text, "x0": w.x0, "y0": w.y0, "x1": w.x1, "y1": w.y1, "ln": w.line}
    return out if w.confidence is None else {**out, "c": w.confidence}


def _line_json(line: Line) -> dict:
    out: dict[str, Any] = {"text": line.text}
    for key in ("size", "style", "numbering"):
        if getattr(line, key) is not None:
            out[key] = getattr(line, key)
    if line.bold:
        out["bold"] = True
    if line.part != "body":
        out["part"] = line.part
    return out


# ---------------------------------------------------------------------------- rows -> views


def doc_views(dossier: Dossier) -> tuple[DocView, ...]:
    """The dossier's documents as the pure stages see them (read files only)."""
    views: list[DocView] = []
    for doc in dossier.documents:
        if doc.status != "done" or not doc.pages:
            continue
        pages = tuple(_page(row) for row in doc.pages)
        segs = [Segment(**seg) for seg in (doc.segments or [])]
        if not segs:
            segs = [Segment(pages[0].number, pages[-1].number, doc.kind)]
        part = StackPart(pages[0].number, pages[-1].number, "start", tuple(segs))
        views.extend(documents_of(doc.path, pages, part))
    return tuple(views)


def _page(row: PageRow) -> Page:
    lines = tuple(Line(**line) for line in (row.lines or []))
    words = tuple(Word(w["t"], w["x0"], w["y0"], w["x1"], w["y1"], w["ln"], w.get("c"))
                  for w in row.words or [])
    return Page(row.number, row.text, PageMethod(row.method), row.confidence, lines, words=words)


# ---------------------------------------------------------------------------- grouping


def batch_finished(s: Session, batch_id: int) -> bool:
    pending = s.scalars(select(Document.id).join(Dossier).where(
        Dossier.batch_id == batch_id, Document.status.not_in(FINISHED))).first()
    return pending is None


def claim_grouping(s: Session, batch_id: int) -> bool:
    """True for exactly one caller per batch (an atomic flip of ``Batch.grouped``)."""
    result = s.execute(update(Batch).where(Batch.id == batch_id, Batch.grouped.is_(False))
                       .values(grouped=True))
    return result.rowcount == 1


def group_batch(s: Session, batch_id: int) -> list[Dossier]:
    """Merge the batch's loose-file dossiers that belong together; return the merged ones."""
    loose = [d for d in s.scalars(select(Dossier).where(Dossier.batch_id == batch_id,
                                                       Dossier.formed_by == "file")
                                  .order_by(Dossier.id))
             if len(d.documents) == 1]
    views = [doc_views(d) for d in loose]
    readable = [i for i, v in enumerate(views) if v]
    if len(readable) < 2:
        return []
    try:
        groups = group_files([views[i] for i in readable])
    except Exception as exc:  # the files stay one dossier each: nothing is lost, only not merged
        log.exception("internal error grouping the loose files of batch %s", batch_id)
        for i in readable:
            s.add(ProblemRow(dossier_id=loose[i].id, stage="group", code="internal_error",
                             message="Lỗi hệ thống khi ghép các tệp rời thành hồ sơ; tệp này được "
                                     "giữ thành một hồ sơ riêng.",
                             detail=f"{type(exc).__name__}: {exc}"))
        return []
    merged = []
    for group in groups:
        if len(group) < 2:
            continue
        members = [loose[readable[i]] for i in group]
        merged.append(_merge(s, members))
    return merged


def _merge(s: Session, members: list[Dossier]) -> Dossier:
    keep, others = members[0], members[1:]
    files = [m.source for m in members]
    position = len(keep.documents)
    for other in others:
        for doc in list(other.documents):
            doc.dossier, doc.position = keep, position
            position += 1
        for problem in list(other.problems):
            problem.dossier = keep
        s.execute(delete(DupMatch).where(or_(DupMatch.dossier_id == other.id,
                                             DupMatch.other_id == other.id)))
        s.execute(delete(DupEntry).where(DupEntry.dossier_id == other.id))
        s.flush()
        s.delete(other)
    s.flush()
    s.refresh(keep)
    keep.formed_by = "group"
    keep.source = " + ".join(files)
    keep.formation = {"files": files, "grouped_by": "title, authors"}
    keep.fingerprint = hashlib.sha256(
        "\n".join(sorted(d.sha256 or "" for d in keep.documents)).encode()).hexdigest()
    statuses = {m.status for m in members}
    keep.status = "done" if statuses == {"done"} else ("failed" if statuses == {"failed"}
                                                      else "partial")
    return keep


# ---------------------------------------------------------------------------- understanding


def understand_dossier(rt: Runtime, s: Session, dossier: Dossier) -> None:
    """Sections, fields, profile and completeness of a finished dossier, stored on it."""
    if dossier.status not in ("done", "partial"):
        return
    views = doc_views(dossier)
    given = dossier.batch.profile
    try:
        result = understand(views, rt.profiles, profile=given,
                            default_profile=rt.settings.default_profile)
    except HosoError as exc:
        s.add(ProblemRow(dossier_id=dossier.id, stage="understand", code=exc.code,
                         message=exc.message, detail=exc.detail))
        return
    except Exception as exc:  # one dossier's bad text must not stop the batch
        log.exception("internal error understanding dossier %s", dossier.id)
        s.add(ProblemRow(dossier_id=dossier.id, stage="understand", code="internal_error",
                         message="Lỗi hệ thống khi phân tích hồ sơ; đã ghi nhật ký để xử lý.",
                         detail=f"{type(exc).__name__}: {exc}"))
        return
    dossier.profile = result.profile
    dossier.profile_how = result.profile_how
    dossier.understanding = understanding_json(result)
    dossier.missing = len(result.completeness.missing)
    dossier.search_text = search_key(dossier.source, dossier.understanding, dossier.meta)
    index_dossier_text(rt, s, dossier)  # full-text search (models.fulltext)


def understanding_json(u: Understanding) -> dict[str, Any]:
    f = u.fields
    return {
        "fields": {
            "title": f.title,
            "authors": [{"name": a.name, "birth_date": _iso(a.birth_date), "unit": a.unit,
                         "position": a.position, "qualification": a.qualification,
                         "share_percent": a.share_percent} for a in f.authors],
            "unit": f.unit, "field": f.field, "first_applied": _iso(f.first_applied),
            "year": f.year, "addressee": f.addressee, "investor": f.investor,
            "confidential": f.confidential,
            "decisions": [{"number": d.number, "date": _iso(d.date)} for d in f.decisions],
            "submitted": _iso(f.submitted),
            "description_title": f.description_title,
            "description_authors": list(f.description_authors),
            "where": {k: {"file": w.file, "page": w.page} for k, w in f.where.items()},
        },
        "sections": [{"key": x.key, "heading": x.heading, "file": x.file, "page": x.page,
                      "chars": x.chars, "document": x.document, "empty": x.empty}
                     for x in u.sections],
        "completeness": {
            "complete": u.completeness.complete,
            "missing": [{"key": m.key, "label": m.label} for m in u.completeness.missing],
            "findings": [{k: v for k, v in asdict(x).items() if v is not None or k == "page"}
                         for x in u.completeness.findings],
        },
    }


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None
