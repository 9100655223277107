"""Inputs handled per second through the whole path (dedupe, lock, advance, save), on
SQLite and PostgreSQL, against a bare insert-and-commit of a row of the same size.

The baseline is the least a durable store can do per input: one transaction writing one
row as large as the encrypted session. The ratio is the cost of dedupe, the row lock,
decryption, the engine and encryption on top.
"""

from __future__ import annotations

import json
import os
import secrets
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Column, Integer, LargeBinary, MetaData, Table, create_engine, insert

from bot.app import Intake
from bot.engine import inputs as i
from bot.i18n import Catalogs
from bot.store.database import Database
from bot.store.db import make_engine
from bot.store.flows import FlowRegistry
from bot.store.keys import ServerKeys
from bot.store.migrate import upgrade

ROOT = Path(__file__).resolve().parents[1]

INPUTS = 400
CHATS = 20
POSTGRES_URL = os.environ.get(
    "INTAKE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def _rate(fn: Callable[[int], object], n: int) -> float:
    start = time.perf_counter()
    for k in range(n):
        fn(k)
    return n / (time.perf_counter() - start)


def measure(url: str) -> tuple[float, float, int]:
    engine = make_engine(url)
    upgrade(engine)
    db = Database(engine, ServerKeys.from_secret(secrets.token_bytes(32)))
    registry = FlowRegistry(db)
    assert registry.publish((ROOT / "flows" / "intake.yaml").read_bytes(), "intake.yaml").ok
    service = Intake(db, registry, Catalogs.load(ROOT / "locales"), channel="bench")
    for chat in range(CHATS):  # every chat waits at the multi-choice question
        service.handle(chat, None, i.Start("ja"))
        for line in ["1", "1", "1", "5", "1"]:
            service.handle(chat, None, i.Text(line))
    tokens = {}
    for chat in range(CHATS):
        session = service.conversations.load(chat)
        assert session is not None
        tokens[chat] = session.token
    sample = service.conversations.load(0)
    assert sample is not None
    size = len(db.keys.seal(json.dumps(sample.to_json()).encode()))

    def one_input(k: int) -> None:
        chat = k % CHATS
        service.handle(chat, 10_000 + k, i.Toggle("illness", "threats", tokens[chat]))

    table = Table(
        "bench_rows",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("blob", LargeBinary),
    )
    table.create(engine, checkfirst=True)
    blob = os.urandom(size)

    def bare(_k: int) -> None:
        with engine.begin() as connection:
            connection.execute(insert(table).values(blob=blob))

    rates_path, rates_bare = [], []
    for _ in range(3):  # interleaved rounds, so both see the same machine load
        rates_path.append(_rate(one_input, INPUTS // 3))
        rates_bare.append(_rate(bare, INPUTS // 3))
    table.drop(engine)
    engine.dispose()
    return statistics.median(rates_path), statistics.median(rates_bare), size


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        results = {"SQLite (WAL, BEGIN IMMEDIATE)": measure(f"sqlite:///{Path(tmp) / 'b.db'}")}
    schema = f"bench_{secrets.token_hex(4)}"
    admin = create_engine(POSTGRES_URL)
    try:
        with admin.begin() as connection:
            connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
        separator = "&" if "?" in POSTGRES_URL else "?"
        results["PostgreSQL (row lock)"] = measure(
            f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}"
        )
    except Exception as exc:  # no server on this machine: say so, keep the SQLite figure
        print(f"PostgreSQL skipped: {type(exc).__name__}")
    finally:
        try:
            with admin.begin() as connection:
                connection.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        except Exception:  # best effort: the schema may not exist if creating it failed
            pass
        admin.dispose()
    print("storage: inputs through the whole path vs a bare insert-and-commit (median of 3):")
    for name, (path, bare, size) in results.items():
        print(
            f"  {name:30s} {path:8.0f} inputs/s   baseline {bare:8.0f} commits/s"
            f" ({size} B rows)   = {bare / path:.1f}x the baseline's time per input"
        )


if __name__ == "__main__":
    main()
