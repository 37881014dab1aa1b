import pytest
from sqlalchemy import inspect, select

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

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
