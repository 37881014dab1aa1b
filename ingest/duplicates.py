"""Near-duplicate jobs: index a finished dossier, compare it with every other, store matches.

    index     the dossier's body (``checks.dup_text``) and prints -> a ``DupEntry`` row,
              committed before comparing, so that of two copies finishing at the same time
              on two workers, the later always sees the earlier
    compare   ``checks.duplicates.find_duplicates`` against the process's ``ArchiveIndex``
              (every indexed dossier: the prior archive and all submissions, of every round)
    store     a ``DupMatch`` each way: the new dossier warns of the old, and the old (or the
              other submission of the same round) warns of the new; never between versions
              of one dossier (a resubmission after a supplement was asked, ``versions``)

The prints of every dossier live in the database (PostgreSQL in the distributed mode); each
process keeps them in memory as a ``PrintIndex`` and catches up by reading entries with ids
above the last it saw (ids are handed out in order; a LAG window re-reads recent ones that
committed late).
"""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime

import numpy as np
from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from checks.boilerplate import Boilerplate
from checks.dup_index import PrintIndex
from checks.dup_text import Body, body_of, pack, unpack
from checks.duplicates import Match, compare, find_duplicates, own_text
from ingest.assemble import doc_views
from ingest.runtime import Runtime
from models.tables import Dossier, DupEntry, DupMatch, ProblemRow, TemplateText
from models.understanding import Section

log = logging.getLogger(__name__)

LAG = 1000  # entry ids below the highest seen that are read again (late commits)
CHECKABLE = ("done", "partial")


class ArchiveIndex:
    """The in-memory index of one process, kept in step with the ``dup_entries`` table."""

    def __init__(self) -> None:
        self.index = PrintIndex()
        self._entry_of: dict[int, int] = {}  # dossier -> entry id held
        self._top = 0
        self._lock = threading.Lock()

    def refresh(self, s: Session) -> None:
        """Read the entries added since the last refresh: ids above the highest seen, and a
        window of LAG ids below it for entries committed late. Only the ids of the window are
        read again; prints are fetched for entries this process does not hold yet."""
        with self._lock:
            ids = s.execute(select(DupEntry.id, DupEntry.dossier_id)
                            .where(DupEntry.id > self._top - LAG)).all()
            new = [i for i, d in ids if self._entry_of.get(d) != i]
            if not new:
                return
            wanted = set(new)  # read from the lowest new id up (no parameter per id)
            rows = [r for r in s.execute(select(DupEntry.id, DupEntry.dossier_id, DupEntry.prints)
                                         .where(DupEntry.id >= min(new))) if r[0] in wanted]
            fresh = [(d, np.frombuffer(p, dtype="<u4")) for _, d, p in rows]
            if len(fresh) > 1000:
                self.index.add_many(fresh)
            else:
                for d, p in fresh:
                    self.index.add(d, p)
            for i, d, _ in rows:
                self._entry_of[d] = i
                self._top = max(self._top, i)


_ARCHIVES: dict[str, ArchiveIndex] = {}


def archive_index(rt: Runtime) -> ArchiveIndex:
    """One index per database per process."""
    return _ARCHIVES.setdefault(rt.settings.db_url, ArchiveIndex())


def boilerplate(rt: Runtime, s: Session) -> Boilerplate:
    """Built-in template text, every profile's headings and the admin's templates."""
    registered = tuple(s.scalars(select(TemplateText.text).order_by(TemplateText.id)))
    cached = _BOILERPLATE.get(rt.settings.db_url)
    if cached is None or cached[0] != registered:
        cached = (registered, Boilerplate.for_profiles(rt.profiles, registered))
        _BOILERPLATE[rt.settings.db_url] = cached
    return cached[1]


_BOILERPLATE: dict[str, tuple[tuple[str, ...], Boilerplate]] = {}  # db -> (templates, built)


# ---------------------------------------------------------------------------- jobs


def dossier_body(rt: Runtime, s: Session, dossier: Dossier) -> Body:
    understood = dossier.understanding or {}
    fields = understood.get("fields", {})
    sections = [Section(x["key"], x["heading"], x["file"], x["page"], x["chars"], x["document"],
                        x.get("empty", False)) for x in understood.get("sections", [])]
    title = fields.get("title") or fields.get("description_title") or (dossier.meta or {}).get("title")
    return body_of(doc_views(dossier), sections, boilerplate(rt, s), title=title,
                   confidential=fields.get("confidential"))


def index_dossier(rt: Runtime, dossier_id: int) -> Body | None:
    """Write the dossier's index entry (replacing an earlier one); None when not finished.
    The dossier's row is locked first: two workers checking it at once (a sweep of unchecked
    dossiers on each starting worker) replace the entry one after the other."""
    with rt.db.session() as s:
        dossier = s.get(Dossier, dossier_id, with_for_update=True)
        if dossier is None or dossier.status not in CHECKABLE:
            return None
        body = dossier_body(rt, s, dossier)
        _, prints = body.prints()
        s.execute(delete(DupEntry).where(DupEntry.dossier_id == dossier_id))
        s.add(DupEntry(dossier_id=dossier_id, prints=np.unique(prints).astype("<u4").tobytes(),
                       body=pack(body), own_tokens=body.own_count))
    return body


def check_duplicates(rt: Runtime, dossier_id: int) -> list[Match]:
    """Index one finished dossier and record its near-duplicates both ways. A failure is a
    problem recorded on the dossier, never a lost file."""
    try:
        body = index_dossier(rt, dossier_id)
        if body is None:
            return []
        archive = archive_index(rt)
        with rt.db.session() as s:
            archive.refresh(s)
            loaded: dict[int, Body | None] = {}

            def load(other: int) -> Body | None:
                if other not in loaded:
                    data = s.scalar(select(DupEntry.body).where(DupEntry.dossier_id == other))
                    loaded[other] = unpack(data) if data is not None else None
                return loaded[other]

            matches = find_duplicates(body, archive.index, load, exclude=versions(s, dossier_id),
                                      indexed=dossier_id in archive.index)
            # the rows whose matches are replaced, locked in one order: two checks of the
            # same dossier, or of two dossiers that match each other, store one after the other
            s.scalars(select(Dossier.id).where(Dossier.id.in_({dossier_id, *(m.other for m in matches)}))
                      .order_by(Dossier.id).with_for_update()).all()
            _store(s, archive, dossier_id, body, matches, load)
            s.get(Dossier, dossier_id).duplicates_checked_at = datetime.now(UTC)
        return matches
    except Exception as exc:  # the dossier stays, its other results too
        log.exception("internal error checking dossier %s for duplicates", dossier_id)
        with rt.db.session() as s:
            s.add(ProblemRow(dossier_id=dossier_id, stage="duplicates", code="internal_error",
                             message="Lỗi hệ thống khi so trùng với kho hồ sơ; đã ghi nhật ký "
                                     "để xử lý.", detail=f"{type(exc).__name__}: {exc}"))
        return []


def versions(s: Session, dossier_id: int) -> set[int]:
    """The dossier and its other versions: the dossier it resubmits after a supplement was
    asked and those resubmitting it, and theirs in turn. A resubmission is not a duplicate of
    the dossier it replaces; ``models.revision`` says what changed between them."""
    found, edge = {dossier_id}, {dossier_id}
    while edge:
        older = s.scalars(select(Dossier.supplement_of).where(Dossier.id.in_(edge),
                                                             Dossier.supplement_of.is_not(None)))
        newer = s.scalars(select(Dossier.id).where(Dossier.supplement_of.in_(edge)))
        edge = {*older, *newer} - found
        found |= edge
    return found


def _store(s: Session, archive: ArchiveIndex, dossier_id: int, body: Body, matches: list[Match],
           load) -> None:
    excluded = {(m.dossier_id, m.other_id): (m.excluded, m.excluded_reason)
                for m in s.scalars(select(DupMatch).where(or_(DupMatch.dossier_id == dossier_id,
                                                              DupMatch.other_id == dossier_id)))}
    s.execute(delete(DupMatch).where(or_(DupMatch.dossier_id == dossier_id,
                                         DupMatch.other_id == dossier_id)))
    ours = own_text(body, archive.index, indexed=True) if matches else None
    for m in matches:
        s.add(_row(dossier_id, m, excluded))
        theirs = load(m.other)
        back = compare(theirs, own_text(theirs, archive.index, indexed=True), body, dossier_id,
                       ours)
        if back is not None:
            s.add(_row(m.other, back, excluded))


def _row(dossier_id: int, m: Match, excluded: dict) -> DupMatch:
    was, reason = excluded.get((dossier_id, m.other), (False, None))
    return DupMatch(dossier_id=dossier_id, other_id=m.other, similarity=m.similarity,
                    coverage=m.coverage, their_coverage=m.their_coverage,
                    passages=[passage_json(p) for p in m.passages], excluded=was,
                    excluded_reason=reason)


def passage_json(p) -> dict:
    def side(x) -> dict:
        return {"file": x.file, "page": x.page, "last_page": x.last_page, "section": x.section,
                "sections": list(x.sections), "text": x.text, "confidential": x.confidential,
                "public_text": x.public_text}
    return {"ours": side(p.ours), "theirs": side(p.theirs), "score": p.score, "label": p.label,
            "tokens": p.tokens}


def unchecked(rt: Runtime, dossier_ids: list[int] | None = None) -> list[int]:
    """Finished dossiers among ``dossier_ids`` (None: all) whose duplicate check has not run
    (a worker died in between): the caller checks them."""
    q = select(Dossier.id).where(
        Dossier.status.in_(CHECKABLE), Dossier.duplicates_checked_at.is_(None),
        Dossier.understanding.is_not(None))
    if dossier_ids is not None:
        q = q.where(Dossier.id.in_(dossier_ids))
    with rt.db.session() as s:
        return list(s.scalars(q.order_by(Dossier.id)))


def confidential_lines(rt: Runtime, s: Session, dossier: Dossier) -> dict[tuple[str, int], set[str]]:
    """The dossier's confidential lines, by (file, page): what is withheld from a reader not
    entitled to see them (``api.access``). Read from its index entry, else worked out now."""
    data = s.scalar(select(DupEntry.body).where(DupEntry.dossier_id == dossier.id))
    if data is not None:
        body = unpack(data)
    elif dossier.understanding is not None:
        body = dossier_body(rt, s, dossier)
    else:
        return {}
    out: dict[tuple[str, int], set[str]] = {}
    for i, ln in enumerate(body.lines):
        if ln.confidential and not ln.heading:
            end = body.lines[i + 1].start - 1 if i + 1 < len(body.lines) else len(body.text)
            out.setdefault((ln.file, ln.page), set()).add(body.text[ln.start:end])
    return out
