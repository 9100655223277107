"""Evaluating rule conditions over answers, and listing what they refer to.

Pure functions over the closed set of operators in ``bot.flow.model``; the engine, the
triage and the checker all go through here.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from bot.flow.model import (
    AllOf,
    Answered,
    AnyOf,
    Condition,
    Equals,
    In,
    InfoStep,
    MultiChoiceStep,
    Not,
    NotIn,
    SingleChoiceStep,
    Step,
    TextStep,
)
from bot.flow.yamlsrc import Path

#: An answer as the engine stores it: a code, a list of codes, or text.
Answer = str | list[str]


def holds(condition: Condition, answers: Mapping[str, Answer], kinds: Mapping[str, str]) -> bool:
    """Whether ``condition`` is true for ``answers``.

    Args:
        condition: a validated condition.
        answers: field name -> answer; a missing field is unanswered.
        kinds: field name -> field type (``single``, ``multi``, ``text``).
    """
    if isinstance(condition, Answered):
        return condition.answered in answers
    if isinstance(condition, AllOf):
        return all(holds(c, answers, kinds) for c in condition.all)
    if isinstance(condition, AnyOf):
        return any(holds(c, answers, kinds) for c in condition.any)
    if isinstance(condition, Not):
        return not holds(condition.not_, answers, kinds)
    answer = answers.get(condition.field)
    if answer is None:
        return False
    chosen = set(answer) if isinstance(answer, list) else {answer}
    if isinstance(condition, Equals):
        return condition.equals in chosen
    if isinstance(condition, In):
        return bool(chosen & set(condition.in_))
    if isinstance(condition, NotIn):
        return not chosen & set(condition.not_in)
    raise AssertionError(f"unhandled operator {type(condition).__name__}")


@dataclass(frozen=True)
class FieldRef:
    """A field named by a condition, with the values it compares against."""

    path: Path
    field: str
    values: tuple[str, ...]
    compares: bool


def references(condition: Condition, path: Path) -> Iterator[FieldRef]:
    """Every field a condition names, with the path of the naming key."""
    if isinstance(condition, Answered):
        yield FieldRef((*path, "answered"), condition.answered, (), compares=False)
    elif isinstance(condition, AllOf):
        for i, sub in enumerate(condition.all):
            yield from references(sub, (*path, "all", i))
    elif isinstance(condition, AnyOf):
        for i, sub in enumerate(condition.any):
            yield from references(sub, (*path, "any", i))
    elif isinstance(condition, Not):
        yield from references(condition.not_, (*path, "not"))
    elif isinstance(condition, Equals):
        yield FieldRef((*path, "field"), condition.field, (condition.equals,), compares=True)
    elif isinstance(condition, In):
        yield FieldRef((*path, "field"), condition.field, tuple(condition.in_), compares=True)
    elif isinstance(condition, NotIn):
        yield FieldRef((*path, "field"), condition.field, tuple(condition.not_in), compares=True)


Role = Literal["route", "choice", "text"]


@dataclass(frozen=True)
class StepCondition:
    """A condition written in a step: a route's, a choice's or a text variant's."""

    role: Role
    path: Path
    condition: Condition

    def references(self) -> Iterator[FieldRef]:
        return references(self.condition, self.path)


def step_conditions(step_id: str, step: Step) -> Iterator[StepCondition]:
    """Every condition of a step, in file order: text variants, choices, routes."""
    base: Path = ("steps", step_id)
    for i, variant in enumerate(step.texts):
        yield StepCondition("text", (*base, "texts", i, "when"), variant.when)
    if isinstance(step, SingleChoiceStep | MultiChoiceStep):
        for i, choice in enumerate(step.choices):
            if choice.when is not None:
                yield StepCondition("choice", (*base, "choices", i, "when"), choice.when)
    if isinstance(step, SingleChoiceStep | MultiChoiceStep | TextStep | InfoStep):
        for i, route in enumerate(step.routes):
            yield StepCondition("route", (*base, "routes", i, "when"), route.when)
