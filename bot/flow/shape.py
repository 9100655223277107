"""The shape check: pydantic validation, with its errors turned into located problems.

Pydantic reports a location such as ``('steps', 'region', 'single_choice', 'choices', 2,
'text')``, where ``single_choice`` is the union member it tried, not a key in the file.
We walk the model's types alongside that location to drop such tags, to find the line,
and to know which keys were allowed where an unknown key appears (for did-you-mean).

Before pydantic sees the data, the number of steps and the length of every list are
bounded (E108, E109), so that a hostile file is refused at the cost of its parse.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from bot.flow.model import OPERATORS, STEP_KINDS, FlowDefinition
from bot.flow.report import Reporter, closest, suggestion
from bot.flow.yamlsrc import Path, PathKey
from bot.limits import MAX_FLOW_ENTRIES, MAX_FLOW_LOCALES, MAX_FLOW_STEPS
from bot.messages import N_

_ID_HINT = N_("use lowercase letters, digits and _, starting with a letter (e.g. in_custody)")


def validate_shape(data: Any, report: Reporter) -> FlowDefinition | None:
    """Validate ``data`` against the flow model; report every error; ``None`` if any."""
    if not isinstance(data, Mapping):
        report.add(
            "E112",
            (),
            N_("a flow file must be a mapping of keys (id, version, locales, ...)"),
            N_("start from flows/intake.yaml"),
        )
        return None
    if not _check_sizes(data, report):
        return None
    try:
        return FlowDefinition.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            _report_error(error, report)
        return None


def _check_sizes(data: Mapping[str, Any], report: Reporter) -> bool:
    """Bound every list and mapping before pydantic and the checks see them: a file within
    the byte limit can still hold 10,000 steps or 60,000 values, and some checks compare
    entries pairwise. Walking the parsed data takes milliseconds where parsing took a
    second, so an oversized upload costs little more than its parse."""
    fine = True
    pending: list[tuple[Path, Any]] = [((), data)]
    while pending:
        path, value = pending.pop()
        if isinstance(value, Mapping):
            children: list[tuple[PathKey, Any]] = list(value.items())
        elif isinstance(value, list):
            children = list(enumerate(value))
        else:
            continue
        if path == ("steps",):
            if len(children) > MAX_FLOW_STEPS:
                report.add(
                    "E108",
                    path,
                    N_("the flow has {count} steps; the limit is {limit}"),
                    N_("split it into several flows, or remove steps that are not needed"),
                    key=True,
                    count=len(children),
                    limit=MAX_FLOW_STEPS,
                )
                fine = False
                continue
        elif len(children) > (limit := _entries_limit(path)):
            report.add(
                "E109",
                path,
                N_("this has {count} entries; the limit is {limit}"),
                N_("remove the entries that are not needed"),
                key=True,
                count=len(children),
                limit=limit,
            )
            fine = False
            continue  # one problem for the whole list, not one per entry inside it
        pending.extend(((*path, k), v) for k, v in reversed(children))
    return fine


def _entries_limit(path: Path) -> int:
    return MAX_FLOW_LOCALES if path == ("locales",) else MAX_FLOW_ENTRIES


def _report_error(error: ErrorDetails, report: Reporter) -> None:
    path, parent = _resolve(tuple(error["loc"]))
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        name = str(path[-1])
        allowed = _aliases(parent) if parent else []
        hint = closest(name, allowed)
        report.add(
            "E110",
            path,
            N_("unknown key {found}. Did you mean {suggestion}?")
            if hint
            else N_("unknown key {found}"),
            N_("remove it or use one of: {keys}"),
            key=True,
            found=repr(name),
            keys=", ".join(allowed),
            **suggestion(hint),
        )
    elif kind == "missing":
        name = str(path[-1])
        _missing_key(report, path[:-1], name, N_("add {name}: ... here"), name=name)
    elif kind == "union_tag_not_found":
        _missing_key(report, path, "kind", _KINDS_FIX, kinds=", ".join(STEP_KINDS))
    elif kind == "union_tag_invalid":
        tag = str(ctx.get("tag", ""))
        hint = closest(tag, STEP_KINDS)
        report.add(
            "E113",
            (*path, "kind"),
            N_("unknown step kind {kind}. Did you mean {suggestion}?")
            if hint
            else N_("unknown step kind {kind}"),
            _KINDS_FIX,
            kind=repr(tag),
            kinds=", ".join(STEP_KINDS),
            **suggestion(hint),
        )
    elif kind == "unknown_operator":
        present = [str(k) for k in error["input"]] if isinstance(error["input"], Mapping) else []
        hints = suggestion(*(closest(k, OPERATORS) for k in present))
        fix = N_("use exactly one of: {operators}")
        operators = ", ".join(OPERATORS)
        if not present:
            message = N_("no known operator in this condition (found nothing)")
            report.add("E114", path, message, fix, operators=operators)
            return
        report.add(
            "E114",
            path,
            N_("no known operator in this condition (found {found}). Did you mean {suggestion}?")
            if hints
            else N_("no known operator in this condition (found {found})"),
            fix,
            operators=operators,
            found=", ".join(present),
            **hints,
        )
    elif kind == "string_pattern_mismatch":
        report.add("E112", path, _NOT_AN_ID, _ID_HINT, value=repr(error["input"]))
    elif path and path[-1] == "[key]":
        key_path = path[:-1]
        report.add("E112", key_path, _NOT_AN_ID, _ID_HINT, key=True, value=repr(key_path[-1]))
    else:
        # pydantic's own English (pydantic-core has no catalogs); the rest is ours.
        report.add(
            "E112",
            path,
            N_("{detail} (found {found})"),
            _value_fix(kind),
            detail=error["msg"],
            found=_show(error["input"]),
        )


_NOT_AN_ID = N_("{value} is not a valid id")
_KINDS_FIX = N_("set kind to one of: {kinds}")


def _missing_key(
    report: Reporter, path: Path, missing: str, fix: str, /, **fix_params: str
) -> None:
    report.add(
        "E111",
        path,
        N_("missing required key {missing}"),
        fix,
        key=True,
        missing=repr(missing),
        **fix_params,
    )


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _value_fix(kind: str) -> str:
    if kind.startswith(("string", "str")):
        return N_("write text here (quote it if it looks like a number or true/false)")
    if kind.startswith(("int", "greater", "less")):
        return N_("write a whole number within the stated range")
    if kind.startswith(("list", "too_short", "too_long")):
        return N_("write a list (one `- item` per line) of the stated length")
    if kind.startswith(("dict", "mapping", "model")):
        return N_("write keys and values here (key: value, one per line)")
    if kind.startswith("literal"):
        return N_("use one of the values the message lists")
    return N_("see the JSON Schema in flows/flow.schema.json or the README")


# --- walking types alongside a pydantic location -------------------------------------------


def _resolve(loc: tuple[PathKey, ...]) -> tuple[Path, type[BaseModel] | None]:
    """Data path of ``loc`` (union tags dropped) and the model owning its last key."""
    path: list[PathKey] = []
    current: Any = FlowDefinition
    parent: type[BaseModel] | None = None
    for part in loc:
        current = _strip(current)
        members = _union_members(current)
        if members is not None:
            tagged = members.get(str(part))
            if tagged is not None:
                current = tagged
                continue
            current = None
        if isinstance(current, type) and issubclass(current, BaseModel):
            parent = current
            field = {(f.alias or n): f for n, f in current.model_fields.items()}.get(str(part))
            current = field.annotation if field else None
        elif typing.get_origin(current) is list:
            current = typing.get_args(current)[0]
        elif typing.get_origin(current) in (dict, Mapping, typing.get_origin(Mapping[str, str])):
            if part == "[key]":
                path.append(part)
                continue
            current = typing.get_args(current)[1]
        else:
            current = None
        path.append(part)
    return tuple(path), parent


def _strip(tp: Any) -> Any:
    """Drop ``Annotated`` and ``Optional`` wrappers."""
    while True:
        if typing.get_origin(tp) is typing.Annotated:
            tp = typing.get_args(tp)[0]
            continue
        args = _union_args(tp)
        if args is not None and type(None) in args and len(args) == 2:
            tp = next(a for a in args if a is not type(None))
            continue
        return tp


def _union_args(tp: Any) -> tuple[Any, ...] | None:
    if typing.get_origin(tp) is typing.Union or isinstance(tp, types.UnionType):
        return typing.get_args(tp)
    return None


def _union_members(tp: Any) -> dict[str, Any] | None:
    """Tag -> member type for a discriminated union, else ``None``."""
    args = _union_args(tp)
    if args is None:
        return None
    members: dict[str, Any] = {}
    for arg in args:
        tag = None
        if typing.get_origin(arg) is typing.Annotated:
            for meta in typing.get_args(arg)[1:]:
                tag = getattr(meta, "tag", None) or tag
            arg = typing.get_args(arg)[0]
        if tag is None and isinstance(arg, type) and issubclass(arg, BaseModel):
            kind = arg.model_fields.get("kind")
            if kind is not None:
                tag = typing.get_args(kind.annotation)[0]
        if tag is not None:
            members[str(tag)] = arg
    return members


def _aliases(model: type[BaseModel]) -> list[str]:
    return [f.alias or n for n, f in model.model_fields.items()]
