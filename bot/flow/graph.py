"""The step graph of a flow: exits of each step, in the order they are tried."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from bot.flow.model import (
    FlowDefinition,
    InfoStep,
    MultiChoiceStep,
    ReviewStep,
    SingleChoiceStep,
    Step,
    TextStep,
)
from bot.flow.yamlsrc import Path

Via = Literal["choice", "route", "default"]


@dataclass(frozen=True)
class Exit:
    """One way out of a step.

    ``via`` says how it is taken; ``index`` is the choice's or route's position.
    """

    target: str
    path: Path
    via: Via
    index: int = 0


def exits(step_id: str, step: Step) -> Iterator[Exit]:
    """The exits of ``step``: choices' own targets, then routes, then the default."""
    base: Path = ("steps", step_id)
    if isinstance(step, SingleChoiceStep):
        for i, choice in enumerate(step.choices):
            if choice.next is not None:
                yield Exit(choice.next, (*base, "choices", i, "next"), "choice", i)
    if isinstance(step, SingleChoiceStep | MultiChoiceStep | TextStep | InfoStep):
        for i, route in enumerate(step.routes):
            yield Exit(route.next, (*base, "routes", i, "next"), "route", i)
        if step.next is not None:
            yield Exit(step.next, (*base, "next"), "default")
    if isinstance(step, ReviewStep):
        yield Exit(step.next, (*base, "next"), "default")


def successors(flow: FlowDefinition) -> dict[str, list[str]]:
    """Step id -> distinct existing targets, in exit order."""
    out: dict[str, list[str]] = {}
    for step_id, step in flow.steps.items():
        seen: list[str] = []
        for ex in exits(step_id, step):
            if ex.target in flow.steps and ex.target not in seen:
                seen.append(ex.target)
        out[step_id] = seen
    return out


def reachable(flow: FlowDefinition) -> list[str]:
    """Steps reachable from ``start``, in breadth-first order."""
    succ = successors(flow)
    if flow.start not in flow.steps:
        return []
    order, queue = [flow.start], [flow.start]
    while queue:
        for nxt in succ[queue.pop(0)]:
            if nxt not in order:
                order.append(nxt)
                queue.append(nxt)
    return order


def topological(flow: FlowDefinition) -> list[str] | None:
    """Reachable steps in topological order, or ``None`` if the graph has a cycle."""
    succ = successors(flow)
    nodes = reachable(flow)
    indegree = dict.fromkeys(nodes, 0)
    for node in nodes:
        for nxt in succ[node]:
            indegree[nxt] += 1
    ready = [n for n in nodes if indegree[n] == 0]
    order: list[str] = []
    while ready:
        node = ready.pop(0)
        order.append(node)
        for nxt in succ[node]:
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                ready.append(nxt)
    return order if len(order) == len(nodes) else None
