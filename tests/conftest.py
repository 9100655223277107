"""Database fixtures: every storage test runs on SQLite and on the real PostgreSQL.

The PostgreSQL URL comes from ``INTAKE_TEST_POSTGRES_URL``; when that is unset, the local
server of the developers' machines (``postgres@127.0.0.1:5432/test``) is used if it answers
within a second. ``.ci/run`` sets the URL and fails when the server cannot be reached; on a
laptop without a server the PostgreSQL cases skip, and the run's header and summary say so.
Each PostgreSQL test gets a schema of its own.
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
from sqlalchemy.exc import OperationalError

from bot.store.database import Database
from bot.store.db import make_engine
from bot.store.keys import ServerKeys
from bot.store.migrate import upgrade
from tests.support.engine import FIXED_NOW

LOCAL_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _find_postgres() -> tuple[str | None, str]:
    """The server for the PostgreSQL tests, and a line saying where it came from."""
    configured = os.environ.get("INTAKE_TEST_POSTGRES_URL")
    if configured:
        return configured, "PostgreSQL tests: INTAKE_TEST_POSTGRES_URL"
    probe = create_engine(LOCAL_POSTGRES_URL, connect_args={"connect_timeout": 1})
    try:
        with probe.connect():
            pass
    except OperationalError:
        return None, (
            f"PostgreSQL tests: SKIPPED, no server answered at {LOCAL_POSTGRES_URL} "
            "and INTAKE_TEST_POSTGRES_URL is unset (see README)"
        )
    finally:
        probe.dispose()
    # The bot processes and CLI runs the tests start inherit the environment.
    os.environ["INTAKE_TEST_POSTGRES_URL"] = LOCAL_POSTGRES_URL
    return LOCAL_POSTGRES_URL, f"PostgreSQL tests: the local server at {LOCAL_POSTGRES_URL}"


POSTGRES_URL, POSTGRES_SOURCE = _find_postgres()


def pytest_report_header() -> str:
    return POSTGRES_SOURCE


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if POSTGRES_URL is None:
        terminalreporter.write_line(POSTGRES_SOURCE, yellow=True, bold=True)


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
        pytest.skip(POSTGRES_SOURCE)
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
