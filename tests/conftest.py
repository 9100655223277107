"""Database fixtures: every storage test runs on SQLite and on the real PostgreSQL.

The PostgreSQL URL comes from ``INTAKE_TEST_POSTGRES_URL``. ``.ci/run`` sets it and fails
when the server cannot be reached; on a laptop without it the PostgreSQL cases skip with
a reason that says so. Each PostgreSQL test gets a schema of its own.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import create_engine

from bot.store.database import Database
from bot.store.db import make_engine
from bot.store.keys import ServerKeys
from bot.store.migrate import upgrade
from tests.support.engine import FIXED_NOW

POSTGRES_URL = os.environ.get("INTAKE_TEST_POSTGRES_URL")

# Loading the NER models takes seconds per process, and the suite starts many bot
# processes (they inherit this environment) and in-process CLI runs: none of them pays
# for it unless a test turns it on (INTAKE_NER=on, e.g. tests/telegram/test_bot_ner.py).
os.environ["INTAKE_NER"] = "off"
BACKENDS = ["sqlite", "postgresql"]


#: Data keys every test process shares (worker processes read what the test wrote).
TEST_KEY_DIR = Path(tempfile.gettempdir()) / "intake-bot-test-keys"


def test_keys() -> ServerKeys:
    return ServerKeys.from_secret(b"k" * 48, TEST_KEY_DIR)


def database_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """A migrated, empty database of ``backend``; dropped afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'intake.sqlite3'}"
        return
    if not POSTGRES_URL:
        if os.environ.get("CI"):
            pytest.fail("INTAKE_TEST_POSTGRES_URL is not set: .ci/run must set it")
        pytest.skip("PostgreSQL tests need INTAKE_TEST_POSTGRES_URL (see README)")
    schema = f"t_{secrets.token_hex(6)}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in POSTGRES_URL else "?"
    try:
        yield f"{POSTGRES_URL}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from database_url(request.param, tmp_path)


@pytest.fixture
def migrated_url(db_url: str) -> str:
    """A database URL with the schema in place, for tests that connect from several processes."""
    engine = make_engine(db_url)
    upgrade(engine)
    engine.dispose()
    return db_url


def migrated_database(url: str) -> Iterator[Database]:
    """A ``Database`` on ``url`` with the schema in place, a fixed clock and test keys."""
    engine = make_engine(url)
    upgrade(engine)
    database = Database(engine, test_keys(), now=lambda: FIXED_NOW)
    yield database
    database.dispose()


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    yield from migrated_database(db_url)


@pytest.fixture
def pg_db(tmp_path: Path) -> Iterator[Database]:
    """PostgreSQL only, for what only PostgreSQL does."""
    for url in database_url("postgresql", tmp_path):
        yield from migrated_database(url)


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    yield from migrated_database(f"sqlite:///{tmp_path / 'intake.sqlite3'}")
