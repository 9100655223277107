"""What an admin is told when uploading a new version of a flow.

Every variant is edited with ruamel (as an admin's editor would leave the file) and goes
through the real loader, so each one is a flow the bot could actually publish.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.flow import changes as changes_module
from bot.flow.changes import (
    Changes,
    ChoiceChange,
    KindChange,
    NamedChange,
    RuleChanges,
    compare,
    summary,
)
from bot.flow.loader import check_bytes
from bot.flow.model import FlowDefinition
from bot.flow.roundtrip import roundtrip_yaml

ROOT = Path(__file__).resolve().parents[2]
INTAKE = ROOT / "flows" / "intake.yaml"
MINIMAL = Path(__file__).parent / "minimal.yaml"

Edit = Callable[[Any], None]


def load(path: Path, edit: Edit | None = None) -> FlowDefinition:
    """The flow in ``path`` after ``edit`` changed its YAML, checked by the loader."""
    yaml = roundtrip_yaml()
    doc = yaml.load(path.read_text(encoding="utf-8"))
    if edit is not None:
        edit(doc)
    out = io.StringIO()
    yaml.dump(doc, out)
    loaded = check_bytes(out.getvalue().encode("utf-8"), f"variant of {path.name}")
    assert loaded.flow is not None, [p.render() for p in loaded.problems]
    return loaded.flow


def diff(path: Path, edit: Edit) -> Changes:
    def raise_version(doc: Any) -> None:
        doc["version"] += 1
        edit(doc)

    return compare(load(path), load(path, raise_version))


def english(msgid: str, **params: object) -> str:
    """The catalogs' behaviour for English: the msgid itself, formatted."""
    return msgid.format(**params) if params else msgid


def lines(changes: Changes) -> list[str]:
    return summary(changes, english)


def choice(value: str) -> dict[str, Any]:
    return {"value": value, "text": dict.fromkeys(("ja", "ko", "zh_Hans"), value)}


def info_step(next_step: str) -> dict[str, Any]:
    return {
        "kind": "info",
        "text": {"ja": "追加", "ko": "추가", "zh_Hans": "追加"},
        "next": next_step,
    }


def step_of_choices(doc: Any, step: str) -> list[Any]:
    choices: list[Any] = doc["steps"][step]["choices"]
    return choices


# --- Nothing changed -------------------------------------------------------------------


@pytest.mark.parametrize("path", [MINIMAL, INTAKE])
def test_an_identical_flow_reports_nothing(path: Path) -> None:
    version = load(path).version
    changes = compare(load(path), load(path))
    assert changes.empty
    assert not changes.version_raised
    assert lines(changes) == [
        f"Version {version} → {version}",
        "No changes.",
        "The version number was not raised: publishing will be refused until it is",
    ]


def test_a_raised_version_alone_is_still_empty() -> None:
    version = load(INTAKE).version
    changes = diff(INTAKE, lambda _: None)
    assert changes.empty
    assert changes.version_raised
    assert lines(changes) == [f"Version {version} → {version + 1}", "No changes."]


def test_comments_and_layout_are_not_changes() -> None:
    def reformat(doc: Any) -> None:
        doc.yaml_set_start_comment("edited on a phone")
        doc["steps"]["welcome"]["text"].fa.set_block_style()

    assert diff(MINIMAL, reformat).empty


def test_a_changed_flow_without_a_raised_version_says_publishing_is_refused() -> None:
    def edit(doc: Any) -> None:
        doc["steps"]["place"]["columns"] = 2

    changes = compare(load(MINIMAL), load(MINIMAL, edit))
    assert not changes.empty
    assert lines(changes)[-1] == (
        "The version number was not raised: publishing will be refused until it is"
    )


def test_a_lower_version_is_not_raised() -> None:
    def lower(doc: Any) -> None:
        doc["version"] = 1

    def higher(doc: Any) -> None:
        doc["version"] = 5

    assert not compare(load(MINIMAL, higher), load(MINIMAL, lower)).version_raised


def test_a_new_flow_is_one_line() -> None:
    flow = load(INTAKE)
    changes = compare(None, flow)
    assert changes.version_raised
    assert changes.steps_added == tuple(flow.steps)
    assert changes.fields_added == tuple(flow.fields)
    assert changes.triage == RuleChanges(added=(1, 2))
    assert changes.texts == ()
    assert lines(changes) == [
        f"New flow intake, version {flow.version}: {len(flow.steps)} steps,"
        f" {len(flow.fields)} fields"
    ]


# --- Steps -----------------------------------------------------------------------------


def test_steps_added_and_removed_and_the_start() -> None:
    def edit(doc: Any) -> None:
        steps = doc["steps"]
        del steps["welcome"]
        doc["start"] = "place"
        steps["place"]["next"] = "extra"
        steps.insert(
            2,
            "extra",
            {
                "kind": "info",
                "text": {"ja": "追加", "ko": "추가", "zh_Hans": "追加"},
                "next": "note",
            },
        )

    changes = diff(MINIMAL, edit)
    assert changes.steps_added == ("extra",)
    assert changes.steps_removed == ("welcome",)
    assert changes.start == ("welcome", "place")
    assert changes.routes_changed == ("place",)
    assert lines(changes)[1:4] == [
        "Start step: welcome → place",
        "Steps added: extra",
        "Steps removed: welcome",
    ]


def test_a_step_of_another_kind() -> None:
    def edit(doc: Any) -> None:
        doc["steps"]["welcome"]["kind"] = "review"

    changes = diff(MINIMAL, edit)
    assert changes.kinds_changed == (KindChange("welcome", "info", "review"),)
    assert changes.settings_changed == ()
    assert "Step kinds changed: welcome (info → review)" in lines(changes)


def test_step_settings() -> None:
    def edit(doc: Any) -> None:
        doc["steps"]["threats"]["min"] = 0  # at most 1: "none" is exclusive
        doc["steps"]["threats"]["max"] = 3
        doc["steps"]["note"]["skippable"] = False

    changes = diff(INTAKE, edit)
    assert changes.settings_changed == (
        NamedChange("threats", ("min", "max")),
        NamedChange("note", ("skippable",)),
    )
    assert "Settings changed: threats (min, max), note (skippable)" in lines(changes)


def test_choice_conditions_exclusivity_and_text_variants_are_settings() -> None:
    def edit(doc: Any) -> None:
        step_of_choices(doc, "threats")[6]["exclusive"] = False  # none
        step_of_choices(doc, "custody")[0]["when"] = {"answered": "relation"}
        doc["steps"]["custody"]["texts"] = [
            {
                "when": {"field": "relation", "equals": "self"},
                "text": dict(doc["steps"]["custody"]["text"]),
            }
        ]

    changes = diff(INTAKE, edit)
    assert changes.settings_changed == (
        NamedChange("custody", ("texts.when", "choices.when")),
        NamedChange("threats", ("choices.exclusive",)),
    )
    # The variant's words are a text like any other, listed with the texts.
    assert [t.locations for t in changes.texts] == [("steps.custody.texts[0].text",)] * 3


# --- Choices and routes ----------------------------------------------------------------


def test_choices_added_and_removed_by_code() -> None:
    def edit(doc: Any) -> None:
        choices = step_of_choices(doc, "china_province")
        del choices[4]  # yunnan
        choices.insert(0, choice("china_jilin"))
        values = doc["fields"]["china_province"]["values"]
        values.remove("yunnan")
        values.append("china_jilin")

    changes = diff(INTAKE, edit)
    assert changes.choices == (
        ChoiceChange("china_province", ("china_jilin",), ("yunnan",), False),
    )
    assert changes.fields_changed == (NamedChange("china_province", ("values",)),)
    # A button without a target of its own leaves the routes as they were.
    assert changes.routes_changed == ()
    assert "Choices of china_province: + china_jilin, − yunnan" in lines(changes)
    assert "Fields changed: china_province (values)" in lines(changes)


def test_choices_reordered() -> None:
    def edit(doc: Any) -> None:
        choices = step_of_choices(doc, "place")
        choices.append(choices.pop(0))

    changes = diff(MINIMAL, edit)
    assert changes.choices == (ChoiceChange("place", (), (), True),)
    assert changes.texts == ()  # texts are named by code, so a move changes none
    assert "Choices of place: reordered" in lines(changes)


def test_routes_changed() -> None:
    def edit(doc: Any) -> None:
        steps = doc["steps"]
        steps["location"]["choices"][4]["next"] = "custody"  # japan: was the default
        steps["broker"]["routes"][0]["when"]["equals"] = "unknown"

    changes = diff(INTAKE, edit)
    assert changes.routes_changed == ("location", "broker")
    assert changes.choices == ()
    assert "Routes changed: location, broker" in lines(changes)


# --- Texts and locales -----------------------------------------------------------------


def test_texts_changed_per_locale_by_location() -> None:
    def edit(doc: Any) -> None:
        steps = doc["steps"]
        steps["consent"]["text"]["ko"] += " 감사합니다."
        steps["china_province"]["choices"][0]["text"]["ko"] = "길림성"
        steps["consent"]["button"]["ja"] = "始める"
        doc["fields"]["relation"]["label"]["ko"] = "관계(지원 대상)"

    changes = diff(INTAKE, edit)
    by_locale = {t.locale: t.locations for t in changes.texts}
    assert by_locale == {
        "ja": ("steps.consent.button",),
        "ko": (
            "fields.relation.label",
            "steps.consent.text",
            "steps.china_province.choices.jilin",
        ),
    }
    assert changes.fields_changed == (NamedChange("relation", ("label",)),)
    assert lines(changes)[-2:] == [
        "Texts changed (ja): 1 — steps.consent.button",
        "Texts changed (ko): 3 — fields.relation.label, steps.consent.text, "
        "steps.china_province.choices.jilin",
    ]


def test_texts_of_added_and_removed_steps_are_listed_after_changed_ones() -> None:
    def edit(doc: Any) -> None:
        steps = doc["steps"]
        del steps["welcome"]
        doc["start"] = "extra"
        steps.insert(
            0,
            "extra",
            {
                "kind": "info",
                "text": {"ja": "追加", "ko": "추가", "zh_Hans": "追加"},
                "next": "place",
            },
        )

    changes = diff(MINIMAL, edit)
    assert [t.locations for t in changes.texts] == [("steps.extra.text", "steps.welcome.text")] * 3


def test_locales_added_and_removed() -> None:
    def add_english(node: Any) -> None:
        if isinstance(node, dict) and "ja" in node:
            node["en"] = node["ja"]
        values = (
            node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        )
        for child in values:
            add_english(child)

    def edit(doc: Any) -> None:
        doc["locales"].append("en")
        add_english(doc)

    with_english = load(MINIMAL, edit)
    added = compare(load(MINIMAL), with_english)
    assert added.locales_added == ("en",)
    assert added.texts == ()  # the new locale is one line, not every text in it
    assert "Locales added: en" in lines(added)
    removed = compare(with_english, load(MINIMAL))
    assert removed.locales_removed == ("en",)
    assert "Locales removed: en" in lines(removed)


# --- Fields ----------------------------------------------------------------------------


def test_fields_added_removed_and_retyped() -> None:
    def edit(doc: Any) -> None:
        fields, steps = doc["fields"], doc["steps"]
        del fields["note"]
        fields["remark"] = {
            "type": "text",
            "label": {"ja": "備考", "ko": "비고", "zh_Hans": "备注"},
        }
        steps["note"]["field"] = "remark"
        steps["note"]["routes"][0]["when"]["answered"] = "remark"

    changes = diff(MINIMAL, edit)
    assert changes.fields_added == ("remark",)
    assert changes.fields_removed == ("note",)
    assert changes.settings_changed == (NamedChange("note", ("field",)),)
    assert changes.routes_changed == ("note",)
    assert {"Fields added: remark", "Fields removed: note"} <= set(lines(changes))


def test_field_type_changed() -> None:
    def edit(doc: Any) -> None:
        doc["fields"]["place"]["type"] = "multi"
        doc["steps"]["place"]["kind"] = "multi_choice"

    changes = diff(MINIMAL, edit)
    assert changes.fields_changed == (NamedChange("place", ("type",)),)
    assert changes.kinds_changed == (KindChange("place", "single_choice", "multi_choice"),)
    assert changes.choices == ()


# --- Triage, region, contact consent ---------------------------------------------------

URGENT_IF_DETAINED = {"priority": "urgent", "when": {"field": "custody", "equals": "detained"}}


def test_a_rule_inserted_at_the_top_is_one_rule_added() -> None:
    changes = diff(INTAKE, lambda doc: doc["triage"].insert(0, URGENT_IF_DETAINED))
    assert changes.triage == RuleChanges(added=(1,))
    assert "Triage rules added: 1" in lines(changes)


def test_a_rule_removed_is_named_by_its_old_number() -> None:
    changes = diff(INTAKE, lambda doc: doc["triage"].pop(0))
    assert changes.triage == RuleChanges(removed=(1,))
    assert "Triage rules removed: 1 (old numbering)" in lines(changes)


def test_rules_changed_in_place() -> None:
    def edit(doc: Any) -> None:
        doc["triage"][1]["priority"] = "urgent"

    changes = diff(INTAKE, edit)
    assert changes.triage == RuleChanges(changed=(2,))
    assert "Triage rules changed: 2" in lines(changes)


def test_rules_swapped_are_reordered_not_changed() -> None:
    def edit(doc: Any) -> None:
        rules = doc["triage"]
        rules.append(rules.pop(0))

    changes = diff(INTAKE, edit)
    assert changes.triage == RuleChanges(reordered=True)
    assert "Triage rules were reordered: the first match wins" in lines(changes)


def test_rules_moved_and_edited() -> None:
    def edit(doc: Any) -> None:
        rules = doc["triage"]
        rules.insert(0, URGENT_IF_DETAINED)
        rules.append(rules.pop(1))  # the old first rule goes last
        rules[1]["priority"] = "normal"  # the old second rule, edited

    changes = diff(INTAKE, edit)
    assert changes.triage == RuleChanges(added=(1,), changed=(2,), reordered=True)


def test_region_and_contact_consent() -> None:
    def edit(doc: Any) -> None:
        doc["region"] = ["location", "china_province"]
        del doc["contact_consent"]

    changes = diff(INTAKE, edit)
    assert changes.region == (
        ("location", "nk_province", "china_province", "third_country"),
        ("location", "china_province"),
    )
    assert changes.contact_consent == ("contact = yes", None)
    assert {
        "Region fields: location, nk_province, china_province, third_country"
        " → location, china_province",
        "Contact consent: contact = yes → (none)",
    } <= set(lines(changes))


# --- The summary itself ----------------------------------------------------------------


def test_long_lists_are_capped() -> None:
    changes = Changes(
        flow="intake",
        old_version=1,
        new_version=2,
        version_raised=True,
        steps_added=tuple(f"s{i}" for i in range(11)),
    )
    assert lines(changes) == [
        "Version 1 → 2",
        "Steps added: s0, s1, s2, s3, s4, s5, s6, s7 and 3 more",
    ]


def test_every_line_comes_from_a_marked_template() -> None:
    templates = {
        value
        for name, value in vars(changes_module).items()
        if name.isupper() and isinstance(value, str)
    }
    used: list[str] = []

    def recording(msgid: str, **params: object) -> str:
        used.append(msgid)
        return english(msgid, **params)

    def edit(doc: Any) -> None:
        doc["triage"].insert(0, URGENT_IF_DETAINED)
        doc["steps"]["consent"]["text"]["ko"] += "!"
        doc["steps"]["threats"]["min"] = 0

    summary(diff(INTAKE, edit), recording)
    assert used
    assert set(used) <= templates
    for template in templates:
        assert "<" not in template, "plain text: Telegram parses HTML in our messages"
