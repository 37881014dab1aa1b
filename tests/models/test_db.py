import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, select

from models.db import Database
from models.tables import Base, Batch, Blob, Dossier

TABLES = {"batches", "blobs", "uploads", "dossiers", "documents", "pages", "problems",
          "alembic_version"}


def _exercise(db: Database) -> None:
    db.migrate()
    db.migrate()  # idempotent
    assert set(inspect(db.engine).get_table_names()) >= TABLES
    with db.engine.connect() as conn:  # the migrations build exactly what the tables declare
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
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
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
