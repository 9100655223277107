"""Shared builders for engine tests: the shipped flow compiled, seeded contexts, catalogs."""

from __future__ import annotations

import io
import random
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from rich.console import Console

from bot.app import Intake
from bot.config import Settings
from bot.console import TerminalChat
from bot.engine.compiled import CompiledFlow, compile_flow
from bot.engine.context import Context
from bot.flow.loader import check_bytes, check_file
from bot.i18n import Catalogs
from bot.render import Keeping, Renderer
from bot.scrub import kind_label, scrub
from bot.store.database import Database
from bot.store.flows import FlowRegistry
from bot.stub import CaseStub

ROOT = Path(__file__).resolve().parents[2]
FIXED_NOW = datetime(2026, 3, 1, 14, 5, 42, tzinfo=UTC)


@cache
def intake() -> CompiledFlow:
    result = check_file(ROOT / "flows" / "intake.yaml")
    assert result.flow is not None, [p.render() for p in result.problems]
    return compile_flow(result.flow)


@cache
def minimal() -> CompiledFlow:
    source = (ROOT / "tests" / "flow" / "minimal.yaml").read_bytes()
    result = check_bytes(source, "minimal.yaml")
    assert result.flow is not None
    return compile_flow(result.flow)


@cache
def catalogs() -> Catalogs:
    return Catalogs.load(ROOT / "locales")


def context(seed: int = 7) -> Context:
    return Context(
        now=lambda: FIXED_NOW,
        rng=random.Random(seed),
        scrub=scrub,
        translate=catalogs().label,
    )


def renderer(compiled: CompiledFlow | None = None) -> Renderer:
    keeping = Keeping.of(Settings.session_ttl, Settings.case_retention)
    return Renderer(compiled or intake(), catalogs(), kind_label, keeping=keeping)


def intake_service(db: Database, channel: str = "terminal", seed: int = 7) -> Intake:
    """The shipped flow published into ``db``, served with a fixed clock and seeded ids."""
    registry = FlowRegistry(db)
    if "intake" not in registry.published_ids():
        assert registry.publish((ROOT / "flows" / "intake.yaml").read_bytes(), "intake.yaml").ok
    return Intake(
        db, registry, catalogs(), channel, now=lambda: FIXED_NOW, rng=random.Random(seed)
    )


def transcript(
    db: Database, lines: list[str], locale: str | None, seed: int = 7
) -> tuple[str, list[CaseStub]]:
    """Run the terminal chat over ``lines``; the transcript and the stubs it wrote."""
    out = io.StringIO()
    console = Console(file=out, highlight=False, soft_wrap=True, color_system=None, width=200)
    chat = TerminalChat(intake_service(db, seed=seed), console, echo_input=True)
    chat.begin(locale)
    chat.run(lines)
    return out.getvalue(), chat.stubs
