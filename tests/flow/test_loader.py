"""The loader pipeline on small inline flows: all problems at once, located and explained."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from bot.errors import ConfigError, FlowError
from bot.flow.loader import check_bytes, check_files, load_flows
from bot.flow.model import SingleChoiceStep, TextStep

MINIMAL = (Path(__file__).parent / "minimal.yaml").read_text(encoding="utf-8")


def check(text: str) -> list[tuple[str, int | None, str]]:
    result = check_bytes(textwrap.dedent(text).encode(), "inline.yaml")
    return [(p.code, p.line, p.path) for p in result.problems]


def test_minimal_flow_loads_into_frozen_objects() -> None:
    result = check_bytes(MINIMAL.encode(), "minimal.yaml")
    assert result.ok
    assert result.flow is not None
    place = result.flow.steps["place"]
    assert isinstance(place, SingleChoiceStep)
    assert [c.value for c in place.choices] == ["china", "japan"]
    with pytest.raises(ValueError, match="frozen"):
        place.field = "other"  # type: ignore[misc]


def test_yaml_11_booleans_stay_codes() -> None:
    text = MINIMAL.replace("[china, japan]", "[yes, no]").replace("value: china", "value: yes")
    text = text.replace("value: japan", "value: no").replace("equals: china", "equals: no")
    result = check_bytes(text.encode(), "yesno.yaml")
    assert result.ok, [p.render() for p in result.problems]
    assert result.flow is not None
    assert result.flow.fields["place"].values == ["yes", "no"]


def test_every_problem_is_reported_at_once() -> None:
    text = (
        MINIMAL.replace("next: note", "next: nowhere")
        .replace("skippable: true", "skipable: true")
        .replace("zh_Hans: 确认}", "zh: 确认}")
    )
    codes = {c for c, _, _ in check(text)}
    # The shape error stops the semantic checks, but every shape error is there.
    assert codes == {"E110"}
    text = MINIMAL.replace("next: note", "next: nowhere").replace("zh_Hans: 确认}", "zh: 确认}")
    found = check(text)
    assert ("E201", 30, "steps.place.next") in found
    assert {"E201", "E301", "E303"} <= {c for c, _, _ in found}


def test_shape_errors_in_different_places_are_all_listed() -> None:
    text = MINIMAL.replace("version: 1", "version: -1").replace("kind: review", "kind: reveiw")
    found = check(text)
    assert ("E112", 3, "version") in found
    assert any(code == "E113" and path == "steps.check.kind" for code, _, path in found)


def test_text_step_answer_bounds_are_validated() -> None:
    text = MINIMAL.replace("skippable: true", "skippable: true\n    max_length: 99999")
    assert [(c, p) for c, _, p in check(text)] == [("E112", "steps.note.max_length")]


def test_not_a_mapping() -> None:
    assert [c for c, _, _ in check("- just\n- a list\n")] == ["E112"]


def test_empty_file() -> None:
    assert [c for c, _, _ in check("")] == ["E112"]


def test_route_reading_a_branch_only_field_is_refused() -> None:
    flow = MINIMAL.replace(
        "    next: note\n  note:",
        "    next: note\n  note_extra:\n    kind: info\n"
        "    text: {ja: 追加, ko: 추가, zh_Hans: 附加}\n    next: note\n  note:",
    ).replace(
        "      - {value: china, text: {ja: 中国, ko: 중국, zh_Hans: 中国}}",
        "      - {value: china, text: {ja: 中国, ko: 중국, zh_Hans: 中国}, next: note_extra}",
    )
    assert check(flow) == []
    # A route on the text step reading `place` is fine: asked on every path.
    ok = flow.replace("{answered: note}", "{field: place, equals: japan}")
    assert check(ok) == []


def test_duplicate_flow_ids_across_files(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(MINIMAL, encoding="utf-8")
    results = check_files([tmp_path])
    assert [r.ok for r in results] == [True, False]
    assert results[1].problems[0].code == "E105"


def test_load_flows_refuses_any_problem(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "bad.yaml").write_text(MINIMAL.replace("id: mini", "id: Bad"), encoding="utf-8")
    with pytest.raises(FlowError) as caught:
        load_flows([tmp_path])
    assert [p.code for p in caught.value.problems] == ["E112"]
    assert "bad.yaml:2" in str(caught.value)


def test_load_flows_needs_a_flow(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no flow file"):
        load_flows([tmp_path])


def test_load_flows_returns_flows_by_id(tmp_path: Path) -> None:
    (tmp_path / "mini.yaml").write_text(MINIMAL, encoding="utf-8")
    flows = load_flows([tmp_path])
    assert list(flows) == ["mini"]
    assert isinstance(flows["mini"].steps["note"], TextStep)


def with_welcome_text(text: str) -> str:
    return MINIMAL.replace("ja: ようこそ", f"ja: {json.dumps(text, ensure_ascii=False)}")


@pytest.mark.parametrize(
    "text",
    [
        "<b>ようこそ</b>",
        '<a href="https://example.org">ここ</a>',
        "ようこそ</i>",
        "一行目<br/>二行目",
        "一行目<br />二行目",
        "<P class=x>ようこそ",
        "A&amp;B",
        "&#60;ようこそ&#62;",
        "&#x3C;",
        "よう&nbsp;こそ",
    ],
)
def test_html_in_a_text_is_refused(text: str) -> None:
    assert [(c, p) for c, _, p in check(with_welcome_text(text))] == [
        ("E307", "steps.welcome.text.ja")
    ]


@pytest.mark.parametrize(
    "text",
    ["a < b", "<3", "〈国〉《地域》「」", "<お名前>", "<your answer>", "R&D", "Q&As;", "&", "& ;"],
)
def test_angle_brackets_and_ampersands_in_prose_are_text(text: str) -> None:
    assert check(with_welcome_text(text)) == []


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("{0}", ["E306"]),
        ("{name}", ["E306"]),
        ("{{name}}", ["E306"]),
        # The deployment's figures may stand in any step text, as themselves only:
        ("{keep_hours} / {keep_days}", []),
        ("{keep_hours:>3}", ["E306"]),
        ("{keep_days!r}", ["E306"]),
        ("{keep_hours.real}", ["E306"]),
        ("%s", []),
        ("%(name)s", []),
        ("{{", []),
        ("}", []),
    ],
)
def test_only_braces_around_a_word_look_like_a_placeholder(text: str, codes: list[str]) -> None:
    # No flow text is ever a format string: the renderer puts {reference}, {keep_hours}
    # and {keep_days} in with str.replace and hands other texts to the catalogs as
    # values. So %s and lone braces show as typed; a {word} is refused because it looks
    # like a placeholder we lack.
    assert [c for c, _, _ in check(with_welcome_text(f"ようこそ {text}"))] == codes
