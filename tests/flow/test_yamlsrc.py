"""Safe YAML with positions."""

from __future__ import annotations

import pytest

from bot.flow.yamlsrc import Mark, YamlError, parse


def test_scalars_follow_yaml_12() -> None:
    doc = parse("a: no\nb: yes\nc: on\nd: true\ne: 3\nf: '3'\ng: null\nh: 1.5\n")
    assert doc.data == {
        "a": "no",
        "b": "yes",
        "c": "on",
        "d": True,
        "e": 3,
        "f": "3",
        "g": None,
        "h": 1.5,
    }


def test_positions_of_values_and_keys() -> None:
    doc = parse("top:\n  items:\n    - x\n    - {k: v}\n")
    assert doc.values[("top", "items", 1, "k")] == Mark(4, 11)
    assert doc.keys[("top", "items")] == Mark(2, 3)
    assert doc.mark(("top", "items", 1, "missing")) == Mark(4, 7)


def test_duplicate_keys_are_collected_and_first_wins() -> None:
    doc = parse("a: 1\nb: 2\na: 3\n")
    assert doc.data == {"a": 1, "b": 2}
    [problem] = doc.problems
    assert problem.kind == "duplicate-key"
    assert problem.mark == Mark(3, 1)


def test_aliases_are_refused() -> None:
    bomb = 'a: &a ["x", "x"]\nb: &b [*a, *a]\nc: [*b, *b]\n'
    with pytest.raises(YamlError) as caught:
        parse(bomb)
    assert caught.value.kind == "alias"
    assert caught.value.mark == Mark(2, 8)


@pytest.mark.parametrize(
    "text",
    ["a: !!python/object/apply:os.system ['true']\n", "a: !custom x\n", "a: !!binary eA==\n"],
)
def test_only_plain_tags(text: str) -> None:
    with pytest.raises(YamlError) as caught:
        parse(text)
    assert caught.value.kind == "tag"


def test_syntax_error_has_a_line() -> None:
    with pytest.raises(YamlError) as caught:
        parse("a: [1, 2\nb: 3\n")
    assert caught.value.kind == "syntax"
    assert caught.value.mark is not None
    assert caught.value.mark.line == 2
