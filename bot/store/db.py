"""Connecting to the database: SQLite by default, PostgreSQL in production.

The store uses SQLAlchemy's synchronous API. Transactions are short (one supporter input,
one staff action); the Telegram adapter runs them in a worker thread, so the event loop
never waits on the database, and the terminal chat, the CLI and the bot share one code
path.

SQLite needs care to be correct (PLATFORM.md 5.2): Python's driver does not begin
transactions before reads, so we take over: ``BEGIN IMMEDIATE`` takes the write lock up
front (no lost updates, no upgrade deadlocks), WAL lets readers run beside the writer,
and ``secure_delete`` overwrites deleted content so erasing really erases.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from bot.errors import ConfigError

SQLITE_FILE = "intake.sqlite3"


def default_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / SQLITE_FILE}"


def make_engine(url: str) -> Engine:
    """An engine for ``url`` (``sqlite:///...`` or ``postgresql+psycopg://...``)."""
    try:
        parsed = make_url(url)
    except Exception as exc:  # SQLAlchemy raises ArgumentError and ValueError subclasses
        raise ConfigError(
            f"INTAKE_DATABASE_URL is not a database URL ({type(exc).__name__})"
        ) from None
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise ConfigError(
            f"INTAKE_DATABASE_URL: unsupported database {backend!r} (use sqlite or postgresql)"
        )
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    try:
        if backend == "sqlite":
            return _sqlite_engine(parsed)
        return create_engine(parsed, pool_pre_ping=True)
    except (NoSuchModuleError, ArgumentError) as exc:
        # An unknown driver (`postgresql+nodriver://`) or a bad query option: name the
        # setting, never its value (it may hold a password).
        raise ConfigError(
            f"INTAKE_DATABASE_URL: unusable database driver or option ({type(exc).__name__});"
            " use sqlite:///PATH or postgresql+psycopg://..."
        ) from None


def _sqlite_engine(url: URL) -> Engine:
    database = url.database
    if database and database != ":memory:":
        path = Path(database)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not path.exists():
            # Create the file ourselves so it is private from its first byte.
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    engine = create_engine(url, connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def checkpoint(engine: Engine) -> bool:
    """Fold the WAL into the database file and empty it (SQLite), so erased data leaves it.

    Runs on the driver's own connection: a checkpoint inside a transaction (which our
    ``begin`` hook would open) is refused. Returns ``False`` if readers kept it from
    completing; the next checkpoint catches up.
    """
    if engine.dialect.name != "sqlite":
        return True
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        row = cursor.fetchone()
        cursor.close()
        return row is not None and row[0] == 0
    finally:
        raw.close()
