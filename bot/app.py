"""Assembling the application from settings: database, keys, flows, catalogs.

Entry points (the terminal chat, the CLI, later the Telegram bot) call these once; the
objects built here are passed down, never reached for.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session as DbSession

from bot.casework import Casework
from bot.config import Settings
from bot.engine import inputs as i
from bot.engine.advance import advance
from bot.engine.compiled import CompiledFlow
from bot.engine.context import Context, ScrubFn
from bot.engine.outcome import Outcome
from bot.engine.session import Session
from bot.errors import ConfigError
from bot.flow.loader import check_file, flow_files, read_flow_file
from bot.i18n import DEFAULT_LOCALE, Catalogs
from bot.prescrub import scrubbed_outside
from bot.render import Keeping, Message, Renderer, Screen
from bot.scrub import LOCALES, Scrubber, kind_label, scrub
from bot.scrub.ner import NerLayer, ner_available
from bot.scrub.ner_budget import BudgetedNer
from bot.store.conversations import Conversations, Handled, LiveMessage
from bot.store.database import Database
from bot.store.db import default_url, make_engine
from bot.store.flows import FlowRegistry, FlowSource
from bot.store.keys import GENERATE, KEY_FILE, ServerKeys, key_weakness, load_secret
from bot.store.migrate import is_current, upgrade
from bot.store.purge import Purged, purge
from bot.store.sealing import Sealer

DEFAULT_FLOW = "intake"


def open_database(settings: Settings, *, migrate: bool = True, create: bool = True) -> Database:
    """Connect; upgrade an SQLite schema in place, require PostgreSQL to be upgraded.

    ``create=False``: a missing SQLite file is an error (a command run from the wrong
    folder), found before anything is created there.
    """
    url = settings.database_url or default_url(settings.data_dir)
    if settings.secret_key:  # a bad key is named first, whatever else is wrong
        _require_strong(settings.secret_key.encode(), "INTAKE_SECRET_KEY")
    if not create:
        _require_sqlite_file(url)
    engine = make_engine(url)
    if not is_current(engine):
        if engine.dialect.name == "sqlite" and migrate:
            upgrade(engine)
        else:
            raise ConfigError("the database schema is not up to date: run `intake-bot db upgrade`")
    secret = load_secret(settings.secret_key, settings.data_dir)
    _require_strong(secret, "INTAKE_SECRET_KEY" if settings.secret_key else str(KEY_FILE))
    keys = ServerKeys.from_secret(secret, settings.data_key_dir)
    keys.data.ready()
    sealer = Sealer(settings.seal_to) if settings.seal_to else None
    return Database(engine, keys, sealer=sealer)


def _require_strong(secret: bytes, where: str) -> None:
    weakness = key_weakness(secret)
    if weakness is not None:
        raise ConfigError(
            f"{where} is not a usable secret key: {weakness}; generate one with {GENERATE}"
        )


def _require_sqlite_file(url: str) -> None:
    try:
        parsed = make_url(url)
    except Exception:  # malformed: make_engine names the setting, never its value
        return
    file = parsed.database if parsed.get_backend_name() == "sqlite" else None
    if file and file != ":memory:" and not Path(file).exists():
        raise ConfigError(
            f"no database at {file}: run this where the bot runs, or set"
            " INTAKE_DATA_DIR (or INTAKE_DATABASE_URL) to the bot's"
        )


def key_beside_database(settings: Settings) -> Path | None:
    """The key file, when the secret is read from it and the SQLite database lies in the
    same directory: a copy of that directory then holds the data and the key to read it."""
    if settings.secret_key:
        return None
    url = make_url(settings.database_url or default_url(settings.data_dir))
    if url.get_backend_name() != "sqlite" or not url.database:
        return None
    if Path(url.database).resolve().parent != settings.data_dir.resolve():
        return None
    return settings.data_dir / KEY_FILE


def publish_missing(registry: FlowRegistry, settings: Settings) -> list[str]:
    """At start, publish the flows in ``flows/`` that have no published version yet."""
    published = registry.published_ids()
    done = []
    for path in flow_files([settings.flows_dir]):
        loaded = check_file(path)
        if loaded.flow is None:
            details = [p.render() for p in loaded.problems]
            raise ConfigError(f"{path} cannot be published:\n" + "\n".join(details))
        if loaded.flow.id in published:
            continue  # newer versions of a published flow go through `flows publish`
        result = registry.publish(read_flow_file(path), str(path))
        if not result.ok:
            details = [p.render() for p in result.problems] or [result.refusal or ""]
            raise ConfigError(f"{path} cannot be published:\n" + "\n".join(details))
        done.append(f"{result.flow_id} v{result.version}")
    return done


def build_scrubber(
    settings: Settings, on_fallback: Callable[[str], None] | None = None
) -> ScrubFn:
    """The scrubber for free text: the rules, with the NER layer where ``INTAKE_NER`` and
    the installed packages allow it (``auto``: whenever the ``ner`` extra is installed).

    The models are loaded here, once per process (seconds): call this at start-up, before
    serving. ``on_fallback(reason)`` hears of each note scrubbed by the rules alone
    because the model overran ``INTAKE_NER_BUDGET_MS`` or failed.

    Raises:
        ConfigError: ``INTAKE_NER=on`` and the models are not installed.
    """
    if settings.ner == "off":
        return scrub
    if not all(ner_available(locale) for locale in LOCALES):
        if settings.ner == "on":
            raise ConfigError(
                "INTAKE_NER is on but the NER models are not installed: install the"
                " package with its ner extra (pip install 'intake-bot[ner]'), or set"
                " INTAKE_NER=off"
            )
        return scrub
    layer = NerLayer()
    layer.load()
    budget = settings.ner_budget.total_seconds()
    ner = BudgetedNer(layer, budget, on_fallback) if on_fallback else BudgetedNer(layer, budget)
    return Scrubber(ner=ner).scrub


@dataclass(frozen=True)
class Turn:
    """One input, committed: its outcome, how to show it, and what to clear from the chat."""

    outcome: Outcome
    #: The language to show it in: the session's, or the channel's guess without one.
    locale: str
    renderer: Renderer
    cleared_messages: tuple[int, ...] = ()
    #: The chat's live message before this input (channels that edit in place).
    live: LiveMessage | None = None

    @property
    def at_start(self) -> bool:
        """The session is at its flow's first step (where an intake begins)."""
        session = self.outcome.session
        return session is not None and session.step == self.renderer.compiled.flow.start

    def messages(self) -> list[Message]:
        """The outcome as messages, in order (a channel that only appends)."""
        return self.renderer.render(self.outcome, self.locale)

    def screen(self) -> Screen:
        """The outcome arranged around one live message (a channel that edits)."""
        return self.renderer.screen(self.outcome, self.locale)


@dataclass
class Intake:
    """The channel-independent service: one input in, a committed outcome out."""

    db: Database
    flows: FlowSource
    catalogs: Catalogs
    channel: str
    now: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    rng: random.Random = field(default_factory=random.SystemRandom)
    flow_id: str = DEFAULT_FLOW
    #: An admin's trial of a draft: nothing reaches staff (see ``Conversations.trial``).
    trial: bool = False
    #: What scrubs free text (``build_scrubber``); the rules alone unless given.
    scrubber: ScrubFn = scrub
    #: How long unsubmitted answers and closed cases are kept (``Settings.session_ttl``,
    #: ``Settings.case_retention``): flow texts say them as ``{keep_hours}``/``{keep_days}``.
    session_ttl: timedelta = Settings.session_ttl
    case_retention: timedelta = Settings.case_retention
    _renderers: dict[tuple[str, int, str], Renderer] = field(default_factory=dict)

    @classmethod
    def configured(
        cls,
        db: Database,
        flows: FlowSource,
        catalogs: Catalogs,
        settings: Settings,
        channel: str,
        scrubber: ScrubFn = scrub,
    ) -> Intake:
        """The intake an entry point serves: its texts say this deployment's retention."""
        return cls(
            db,
            flows,
            catalogs,
            channel,
            scrubber=scrubber,
            session_ttl=settings.session_ttl,
            case_retention=settings.case_retention,
        )

    def __post_init__(self) -> None:
        self.conversations = Conversations(self.db, self.channel, trial=self.trial)
        self.casework = Casework(
            self.db, self.conversations, self.flows, self.scrubber, self.rng, trial=self.trial
        )
        self.context = Context(
            now=self.now, rng=self.rng, scrub=self.scrubber, translate=self.catalogs.label
        )

    def handle(
        self,
        chat_id: int | str,
        update_id: int | None,
        event: i.Input,
        *,
        locale: str = DEFAULT_LOCALE,
    ) -> Turn | None:
        """Apply ``event`` in one transaction; ``None`` for a repeated, answered update.

        Loads the chat's session (locked), advances it on its flow version, saves it (and
        the stub, at submission) and returns the committed turn, ready to show in the
        session's language (``locale`` when there is no session). A repeated update whose
        reply never went out (the process died after committing) shows the current
        question again instead of being applied twice.
        """
        used: list[CompiledFlow] = []

        def attempt(scrub: ScrubFn) -> Handled | None:
            context = replace(self.context, scrub=scrub)

            def deciding(applied: i.Input) -> Callable[[Session | None, DbSession], Outcome]:
                def decide(session: Session | None, tx: DbSession) -> Outcome:
                    compiled = self._flow_for(session, applied, tx)
                    used.append(compiled)
                    return advance(compiled, session, applied, context)

                return decide

            return self.conversations.handle(
                chat_id, update_id, deciding(event), unanswered=deciding(i.Repeat())
            )

        handled = scrubbed_outside(self.scrubber, attempt)
        if handled is None:
            return None
        outcome = handled.outcome
        return Turn(
            outcome,
            outcome.session.locale if outcome.session is not None else locale,
            self.renderer(used[-1]),
            handled.cleared_messages,
            handled.live,
        )

    def session(self, chat_id: int | str) -> Session | None:
        """The chat's session, for reading only (a channel resuming a conversation)."""
        return self.conversations.load(chat_id)

    def delivered(
        self,
        chat_id: int | str,
        update_id: int | None,
        *,
        message_ids: list[int] | tuple[int, ...] = (),
        live: LiveMessage | None = None,
    ) -> None:
        """The reply to ``update_id`` reached the chat (see ``Conversations.delivered``)."""
        self.conversations.delivered(chat_id, update_id, message_ids=message_ids, live=live)

    def forget(self, chat_id: int | str) -> None:
        """The supporter blocked the bot: erase their session and message records."""
        self.conversations.forget(chat_id)

    def messages_to_clear(self, chat_id: int | str) -> tuple[int, ...]:
        """Every message id recorded for the chat (to delete them from the phone)."""
        return self.conversations.message_ids(chat_id)

    def cleared(self, chat_id: int | str) -> None:
        """The chat was cleared: forget its message ids and its live message."""
        self.conversations.take_messages(chat_id)

    def purge(self, *, session_ttl: timedelta, case_retention: timedelta) -> Purged:
        """Delete what is kept no longer than needed (see ``bot.store.purge``)."""
        return purge(self.db, session_ttl=session_ttl, case_retention=case_retention)

    def renderer(self, compiled: CompiledFlow) -> Renderer:
        renderer = self._renderers.get(compiled.key)
        if renderer is None:
            renderer = self._renderers[compiled.key] = Renderer(
                compiled,
                self.catalogs,
                kind_label,
                keeping=Keeping.of(self.session_ttl, self.case_retention),
            )
        return renderer

    def _flow_for(self, session: Session | None, event: i.Input, tx: DbSession) -> CompiledFlow:
        starting = isinstance(event, i.Start | i.SwitchLanguage)
        fresh = session is None or (session.status == "submitted" and starting)
        if fresh:
            return self.flows.latest(self.flow_id, tx)
        assert session is not None
        return self.flows.get(session.flow_id, session.flow_version, tx)
