"""The shipped intake flow, its JSON Schema and its diagram in the README."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from bot.engine import inputs as i
from bot.engine.advance import advance, start
from bot.engine.outcome import Outcome
from bot.flow.checks import REQUIRED_LOCALES
from bot.flow.diagram import mermaid
from bot.flow.loader import check_file
from bot.flow.model import (
    FlowDefinition,
    InfoStep,
    MultiChoiceStep,
    ReviewStep,
    SingleChoiceStep,
    TextStep,
)
from bot.flow.schema import flow_json_schema, render_schema
from bot.flow.yamlsrc import parse
from tests.support.engine import context, intake

ROOT = Path(__file__).resolve().parents[2]
INTAKE = ROOT / "flows" / "intake.yaml"
SCHEMA_FILE = ROOT / "flows" / "flow.schema.json"
BROKEN = Path(__file__).parent / "broken"
#: Codes of the shape check: the JSON Schema must reject these fixtures too.
SHAPE_CODES = ("E110", "E111", "E112", "E113", "E114")


def load_intake() -> FlowDefinition:
    result = check_file(INTAKE)
    assert result.problems == (), [p.render() for p in result.problems]
    assert result.flow is not None
    return result.flow


def test_shipped_flow_has_no_problem() -> None:
    flow = load_intake()
    assert set(REQUIRED_LOCALES) <= set(flow.locales)


def test_shipped_flow_asks_what_the_domain_needs() -> None:
    flow = load_intake()
    expected = {
        "relation",
        "link",
        "location",
        "custody",
        "threats",
        "broker",
        "broker_money",
        "evidence",
        "languages",
        "followup_language",
        "note",
        "contact",
        "supporter_country",
        "lineage",
    }
    assert expected <= set(flow.fields)
    kinds = [step.kind for step in flow.steps.values()]
    assert flow.steps[flow.start].kind == "info"  # consent comes first
    assert kinds.count("review") == 1
    assert kinds[-1] == "submit"


#: The answers of a quiet case; each triage case below changes a few of them.
QUIET: dict[str, str | tuple[str, ...]] = {
    "relation": "family_japan",
    "supporter_country": "japan",
    "link": "returnee",
    "lineage": "unknown",
    "nk_province": "unknown",
    "china_province": "unknown",
    "third_country": "unknown",
    "custody": "not_detained",
    "threats": ("none",),
    "broker": "no",
    "broker_money": "no",
    "evidence": ("unknown",),
    "languages": ("korean",),
    "contact": "no",
    "followup_language": "japanese",
}


def answer_with(answers: dict[str, str | tuple[str, ...]], stop: str = "") -> Outcome:
    """Go through the shipped flow pressing the buttons for ``answers`` (up to ``stop``).

    Only buttons on screen are pressed: an answer the flow does not offer at that point
    fails the test instead of being recorded behind the supporter's back.
    """
    compiled, ctx = intake(), context()
    outcome = start(compiled, "ja", ctx)
    for _ in range(80):
        session = outcome.session
        assert session is not None
        if session.step == stop:
            return outcome
        step = compiled.step(session.step)
        shown = [b.input for b in outcome.buttons()]
        event: i.Input
        if isinstance(step, SingleChoiceStep):
            event = i.Choose(str(answers[step.field]), session.step, session.token)
        elif isinstance(step, MultiChoiceStep):
            for value in answers[step.field]:
                toggle = i.Toggle(value, session.step, session.token)
                assert toggle in shown, f"{step.field}: {value} is not offered"
                outcome = advance(compiled, outcome.session, toggle, ctx)
            event = i.Done(session.step, session.token)
        elif isinstance(step, TextStep):
            event = i.Skip(session.step, session.token)
        elif isinstance(step, InfoStep):
            event = i.Continue(session.step, session.token)
        else:
            assert isinstance(step, ReviewStep), session.step
            event = i.Confirm(session.step, session.token)
        assert event in shown, f"{session.step}: {event} is not offered"
        outcome = advance(compiled, outcome.session, event, ctx)
        if outcome.stub is not None:
            return outcome
    raise AssertionError("the intake did not end")


def priority(**changes: str | tuple[str, ...]) -> str:
    stub = answer_with({**QUIET, **changes}).stub
    assert stub is not None
    return stub.priority


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        # Held or facing arrest, return or trafficking where those happen: urgent.
        ({"location": "china_border", "custody": "detained"}, "urgent"),
        ({"location": "china_elsewhere", "custody": "held_by_broker"}, "urgent"),
        ({"location": "china_border", "threats": ("forced_return", "illness")}, "urgent"),
        ({"location": "third_country", "threats": ("arrest",)}, "urgent"),
        ({"location": "north_korea", "threats": ("trafficking",)}, "urgent"),
        ({"location": "unknown", "custody": "detained"}, "urgent"),
        # In Japan or South Korea nobody is sent back to North Korea: never urgent.
        ({"location": "japan", "threats": ("forced_return",)}, "normal"),
        ({"location": "south_korea", "custody": "detained", "threats": ("arrest",)}, "normal"),
        # A transit country detains and hands people back: high at least.
        ({"location": "third_country"}, "high"),
        # Lost contact, hardship, a broker demanding money, or what nobody can tell.
        ({"location": "china_border", "threats": ("lost_contact",)}, "high"),
        ({"location": "china_elsewhere", "threats": ("destitution",)}, "high"),
        ({"location": "china_border", "threats": ("unknown",)}, "high"),
        ({"location": "china_border", "broker": "yes", "broker_money": "yes"}, "high"),
        ({"location": "unknown", "custody": "unknown"}, "high"),
        # The person writing from China themself.
        ({"relation": "self", "location": "china_elsewhere"}, "high"),
        # In China with no particular danger: high must not cover almost every case.
        ({"location": "china_border"}, "normal"),
        ({"location": "china_elsewhere", "broker": "yes", "broker_money": "no"}, "normal"),
        ({"location": "north_korea"}, "normal"),
        ({"location": "japan", "threats": ("illness",)}, "normal"),
    ],
)
def test_triage_sorts_representative_cases(
    changes: dict[str, str | tuple[str, ...]], expected: str
) -> None:
    assert priority(**changes) == expected


def test_the_border_region_offers_only_its_two_provinces() -> None:
    def provinces(location: str) -> list[str]:
        outcome = answer_with({**QUIET, "location": location}, stop="china_province")
        return [b.input.value for b in outcome.buttons() if isinstance(b.input, i.Choose)]

    assert provinces("china_border") == ["jilin", "liaoning", "unknown"]
    elsewhere = provinces("china_elsewhere")
    assert {"guangxi", "inner_mongolia", "yunnan", "jilin", "other"} <= set(elsewhere)


def test_follow_up_language_is_asked_only_after_contact_yes() -> None:
    declined = answer_with({**QUIET, "location": "japan", "contact": "no"}).stub
    agreed = answer_with({**QUIET, "location": "japan", "contact": "yes"}).stub
    assert declined is not None
    assert agreed is not None
    assert "followup_language" not in declined.answers
    assert agreed.answers["followup_language"] == "japanese"


#: What the review screen puts between the labels of a multi answer, per locale: a label
#: holding it could not be told apart from two answers.
LIST_SEPARATORS = {"ja": ("、",), "ko": (", ",), "zh_Hans": ("、", "；")}
#: Words for pressing buttons: the terminal chat has numbered menus, not buttons.
PRESS_WORDS = ("ボタン", "押し", "押す", "버튼", "누르", "눌러", "按钮", "点击", "点按")


def test_labels_hold_no_list_separator_and_texts_say_choose_not_press() -> None:
    flow = load_intake()
    for step_id, step in flow.steps.items():
        if isinstance(step, SingleChoiceStep | MultiChoiceStep):
            for choice in step.choices:
                for locale, label in choice.text.items():
                    found = [sep for sep in LIST_SEPARATORS[locale] if sep in label]
                    assert not found, (step_id, choice.value, locale, label)
        for shown in [step.text, *(variant.text for variant in step.texts)]:
            for locale, words in shown.items():
                assert not [w for w in PRESS_WORDS if w in words], (step_id, locale, words)


def test_schema_file_is_current() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == render_schema(), (
        "flows/flow.schema.json is stale: run `make schema`"
    )


def test_shipped_flow_points_editors_at_the_schema() -> None:
    first_line = INTAKE.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=./flow.schema.json"


def test_schema_accepts_the_shipped_and_minimal_flows() -> None:
    validator = jsonschema.Draft202012Validator(flow_json_schema())
    for path in (INTAKE, Path(__file__).parent / "minimal.yaml"):
        data = parse(path.read_text(encoding="utf-8")).data
        assert list(validator.iter_errors(data)) == [], path


@pytest.mark.parametrize(
    "fixture",
    sorted(p for p in BROKEN.glob("*.yaml") if p.stem.startswith(SHAPE_CODES)),
    ids=lambda p: p.stem,
)
def test_schema_rejects_shape_errors(fixture: Path) -> None:
    data = parse(fixture.read_text(encoding="utf-8")).data
    assert not jsonschema.Draft202012Validator(flow_json_schema()).is_valid(data)


def test_schema_is_valid_json_schema() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)


def test_readme_diagram_is_current() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- diagram:intake -->\n```mermaid\n(.*?)```", readme, re.S)
    assert match, "README.md lost its intake diagram block"
    assert match.group(1) == mermaid(load_intake()), "README diagram is stale: run `make diagram`"
