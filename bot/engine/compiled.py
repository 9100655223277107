"""A flow compiled once per version: its ``transitions`` machine and derived tables.

One machine serves every session of a flow version. Sessions never become models of the
machine: each turn fires an event on a short-lived object (the flyweight pattern that the
transitions FAQ recommends), so no per-supporter machine or registration exists.
Conditions are Python functions made here from validated rules, never strings: the
library would import a dotted string given as a callback.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial

from transitions import EventData, Machine

from bot.flow.conditions import Answer, holds
from bot.flow.graph import exits, successors, topological
from bot.flow.model import (
    AnswerStep,
    Condition,
    FlowDefinition,
    MultiChoiceStep,
    Option,
    SingleChoiceStep,
    Step,
    TextStep,
)

GO = "go"


class Cursor:
    """The flyweight model a machine event runs on: a step and the answers."""

    def __init__(self, state: str, answers: Mapping[str, Answer], choice: str | None) -> None:
        self.state = state
        self.answers = answers
        self.choice = choice


def _cursor(event: EventData) -> Cursor:
    model = event.model
    assert isinstance(model, Cursor)
    return model


def _is_choice(value: str, event: EventData) -> bool:
    return _cursor(event).choice == value


def _route_holds(condition: Condition, kinds: Mapping[str, str], event: EventData) -> bool:
    return holds(condition, _cursor(event).answers, kinds)


@dataclass(frozen=True)
class CompiledFlow:
    """A validated flow with its machine, shared by all sessions on that version."""

    flow: FlowDefinition
    machine: Machine = field(repr=False)
    kinds: Mapping[str, str]
    #: Step id -> the most question steps from there to the end (for "3 / 9").
    remaining: Mapping[str, int]
    #: Field -> the step that asks it.
    asked_by: Mapping[str, str]
    #: SHA-256 of the file it came from: a draft keeps its version number across uploads.
    digest: str = ""

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.flow.id, self.flow.version, self.digest)

    def step(self, step_id: str) -> Step:
        return self.flow.steps[step_id]

    def offered(
        self, step: SingleChoiceStep | MultiChoiceStep, answers: Mapping[str, Answer]
    ) -> list[Option]:
        """The choices shown for these answers: one with ``when`` only while it holds."""
        return [c for c in step.choices if c.when is None or holds(c.when, answers, self.kinds)]

    def text(self, step_id: str, answers: Mapping[str, Answer]) -> Mapping[str, str]:
        """The step's text for these answers: the first variant whose ``when`` holds."""
        step = self.step(step_id)
        for variant in step.texts:
            if holds(variant.when, answers, self.kinds):
                return variant.text
        return step.text

    def next_step(self, step_id: str, answers: Mapping[str, Answer], choice: str | None) -> str:
        """Where the flow goes after ``step_id``, given the answers (fires the machine)."""
        cursor = Cursor(step_id, answers, choice)
        self.machine.events[GO].trigger(cursor)
        return cursor.state


def is_question(step: Step) -> bool:
    return isinstance(step, SingleChoiceStep | MultiChoiceStep | TextStep)


def compile_flow(flow: FlowDefinition, digest: str = "") -> CompiledFlow:
    """Build the machine and tables for a flow that passed the loader's checks."""
    kinds = {name: spec.type for name, spec in flow.fields.items()}
    machine = Machine(
        model=None,
        states=list(flow.steps),
        initial=None,
        auto_transitions=False,
        send_event=True,
    )
    for step_id, step in flow.steps.items():
        for ex in exits(step_id, step):
            conditions: list[str | Callable[..., bool | None]] = []
            if ex.via == "choice":
                assert isinstance(step, SingleChoiceStep)
                conditions.append(partial(_is_choice, step.choices[ex.index].value))
            elif ex.via == "route":
                route = step.routes[ex.index]  # type: ignore[union-attr]
                conditions.append(partial(_route_holds, route.when, kinds))
            machine.add_transition(GO, step_id, ex.target, conditions=conditions)
    order = topological(flow)
    if order is None:
        raise ValueError(f"flow {flow.id!r} has a cycle; load it through the checker")
    succ = successors(flow)
    remaining: dict[str, int] = {}
    for step_id in reversed(order):
        here = 1 if is_question(flow.steps[step_id]) else 0
        remaining[step_id] = here + max((remaining[n] for n in succ[step_id]), default=0)
    asked_by = {s.field: sid for sid, s in flow.steps.items() if isinstance(s, AnswerStep)}
    return CompiledFlow(flow, machine, kinds, remaining, asked_by, digest)
