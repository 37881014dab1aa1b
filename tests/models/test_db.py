import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, select

from models.db import Database
from models.tables import Base, Batch, Blob, Dossier

TABLES = {"batches", "blobs", "uploads", "dossiers", "documents", "pages", "problems",
          "alembic_version"}


# The full-text index's objects that the metadata cannot declare (migration 0007): SQLite's
# FTS5 table and its shadow tables; PostgreSQL's tsvector columns and their GIN index.
FTS5 = {"search_fts", *(f"search_fts_{x}" for x in ("data", "idx", "content", "docsize", "config"))}
PG_ONLY = {("column", "head"), ("column", "tsv"), ("index", "ix_search_entries_tsv")}


def _declared(obj, name, type_, reflected, compare_to) -> bool:
    """compare_metadata's filter: everything but exactly the objects above."""
    if type_ == "table" and reflected and name in FTS5:
        return False
    on = getattr(getattr(obj, "table", None), "name", None)
    return not (reflected and compare_to is None and on == "search_entries" and (type_, name) in PG_ONLY)


def _compare(conn) -> list:
    return compare_metadata(MigrationContext.configure(conn, opts={"include_object": _declared}),
                            Base.metadata)


def _index_objects_exist(db: Database) -> None:
    """What the filter leaves out is there (so it hides nothing else)."""
    found = inspect(db.engine)
    if db.engine.dialect.name == "sqlite":
        assert FTS5 <= set(found.get_table_names())
    else:
        columns = {c["name"] for c in found.get_columns("search_entries")}
        indexes = {i["name"] for i in found.get_indexes("search_entries")}
        assert {n for t, n in PG_ONLY if t == "column"} <= columns
        assert {n for t, n in PG_ONLY if t == "index"} <= indexes


def _exercise(db: Database) -> None:
    db.migrate()
    db.migrate()  # idempotent
    assert set(inspect(db.engine).get_table_names()) >= TABLES
    with db.engine.connect() as conn:  # the migrations build exactly what the tables declare
        assert _compare(conn) == []
    _index_objects_exist(db)
    with db.session() as s:
        batch = Batch(round="2026-1")
        s.add(batch)
        s.add(Blob(sha256="a" * 64, size=5_000_000_000))  # sizes past 2 GiB fit
        s.flush()
        s.add(Dossier(batch_id=batch.id, source="hs/a", fingerprint="f" * 64, status="pending"))
    with db.session() as s:
        d = s.scalars(select(Dossier)).one()
        assert d.batch.round == "2026-1" and d.status == "pending"
        assert s.get(Blob, "a" * 64).size == 5_000_000_000


def test_migrations_on_sqlite(tmp_path) -> None:
    _exercise(Database(f"sqlite:///{tmp_path / 'x' / 'hoso.sqlite'}"))


@pytest.mark.services
def test_migrations_on_empty_postgresql(pg_url: str) -> None:
    _exercise(Database(pg_url))


MIGRATE = "import sys; from models.db import Database; Database(sys.argv[1]).migrate()"


@pytest.mark.services
def test_workers_starting_at_once_migrate_an_empty_postgresql_schema_once(pg_url: str) -> None:
    """Every hoso process migrates at start: three at once on an empty schema (workers on
    several machines) all start, and a later start leaves the data as it was."""
    import subprocess
    import sys
    from pathlib import Path

    from alembic.script import ScriptDirectory
    from sqlalchemy import text

    from models.db import alembic_config

    repo = Path(__file__).resolve().parents[2]
    starts = [subprocess.Popen([sys.executable, "-c", MIGRATE, pg_url], cwd=repo,
                               stderr=subprocess.PIPE, text=True) for _ in range(3)]
    for p in starts:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err[-2000:]
    db = Database(pg_url)
    with db.session() as s:
        s.add(Batch(round="2026-2"))
    again = subprocess.run([sys.executable, "-c", MIGRATE, pg_url], cwd=repo, capture_output=True,
                           text=True, timeout=120)
    assert again.returncode == 0, again.stderr[-2000:]
    head = ScriptDirectory.from_config(alembic_config(pg_url)).get_current_head()
    with db.session() as s:
        assert s.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [head]
        assert [b.round for b in s.scalars(select(Batch))] == ["2026-2"]
    with db.engine.connect() as conn:
        assert _compare(conn) == []
