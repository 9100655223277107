"""Choices offered on a condition, exclusive choices, and texts that depend on answers:
what the checker accepts and what it reports, on variations of ``conditional.yaml``."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.flow.loader import check_bytes
from bot.flow.model import SingleChoiceStep
from bot.flow.po import export_po
from bot.flow.problems import Problem

CONDITIONAL = (Path(__file__).parent / "conditional.yaml").read_text(encoding="utf-8")
#: The province choice offered only in China.
JILIN_WHEN = """      - value: jilin
        text: {ja: 吉林省, ko: 지린성, zh_Hans: 吉林省}
        when: {field: country, equals: china}
"""
UNKNOWN = (
    "      - {value: unknown, text: {ja: わからない, ko: 모름, zh_Hans: 不清楚}}\n"
    "    next: evidence"
)
PROVINCES = CONDITIONAL[
    CONDITIONAL.index("      - value: north_hamgyong") : CONDITIONAL.index(UNKNOWN)
]
CHINA_TEXT = "      - when: {field: country, equals: china}\n"
NO_CONTACT_TEXT = """          ja: "受付番号 {reference}。こちらからは連絡しません。"
"""


def problems(old: str, new: str) -> list[Problem]:
    assert old in CONDITIONAL, old
    return list(check_bytes(CONDITIONAL.replace(old, new).encode(), "inline.yaml").problems)


def found(old: str, new: str) -> list[tuple[str, str]]:
    return [(p.code, p.path) for p in problems(old, new)]


def test_the_example_flow_loads() -> None:
    result = check_bytes(CONDITIONAL.encode(), "conditional.yaml")
    assert result.ok, [p.render() for p in result.problems]


def test_a_choice_may_only_read_fields_asked_before_its_step() -> None:
    later = JILIN_WHEN.replace("{field: country, equals: china}", '{field: contact, equals: "no"}')
    assert found(JILIN_WHEN, later) == [("E410", "steps.province.choices[2].when.field")]


def test_a_choice_cannot_read_the_field_its_own_step_asks() -> None:
    own = JILIN_WHEN.replace("{field: country, equals: china}", "{answered: province}")
    [problem] = problems(JILIN_WHEN, own)
    assert (problem.code, problem.path) == ("E410", "steps.province.choices[2].when.answered")
    assert "asked by this very step" in problem.message


def test_a_text_variant_may_only_read_fields_asked_before_its_step() -> None:
    later = CHINA_TEXT.replace("{field: country, equals: china}", "{answered: evidence}")
    [problem] = problems(CHINA_TEXT, later)
    assert (problem.code, problem.path) == ("E410", "steps.province.texts[0].when.answered")
    assert problem.fix.startswith("use fields asked earlier")  # not "route on..."


@pytest.mark.parametrize(
    ("condition", "code"),
    [
        ("{field: countyr, equals: china}", "E401"),
        ("{field: country, equals: japan}", "E403"),
    ],
)
def test_choice_conditions_name_declared_fields_and_values(condition: str, code: str) -> None:
    wrong = JILIN_WHEN.replace("{field: country, equals: china}", condition)
    assert (code, "steps.province.choices[2].when.field") in found(JILIN_WHEN, wrong)


def test_text_variants_are_translated_like_every_text() -> None:
    codes = found('          ko: "접수 번호 {reference}. 저희가 먼저 연락하지 않습니다."\n', "")
    assert codes == [("E301", "steps.done.texts[0].text")]


def test_each_submit_variant_shows_the_reference() -> None:
    without = NO_CONTACT_TEXT.replace(" {reference}", "")
    assert found(NO_CONTACT_TEXT, without) == [("E306", "steps.done.texts[0].text.ja")]


def test_text_variants_are_exported_for_translators() -> None:
    result = check_bytes(CONDITIONAL.encode(), "conditional.yaml")
    assert result.flow is not None
    po = export_po(result.flow, "ko", "ja", "conditional.yaml").decode()
    assert 'msgctxt "steps.done.texts[0].text"' in po
    assert "こちらからは連絡しません" in po


def test_exclusive_is_refused_in_a_single_choice_step() -> None:
    old = '      - {value: "yes", text: {ja: はい, ko: 예, zh_Hans: 可以}}'
    new = '      - {value: "yes", text: {ja: はい, ko: 예, zh_Hans: 可以}, exclusive: true}'
    assert found(old, new) == [("E413", "steps.contact.choices[0].exclusive")]


def test_an_exclusive_choice_needs_a_min_it_can_meet_alone() -> None:
    old = "    next: contact\n"
    assert found(old, "    min: 2\n" + old) == [("E411", "steps.evidence.min")]


# --- E414: a step some path leaves with too few choices --------------------------------


def test_a_step_left_without_choices_on_some_path_is_reported() -> None:
    # Every province for China only, and no "unknown": North Korea leaves nothing.
    china_only = PROVINCES.replace("equals: north_korea", "equals: china")
    [problem] = [
        p
        for p in problems(PROVINCES + UNKNOWN, china_only + "    next: evidence")
        if p.code != "E406"  # unknown is no longer offered
    ]
    assert (problem.code, problem.path) == ("E414", "steps.province.choices")
    # The example is a real path: the first country, for which no province is offered.
    assert problem.message.startswith("when country: north_korea, this step offers 0")


def test_a_path_that_cannot_carry_the_answer_is_not_an_alarm() -> None:
    # North Korea now skips the province step: only China reaches it, where its two
    # conditional choices always show.
    routed = (
        CONDITIONAL.replace(
            "{value: north_korea, text: {ja: 北朝鮮, ko: 북한, zh_Hans: 朝鲜}}",
            "{value: north_korea, text: {ja: 北朝鮮, ko: 북한, zh_Hans: 朝鲜}, next: evidence}",
        )
        .replace(
            PROVINCES + UNKNOWN, PROVINCES[PROVINCES.index(JILIN_WHEN) :] + "    next: evidence"
        )
        .replace("[north_hamgyong, ryanggang, jilin, liaoning, unknown]", "[jilin, liaoning]")
    )
    result = check_bytes(routed.encode(), "routed.yaml")
    assert result.ok, [p.render() for p in result.problems]
    province = result.flow.steps["province"] if result.flow else None
    assert isinstance(province, SingleChoiceStep)
    assert [(c.value, c.when is not None) for c in province.choices] == [
        ("jilin", True),
        ("liaoning", True),
    ]


def test_a_multi_choice_whose_every_choice_can_be_hidden_is_reported() -> None:
    start = CONDITIONAL.index("      - {value: koseki")
    block = CONDITIONAL[start : CONDITIONAL.index("    next: contact")]
    lines = block.splitlines(keepends=True)
    when = ", when: {field: country, equals: china}}\n"
    hidden = "".join(line.rstrip().removesuffix("}") + when for line in lines)
    assert found(block, hidden) == [("E414", "steps.evidence.choices")]
    # One choice without a condition is enough for min 1.
    assert found(block, "".join([*hidden.splitlines(keepends=True)[:-1], lines[-1]])) == []
