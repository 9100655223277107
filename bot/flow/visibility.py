"""E414: a choice step that some path leaves with too few choices to answer.

A choice with ``when:`` is offered only while its condition holds over earlier answers.
If, on some way through the flow, a step offers no choice (or fewer than its ``min``), the
supporter has nothing to press. Deciding this means trying the combinations of answers
the choices' conditions read, and for each one that hides too many choices, looking for a
path from the start that such answers could take. Routes on the way may read other
fields, so they are evaluated in three values (holds, does not, cannot tell yet), and a
route that cannot tell is taken both ways.

The fields read are few in practice (one single-choice field, say the country), so this is
cheap; a step whose combinations are too many is not checked, and a whole flow stops being
checked once it has spent its budget (documented with the codes in the README). No false
alarm either way: a reported step has a real path with an example of the answers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import combinations, product

from bot.flow.conditions import Answer, holds, references
from bot.flow.graph import exits
from bot.flow.model import (
    AllOf,
    Answered,
    AnyOf,
    Condition,
    FlowDefinition,
    InfoStep,
    MultiChoiceStep,
    Not,
    SingleChoiceStep,
    Step,
    TextStep,
)
from bot.flow.report import Reporter
from bot.messages import N_

#: Combinations of answers tried for one step; a step needing more is not checked.
MAX_COMBINATIONS = 512
#: Most values of a multi field whose subsets are tried (2^10 = 1024 subsets at most).
MAX_MULTI_VALUES = 10
#: Conditions evaluated and steps visited in all the tries of one flow: a hostile file
#: cannot make the check slow, it only goes unchecked past this.
MAX_VISITS = 100_000

#: Pinned answers: field -> its answer, or ``None`` for a skipped text.
Pinned = Mapping[str, Answer | None]


_ROUTED = SingleChoiceStep | MultiChoiceStep | TextStep | InfoStep


def check_choices_left(
    flow: FlowDefinition, before: Mapping[str, set[str]], report: Reporter
) -> None:
    """Report each choice step that a path can reach with too few choices offered.

    Args:
        flow: a flow whose graph is acyclic.
        before: step id -> fields asked on every path to it (conditions reading other
            fields are reported as E410, and their steps are not checked here).
    """
    kinds = {name: spec.type for name, spec in flow.fields.items()}
    visits = [MAX_VISITS]
    for step_id, step in flow.steps.items():
        if not isinstance(step, SingleChoiceStep | MultiChoiceStep):
            continue
        needed = 1 if isinstance(step, SingleChoiceStep) else max(step.min, 1)
        if sum(1 for c in step.choices if c.when is None) >= needed:
            continue
        fields = sorted(
            {ref.field for c in step.choices if c.when for ref in references(c.when, ())}
        )
        if not set(fields) <= before.get(step_id, set()):
            continue
        domains = [_domain(flow, name) for name in fields]
        if any(d is None for d in domains):
            continue
        sizes = [len(d) for d in domains if d is not None]
        if _product(sizes) > MAX_COMBINATIONS:
            continue
        for values in product(*(d for d in domains if d is not None)):
            visits[0] -= len(step.choices)
            if visits[0] < 0:  # the budget is spent: the rest goes unchecked
                return
            pinned = dict(zip(fields, values, strict=True))
            answers = _answers(pinned)
            shown = sum(1 for c in step.choices if c.when is None or holds(c.when, answers, kinds))
            if shown >= needed:
                continue
            found = _reaches(flow, step_id, pinned, kinds, visits)
            if found is None:  # the budget is spent: the rest goes unchecked
                return
            if found:
                report.add(
                    "E414",
                    ("steps", step_id, "choices"),
                    N_(
                        "when {answers}, this step offers {shown} of its choices;"
                        " it needs at least {needed}"
                    ),
                    N_(
                        "add a choice without when (such as unknown), or widen the"
                        " conditions of the others"
                    ),
                    key=True,
                    answers=_show(pinned),
                    shown=shown,
                    needed=needed,
                )
                break


def _product(sizes: Sequence[int]) -> int:
    total = 1
    for size in sizes:
        total *= size
    return total


def _asking_step(flow: FlowDefinition, field: str) -> Step | None:
    for step in flow.steps.values():
        if getattr(step, "field", None) == field:
            return step
    return None


def _domain(flow: FlowDefinition, field: str) -> list[Answer | None] | None:
    """Every answer ``field`` can have once asked; ``None`` when too many to try."""
    spec = flow.fields.get(field)
    step = _asking_step(flow, field)
    if spec is None or step is None:
        return None
    if spec.type == "single" and isinstance(step, SingleChoiceStep):
        return list(spec.values)
    if spec.type == "text" and isinstance(step, TextStep):
        return ["", None] if step.skippable else [""]
    if spec.type == "multi" and isinstance(step, MultiChoiceStep):
        if len(spec.values) > MAX_MULTI_VALUES:
            return None
        most = step.max if step.max is not None else len(spec.values)
        alone = {c.value for c in step.choices if c.exclusive}
        return [
            list(chosen)
            for size in range(step.min, most + 1)
            for chosen in combinations(spec.values, size)
            if size == 1 or not alone & set(chosen)  # an exclusive choice stands alone
        ]
    return None


def _answers(pinned: Pinned) -> dict[str, Answer]:
    return {name: value for name, value in pinned.items() if value is not None}


def _show(pinned: Pinned) -> str:
    """The example answers as the admin wrote the codes: ``place: china, note: -``."""
    parts = []
    for name, value in pinned.items():
        if isinstance(value, list):
            parts.append(f"{name}: [{', '.join(value)}]")
        else:
            parts.append(f"{name}: {'-' if value is None else value or '...'}")
    return ", ".join(parts)


def _tri(condition: Condition, pinned: Pinned, kinds: Mapping[str, str]) -> bool | None:
    """Whether ``condition`` holds, knowing only the pinned answers (``None``: can't tell)."""
    if isinstance(condition, Answered):
        if condition.answered not in pinned:
            return None
        return pinned[condition.answered] is not None
    if isinstance(condition, AllOf | AnyOf):
        members = condition.all if isinstance(condition, AllOf) else condition.any
        parts = [_tri(c, pinned, kinds) for c in members]
        decisive = isinstance(condition, AnyOf)  # any: one True decides; all: one False
        if decisive in parts:
            return decisive
        return None if None in parts else not decisive
    if isinstance(condition, Not):
        inner = _tri(condition.not_, pinned, kinds)
        return None if inner is None else not inner
    if condition.field not in pinned:
        return None
    return holds(condition, _answers({condition.field: pinned[condition.field]}), kinds)


def _reaches(
    flow: FlowDefinition,
    target: str,
    pinned: Pinned,
    kinds: Mapping[str, str],
    visits: list[int],
) -> bool | None:
    """Whether some path from the start reaches ``target`` with the pinned answers;
    ``None`` once ``visits`` (shared by every search of the flow) is used up."""
    seen = {flow.start}
    pending = [flow.start]
    while pending:
        node = pending.pop()
        if node == target:
            return True
        visits[0] -= 1
        if visits[0] < 0:
            return None
        step = flow.steps[node]
        if not _can_answer(step, pinned, kinds):
            continue  # the pinned answer is not offered here on this path
        for target_id in _taken(node, step, pinned, kinds):
            if target_id in flow.steps and target_id not in seen:
                seen.add(target_id)
                pending.append(target_id)
    return False


def _can_answer(step: Step, pinned: Pinned, kinds: Mapping[str, str]) -> bool:
    if not isinstance(step, SingleChoiceStep | MultiChoiceStep) or step.field not in pinned:
        return True
    answer = pinned[step.field]
    chosen = answer if isinstance(answer, list) else [answer]
    offered = {c.value: c.when for c in step.choices}
    for value in chosen:
        if value not in offered:
            return False
        when = offered[value]
        if when is not None and _tri(when, pinned, kinds) is False:
            return False
    return True


def _taken(step_id: str, step: Step, pinned: Pinned, kinds: Mapping[str, str]) -> list[str]:
    """Exits the pinned answers may take, in the engine's order (choice, routes, next)."""
    out: list[str] = []
    for ex in exits(step_id, step):
        status: bool | None = True
        if ex.via == "choice" and isinstance(step, SingleChoiceStep):
            if step.field in pinned:
                status = pinned[step.field] == step.choices[ex.index].value
            else:
                status = None
        elif ex.via == "route" and isinstance(step, _ROUTED):
            status = _tri(step.routes[ex.index].when, pinned, kinds)
        if status is False:
            continue
        out.append(ex.target)
        if status is True:
            break
    return out
