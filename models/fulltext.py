"""Full-text search of the archive: every understood dossier, past and present.

**What is indexed.** Per dossier (``Entry``): its titles (the council's record, the request's,
the description's); its record (authors, unit, field, year, source, the archive record
``Dossier.meta``); the text of every page of its documents. Year, field, unit, round and prior
are also plain columns of ``search_entries`` (indexed), so filters never open JSON; processing
status and decision are read from ``dossiers`` at query time (they change after indexing).

**Confidential lines are never indexed.** The caller (``ingest.fulltext``) hands over the
dossier's confidential lines (``ingest.duplicates``); they are left out of the page texts
before anything is stored, so no query finds them and no snippet can show them, whoever asks.
The reviewers entitled to them read them in the dossier itself.

**Folding.** Text and queries are folded the same way (``checks.shingles.fold``: lower case,
no diacritics, "đ" as "d") and cut into the same tokens (``models.textquery``), so "sang kien"
finds "Sáng kiến" and "Dong Nai" finds "Đồng Nai". SQLite's own ``remove_diacritics`` keeps
"đ", so the engines never see unfolded text.

**SQLite (embedded): FTS5**, table ``search_fts`` (rowid = dossier id; title, record and body,
folded), with a prefix index for 2- and 3-letter prefixes. Positions are in the index, so
phrases cost what words cost. Matches are joined to ``search_entries`` (a narrow table: the
page texts for snippets live in ``search_texts``) for filters and access. Ranking: dossiers
whose title or record holds the whole query first, then bm25 (title 10, record 5, body 1).

**PostgreSQL (distributed): tsvector + GIN** ('simple' configuration over the folded tokens):
``search_entries.tsv`` (everything, with positions) under a GIN index, and ``head`` (title and
record, small, kept in the row). A query of words needs no recheck of the index, so a word
in all 100 000 dossiers is counted in tens of milliseconds; the matches are worked out once
per query, for the count and the page. Ranking is the cheap rule: title or record holding the
query first, then newest (``ts_rank`` would read every matching tsvector out of TOAST). A
phrase needs positions, which GIN does not keep: each candidate's tsvector is read again, so a
phrase is checked among the newest ``PHRASE_SCAN`` dossiers holding all its words, and the
result says ``total_capped`` when there were more. The planner is told two things for these
statements (``_planned``). pg_trgm was not chosen: a trigram index cannot tell words apart
and rechecks every candidate, phrase or not.

**Counts** stop at ``COUNT_CAP`` (``total_capped``); above it SQLite ranks by the same cheap
rule as PostgreSQL, since bm25 would score every match.

**Size.** The page texts are stored twice more: as written (less confidential lines) for
snippets, and folded inside the index (FTS5 keeps its own copy; PostgreSQL compresses). At
100 000 dossiers of ~5 kB of text: SQLite 2.3 GB in all, PostgreSQL 1.2 GB (``bench/search.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    Select,
    any_,
    bindparam,
    column,
    delete,
    func,
    insert,
    literal_column,
    or_,
    select,
    table,
    text,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from checks.shingles import fold
from models.report import shown_title
from models.tables import Assignment, Dossier, SearchEntry, SearchText, utcnow
from models.textquery import PageText, Query, Snippet, index_text, parse, snippets

COUNT_CAP = 10_000
PHRASE_SCAN = 10_000  # PostgreSQL: candidates a phrase is checked among, newest first
KEY_CHARS = 200
PG_VECTOR_BYTES = 900_000  # PostgreSQL refuses a tsvector above 1 MB: the rest is not indexed
BM25 = (10.0, 5.0, 1.0)  # title, record, body
INDEXED = ("done", "partial")  # the statuses of dossiers that are understood, hence indexed

E = SearchEntry.__table__
_FTS = table("search_fts", column("rowid"), column("title"), column("record"), column("body"))
_YEAR = re.compile(r"^\s*(1[89]\d\d|2\d\d\d)\s*$")


# ---------------------------------------------------------------------------- entries


@dataclass(frozen=True)
class Entry:
    """A dossier as indexed: display and filter values, and the texts that are searched."""

    dossier_id: int
    title: str | None
    year: int | None
    unit: str | None
    field: str | None
    round: str | None
    prior: bool
    titles: str  # every title read or recorded, one a line
    record: str  # authors, unit, field, year, source, the archive record
    pages: tuple[PageText, ...] = ()  # confidential lines already left out

    @property
    def body(self) -> str:
        return "\n".join(p.text for p in self.pages)


def entry_for(dossier: Dossier, secret: Mapping[tuple[str, int], set[str]]) -> Entry:
    """``dossier`` as the index holds it, without the lines of ``secret`` (by file, page)."""
    fields = (dossier.understanding or {}).get("fields", {})
    meta = dossier.meta or {}
    authors = fields.get("authors") or []
    titles = _lines(meta.get("title"), fields.get("title"), fields.get("description_title"))
    record = _lines(meta.get("authors"), *(a.get("name") for a in authors),
                    *(fields.get("description_authors") or []), meta.get("unit"), fields.get("unit"),
                    *(a.get("unit") for a in authors), meta.get("field"), fields.get("field"),
                    meta.get("year"), fields.get("year"), dossier.source,
                    *(v for k, v in meta.items() if k != "title"))
    pages = tuple(PageText(doc.path, doc.position, row.number, kept)
                  for doc in dossier.documents for row in doc.pages
                  if (kept := _without(row.text, secret.get((doc.path, row.number), set()))).strip())
    return Entry(dossier.id, shown_title(dossier), _year(meta.get("year")) or _year(fields.get("year")),
                 meta.get("unit") or fields.get("unit"), meta.get("field") or fields.get("field"),
                 dossier.round, bool(dossier.prior), titles, record, pages)


def _lines(*values: Any) -> str:
    seen = (" ".join(str(v).split()) for v in values if v is not None and v != "")
    return "\n".join(dict.fromkeys(v for v in seen if v))


def _without(page_text: str, lines: set[str]) -> str:
    if not lines:
        return page_text
    return "\n".join(ln for ln in page_text.split("\n") if ln not in lines)


def _year(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 1800 <= value <= 2999 else None
    m = _YEAR.match(str(value)) if isinstance(value, str) else None
    return int(m.group(1)) if m else None


def filter_key(value: str | None) -> str | None:
    """How unit and field are compared: folded, spaces collapsed ("Trường THPT  Đông" =
    "truong thpt dong")."""
    key = " ".join(fold(value).split())[:KEY_CHARS] if value else ""
    return key or None


# ---------------------------------------------------------------------------- writing


def put(s: Session, entries: Sequence[Entry]) -> None:
    """Index ``entries``, replacing whatever the index held for those dossiers."""
    if not entries:
        return
    remove(s, [e.dossier_id for e in entries])
    now = utcnow()
    s.execute(insert(SearchText.__table__), [
        {"dossier_id": e.dossier_id, "pages": [[p.file, p.position, p.page, p.text] for p in e.pages]}
        for e in entries])
    rows = [_row(e, now) for e in entries]
    if _dialect(s) == "postgresql":
        s.execute(_PG_INSERT, [{**r, **_pg_texts(e)} for r, e in zip(rows, entries)])
        return
    s.execute(insert(E), rows)
    s.execute(insert(_FTS), [{"rowid": e.dossier_id, "title": index_text(e.titles),
                              "record": index_text(e.record), "body": index_text(e.body)}
                             for e in entries])


def remove(s: Session, dossier_ids: Sequence[int]) -> None:
    """Take dossiers out of the index (on SQLite a trigger removes their FTS rows)."""
    s.execute(delete(SearchText.__table__).where(SearchText.dossier_id.in_(dossier_ids)))
    s.execute(delete(E).where(E.c.dossier_id.in_(dossier_ids)))


def _row(e: Entry, now) -> dict[str, Any]:
    return {"dossier_id": e.dossier_id, "title": e.title, "year": e.year, "unit": e.unit,
            "field": e.field, "unit_key": filter_key(e.unit), "field_key": filter_key(e.field),
            "round": e.round, "prior": e.prior, "indexed_at": now}


_HEAD = "setweight(to_tsvector('simple', :t), 'A') || setweight(to_tsvector('simple', :r), 'B')"
_PG_INSERT = text(
    "INSERT INTO search_entries (dossier_id, title, year, unit, field, unit_key, field_key, round, "
    "prior, indexed_at, head, tsv) VALUES (:dossier_id, :title, :year, :unit, :field, :unit_key, "
    f":field_key, :round, :prior, :indexed_at, {_HEAD}, {_HEAD} || to_tsvector('simple', :b))")


def _pg_texts(e: Entry) -> dict[str, str]:
    return {"t": index_text(e.titles), "r": index_text(e.record),
            "b": _fits_tsvector(index_text(e.body))}


def _fits_tsvector(folded: str) -> str:
    """The longest head of ``folded`` whose tsvector stays under ``PG_VECTOR_BYTES`` (each new
    lexeme: its bytes and an entry; each position kept, up to 256 a lexeme: 2 bytes)."""
    size = 0
    seen: dict[str, int] = {}
    pos = 0
    for m in re.finditer(r"\S+", folded):
        n = seen.get(m.group(), 0)
        size += (len(m.group().encode()) + 8 if n == 0 else 0) + (2 if n < 256 else 0)
        seen[m.group()] = n + 1
        if size > PG_VECTOR_BYTES:
            return folded[:pos]
        pos = m.end()
    return folded


def _dialect(s: Session) -> str:
    return s.get_bind().dialect.name


# ---------------------------------------------------------------------------- searching


@dataclass(frozen=True)
class Filters:
    year: int | None = None
    field: str | None = None  # compared folded (``filter_key``)
    unit: str | None = None  # compared folded
    round: str | None = None
    status: str | None = None  # processing status (``Dossier.status``)
    decision: str | None = None  # accept | supplement | reject
    prior: bool | None = None  # True: the archive; False: submissions


@dataclass(frozen=True)
class Hit:
    id: int
    title: str | None
    year: int | None
    unit: str | None
    field: str | None
    round: str | None
    status: str
    decision: str | None
    prior: bool
    snippets: tuple[Snippet, ...] = ()


@dataclass(frozen=True)
class Results:
    total: int  # at least this many when ``total_capped``
    total_capped: bool
    hits: tuple[Hit, ...]
    query: Query = field(default_factory=Query)


def search(s: Session, text_query: str | None, filters: Filters | None = None, *,
           allowed: Select | None = None, reviewer_id: int | None = None,
           limit: int = 20, offset: int = 0) -> Results:
    """Dossiers matching ``text_query`` and ``filters``, best first (no words: newest first).

    ``allowed``: a select of the dossier ids the reader may see; ``reviewer_id``: a reviewer,
    who sees the archive and the dossiers assigned to them (``api.access``). Any string is a
    valid query; ``limit`` and ``offset`` page through the ranked list."""
    query = parse(text_query)
    conds = conditions(filters or Filters(), allowed, reviewer_id)
    if query.empty:
        ids, total, capped = _listed(s, conds, limit, offset)
    elif _dialect(s) == "postgresql":
        with _planned(s):
            ids, total, capped = _pg_matches(s, query, conds, limit, offset)
    else:
        ids, total, capped = _sqlite_matches(s, query, conds, limit, offset)
    return Results(total, capped, _hits(s, ids, query), query)


def conditions(f: Filters, allowed: Select | None, reviewer_id: int | None) -> list[ColumnElement]:
    """Filters and access as conditions on ``search_entries``."""
    c = E.c
    out: list[ColumnElement] = []
    if f.year is not None:
        out.append(c.year == f.year)
    for col, value in ((c.field_key, f.field), (c.unit_key, f.unit)):
        if value is not None:
            out.append(col == filter_key(value))
    if f.round is not None:
        out.append(c.round == f.round)
    if f.prior is not None:
        out.append(c.prior.is_(f.prior))
    for col, value in ((Dossier.status, f.status), (Dossier.decision, f.decision)):
        if value is not None:
            out.append(c.dossier_id.in_(select(Dossier.id).where(col == value)))
    if allowed is not None:
        out.append(c.dossier_id.in_(allowed))
    if reviewer_id is not None:
        mine = select(Assignment.dossier_id).where(Assignment.reviewer_id == reviewer_id)
        out.append(or_(c.prior.is_(True), c.dossier_id.in_(mine)))
    return out


def _capped_count(s: Session, q: Select) -> tuple[int, bool]:
    n = s.scalar(select(func.count()).select_from(q.limit(COUNT_CAP + 1).subquery())) or 0
    return min(n, COUNT_CAP), n > COUNT_CAP


def _listed(s: Session, conds: list[ColumnElement], limit: int,
            offset: int) -> tuple[list[int], int, bool]:
    q = select(E.c.dossier_id).where(*conds)
    total, capped = _capped_count(s, q)
    ids = list(s.scalars(q.order_by(E.c.dossier_id.desc()).limit(limit).offset(offset)))
    return ids, total, capped


# SQLite: the FTS table drives the join (the "+" keeps SQLite from looking the FTS table up by
# rowid once per entry, which would run the whole MATCH each time)
_FTS_ROWID = literal_column("search_fts.rowid")
_JOINED = _FTS.join(E, E.c.dossier_id == literal_column("+search_fts.rowid"))


def _fts_match(expr: str, name: str) -> ColumnElement:
    return literal_column("search_fts").op("MATCH", is_comparison=True)(bindparam(name, expr))


def _sqlite_matches(s: Session, query: Query, conds: list[ColumnElement], limit: int,
                    offset: int) -> tuple[list[int], int, bool]:
    base = select(E.c.dossier_id).select_from(_JOINED).where(_fts_match(query.fts5(), "q"), *conds)
    total, capped = _capped_count(s, base)
    head = (text("SELECT rowid FROM search_fts WHERE search_fts MATCH :head")
            .bindparams(head="{title record} : (" + query.fts5() + ")").columns(column("rowid")))
    order: list[Any] = [_FTS_ROWID.in_(head).desc()]
    if not capped:
        order.append(func.bm25(literal_column("search_fts"), *BM25))
    ids = list(s.scalars(base.order_by(*order, E.c.dossier_id.desc()).limit(limit).offset(offset)))
    return ids, total, capped


_TSV = literal_column("search_entries.tsv")
_HEAD_TSV = literal_column("search_entries.head")


def _tsquery(q: str, name: str) -> ColumnElement:
    return func.to_tsquery("simple", bindparam(name, q))


def _pg_matches(s: Session, query: Query, conds: list[ColumnElement], limit: int,
                offset: int) -> tuple[list[int], int, bool]:
    """Words: the matches, each with whether its title or record holds the query, are worked
    out once (a filter's index may drive the plan, reading each row's tsvector: once is enough)
    and give both the count and the page."""
    if query.phrases:
        return _pg_phrases(s, query, conds, limit, offset)
    q = _tsquery(query.tsquery(), "q")
    found = (select(E.c.dossier_id, _HEAD_TSV.op("@@", is_comparison=True)(q).label("head"))
             .where(_TSV.op("@@", is_comparison=True)(q), *conds)
             .cte("found").prefix_with("MATERIALIZED"))
    counted = select(func.count()).select_from(
        select(found.c.dossier_id).limit(COUNT_CAP + 1).subquery()).scalar_subquery()
    rows = s.execute(select(found.c.dossier_id, counted)
                     .order_by(found.c.head.desc(), found.c.dossier_id.desc())
                     .limit(limit).offset(offset)).all()
    n = rows[0][1] if rows else s.scalar(select(counted))
    return [r[0] for r in rows], min(n, COUNT_CAP), n > COUNT_CAP


def _pg_phrases(s: Session, query: Query, conds: list[ColumnElement], limit: int,
                offset: int) -> tuple[list[int], int, bool]:
    """A phrase needs each candidate's tsvector read again (GIN keeps no positions): it is
    checked among the newest ``PHRASE_SCAN`` dossiers holding all its words. Those come from the
    index without a recheck and are then looked up by key, in one statement. (Left to itself,
    the planner walks the primary key and reads the tsvector of every dossier it passes.)"""
    words = (select(E.c.dossier_id).where(
        _TSV.op("@@", is_comparison=True)(_tsquery(query.tsquery(phrases=False), "w")), *conds)
        .cte("words").prefix_with("MATERIALIZED"))
    counted = select(func.count()).select_from(
        select(words.c.dossier_id).limit(PHRASE_SCAN + 1).subquery()).scalar_subquery()
    newest = func.array(select(words.c.dossier_id).order_by(words.c.dossier_id.desc())
                        .limit(PHRASE_SCAN).scalar_subquery())
    q = _tsquery(query.tsquery(), "q")
    rows = s.execute(select(E.c.dossier_id, _HEAD_TSV.op("@@", is_comparison=True)(q), counted)
                     .where(E.c.dossier_id == any_(newest), _TSV.op("@@", is_comparison=True)(q))
                     ).all()
    scanned = rows[0][2] if rows else s.scalar(select(counted))
    ranked = [r[0] for r in sorted(rows, key=lambda r: (not r[1], -r[0]))]
    capped = scanned > PHRASE_SCAN or len(ranked) > COUNT_CAP
    return ranked[offset:offset + limit], min(len(ranked), COUNT_CAP), capped


@contextmanager
def _planned(s: Session) -> Iterator[None]:
    """Settings for the search's own statements, put back afterwards. PostgreSQL's planner
    prices a sequential scan of a common word below the index: it does not count reading every
    row's tsvector out of TOAST (a second instead of 40 ms at 100k dossiers), so sequential
    scans are off. And each statement is planned for its words: psycopg prepares a statement
    run five times, and a generic plan, blind to how common the words are, is as slow."""
    before = s.execute(text("SELECT current_setting('enable_seqscan'), "
                            "current_setting('plan_cache_mode')")).one()
    s.execute(text("SELECT set_config('enable_seqscan', 'off', true), "
                   "set_config('plan_cache_mode', 'force_custom_plan', true)"))
    yield
    s.execute(text("SELECT set_config('enable_seqscan', :a, true), "
                   "set_config('plan_cache_mode', :b, true)"), {"a": before[0], "b": before[1]})


def _hits(s: Session, ids: list[int], query: Query) -> tuple[Hit, ...]:
    if not ids:
        return ()
    c = E.c
    rows = {r.dossier_id: r for r in s.execute(
        select(c.dossier_id, c.title, c.year, c.unit, c.field, c.round, c.prior, Dossier.status,
               Dossier.decision).join(Dossier, Dossier.id == c.dossier_id).where(c.dossier_id.in_(ids)))}
    texts: dict[int, list] = {}
    if not query.empty:
        texts = {i: pages for i, pages in s.execute(
            select(SearchText.dossier_id, SearchText.pages).where(SearchText.dossier_id.in_(ids)))}
    return tuple(
        Hit(i, r.title, r.year, r.unit, r.field, r.round, r.status, r.decision, bool(r.prior),
            snippets([PageText(*p) for p in texts.get(i, [])], query))
        for i in ids if (r := rows.get(i)) is not None)


def unindexed(s: Session) -> list[int]:
    """Understood dossiers without an index entry (a database from before the index)."""
    return list(s.scalars(select(Dossier.id).where(
        Dossier.understanding.is_not(None), Dossier.status.in_(INDEXED),
        Dossier.id.not_in(select(SearchEntry.dossier_id))).order_by(Dossier.id)))

