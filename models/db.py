"""Database engine and sessions; migrations are applied with Alembic at start-up.

SQLite (the embedded default) is opened in WAL mode with a busy timeout so that the web
process and several worker processes can write to it at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 60})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA busy_timeout=60000")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return create_engine(url, pool_pre_ping=True)


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


MIGRATION_LOCK = 0x686F736F  # "hoso": the advisory lock key migrations take on PostgreSQL


def migrate(engine: Engine) -> None:
    """Bring the schema to the latest revision (idempotent). Every process does this at
    start; on PostgreSQL, processes starting at once (several workers) take turns under a
    transaction-level advisory lock, so the second finds the schema made, not half made.
    (SQLite is one machine's: the commands that start workers migrate before they do.)"""
    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


class Database:
    def __init__(self, url: str) -> None:
        if url.startswith("sqlite:///"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def migrate(self) -> None:
        migrate(self.engine)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits on success, rolls back on error."""
        with self._sessions() as s:
            try:
                yield s
                s.commit()
            except BaseException:
                s.rollback()
                raise


def insert_ignoring_duplicate(s: Session, table: type, **values) -> bool:
    """INSERT … ON CONFLICT DO NOTHING (SQLite and PostgreSQL): True when this call inserted
    the row, False when another transaction had (or just has) inserted it."""
    dialect = postgresql if s.get_bind().dialect.name == "postgresql" else sqlite
    result = s.execute(dialect.insert(table).values(**values).on_conflict_do_nothing())
    return result.rowcount == 1
