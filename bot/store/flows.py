"""Published flow versions: admins publish without restarting any bot process.

New sessions use the newest published version of a flow, looked up on every start, so
every replica picks it up at once; a session keeps the version it started on until it
ends. Compiled flows are cached per version: a version never changes once published.
Each publish and rollback is recorded in the audit log (who, flow, version).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal, Protocol

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as DbSession

from bot.engine.compiled import CompiledFlow, compile_flow
from bot.errors import ConfigError
from bot.flow.loader import Loaded, check_bytes
from bot.flow.problems import Problem
from bot.flow.roundtrip import roundtrip_yaml
from bot.store.database import Database
from bot.store.models import AuditEntry, FlowVersion

#: The audit log's actor for what the bot does by itself (publishing flows/ at start).
SYSTEM_ACTOR = "intake-bot"


class FlowSource(Protocol):
    """Where the engine's flows come from: published versions, or an admin's draft."""

    def latest(self, flow_id: str, tx: DbSession | None = None) -> CompiledFlow:
        """The flow a new session starts on."""
        ...

    def get(self, flow_id: str, version: int, tx: DbSession | None = None) -> CompiledFlow:
        """The flow a running session continues on."""
        ...


#: Why a publish or rollback was refused, besides problems in the file: the version is
#: not above the newest; the newest changed meanwhile (another admin, another replica);
#: there is nothing to roll back to.
Refusal = Literal["not-above", "moved-on", "no-earlier"]


@dataclass(frozen=True)
class Published:
    """The result of a publish: the stored version, or why it was refused."""

    flow_id: str | None
    version: int | None
    problems: tuple[Problem, ...] = ()
    #: The refusal in English (the CLI); ``why`` and ``newest`` say it for a catalog.
    refusal: str | None = None
    why: Refusal | None = None
    #: The newest published version when it was refused.
    newest: int | None = None
    #: A rollback: the version whose content was published again.
    copied: int | None = None

    @property
    def ok(self) -> bool:
        return self.version is not None


@dataclass(frozen=True)
class VersionLine:
    """One published version, without its file (for lists)."""

    flow_id: str
    version: int
    published_at: datetime
    published_by: str | None
    digest: str


class FlowRegistry:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._compiled: dict[tuple[str, int], CompiledFlow] = {}

    def publish(self, content: bytes, source: str, *, actor: str = SYSTEM_ACTOR) -> Published:
        """Check and store a flow; refuse any problem, or a version not above the last.

        A stored version is recorded in the audit log under ``actor``.
        """
        return self._store(content, source, actor, "publish", {})

    def _store(
        self, content: bytes, source: str, actor: str, action: str, detail: dict[str, int]
    ) -> Published:
        loaded = check_bytes(content, source)
        if loaded.flow is None:
            return Published(None, None, loaded.problems)
        try:
            return self._insert(loaded, content, actor, action, detail)
        except IntegrityError:  # the same version, stored by someone else meanwhile
            flow_id = loaded.flow.id
            return Published(
                flow_id, None, refusal=f"{flow_id} was published meanwhile", why="moved-on"
            )

    def _insert(
        self, loaded: Loaded, content: bytes, actor: str, action: str, detail: dict[str, int]
    ) -> Published:
        flow = loaded.flow
        assert flow is not None
        source = loaded.source
        with self.db.transaction() as tx:
            latest = tx.scalar(
                select(func.max(FlowVersion.version)).where(FlowVersion.flow_id == flow.id)
            )
            if latest is not None and flow.version <= latest:
                return Published(
                    flow.id,
                    None,
                    refusal=f"version {flow.version} is not above the published version"
                    f" {latest}: raise `version` in {source}",
                    why="not-above",
                    newest=latest,
                )
            tx.add(
                FlowVersion(
                    flow_id=flow.id,
                    version=flow.version,
                    source=content.decode("utf-8"),
                    digest=loaded.digest,
                    published_at=self.db.now(),
                    published_by=actor,
                )
            )
            tx.add(
                AuditEntry(
                    at=self.db.now(),
                    actor=actor,
                    action=action,
                    reference=None,
                    detail={"flow_id": flow.id, "version": flow.version, **detail},
                )
            )
        return Published(flow.id, flow.version)

    def listing(self) -> list[VersionLine]:
        """Every published version, oldest first per flow, without the files."""
        with self.db.transaction() as tx:
            rows = tx.execute(
                select(
                    FlowVersion.flow_id,
                    FlowVersion.version,
                    FlowVersion.published_at,
                    FlowVersion.published_by,
                    FlowVersion.digest,
                ).order_by(FlowVersion.flow_id, FlowVersion.version)
            )
            return [VersionLine(*row) for row in rows]

    def newest(self, flow_id: str) -> FlowVersion | None:
        """The newest published version's row (its file, who published it, when)."""
        with self.db.transaction() as tx:
            return tx.scalar(
                select(FlowVersion)
                .where(FlowVersion.flow_id == flow_id)
                .order_by(FlowVersion.version.desc())
                .limit(1)
            )

    def rollback(
        self, flow_id: str, *, actor: str = SYSTEM_ACTOR, newest: int | None = None
    ) -> Published:
        """Publish the previous version's content again, as a new, higher version.

        ``newest``: only if the newest version is still this one (a confirmation given
        on a phone must not roll back a version published since).
        """
        with self.db.transaction() as tx:
            rows = list(
                tx.scalars(
                    select(FlowVersion)
                    .where(FlowVersion.flow_id == flow_id)
                    .order_by(FlowVersion.version.desc())
                    .limit(2)
                )
            )
        if len(rows) < 2:
            return Published(
                flow_id, None, refusal=f"flow {flow_id!r} has no earlier version", why="no-earlier"
            )
        latest, previous = rows
        if newest is not None and latest.version != newest:
            return Published(
                flow_id,
                None,
                refusal=f"{flow_id} v{latest.version} was published since",
                why="moved-on",
                newest=latest.version,
            )
        source = with_version(previous.source, latest.version + 1)
        result = self._store(
            source.encode("utf-8"),
            f"{flow_id} v{previous.version} (rollback)",
            actor,
            "rollback",
            {"from_version": previous.version},
        )
        return replace(result, copied=previous.version)

    def latest(self, flow_id: str, tx: DbSession | None = None) -> CompiledFlow:
        """The newest published version (one indexed query; compiled once per version)."""
        with self.db.within(tx) as tx:
            version = tx.scalar(
                select(func.max(FlowVersion.version)).where(FlowVersion.flow_id == flow_id)
            )
            if version is None:
                raise ConfigError(
                    f"flow {flow_id!r} is not published: run `intake-bot flows publish`"
                )
            return self.get(flow_id, version, tx)

    def get(self, flow_id: str, version: int, tx: DbSession | None = None) -> CompiledFlow:
        key = (flow_id, version)
        compiled = self._compiled.get(key)
        if compiled is None:
            with self.db.within(tx) as tx:
                row = tx.scalar(
                    select(FlowVersion).where(
                        FlowVersion.flow_id == flow_id, FlowVersion.version == version
                    )
                )
            if row is None:
                raise ConfigError(f"flow {flow_id!r} version {version} is not published")
            loaded: Loaded = check_bytes(row.source.encode("utf-8"), f"{flow_id} v{version}")
            if loaded.flow is None:  # published flows passed this check; the code changed since
                raise ConfigError(
                    f"published flow {flow_id!r} v{version} no longer loads:\n"
                    + "\n".join(p.render() for p in loaded.problems)
                )
            compiled = compile_flow(loaded.flow, loaded.digest)
            self._compiled[key] = compiled
        return compiled

    def published_ids(self) -> set[str]:
        with self.db.transaction() as tx:
            return set(tx.scalars(select(FlowVersion.flow_id).distinct()))


def with_version(source: str, version: int) -> str:
    """The flow file ``source`` with its ``version`` set (comments and layout kept)."""
    yaml = roundtrip_yaml()
    data = yaml.load(source)
    data["version"] = version
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()
