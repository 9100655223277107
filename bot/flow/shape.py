"""The shape check: pydantic validation, with its errors turned into located problems.

Pydantic reports a location such as ``('steps', 'region', 'single_choice', 'choices', 2,
'text')``, where ``single_choice`` is the union member it tried, not a key in the file.
We walk the model's types alongside that location to drop such tags, to find the line,
and to know which keys were allowed where an unknown key appears (for did-you-mean).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from bot.flow.model import OPERATORS, STEP_KINDS, FlowDefinition
from bot.flow.report import Reporter
from bot.flow.suggest import did_you_mean
from bot.flow.yamlsrc import Path, PathKey

_ID_HINT = "use lowercase letters, digits and _, starting with a letter (e.g. in_custody)"


def validate_shape(data: Any, report: Reporter) -> FlowDefinition | None:
    """Validate ``data`` against the flow model; report every error; ``None`` if any."""
    if not isinstance(data, Mapping):
        report.add(
            "E112",
            (),
            "a flow file must be a mapping of keys (id, version, locales, ...)",
            "start from flows/intake.yaml",
        )
        return None
    try:
        return FlowDefinition.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            _report_error(error, report)
        return None


def _report_error(error: ErrorDetails, report: Reporter) -> None:
    path, parent = _resolve(tuple(error["loc"]))
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        key = str(path[-1])
        allowed = _aliases(parent) if parent else []
        hint = did_you_mean(key, allowed)
        report.add(
            "E110",
            path,
            f"unknown key {key!r}.{hint}",
            f"remove it or use one of: {', '.join(allowed)}",
            key=True,
        )
    elif kind == "missing":
        report.add(
            "E111",
            path[:-1],
            f"missing required key {path[-1]!r}",
            f"add {path[-1]}: ... here",
            key=True,
        )
    elif kind == "union_tag_not_found":
        report.add("E111", path, "missing required key 'kind'", _kinds_fix(), key=True)
    elif kind == "union_tag_invalid":
        tag = str(ctx.get("tag", ""))
        hint = did_you_mean(tag, _step_kinds())
        report.add("E113", (*path, "kind"), f"unknown step kind {tag!r}.{hint}", _kinds_fix())
    elif kind == "unknown_operator":
        present = [str(k) for k in error["input"]] if isinstance(error["input"], Mapping) else []
        hints = "".join(did_you_mean(k, OPERATORS) for k in present)
        report.add(
            "E114",
            path,
            f"no known operator in this condition (found {', '.join(present) or 'nothing'})."
            + hints,
            f"use exactly one of: {', '.join(OPERATORS)}",
        )
    elif kind == "string_pattern_mismatch":
        report.add("E112", path, f"{error['input']!r} is not a valid id", _ID_HINT)
    elif path and path[-1] == "[key]":
        key_path = path[:-1]
        report.add("E112", key_path, f"{key_path[-1]!r} is not a valid id", _ID_HINT, key=True)
    else:
        report.add(
            "E112", path, f"{error['msg']} (found {_show(error['input'])})", _value_fix(kind)
        )


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _value_fix(kind: str) -> str:
    if kind.startswith(("string", "str")):
        return "write text here (quote it if it looks like a number or true/false)"
    if kind.startswith(("int", "greater", "less")):
        return "write a whole number within the stated range"
    if kind.startswith(("list", "too_short", "too_long")):
        return "write a list (one `- item` per line) of the stated length"
    if kind.startswith(("dict", "mapping", "model")):
        return "write keys and values here (key: value, one per line)"
    if kind.startswith("literal"):
        return "use one of the values the message lists"
    return "see the JSON Schema in flows/flow.schema.json or the README"


def _kinds_fix() -> str:
    return f"set kind to one of: {', '.join(_step_kinds())}"


def _step_kinds() -> list[str]:
    return list(STEP_KINDS)


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
