"""Flow drafts: what an admin uploaded on Telegram, checked, waiting to be tried and published.

One draft per flow. An upload replaces it, publishing deletes it: the file is kept no
longer than it is needed (the published version lives in ``flow_versions``). Drafts pass
the same loader as every flow, so a stored draft always compiles.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session as DbSession

from bot.engine.compiled import CompiledFlow, compile_flow
from bot.errors import ConfigError
from bot.flow.loader import Loaded, check_bytes
from bot.store.audit import audit
from bot.store.database import Database
from bot.store.flows import FlowRegistry, Published
from bot.store.models import FlowDraft

#: Hex digits of a draft's digest that a confirmation button carries: it publishes that
#: file and no later upload (48 bits; the flow id is checked too).
DIGEST_SHOWN = 12


@dataclass(frozen=True)
class Draft:
    flow_id: str
    version: int
    source: str
    digest: str
    uploaded_by: str
    uploaded_at: datetime

    @property
    def content(self) -> bytes:
        return self.source.encode("utf-8")


class DraftRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def put(self, loaded: Loaded, content: bytes, *, actor: str) -> Draft:
        """Make a checked upload the flow's draft, replacing any earlier one."""
        flow = loaded.flow
        assert flow is not None, "only a flow that passed the checks"
        assert loaded.ok, "only a flow that passed the checks"
        now = self.db.now()
        with self.db.transaction() as tx:
            row = tx.get(FlowDraft, flow.id, with_for_update=True)
            if row is None:
                row = FlowDraft(flow_id=flow.id)
                tx.add(row)
            row.version = flow.version
            row.source = content.decode("utf-8")
            row.digest = loaded.digest
            row.uploaded_by = actor
            row.uploaded_at = now
            audit(tx, now, actor, "draft", detail={"flow_id": flow.id, "version": flow.version})
            tx.flush()
            return _draft(row)

    def get(self, flow_id: str, tx: DbSession | None = None) -> Draft | None:
        with self.db.within(tx) as tx:
            row = tx.get(FlowDraft, flow_id)
            return _draft(row) if row is not None else None

    def all(self) -> list[Draft]:
        with self.db.transaction() as tx:
            return [_draft(r) for r in tx.scalars(select(FlowDraft).order_by(FlowDraft.flow_id))]

    def publish(
        self, registry: FlowRegistry, flow_id: str, *, digest: str, actor: str
    ) -> Published | None:
        """Publish the draft if it is still the file whose digest starts with ``digest``,
        then delete it.

        ``None``: there is no such draft any more (published or replaced since).
        """
        draft = self.get(flow_id)
        if draft is None or len(digest) < DIGEST_SHOWN or not draft.digest.startswith(digest):
            return None
        result = registry.publish(draft.content, f"draft of {flow_id}", actor=actor)
        if result.ok:
            with self.db.transaction() as tx:
                tx.execute(
                    delete(FlowDraft).where(
                        FlowDraft.flow_id == flow_id, FlowDraft.digest == draft.digest
                    )
                )
        return result


class DraftFlows:
    """The flows of ``/try``: an admin's trial runs the current draft on the same engine.

    Satisfies ``FlowSource``. A new upload ends every trial (``Trials.end_all``); a trial
    whose session names another version than the draft's has ended too.
    """

    def __init__(self, drafts: DraftRepository) -> None:
        self.drafts = drafts
        self._compiled: dict[str, CompiledFlow] = {}

    def latest(self, flow_id: str, tx: DbSession | None = None) -> CompiledFlow:
        draft = self.drafts.get(flow_id, tx)
        if draft is None:
            raise DraftGoneError(flow_id)
        compiled = self._compiled.get(draft.digest)
        if compiled is None:
            loaded = check_bytes(draft.content, f"draft of {flow_id}")
            if loaded.flow is None:  # it passed at upload; the checks changed since
                raise ConfigError(f"the draft of {flow_id!r} no longer passes the checks")
            compiled = compile_flow(loaded.flow, loaded.digest)
            # Old drafts are of no use once replaced: keep the current one only.
            self._compiled = {draft.digest: compiled}
        return compiled

    def get(self, flow_id: str, version: int, tx: DbSession | None = None) -> CompiledFlow:
        compiled = self.latest(flow_id, tx)
        if compiled.flow.version != version:
            raise DraftGoneError(flow_id)
        return compiled


class DraftGoneError(ConfigError):
    """The draft a trial ran on was published, replaced or removed."""


def _draft(row: FlowDraft) -> Draft:
    return Draft(
        row.flow_id,
        row.version,
        row.source,
        row.digest,
        row.uploaded_by,
        row.uploaded_at,
    )
