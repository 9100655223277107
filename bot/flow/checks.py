"""Semantic checks of a flow that has the right shape.

Each check appends to the reporter and carries on, so an admin sees every mistake at
once. The graph checks that need an acyclic graph (answers available to a rule, review
before submit) run only when there is no cycle, since a cycle is already reported.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from babel import Locale, UnknownLocaleError

from bot import callback
from bot.flow.conditions import FieldRef, references
from bot.flow.graph import exits, reachable, successors, topological
from bot.flow.model import (
    AnswerStep,
    FlowDefinition,
    InfoStep,
    MultiChoiceStep,
    ReviewStep,
    SingleChoiceStep,
    SubmitStep,
    TextStep,
)
from bot.flow.report import Reporter
from bot.flow.suggest import did_you_mean
from bot.flow.texts import iter_texts
from bot.flow.yamlsrc import Path
from bot.limits import (
    MAX_BUTTON_TEXT_UTF16,
    MAX_BUTTONS,
    MAX_CALLBACK_DATA_BYTES,
    MAX_FLOW_TEXT_UTF16,
    MAX_REGION_CHARS,
    NAV_BUTTONS,
    utf8_bytes,
    utf16_units,
)

#: Every flow must speak the supporters' three languages.
REQUIRED_LOCALES: tuple[str, ...] = ("ja", "ko", "zh_Hans")
#: The one placeholder the submit message must carry, and the only one it may.
REFERENCE_PLACEHOLDER = "{reference}"
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_FIELD_TYPE_OF_KIND = {"single_choice": "single", "multi_choice": "multi", "text": "text"}


def check_flow(flow: FlowDefinition, report: Reporter) -> None:
    """Run every semantic check on ``flow``."""
    _check_locales(flow, report)
    _check_texts(flow, report)
    _check_fields(flow, report)
    _check_conditions(flow, report)
    _check_graph(flow, report)
    _check_limits(flow, report)


def _check_locales(flow: FlowDefinition, report: Reporter) -> None:
    for i, code in enumerate(flow.locales):
        try:
            Locale.parse(code)
        except (ValueError, TypeError, UnknownLocaleError):
            report.add(
                "E304",
                ("locales", i),
                f"{code!r} is not a locale Babel knows.{did_you_mean(code, REQUIRED_LOCALES)}",
                "use identifiers like ja, ko, zh_Hans",
            )
        if code in flow.locales[:i]:
            report.add("E304", ("locales", i), f"{code!r} is listed twice", "list it once")
    for code in REQUIRED_LOCALES:
        if code not in flow.locales:
            report.add(
                "E305",
                ("locales",),
                f"the required locale {code!r} is missing",
                f"add {code} to locales and give every text a {code} version",
            )


def _check_texts(flow: FlowDefinition, report: Reporter) -> None:
    declared = list(flow.locales)
    for item in iter_texts(flow):
        for code in declared:
            if code not in item.text:
                report.add(
                    "E301",
                    item.path,
                    f"no {code} text",
                    f"add `{code}: ...` with the translation",
                    key=True,
                )
            elif not item.text[code].strip():
                report.add(
                    "E302",
                    (*item.path, code),
                    f"the {code} text is empty",
                    "write the translation, or remove the text",
                )
        for code in item.text:
            if code not in declared:
                report.add(
                    "E303",
                    (*item.path, code),
                    f"{code!r} is not in the flow's locales.{did_you_mean(code, declared)}",
                    f"use one of {', '.join(declared)}, or add it to locales",
                    key=True,
                )
    for step_id, step in flow.steps.items():
        for code, text in step.text.items():
            found = _PLACEHOLDER.findall(text)
            wrong = [p for p in found if p != REFERENCE_PLACEHOLDER]
            path: Path = ("steps", step_id, "text", code)
            if isinstance(step, SubmitStep) and REFERENCE_PLACEHOLDER not in found:
                report.add(
                    "E306",
                    path,
                    "the submit message does not show the case reference",
                    f"put {REFERENCE_PLACEHOLDER} where the reference should appear",
                )
            if wrong:
                report.add(
                    "E306",
                    path,
                    f"unknown placeholder {wrong[0]}",
                    f"only {REFERENCE_PLACEHOLDER} exists, and only in a submit step;"
                    " write braces as text without them",
                )


def _answer_steps(flow: FlowDefinition) -> list[tuple[str, AnswerStep]]:
    return [
        (sid, s)
        for sid, s in flow.steps.items()
        if isinstance(s, SingleChoiceStep | MultiChoiceStep | TextStep)
    ]


def _check_fields(flow: FlowDefinition, report: Reporter) -> None:
    for i, name in enumerate(flow.region):
        spec = flow.fields.get(name)
        if spec is None:
            report.add(
                "E401",
                ("region", i),
                f"field {name!r} is not declared.{did_you_mean(name, flow.fields)}",
                "name a declared single field",
            )
        elif spec.type != "single":
            report.add(
                "E402",
                ("region", i),
                f"region fields must be single choices; {name!r} is {spec.type}",
                "list only single fields under region",
            )
    region = [flow.fields[name] for name in flow.region if name in flow.fields]
    longest = sum(max(map(len, spec.values), default=0) for spec in region) + len(region) - 1
    if region and longest > MAX_REGION_CHARS:
        report.add(
            "E412",
            ("region",),
            f"the longest region, its codes joined by '/', has {longest} characters;"
            f" the stub keeps {MAX_REGION_CHARS}",
            "list fewer region fields or use shorter codes",
        )
    for name, spec in flow.fields.items():
        path: Path = ("fields", name, "values")
        if spec.type == "text" and spec.values:
            report.add("E408", path, "a text field has no values", "remove values", key=True)
        if spec.type != "text" and len(spec.values) < 2:
            report.add(
                "E408",
                ("fields", name),
                f"a {spec.type} field needs at least two values",
                "list the codes its choices use under values",
            )
        for i, value in enumerate(spec.values):
            if value in spec.values[:i]:
                report.add("E407", (*path, i), f"{value!r} is listed twice", "list it once")
    asked_by: dict[str, str] = {}
    for step_id, step in _answer_steps(flow):
        path = ("steps", step_id, "field")
        declared = flow.fields.get(step.field)
        if declared is None:
            report.add(
                "E401",
                path,
                f"field {step.field!r} is not declared.{did_you_mean(step.field, flow.fields)}",
                "declare it under fields, with its type and values",
            )
            continue
        if step.field in asked_by:
            report.add(
                "E404",
                path,
                f"field {step.field!r} is already asked by step {asked_by[step.field]!r}",
                "give each step its own field",
            )
        asked_by.setdefault(step.field, step_id)
        wanted = _FIELD_TYPE_OF_KIND[step.kind]
        if declared.type != wanted:
            report.add(
                "E402",
                path,
                f"a {step.kind} step answers a {wanted} field,"
                f" but {step.field!r} is {declared.type}",
                f"change the field's type to {wanted}, or the step's kind",
            )
            continue
        if isinstance(step, SingleChoiceStep | MultiChoiceStep):
            _check_choices(step_id, step, declared.values, report)
        _check_bounds(step_id, step, report)
    for name in flow.fields:
        if name not in asked_by:
            report.add(
                "E405",
                ("fields", name),
                f"field {name!r} is declared but no step asks it",
                "add a step with this field, or remove the declaration",
                key=True,
            )


def _check_choices(
    step_id: str, step: SingleChoiceStep | MultiChoiceStep, values: list[str], report: Reporter
) -> None:
    offered: list[str] = []
    for i, choice in enumerate(step.choices):
        path: Path = ("steps", step_id, "choices", i, "value")
        if choice.value in offered:
            report.add("E407", path, f"{choice.value!r} is offered twice", "offer it once")
        elif choice.value not in values:
            report.add(
                "E403",
                path,
                f"{choice.value!r} is not a value of field {step.field!r}."
                + did_you_mean(choice.value, values),
                f"use one of {', '.join(values)}, or add it to the field's values",
            )
        offered.append(choice.value)
    for value in values:
        if value not in offered:
            report.add(
                "E406",
                ("steps", step_id, "choices"),
                f"field {step.field!r} allows {value!r} but this step does not offer it",
                "add a choice for it, or remove it from the field's values",
                key=True,
            )


def _check_bounds(step_id: str, step: AnswerStep, report: Reporter) -> None:
    if isinstance(step, MultiChoiceStep):
        most = step.max if step.max is not None else len(step.choices)
        if step.min > most or most > len(step.choices):
            report.add(
                "E411",
                ("steps", step_id, "max" if step.max is not None else "min"),
                f"min {step.min} and max {most} do not fit {len(step.choices)} choices",
                "make 0 <= min <= max <= the number of choices",
            )
    if isinstance(step, TextStep) and step.min_length > step.max_length:
        report.add(
            "E411",
            ("steps", step_id, "min_length"),
            f"min_length {step.min_length} is above max_length {step.max_length}",
            "make min_length <= max_length",
        )


def _check_conditions(flow: FlowDefinition, report: Reporter) -> None:
    for ref in _all_references(flow):
        spec = flow.fields.get(ref.field)
        if spec is None:
            report.add(
                "E401",
                ref.path,
                f"field {ref.field!r} is not declared.{did_you_mean(ref.field, flow.fields)}",
                "name a declared field",
            )
            continue
        if ref.compares and spec.type == "text":
            report.add(
                "E409",
                ref.path,
                f"{ref.field!r} is free text: its content cannot be compared",
                "use `answered:` for text fields",
            )
            continue
        for value in ref.values:
            if value not in spec.values:
                report.add(
                    "E403",
                    ref.path,
                    f"{value!r} is not a value of field {ref.field!r}."
                    + did_you_mean(value, spec.values),
                    f"use one of {', '.join(spec.values)}",
                )


def _all_references(flow: FlowDefinition) -> list[FieldRef]:
    refs: list[FieldRef] = []
    if flow.contact_consent is not None:
        refs.extend(references(flow.contact_consent, ("contact_consent",)))
    for i, rule in enumerate(flow.triage):
        refs.extend(references(rule.when, ("triage", i, "when")))
    for step_id, step in flow.steps.items():
        if isinstance(step, SingleChoiceStep | MultiChoiceStep | TextStep | InfoStep):
            for i, route in enumerate(step.routes):
                refs.extend(references(route.when, ("steps", step_id, "routes", i, "when")))
    return refs


def _check_graph(flow: FlowDefinition, report: Reporter) -> None:
    if flow.start not in flow.steps:
        report.add(
            "E201",
            ("start",),
            f"step {flow.start!r} does not exist.{did_you_mean(flow.start, flow.steps)}",
            "name an existing step id",
        )
    for step_id, step in flow.steps.items():
        for ex in exits(step_id, step):
            if ex.target not in flow.steps:
                report.add(
                    "E201",
                    ex.path,
                    f"step {ex.target!r} does not exist.{did_you_mean(ex.target, flow.steps)}",
                    "name an existing step id",
                )
        _check_way_on(step_id, step, report)
    if not any(isinstance(s, SubmitStep) for s in flow.steps.values()):
        report.add(
            "E205",
            ("steps",),
            "no step submits the intake",
            "add a step with kind: submit",
            key=True,
        )
    seen = set(reachable(flow))
    if flow.start in flow.steps:
        for step_id in flow.steps:
            if step_id not in seen:
                report.add(
                    "E202",
                    ("steps", step_id),
                    f"no path from {flow.start!r} reaches step {step_id!r}",
                    "point a next, choice or route at it, or remove it",
                    key=True,
                )
    order = topological(flow)
    if order is None:
        _report_cycles(flow, report)
        return
    _check_answered_before(flow, order, report)
    _check_review_before_submit(flow, order, report)


def _check_way_on(step_id: str, step: object, report: Reporter) -> None:
    if isinstance(step, SingleChoiceStep) and step.next is None:
        for i, choice in enumerate(step.choices):
            if choice.next is None:
                report.add(
                    "E204",
                    ("steps", step_id, "choices", i),
                    f"choice {choice.value!r} has no next, and the step has no default next",
                    "give the step a next (or this choice a next)",
                )
    elif isinstance(step, MultiChoiceStep | TextStep | InfoStep) and step.next is None:
        report.add(
            "E204",
            ("steps", step_id),
            "this step has no next: routes are conditional, so a default is needed",
            "add next: <step id> for when no route applies",
            key=True,
        )


def _report_cycles(flow: FlowDefinition, report: Reporter) -> None:
    # Depth-first with an explicit stack: a flow of thousands of steps in one chain
    # must be reported on, not overflow Python's recursion limit.
    succ = successors(flow)
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for root in succ:
        if root in state:
            continue
        path: list[str] = [root]
        pending = [iter(list(exits(root, flow.steps[root])))]
        state[root] = 1
        while pending:
            ex = next(pending[-1], None)
            if ex is None:
                state[path.pop()] = 2
                pending.pop()
                continue
            target = ex.target
            if target not in flow.steps:
                continue
            if state.get(target) == 1:
                loop = [*path[path.index(target) :], target]
                shown = (
                    " -> ".join(loop)
                    if len(loop) <= 12
                    else " -> ".join([*loop[:5], f"... ({len(loop) - 10} more)", *loop[-5:]])
                )
                report.add(
                    "E203",
                    ex.path,
                    f"this goes back to {target!r} and makes a loop: {shown}",
                    "intakes must always move forward: point it at a later step"
                    " (supporters go back with the Back button)",
                )
            elif target not in state:
                state[target] = 1
                path.append(target)
                pending.append(iter(list(exits(target, flow.steps[target]))))


def _check_answered_before(flow: FlowDefinition, order: list[str], report: Reporter) -> None:
    """Routes may only read fields asked on every path that reaches their step."""
    succ = successors(flow)
    before: dict[str, set[str]] = {flow.start: set()}
    for node in order:
        step = flow.steps[node]
        after = set(before.get(node, set()))
        if isinstance(step, SingleChoiceStep | MultiChoiceStep | TextStep):
            after.add(step.field)
        for nxt in succ[node]:
            before[nxt] = before[nxt] & after if nxt in before else set(after)
        if isinstance(step, SingleChoiceStep | MultiChoiceStep | TextStep | InfoStep):
            for i, route in enumerate(step.routes):
                for ref in references(route.when, ("steps", node, "routes", i, "when")):
                    if ref.field in flow.fields and ref.field not in after:
                        report.add(
                            "E410",
                            ref.path,
                            f"field {ref.field!r} is not asked on every path to {node!r}",
                            "route on fields asked earlier on all paths, or move the question"
                            " before this step",
                        )


def _check_review_before_submit(flow: FlowDefinition, order: list[str], report: Reporter) -> None:
    succ = successors(flow)
    reviewed: dict[str, bool] = {}
    for node in order:
        here = reviewed.get(node, False) or isinstance(flow.steps[node], ReviewStep)
        for nxt in succ[node]:
            reviewed[nxt] = reviewed[nxt] and here if nxt in reviewed else here
        if isinstance(flow.steps[node], SubmitStep) and not reviewed.get(node, False):
            report.add(
                "E206",
                ("steps", node),
                "a path reaches this submit step without passing a review step",
                "put a step with kind: review before it, so supporters check their answers",
                key=True,
            )


def _check_limits(flow: FlowDefinition, report: Reporter) -> None:
    for item in iter_texts(flow):
        limit = MAX_FLOW_TEXT_UTF16 if item.role != "button" else MAX_BUTTON_TEXT_UTF16
        for code, text in item.text.items():
            size = utf16_units(text)
            if item.role == "message" and size > limit:
                report.add(
                    "E501",
                    (*item.path, code),
                    f"{size} UTF-16 units; a message may carry at most {limit}"
                    " (Telegram's 4096 less room for progress and hints)",
                    "shorten it, or split it over two info steps",
                )
            if item.role == "button" and size > limit:
                report.add(
                    "E504",
                    (*item.path, code),
                    f"{size} UTF-16 units; a button label may have at most {limit}",
                    "shorten the label; put explanations in the question text",
                )
    for step_id, step in flow.steps.items():
        base: Path = ("steps", step_id)
        if isinstance(step, SingleChoiceStep | MultiChoiceStep):
            action = callback.CHOOSE if isinstance(step, SingleChoiceStep) else callback.TOGGLE
            for i, choice in enumerate(step.choices):
                _check_callback(callback.widest(action, step_id, choice.value), base, i, report)
            _check_button_count(len(step.choices) + NAV_BUTTONS, base, report)
        if isinstance(step, ReviewStep):
            fields = _fields_of(flow.steps)
            for name in fields:
                _check_callback(callback.widest(callback.EDIT, step_id, name), base, None, report)
            _check_button_count(len(fields) + NAV_BUTTONS, base, report)


def _fields_of(steps: Mapping[str, object]) -> list[str]:
    return [
        s.field
        for s in steps.values()
        if isinstance(s, SingleChoiceStep | MultiChoiceStep | TextStep)
    ]


def _check_callback(data: str, base: Path, index: int | None, report: Reporter) -> None:
    size = utf8_bytes(data)
    if size > MAX_CALLBACK_DATA_BYTES:
        path = (*base, "choices", index, "value") if index is not None else base
        report.add(
            "E502",
            path,
            f"its button data would be {size} bytes ({data!r}); Telegram allows"
            f" {MAX_CALLBACK_DATA_BYTES}",
            "shorten the step id and the value codes",
        )


def _check_button_count(count: int, base: Path, report: Reporter) -> None:
    if count > MAX_BUTTONS:
        report.add(
            "E503",
            base,
            f"{count} buttons with navigation; Telegram allows {MAX_BUTTONS}",
            "split the question in two",
            key=True,
        )
