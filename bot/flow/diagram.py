"""The step graph as a Mermaid flowchart, so a reviewer sees every branch."""

from __future__ import annotations

from collections.abc import Iterator

from bot.flow.graph import exits
from bot.flow.model import (
    AllOf,
    Answered,
    AnyOf,
    Condition,
    Equals,
    FlowDefinition,
    In,
    InfoStep,
    MultiChoiceStep,
    Not,
    NotIn,
    ReviewStep,
    SingleChoiceStep,
    SubmitStep,
    TextStep,
)

_SHAPES = {
    InfoStep: ('("', '")'),
    SingleChoiceStep: ('["', '"]'),
    MultiChoiceStep: ('[["', '"]]'),
    TextStep: ('[/"', '"/]'),
    ReviewStep: ('{{"', '"}}'),
    SubmitStep: ('(["', '"])'),
}


def describe(condition: Condition) -> str:
    """A short, readable rendering of a condition (``broker = yes``)."""
    if isinstance(condition, Equals):
        return f"{condition.field} = {condition.equals}"
    if isinstance(condition, In):
        return f"{condition.field} in {', '.join(condition.in_)}"
    if isinstance(condition, NotIn):
        return f"{condition.field} not in {', '.join(condition.not_in)}"
    if isinstance(condition, Answered):
        return f"{condition.answered} answered"
    if isinstance(condition, AllOf):
        return " and ".join(f"({describe(c)})" for c in condition.all)
    if isinstance(condition, AnyOf):
        return " or ".join(f"({describe(c)})" for c in condition.any)
    if isinstance(condition, Not):
        return f"not ({describe(condition.not_)})"
    raise AssertionError(type(condition).__name__)


def mermaid(flow: FlowDefinition) -> str:
    """``flowchart TD`` source for ``flow``; stable output for the same flow."""
    lines = ["flowchart TD"]
    for step_id, step in flow.steps.items():
        left, right = _SHAPES[type(step)]
        detail = f"{step.kind}: {step.field}" if hasattr(step, "field") else step.kind
        lines.append(f"    {step_id}{left}{step_id}<br/><small>{detail}</small>{right}")
    for step_id, target, label in edges(flow):
        arrow = f' -- "{_escape(label)}" --> ' if label else " --> "
        lines.append(f"    {step_id}{arrow}{target}")
    return "\n".join(lines) + "\n"


def edges(flow: FlowDefinition) -> Iterator[tuple[str, str, str]]:
    """Every arrow of the step graph: from, to, and what takes it (a choice code, ``if``
    a condition, ``confirm``, ``otherwise``; empty for a step's only way on)."""
    for step_id, step in flow.steps.items():
        branched = False
        for ex in exits(step_id, step):
            if isinstance(step, SingleChoiceStep) and ex.via == "choice":
                label = step.choices[ex.index].value
            elif ex.via == "route" and not isinstance(step, ReviewStep | SubmitStep):
                label = "if " + describe(step.routes[ex.index].when)
            elif isinstance(step, ReviewStep):
                label = "confirm"
            else:
                label = "otherwise" if branched else ""
            branched = branched or ex.via != "default"
            yield step_id, ex.target, label


def _escape(text: str) -> str:
    return text.replace('"', "#quot;")
