"""Safe YAML with line numbers, for files that admins edit by hand.

We compose PyYAML's node tree ourselves instead of calling ``safe_load`` because we want:

* the line of every key and value, so a problem can point at ``intake.yaml:42``;
* YAML 1.2 scalars: PyYAML follows YAML 1.1, where ``no``, ``yes``, ``on`` and ``off`` are
  booleans, and a choice value ``no`` would silently become ``False``;
* duplicate keys reported (PyYAML keeps the last one without a word), since a duplicated
  step id would otherwise hide a whole step;
* no aliases (``*ref``): they allow exponential "billion laughs" documents and make a
  flow harder to read; nothing in a flow needs them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

PathKey = str | int
Path = tuple[PathKey, ...]

_INT = re.compile(r"[-+]?[0-9]+")
MAX_DIGITS = 100
#: No flow nests deeper than a handful of levels; far deeper is an error, not a crash.
MAX_DEPTH = 50
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_ALLOWED_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq")
)


@dataclass(frozen=True)
class Mark:
    """A 1-based position in the source text."""

    line: int
    column: int


@dataclass
class YamlDocument:
    """Plain data from a YAML file, with the position of every value and every key."""

    data: Any
    values: dict[Path, Mark] = field(default_factory=dict)
    keys: dict[Path, Mark] = field(default_factory=dict)
    #: Problems that still let us read the rest of the file (duplicate keys: first one wins).
    problems: list[YamlError] = field(default_factory=list)

    def mark(self, path: Path, *, key: bool = False) -> Mark | None:
        """The position of ``path``, or of its nearest ancestor that exists."""
        table = self.keys if key else self.values
        for end in range(len(path), -1, -1):
            found = table.get(path[:end]) or self.values.get(path[:end])
            if found is not None:
                return found
        return None


class YamlError(Exception):
    """A syntax-level problem.

    ``kind`` is one of ``syntax``, ``alias``, ``duplicate-key`` and ``tag``.
    """

    def __init__(self, kind: str, message: str, mark: Mark | None, path: Path = ()) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.mark = mark
        self.path = path


def _mark(node_mark: Any) -> Mark:
    return Mark(node_mark.line + 1, node_mark.column + 1)


#: libyaml's parser when PyYAML was built with it (about 10x faster), else pure Python.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _alias_mark(text: str) -> Mark | None:
    # Composing shares an aliased node instead of copying it, so the node tree cannot say
    # where the alias was written; the event stream can. Only run on the error path.
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            return _mark(event.start_mark)
    return None


def parse(text: str) -> YamlDocument:
    """Parse one YAML document into plain data with positions.

    Duplicate keys are collected in ``problems`` (the first occurrence wins) so that the
    rest of the file can still be checked.

    Raises:
        YamlError: on a syntax error, an alias or a non-standard tag.
    """
    try:
        node = yaml.compose(text, Loader=_Loader)
    except RecursionError:  # the composer itself recurses into every nested level
        raise YamlError(
            "syntax",
            f"the file nests lists or mappings far more than {MAX_DEPTH} levels deep",
            None,
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = str(exc.problem or "invalid YAML")
        if exc.context and exc.context_mark:
            message = f"{exc.context} (from line {exc.context_mark.line + 1}): {message}"
        raise YamlError("syntax", message, _mark(mark) if mark else None) from None
    except yaml.YAMLError as exc:
        raise YamlError("syntax", str(exc), None) from None
    doc = YamlDocument(data=None)
    if node is not None:
        try:
            doc.data = _convert(node, (), doc, set())
        except _AliasFoundError:
            raise YamlError(
                "alias", "YAML aliases (*name) are not allowed in flow files", _alias_mark(text)
            ) from None
    return doc


class _AliasFoundError(Exception):
    pass


def _convert(node: yaml.Node, path: Path, doc: YamlDocument, seen: set[int]) -> Any:
    if id(node) in seen:  # a node met twice was reached through an alias
        raise _AliasFoundError
    if len(path) > MAX_DEPTH:
        raise YamlError(
            "syntax",
            f"the file nests lists or mappings more than {MAX_DEPTH} levels deep",
            _mark(node.start_mark),
            path,
        )
    seen.add(id(node))
    doc.values[path] = _mark(node.start_mark)
    if node.tag not in _ALLOWED_TAGS:
        raise YamlError(
            "tag", f"the YAML tag {node.tag!r} is not allowed", _mark(node.start_mark), path
        )
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlError(
                    "syntax", "a key must be a plain word", _mark(key_node.start_mark), path
                )
            key = str(key_node.value)
            if key in result:
                first = doc.keys[(*path, key)]
                doc.problems.append(
                    YamlError(
                        "duplicate-key",
                        f"the key {key!r} appears twice (first on line {first.line})",
                        _mark(key_node.start_mark),
                        (*path, key),
                    )
                )
                continue
            doc.keys[(*path, key)] = _mark(key_node.start_mark)
            result[key] = _convert(value_node, (*path, key), doc, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, (*path, i), doc, seen) for i, item in enumerate(node.value)]
    assert isinstance(node, yaml.ScalarNode)
    return _scalar(node)


def _scalar(node: yaml.ScalarNode) -> Any:
    value = str(node.value)
    if node.style:  # quoted or block scalars are always strings (libyaml: "" when plain)
        return value
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.fullmatch(value):
        # No flow needs a number this long; int() refuses thousands of digits with an
        # exception, so it stays text and the shape check reports it where it stands.
        return int(value) if len(value) <= MAX_DIGITS else value
    if _FLOAT.fullmatch(value):
        return float(value)
    return value
