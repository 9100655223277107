"""Semantic checks of a flow that has the right shape.

Each check appends to the reporter and carries on, so an admin sees every mistake at
once. The graph checks that need an acyclic graph (answers available to a rule, review
before submit) run only when there is no cycle, since a cycle is already reported.
"""

from __future__ import annotations

import html.entities
import re
from collections.abc import Mapping

from babel import Locale, UnknownLocaleError

from bot import callback
from bot.flow.conditions import FieldRef, references, step_conditions
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
from bot.flow.report import Reporter, closest, suggestion
from bot.flow.texts import iter_texts
from bot.flow.visibility import check_choices_left
from bot.flow.yamlsrc import Path
from bot.limits import (
    MAX_BUTTON_TEXT_UTF16,
    MAX_BUTTONS,
    MAX_CALLBACK_DATA_BYTES,
    MAX_FLOW_TEXT_UTF16,
    MAX_MESSAGE_UTF16,
    MAX_REGION_CHARS,
    NAV_BUTTONS,
    utf8_bytes,
    utf16_units,
)
from bot.messages import N_

#: Every flow must speak the supporters' three languages.
REQUIRED_LOCALES: tuple[str, ...] = ("ja", "ko", "zh_Hans")
#: The placeholder the submit message must carry (and only a submit message can fill).
REFERENCE_PLACEHOLDER = "{reference}"
#: How long the deployment keeps unsubmitted answers (hours) and cases (days), from its
#: settings: any step text may say them, so a consent never promises figures by hand.
KEEP_HOURS = "{keep_hours}"
KEEP_DAYS = "{keep_days}"
#: Every placeholder a step text may hold: a closed set, filled by plain replacement
#: (no format specs, no attributes), so ``{keep_hours:>3}`` is as unknown as ``{name}``.
PLACEHOLDERS: tuple[str, ...] = (KEEP_HOURS, KEEP_DAYS, REFERENCE_PLACEHOLDER)
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
            hint = closest(code, REQUIRED_LOCALES)
            report.add(
                "E304",
                ("locales", i),
                N_("{locale} is not a locale Babel knows. Did you mean {suggestion}?")
                if hint
                else N_("{locale} is not a locale Babel knows"),
                N_("use identifiers like ja, ko, zh_Hans"),
                locale=repr(code),
                **suggestion(hint),
            )
        if code in flow.locales[:i]:
            report.add(
                "E304",
                ("locales", i),
                N_("{value} is listed twice"),
                N_("list it once"),
                value=repr(code),
            )
    for code in REQUIRED_LOCALES:
        if code not in flow.locales:
            report.add(
                "E305",
                ("locales",),
                N_("the required locale {locale} is missing"),
                N_("add {code} to locales and give every text a {code} version"),
                locale=repr(code),
                code=code,
            )


def _check_texts(flow: FlowDefinition, report: Reporter) -> None:
    declared = list(flow.locales)
    for item in iter_texts(flow):
        for code in declared:
            if code not in item.text:
                report.add(
                    "E301",
                    item.path,
                    N_("no {code} text"),
                    N_("add `{code}: ...` with the translation"),
                    key=True,
                    code=code,
                )
            elif not item.text[code].strip():
                report.add(
                    "E302",
                    (*item.path, code),
                    N_("the {code} text is empty"),
                    N_("write the translation, or remove the text"),
                    code=code,
                )
        for code in item.text:
            if code not in declared:
                hint = closest(code, declared)
                report.add(
                    "E303",
                    (*item.path, code),
                    N_("{locale} is not in the flow's locales. Did you mean {suggestion}?")
                    if hint
                    else N_("{locale} is not in the flow's locales"),
                    N_("use one of {locales}, or add it to locales"),
                    key=True,
                    locale=repr(code),
                    locales=", ".join(declared),
                    **suggestion(hint),
                )
        _check_markup(item.path, item.text, report)
    for step_id, step in flow.steps.items():
        submit = isinstance(step, SubmitStep)
        _check_placeholders(("steps", step_id, "text"), step.text, submit, report)
        # A submit text's alternatives are submit texts too: each must show the reference.
        for i, variant in enumerate(step.texts):
            path: Path = ("steps", step_id, "texts", i, "text")
            _check_placeholders(path, variant.text, submit, report)


def _check_placeholders(
    base: Path, text: Mapping[str, str], submit: bool, report: Reporter
) -> None:
    for code, value in text.items():
        found = _PLACEHOLDER.findall(value)
        wrong = [p for p in found if p not in PLACEHOLDERS]
        path: Path = (*base, code)
        if submit and REFERENCE_PLACEHOLDER not in found:
            report.add(
                "E306",
                path,
                N_("the submit message does not show the case reference"),
                N_("put {placeholder} where the reference should appear"),
                placeholder=REFERENCE_PLACEHOLDER,
            )
        if wrong:
            report.add(
                "E306",
                path,
                N_("unknown placeholder {found}"),
                N_(
                    "use one of {placeholders} ({placeholder} only in a submit step),"
                    " or write braces as text without them"
                ),
                found=wrong[0],
                placeholders=", ".join(PLACEHOLDERS),
                placeholder=REFERENCE_PLACEHOLDER,
            )


def _check_markup(path: Path, text: Mapping[str, str], report: Reporter) -> None:
    """Texts are plain: the bot escapes them for Telegram's HTML parse mode, so markup an
    admin pasted would reach supporters as visible tags instead of formatting."""
    for code, value in text.items():
        found = _markup(value)
        if found is None:
            continue
        if found.startswith("&"):
            report.add(
                "E307",
                (*path, code),
                N_("the HTML entity {found} would show as typed, not as {char}"),
                N_("write {char} itself: flow texts are plain text"),
                found=found,
                char=repr(html.unescape(found)),
            )
        else:
            report.add(
                "E307",
                (*path, code),
                N_("the HTML tag {found} would show as typed, not as formatting"),
                N_("remove it: flow texts are plain text (for a line break, start a new line)"),
                found=found,
            )


#: Tags an admin may paste from a web page or Telegram's HTML formatting. An opening
#: ``<word>`` is markup only with such a name: ``<your answer>`` is prose.
_HTML_ELEMENTS = frozenset({
    "a", "abbr", "b", "big", "blockquote", "body", "br", "center", "cite", "code", "del",
    "div", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "html", "i",
    "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span",
    "strike", "strong", "sub", "sup", "table", "td", "tg-emoji", "tg-spoiler", "th", "tr",
    "tt", "u", "ul",
})  # fmt: skip
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>")
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|([A-Za-z][A-Za-z0-9]*));")


def _markup(text: str) -> str | None:
    """The first HTML tag or entity in ``text``; ``a < b``, ``<3`` and 〈〉 are not markup."""
    if "<" in text:
        for match in _TAG.finditer(text):
            closing, name = match.groups()
            if closing or name.lower() in _HTML_ELEMENTS:
                return match.group()
    if "&" in text:
        for match in _ENTITY.finditer(text):
            name = match.group(1)
            # html5 lists names with their ";": an unknown &word; is text (R&D;, Q&As;).
            if name is None or f"{name};" in html.entities.html5:
                return match.group()
    return None


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
            _undeclared(("region", i), name, flow, N_("name a declared single field"), report)
        elif spec.type != "single":
            report.add(
                "E402",
                ("region", i),
                N_("region fields must be single choices; {field} is {type}"),
                N_("list only single fields under region"),
                field=repr(name),
                type=spec.type,
            )
    region = [flow.fields[name] for name in flow.region if name in flow.fields]
    longest = sum(max(map(len, spec.values), default=0) for spec in region) + len(region) - 1
    if region and longest > MAX_REGION_CHARS:
        report.add(
            "E412",
            ("region",),
            N_(
                "the longest region, its codes joined by '/', has {length} characters;"
                " the stub keeps {limit}"
            ),
            N_("list fewer region fields or use shorter codes"),
            length=longest,
            limit=MAX_REGION_CHARS,
        )
    for name, spec in flow.fields.items():
        path: Path = ("fields", name, "values")
        if spec.type == "text" and spec.values:
            report.add(
                "E408", path, N_("a text field has no values"), N_("remove values"), key=True
            )
        if spec.type != "text" and len(spec.values) < 2:
            report.add(
                "E408",
                ("fields", name),
                N_("a {type} field needs at least two values"),
                N_("list the codes its choices use under values"),
                type=spec.type,
            )
        listed: set[str] = set()
        for i, value in enumerate(spec.values):
            if value in listed:
                report.add(
                    "E407",
                    (*path, i),
                    N_("{value} is listed twice"),
                    N_("list it once"),
                    value=repr(value),
                )
            listed.add(value)
    asked_by: dict[str, str] = {}
    for step_id, step in _answer_steps(flow):
        path = ("steps", step_id, "field")
        declared = flow.fields.get(step.field)
        if declared is None:
            _undeclared(
                path,
                step.field,
                flow,
                N_("declare it under fields, with its type and values"),
                report,
            )
            continue
        if step.field in asked_by:
            report.add(
                "E404",
                path,
                N_("field {field} is already asked by step {step}"),
                N_("give each step its own field"),
                field=repr(step.field),
                step=repr(asked_by[step.field]),
            )
        asked_by.setdefault(step.field, step_id)
        wanted = _FIELD_TYPE_OF_KIND[step.kind]
        if declared.type != wanted:
            report.add(
                "E402",
                path,
                N_("a {kind} step answers a {wanted} field, but {field} is {type}"),
                N_("change the field's type to {wanted}, or the step's kind"),
                kind=step.kind,
                wanted=wanted,
                field=repr(step.field),
                type=declared.type,
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
                N_("field {field} is declared but no step asks it"),
                N_("add a step with this field, or remove the declaration"),
                key=True,
                field=repr(name),
            )


def _undeclared(path: Path, name: str, flow: FlowDefinition, fix: str, report: Reporter) -> None:
    hint = closest(name, flow.fields)
    report.add(
        "E401",
        path,
        N_("field {field} is not declared. Did you mean {suggestion}?")
        if hint
        else N_("field {field} is not declared"),
        fix,
        field=repr(name),
        **suggestion(hint),
    )


def _check_choices(
    step_id: str, step: SingleChoiceStep | MultiChoiceStep, values: list[str], report: Reporter
) -> None:
    offered: list[str] = []
    for i, choice in enumerate(step.choices):
        path: Path = ("steps", step_id, "choices", i, "value")
        if choice.value in offered:
            report.add(
                "E407",
                path,
                N_("{value} is offered twice"),
                N_("offer it once"),
                value=repr(choice.value),
            )
        elif choice.value not in values:
            _unknown_value(
                path,
                choice.value,
                step.field,
                values,
                N_("use one of {values}, or add it to the field's values"),
                report,
            )
        offered.append(choice.value)
        if choice.exclusive and isinstance(step, SingleChoiceStep):
            report.add(
                "E413",
                ("steps", step_id, "choices", i, "exclusive"),
                N_("exclusive means something only in a multi_choice step"),
                N_("remove exclusive: a single_choice step takes one answer anyway"),
                key=True,
            )
    exclusive = [c.value for c in step.choices if c.exclusive]
    if exclusive and isinstance(step, MultiChoiceStep) and step.min > 1:
        report.add(
            "E411",
            ("steps", step_id, "min"),
            N_("min {min} cannot be reached with the exclusive choice {value}"),
            N_("make min at most 1, or remove exclusive from {value}"),
            min=step.min,
            value=repr(exclusive[0]),
        )
    for value in values:
        if value not in offered:
            report.add(
                "E406",
                ("steps", step_id, "choices"),
                N_("field {field} allows {value} but this step does not offer it"),
                N_("add a choice for it, or remove it from the field's values"),
                key=True,
                field=repr(step.field),
                value=repr(value),
            )


def _unknown_value(
    path: Path, value: str, field: str, values: list[str], fix: str, report: Reporter
) -> None:
    hint = closest(value, values)
    report.add(
        "E403",
        path,
        N_("{value} is not a value of field {field}. Did you mean {suggestion}?")
        if hint
        else N_("{value} is not a value of field {field}"),
        fix,
        value=repr(value),
        field=repr(field),
        values=", ".join(values),
        **suggestion(hint),
    )


def _check_bounds(step_id: str, step: AnswerStep, report: Reporter) -> None:
    if isinstance(step, MultiChoiceStep):
        most = step.max if step.max is not None else len(step.choices)
        if step.min > most or most > len(step.choices):
            report.add(
                "E411",
                ("steps", step_id, "max" if step.max is not None else "min"),
                N_("min {min} and max {max} do not fit {count} choices"),
                N_("make 0 <= min <= max <= the number of choices"),
                min=step.min,
                max=most,
                count=len(step.choices),
            )
    if isinstance(step, TextStep) and step.min_length > step.max_length:
        report.add(
            "E411",
            ("steps", step_id, "min_length"),
            N_("min_length {min} is above max_length {max}"),
            N_("make min_length <= max_length"),
            min=step.min_length,
            max=step.max_length,
        )


def _check_conditions(flow: FlowDefinition, report: Reporter) -> None:
    for ref in _all_references(flow):
        spec = flow.fields.get(ref.field)
        if spec is None:
            _undeclared(ref.path, ref.field, flow, N_("name a declared field"), report)
            continue
        if ref.compares and spec.type == "text":
            report.add(
                "E409",
                ref.path,
                N_("{field} is free text: its content cannot be compared"),
                N_("use `answered:` for text fields"),
                field=repr(ref.field),
            )
            continue
        for value in ref.values:
            if value not in spec.values:
                _unknown_value(
                    ref.path, value, ref.field, spec.values, N_("use one of {values}"), report
                )


def _all_references(flow: FlowDefinition) -> list[FieldRef]:
    refs: list[FieldRef] = []
    if flow.contact_consent is not None:
        refs.extend(references(flow.contact_consent, ("contact_consent",)))
    for i, rule in enumerate(flow.triage):
        refs.extend(references(rule.when, ("triage", i, "when")))
    for step_id, step in flow.steps.items():
        refs.extend(ref for c in step_conditions(step_id, step) for ref in c.references())
    return refs


def _check_graph(flow: FlowDefinition, report: Reporter) -> None:
    if flow.start not in flow.steps:
        _unknown_step(("start",), flow.start, flow, report)
    for step_id, step in flow.steps.items():
        for ex in exits(step_id, step):
            if ex.target not in flow.steps:
                _unknown_step(ex.path, ex.target, flow, report)
        _check_way_on(step_id, step, report)
    if not any(isinstance(s, SubmitStep) for s in flow.steps.values()):
        report.add(
            "E205",
            ("steps",),
            N_("no step submits the intake"),
            N_("add a step with kind: submit"),
            key=True,
        )
    seen = set(reachable(flow))
    if flow.start in flow.steps:
        for step_id in flow.steps:
            if step_id not in seen:
                report.add(
                    "E202",
                    ("steps", step_id),
                    N_("no path from {start} reaches step {step}"),
                    N_("point a next, choice or route at it, or remove it"),
                    key=True,
                    start=repr(flow.start),
                    step=repr(step_id),
                )
    order = topological(flow)
    if order is None:
        _report_cycles(flow, report)
        return
    before = _check_answered_before(flow, order, report)
    check_choices_left(flow, before, report)
    _check_review_before_submit(flow, order, report)


def _unknown_step(path: Path, target: str, flow: FlowDefinition, report: Reporter) -> None:
    hint = closest(target, flow.steps)
    report.add(
        "E201",
        path,
        N_("step {step} does not exist. Did you mean {suggestion}?")
        if hint
        else N_("step {step} does not exist"),
        N_("name an existing step id"),
        step=repr(target),
        **suggestion(hint),
    )


def _check_way_on(step_id: str, step: object, report: Reporter) -> None:
    if isinstance(step, SingleChoiceStep) and step.next is None:
        for i, choice in enumerate(step.choices):
            if choice.next is None:
                report.add(
                    "E204",
                    ("steps", step_id, "choices", i),
                    N_("choice {value} has no next, and the step has no default next"),
                    N_("give the step a next (or this choice a next)"),
                    value=repr(choice.value),
                )
    elif isinstance(step, MultiChoiceStep | TextStep | InfoStep) and step.next is None:
        report.add(
            "E204",
            ("steps", step_id),
            N_("this step has no next: routes are conditional, so a default is needed"),
            N_("add next: <step id> for when no route applies"),
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
                fix = N_(
                    "intakes must always move forward: point it at a later step"
                    " (supporters go back with the Back button)"
                )
                if len(loop) <= 12:
                    report.add(
                        "E203",
                        ex.path,
                        N_("this goes back to {step} and makes a loop: {loop}"),
                        fix,
                        step=repr(target),
                        loop=" -> ".join(loop),
                    )
                else:
                    report.add(
                        "E203",
                        ex.path,
                        N_(
                            "this goes back to {step} and makes a loop:"
                            " {first} -> ... ({more} more) -> {last}"
                        ),
                        fix,
                        step=repr(target),
                        first=" -> ".join(loop[:5]),
                        more=len(loop) - 10,
                        last=" -> ".join(loop[-5:]),
                    )
            elif target not in state:
                state[target] = 1
                path.append(target)
                pending.append(iter(list(exits(target, flow.steps[target]))))


def _check_answered_before(
    flow: FlowDefinition, order: list[str], report: Reporter
) -> dict[str, set[str]]:
    """Conditions may only read fields asked on every path that reaches their step (routes:
    or by the step itself). Returns step id -> the fields asked on every path to it."""
    succ = successors(flow)
    before: dict[str, set[str]] = {flow.start: set()}
    for node in order:
        step = flow.steps[node]
        after = set(before.get(node, set()))
        if isinstance(step, SingleChoiceStep | MultiChoiceStep | TextStep):
            after.add(step.field)
        for nxt in succ[node]:
            before[nxt] = before[nxt] & after if nxt in before else set(after)
        for cond in step_conditions(node, step):
            # Routes are taken once the step is answered; choices and texts are shown
            # before, so they may read only what came earlier.
            known = after if cond.role == "route" else before.get(node, set())
            for ref in cond.references():
                if ref.field not in flow.fields or ref.field in known:
                    continue
                if ref.field == getattr(step, "field", None):
                    report.add(
                        "E410",
                        ref.path,
                        N_("field {field} is asked by this very step, so it has no answer yet"),
                        N_("show choices and texts on answers to earlier questions"),
                        field=repr(ref.field),
                    )
                    continue
                report.add(
                    "E410",
                    ref.path,
                    N_("field {field} is not asked on every path to {step}"),
                    N_(
                        "route on fields asked earlier on all paths, or move the"
                        " question before this step"
                    )
                    if cond.role == "route"
                    else N_(
                        "use fields asked earlier on all paths, or move the question"
                        " before this step"
                    ),
                    field=repr(ref.field),
                    step=repr(node),
                )
    return before


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
                N_("a path reaches this submit step without passing a review step"),
                N_("put a step with kind: review before it, so supporters check their answers"),
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
                    N_(
                        "{size} UTF-16 units; a message may carry at most {limit}"
                        " (Telegram's {telegram} less room for progress and hints)"
                    ),
                    N_("shorten it, or split it over two info steps"),
                    size=size,
                    limit=limit,
                    telegram=MAX_MESSAGE_UTF16,
                )
            if item.role == "button" and size > limit:
                report.add(
                    "E504",
                    (*item.path, code),
                    N_("{size} UTF-16 units; a button label may have at most {limit}"),
                    N_("shorten the label; put explanations in the question text"),
                    size=size,
                    limit=limit,
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
            N_("its button data would be {size} bytes ({data}); Telegram allows {limit}"),
            N_("shorten the step id and the value codes"),
            size=size,
            data=repr(data),
            limit=MAX_CALLBACK_DATA_BYTES,
        )


def _check_button_count(count: int, base: Path, report: Reporter) -> None:
    if count > MAX_BUTTONS:
        report.add(
            "E503",
            base,
            N_("{count} buttons with navigation; Telegram allows {limit}"),
            N_("split the question in two"),
            key=True,
            count=count,
            limit=MAX_BUTTONS,
        )
