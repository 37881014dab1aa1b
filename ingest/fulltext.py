"""Keeping the full-text index (``models.fulltext``) in step with the dossiers.

    index_dossier_text   one dossier, inside the transaction that understood it
                         (``ingest.assemble.understand_dossier``): its entry replaces the old one
    reindex              the dossiers of a database from before the index (``hoso reindex``),
                         or all of them again; a batch per transaction

Confidential lines are those ``ingest.duplicates`` withholds from readers not entitled to them.
Right after understanding they are worked out from the dossier as it is now (its stored
duplicate entry may predate a new reading of the pages); a backfill reads them from the stored
entry, which is current there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ingest.runtime import Runtime
from models import fulltext
from models.fulltext import INDEXED
from models.tables import Dossier, ProblemRow

log = logging.getLogger(__name__)

BATCH = 200


def index_dossier_text(rt: Runtime, s: Session, dossier: Dossier) -> None:
    """(Re)index one understood dossier; its confidential lines worked out afresh. A failure
    to work out its entry is a problem recorded on the dossier (``hoso reindex`` tries again),
    never a failed reading."""
    if dossier.understanding is None or dossier.status not in INDEXED:
        return
    try:
        entry = fulltext.entry_for(dossier, _secret_lines(rt, s, dossier))
    except Exception as exc:
        log.exception("internal error indexing dossier %s for search", dossier.id)
        fulltext.remove(s, [dossier.id])  # no stale entry: it may hold text now confidential
        s.add(ProblemRow(dossier_id=dossier.id, stage="search", code="internal_error",
                         message="Lỗi hệ thống khi lập chỉ mục tìm kiếm cho hồ sơ; đã ghi nhật ký "
                                 "để xử lý.", detail=f"{type(exc).__name__}: {exc}"))
        return
    fulltext.put(s, [entry])


def _secret_lines(rt: Runtime, s: Session, dossier: Dossier) -> dict[tuple[str, int], set[str]]:
    """The confidential lines of the dossier as it is now (what
    ``ingest.duplicates.confidential_lines`` reads from the stored entry)."""
    from ingest.duplicates import dossier_body  # it imports ingest.assemble, which imports us

    body = dossier_body(rt, s, dossier)
    secret: dict[tuple[str, int], set[str]] = {}
    for i, ln in enumerate(body.lines):
        if ln.confidential and not ln.heading:
            end = body.lines[i + 1].start - 1 if i + 1 < len(body.lines) else len(body.text)
            secret.setdefault((ln.file, ln.page), set()).add(body.text[ln.start:end])
    return secret


def reindex(rt: Runtime, *, everything: bool = False,
            on_progress: Callable[[int, int], None] | None = None) -> int:
    """Index the understood dossiers that have no entry (``everything``: all of them again);
    returns how many were indexed. A dossier that fails is logged and stays unindexed."""
    from ingest.duplicates import confidential_lines

    with rt.db.session() as s:
        ids = (list(s.scalars(select(Dossier.id).where(Dossier.understanding.is_not(None),
                                                        Dossier.status.in_(INDEXED))
                              .order_by(Dossier.id)))
               if everything else fulltext.unindexed(s))
    done = 0
    for start in range(0, len(ids), BATCH):
        with rt.db.session() as s:
            entries = []
            for dossier in s.scalars(select(Dossier).where(Dossier.id.in_(ids[start:start + BATCH]),
                                                           Dossier.status.in_(INDEXED))):
                try:
                    entries.append(fulltext.entry_for(dossier, confidential_lines(rt, s, dossier)))
                except Exception:  # the others are indexed; this one stays missing
                    log.exception("internal error indexing dossier %s for search", dossier.id)
            fulltext.put(s, entries)
        done += len(entries)
        if on_progress:
            on_progress(min(start + BATCH, len(ids)), len(ids))
    log.info("indexed %d dossiers for full-text search", done)
    return done


def missing(rt: Runtime) -> int:
    """How many understood dossiers the index lacks."""
    with rt.db.session() as s:
        return len(fulltext.unindexed(s))

