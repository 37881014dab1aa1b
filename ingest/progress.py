"""How far the reading of files has got, page by page, for progress bars (API, runner).

    document_progress   document id -> (pages done, pages in all)

A finished file counts all its pages done (a failed one: 0 of 0). A file spread in chunks
counts, while its chunks are read, its pages that need no OCR and the pages of every chunk
whose result is in (``ingest.chunks``; only file names are looked at, nothing is read).
A file read in one task counts nothing until it is finished, and neither does a file not
surveyed yet: its page count is not known (0 of 0).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ingest.assemble import FINISHED
from ingest.chunks import ChunkStore
from models.tables import Document


def document_progress(s: Session, chunks: ChunkStore,
                      document_ids: Iterable[int]) -> dict[int, tuple[int, int]]:
    ids = sorted(set(document_ids))
    out: dict[int, tuple[int, int]] = {}
    for start in range(0, len(ids), 1000):  # bounded IN lists
        rows = s.execute(select(Document.id, Document.status, Document.page_count, Document.sha256)
                         .where(Document.id.in_(ids[start:start + 1000])))
        for doc_id, status, page_count, sha in rows:
            if status in FINISHED:
                out[doc_id] = (page_count, page_count)
                continue
            plan = chunks.plan(doc_id)
            if plan is None or plan.sha256 != sha:
                out[doc_id] = (0, 0)
                continue
            without_ocr = plan.pages - len(plan.ocr)
            out[doc_id] = (without_ocr + chunks.pages_done(plan), plan.pages)
    return out
