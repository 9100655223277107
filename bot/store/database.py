"""The database handle the repositories share: engine, keys, clock, transactions."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import sessionmaker

from bot.store.db import checkpoint
from bot.store.keys import ServerKeys
from bot.store.sealing import Sealer


def _utcnow() -> datetime:
    return datetime.now(UTC)


class Database:
    """Built once in the entry point and passed down."""

    def __init__(
        self,
        engine: Engine,
        keys: ServerKeys,
        now: Callable[[], datetime] = _utcnow,
        sealer: Sealer | None = None,
    ) -> None:
        self.engine = engine
        self.keys = keys
        self.now = now
        #: Seals case bodies to the organisation's public keys; ``None``: not sealed.
        self.sealer = sealer
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[DbSession]:
        """One short transaction: committed on success, rolled back on any exception."""
        with self._sessions.begin() as tx:
            yield tx

    @contextmanager
    def within(self, tx: DbSession | None) -> Iterator[DbSession]:
        """``tx`` if the caller is already inside a transaction, else a new one.

        On SQLite a second transaction opened while one holds the write lock waits for
        itself forever, so lookups made during an input must join its transaction.
        """
        if tx is not None:
            yield tx
        else:
            with self.transaction() as new:
                yield new

    def ping(self) -> None:
        """Raise unless the database answers a trivial query (health checks)."""
        with self.engine.connect() as connection:
            connection.execute(text("SELECT 1"))

    def checkpoint(self) -> bool:
        """After erasing on SQLite: move the WAL into the file and empty it."""
        return checkpoint(self.engine)

    def dispose(self) -> None:
        self.engine.dispose()
