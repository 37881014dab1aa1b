"""Full-text search (``models.fulltext``): query latency, build time and size at 10k and 100k
archived dossiers, on SQLite (FTS5) and PostgreSQL (tsvector + GIN) when one is reachable.

    python -m bench.search [--sizes 10000 100000] [--seed 5] [--repeat 5] [--backends sqlite postgresql]
                           [--verbose] [--reuse]

**Dossiers.** ``bench/dupcorpus.py`` writes each one (national header, request form with
authors and unit, a title from the councils' formulas, quoted laws, 6–9 sections of prose from
its grammar; 14 topics in six sectors, years 2015–2025), about 500 body words. Its vocabulary
is small (about 1 300 distinct folded words), which real archives are not, so each dossier also
gets an appendix line: 12 words drawn (Zipf, s = 1.1) from 200 000 generated technical terms,
and a record number of its own. About 4 800 characters (6.3 kB UTF-8) of page text per
dossier, on 3–4 pages. The last 5 % are submissions of round 2026-1 (a quarter accepted, a
quarter rejected); a reviewer is assigned 40 of them. Generated data and the built databases
are kept in ``var/bench/search`` (``--reuse`` queries them again without building).

**Building** is the fast path: dossier rows and ``models.fulltext.put`` in batches of 2 000,
as the service writes one entry (folding in Python, tsvectors computed by PostgreSQL); on
PostgreSQL the GIN index is dropped for the load and built afterwards, then the tables are
vacuumed and analysed (as autovacuum would) and a checkpoint writes the load out. No OCR, no
understanding, no confidential-line work. Size is the whole database (SQLite file;
PostgreSQL's tables in the schema, with TOAST and indexes), and the index's own part (FTS5's
tables; the tsvector columns and the GIN index).

**Queries** (``QUERIES``, 40): words in every dossier, with and without diacritics; common
phrases and one rare phrase of common words; 2–4 word queries; rare words at several
frequencies; prefixes; filters alone and with words; a reviewer's restriction; a deep page.
Each runs ``--repeat`` times in its own session after one warm-up; its time is the median, and
the table gives the median, 95th percentile and maximum over the 40 queries.
"""

from __future__ import annotations

import argparse
import os
import pickle
import platform
import random
import statistics
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import insert, text

from bench.dupcorpus import TOPICS, Generator
from bench.machine import cpu_model
from models import fulltext
from models.db import Database
from models.fulltext import Entry, Filters
from models.tables import Assignment, Batch, Dossier, User
from models.textquery import PageText

CACHE = Path("var/bench/search")
PG_URL = "postgresql://postgres@127.0.0.1:5432/test"
TERMS = 200_000
ZIPF = 1.1
SUBMISSIONS = 0.05
BATCH = 2_000
GIN = "CREATE INDEX ix_search_entries_tsv ON search_entries USING gin (tsv)"  # as migration 0007
REVIEWER = 1


# ---------------------------------------------------------------------------- corpus


_SYLLABLES = [a + b for a in ("b", "c", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
                              "tr", "kh", "ph")
              for b in ("a", "e", "i", "o", "u", "an", "en", "in", "on", "ar", "or", "ex", "ix")]


def terms(seed: int) -> list[str]:
    """200 000 distinct made-up technical terms ("tralomin"), rank 0 the most frequent."""
    rng = random.Random(seed)
    out: dict[str, None] = {}
    while len(out) < TERMS:
        out["".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(3, 4)))] = None
    return list(out)


def zipf_picker(seed: int):
    weights = [1 / (r + 1) ** ZIPF for r in range(TERMS)]
    cum: list[float] = []
    total = 0.0
    for w in weights:
        total += w
        cum.append(total)
    rng = random.Random(seed)
    return lambda k: rng.choices(range(TERMS), cum_weights=cum, k=k)


def corpus(n: int, seed: int) -> list[Entry]:
    """``n`` archived dossiers as index entries (cached)."""
    path = CACHE / f"corpus-s{seed}-n{n}.pickle"
    if path.exists():
        with path.open("rb") as f:
            return pickle.load(f)
    gen, words, pick = Generator(seed), terms(seed), zipf_picker(seed + 1)
    entries = []
    first_submission = int(n * (1 - SUBMISSIONS)) + 1
    for i in range(1, n + 1):
        d = gen.dossier(f"hs{i}", words=500)
        topic = TOPICS[d.topic]
        pages = d.pages()
        pages[-1] += (f"\nPhụ lục: {' '.join(words[k] for k in pick(12))}; "
                      f"số hồ sơ lưu trữ HS{d.year}-{i:06d}.")
        prior = i < first_submission
        entries.append(Entry(
            i, d.title, d.year, d.unit, topic.field, None if prior else "2026-1", prior, d.title,
            "\n".join([*d.authors, d.unit, topic.field, str(d.year), f"kho/{d.year}/hs{i}"]),
            tuple(PageText("ban-mo-ta.docx", 0, k, t) for k, t in enumerate(pages, 1))))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        pickle.dump(entries, f, protocol=pickle.HIGHEST_PROTOCOL)
    return entries


def decision_of(e: Entry) -> str | None:
    return None if e.prior else ("accept", "reject", None, None)[e.dossier_id % 4]


# ---------------------------------------------------------------------------- building


@dataclass
class Built:
    backend: str
    n: int
    db: Database
    seconds: float
    total_mb: float
    index_mb: float


def build(backend: str, entries: list[Entry], seed: int, *, reuse: bool = False) -> Built:
    """The index of ``entries`` on ``backend`` (``reuse``: the one a previous run built, when
    it holds as many dossiers; its build time is then not measured)."""
    n = len(entries)
    path = CACHE / f"search-s{seed}-n{n}.sqlite"
    schema = f"bench_search_s{seed}_n{n}"
    url = f"sqlite:///{path}" if backend == "sqlite" else f"{PG_URL}?options=-csearch_path%3D{schema}"
    if reuse and _holds(url, n):
        db = Database(url)
        return Built(backend, n, db, float("nan"), *_sizes(db))
    if backend == "sqlite":
        for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            p.unlink(missing_ok=True)
    else:
        with Database(PG_URL).engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    db = Database(url)
    db.migrate()
    t0 = time.perf_counter()
    _rows(db, entries)
    if backend == "postgresql":  # a bulk load: the GIN index is built once, afterwards
        with db.engine.begin() as conn:
            conn.execute(text("DROP INDEX ix_search_entries_tsv"))
    for start in range(0, n, BATCH):
        with db.session() as s:
            fulltext.put(s, entries[start:start + BATCH])
    if backend == "postgresql":
        with db.engine.begin() as conn:
            conn.execute(text("SET LOCAL maintenance_work_mem = '256MB'"))
            conn.execute(text(GIN))
    seconds = time.perf_counter() - t0
    if backend == "postgresql":  # as autovacuum would have it: statistics, visibility, no
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            for name in ("search_entries", "search_texts", "dossiers", "assignments", "users"):
                conn.execute(text(f"VACUUM ANALYZE {name}"))
            conn.execute(text("CHECKPOINT"))  # dirty pages of the load still being written
    total, index = _sizes(db)
    return Built(backend, n, db, seconds, total, index)


def _holds(url: str, n: int) -> bool:
    try:
        with Database(url).engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM search_entries")).scalar() == n
    except Exception:  # no such database, schema or table: build it
        return False


def _rows(db: Database, entries: list[Entry]) -> None:
    """The dossier rows the entries belong to, and a reviewer with 40 submissions."""
    with db.session() as s:
        s.add(Batch(id=1, prior=True))
        s.add(User(id=REVIEWER, login="tv", role="reviewer", password_hash="x"))
        s.flush()
        for start in range(0, len(entries), 10_000):
            s.execute(insert(Dossier), [
                {"id": e.dossier_id, "batch_id": 1, "source": f"kho/hs{e.dossier_id}",
                 "fingerprint": f"{e.dossier_id:064d}", "status": "done", "prior": e.prior,
                 "round": e.round, "decision": decision_of(e)}
                for e in entries[start:start + 10_000]])
        mine = [e.dossier_id for e in entries if not e.prior][::3][:40]
        s.execute(insert(Assignment), [{"dossier_id": d, "reviewer_id": REVIEWER} for d in mine])


def _sizes(db: Database) -> tuple[float, float]:
    """The database's size and the full-text index's part (FTS5 tables; tsvectors + GIN)."""
    with db.engine.connect() as conn:
        if db.engine.dialect.name == "sqlite":
            total = conn.execute(text("SELECT page_count * page_size FROM pragma_page_count(), "
                                      "pragma_page_size()")).scalar()
            index = conn.execute(text("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_fts%'"
                                      )).scalar()
        else:
            total = conn.execute(text(
                "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n "
                "ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'"
            )).scalar()
            index = conn.execute(text(
                "SELECT pg_relation_size('ix_search_entries_tsv') + sum(pg_column_size(tsv)) "
                "+ sum(pg_column_size(head)) FROM search_entries")).scalar()
    return float(total or 0) / 1e6, float(index or 0) / 1e6


# ---------------------------------------------------------------------------- queries


def queries(seed: int, newest: Entry) -> list[tuple[str, str, Filters | None, dict[str, Any]]]:
    """(kind, query, filters, other arguments of ``search``): the same 40 on every backend."""
    w = terms(seed)
    record = f"HS{newest.year}-{newest.dossier_id:06d}"  # in one dossier only
    small, large = "Hợp tác xã nông nghiệp Hưng Phong", "Trung tâm Kiểm soát bệnh tật tỉnh"
    return [
        ("common word, all dossiers", "sáng kiến", None, {}),
        ("common word, folded", "sang kien", None, {}),
        ("common word, upper case", "SÁNG KIẾN", None, {}),
        ("common word", "giải pháp", None, {}),
        ("common word", "hiệu quả", None, {}),
        ("common word", "học sinh", None, {}),
        ("2 words", "nâng cao chất lượng", None, {}),
        ("2 words, folded", "dieu duong benh nhan", None, {}),
        ("3 words", "phòng chống dịch trẻ", None, {}),
        ("3 words", "thuế doanh nghiệp kê khai", None, {}),
        ("4 words", "giáo viên chủ nhiệm lớp học sinh", None, {}),
        ("4 words, folded", "cong trinh thi cong an toan", None, {}),
        ("phrase, all dossiers", '"sáng kiến"', None, {}),
        ("phrase, common", '"nâng cao chất lượng"', None, {}),
        ("phrase, common", '"cộng hòa xã hội chủ nghĩa việt nam"', None, {}),
        ("phrase of common words, rare", '"kiến sáng"', None, {}),
        ("phrase of common words, rare", '"hiệu quả sáng kiến giải pháp"', None, {}),
        ("phrase + word", '"học sinh" geogebra', None, {}),
        ("rare word (rank 10)", w[10], None, {}),
        ("rare word (rank 1 000)", w[1_000], None, {}),
        ("rare word (rank 50 000)", w[50_000], None, {}),
        ("rare words, 2", f"{w[100]} {w[200]}", None, {}),
        ("one dossier", record, None, {}),
        ("no match", "xyzzyq", None, {}),
        ("topic word", "GeoGebra", None, {}),
        ("author name", "Trịnh Thị Mỹ", None, {}),
        ("prefix", "geogeb", None, {}),
        ("prefix, 2 letters", "sang ki", None, {}),
        ("prefix, folded", "nguy", None, {}),
        ("filter: year", "", Filters(year=2021), {}),
        ("filter: unit", "", Filters(unit=small), {}),
        ("filter: field", "", Filters(field="Y tế dự phòng"), {}),
        ("filters: submissions accepted", "", Filters(prior=False, decision="accept"), {}),
        ("word + year", "sáng kiến", Filters(year=2020), {}),
        ("word + field", "học sinh", Filters(field="Giáo dục mầm non"), {}),
        ("word + unit", "sang kien", Filters(unit=large), {}),
        ("word + round + status", "sáng kiến", Filters(round="2026-1", status="done"), {}),
        ("reviewer: archive + 40", "sáng kiến", None, {"reviewer_id": REVIEWER}),
        ("reviewer, phrase", '"nâng cao"', None, {"reviewer_id": REVIEWER}),
        ("deep page (offset 5 000)", "giải pháp", None, {"offset": 5_000}),
    ]


def run(built: Built, qs: list, repeat: int) -> list[tuple[str, str, int, bool, float]]:
    out = []
    for kind, q, filters, kw in qs:
        times = []
        for k in range(repeat + 1):
            with built.db.session() as s:
                t0 = time.perf_counter()
                r = fulltext.search(s, q, filters, limit=20, **kw)
                if k:  # the first run warms the caches
                    times.append((time.perf_counter() - t0) * 1000)
        out.append((kind, q, r.total, r.total_capped, statistics.median(times)))
    return out


def summary(rows: list) -> tuple[float, float, float]:
    ms = sorted(r[4] for r in rows)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return statistics.median(ms), p95, ms[-1]


# ---------------------------------------------------------------------------- main


def _pg_reachable() -> bool:
    from tests.conftest import _reachable

    return _reachable("127.0.0.1", 5432)


def machine() -> str:
    cpu = cpu_model()
    return f"{os.cpu_count()} cores, {cpu}, {platform.system()}, Python {platform.python_version()}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--backends", nargs="+", default=["sqlite", "postgresql"])
    ap.add_argument("--verbose", action="store_true", help="every query's time and matches")
    ap.add_argument("--reuse", action="store_true", help="query the indexes a previous run built")
    args = ap.parse_args()
    backends = [b for b in args.backends if b != "postgresql" or _pg_reachable()]
    if len(backends) < len(args.backends):
        print("PostgreSQL is not reachable on 127.0.0.1:5432: SQLite only")
    print(f"{date.today()}  {machine()}")
    results = []
    for n in args.sizes:
        t0 = time.perf_counter()
        entries = corpus(n, args.seed)
        chars = statistics.mean(len(e.body) for e in entries[:2000])
        size = statistics.mean(len(e.body.encode()) for e in entries[:2000])
        print(f"\n{n} dossiers ({time.perf_counter() - t0:.0f} s to generate or load): "
              f"{chars:,.0f} characters ({size / 1000:.1f} kB) of page text each")
        for backend in backends:
            built = build(backend, entries, args.seed, reuse=args.reuse)
            rows = run(built, queries(args.seed, entries[-1]), args.repeat)
            results.append((built, rows))
            _print_rows(built, rows, args.verbose)
    print("\n| backend | dossiers | build s | database MB | index MB | median ms | p95 ms | max ms |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for built, rows in results:
        med, p95, mx = summary(rows)
        print(f"| {built.backend} | {built.n:,} | {built.seconds:.0f} | {built.total_mb:,.0f} | "
              f"{built.index_mb:,.0f} | {med:.1f} | {p95:.1f} | {mx:.1f} |")


def _print_rows(built: Built, rows: list, verbose: bool) -> None:
    med, p95, mx = summary(rows)
    print(f"{built.backend}, {built.n:,}: built in {built.seconds:.0f} s, {built.total_mb:,.0f} MB "
          f"(index {built.index_mb:,.0f} MB); median {med:.1f} ms, p95 {p95:.1f}, max {mx:.1f}")
    if verbose:
        print("| query | kind | matches | ms |")
        print("|---|---|---:|---:|")
        for kind, q, total, capped, ms in rows:
            shown = q if len(q) < 40 else q[:37] + "…"
            print(f"| `{shown}` | {kind} | {'>' if capped else ''}{total:,} | {ms:.1f} |")


if __name__ == "__main__":
    main()
