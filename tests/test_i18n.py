"""Choosing the supporter's language, and the bot's own texts in it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from bot.flow.model import FlowDefinition
from bot.i18n import SUPPORTED, Catalogs, autonym, negotiate

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ROOT / "locales"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("ja", "ja"),
        ("ja-JP", "ja"),
        ("ko", "ko"),
        ("ko-KR", "ko"),
        ("zh", "zh_Hans"),
        ("zh-hans", "zh_Hans"),
        ("zh-cn", "zh_Hans"),
        ("zh-CN", "zh_Hans"),
        ("zh-hant", "zh_Hans"),  # only Simplified is shipped; /language offers the rest
        ("zh-tw", "zh_Hans"),
        ("zh_TW", "zh_Hans"),
        ("en", "ja"),
        ("en-US", "ja"),
        ("", "ja"),
        (None, "ja"),
        ("garbage!!", "ja"),
        ("und", "ja"),
        ("  ko  ", "ko"),
    ],
)
def test_negotiate(code: str | None, expected: str) -> None:
    assert negotiate(code) == expected


def test_autonyms_name_each_language_in_its_own_script() -> None:
    assert [autonym(c) for c in SUPPORTED] == ["日本語", "한국어", "中文 (简体)"]


def _catalog(locale: str):  # type: ignore[no-untyped-def]
    with (LOCALES / locale / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=locale)


def test_template_is_current() -> None:
    # The same extraction `make catalogs` runs (babel.cfg: Python files under bot/).
    found = extract_from_dir(
        str(ROOT), method_map=[("bot/**.py", "python")], keywords=DEFAULT_KEYWORDS
    )
    wanted = {message for _, _, message, _, _ in found if isinstance(message, str)}
    with (LOCALES / "messages.pot").open("rb") as handle:
        committed = {m.id for m in read_po(handle) if m.id}
    assert committed == wanted, "locales/messages.pot is stale: run `make catalogs`"


@pytest.mark.parametrize("locale", SUPPORTED)
def test_every_message_is_translated_and_not_fuzzy(locale: str) -> None:
    with (LOCALES / "messages.pot").open("rb") as handle:
        template = {m.id for m in read_po(handle) if m.id}
    catalog = _catalog(locale)
    entries = {m.id: m for m in catalog if m.id}
    assert set(entries) == template, "catalog out of date: run `make catalogs`"
    for msgid, message in entries.items():
        assert message.string, f"{locale}: untranslated {msgid!r}"
        assert not message.fuzzy, f"{locale}: fuzzy {msgid!r}"
        wanted = sorted(re.findall(r"\{\w+\}", str(msgid)))
        assert sorted(re.findall(r"\{\w+\}", str(message.string))) == wanted, msgid


def test_compiled_catalogs_translate() -> None:
    catalogs = Catalogs.load(LOCALES)
    assert catalogs.gettext("ko", "Back") == "뒤로"
    assert catalogs.gettext("zh_Hans", "Done") == "完成"
    assert (
        catalogs.gettext("ja", "Question {current} (of at most {total})", current="3", total="9")
        == "質問 3（最大9問）"
    )


def _shipped_flows() -> Iterator[tuple[str, FlowDefinition]]:
    from bot.flow.loader import check_file, flow_files

    for path in flow_files([ROOT / "flows"]):
        loaded = check_file(path)
        assert loaded.flow is not None, [p.render() for p in loaded.problems]
        yield path.name, loaded.flow


@pytest.mark.parametrize("locale", SUPPORTED)
def test_no_choice_label_holds_its_languages_list_separator(locale: str) -> None:
    # The review and staff's case file join the labels of a multi-choice answer with the
    # catalog's separator: a label holding it (zh 信件、照片 joined with 、) could no
    # longer be told apart from two answers.
    from bot.flow.model import MultiChoiceStep, SingleChoiceStep
    from bot.render import LIST_SEPARATOR

    separator = Catalogs.load(LOCALES).gettext(locale, LIST_SEPARATOR)
    mark = separator.strip() or separator
    clashes = [
        f"{name} steps.{step_id} {choice.value}: {choice.text[locale]}"
        for name, flow in _shipped_flows()
        for step_id, step in flow.steps.items()
        if isinstance(step, SingleChoiceStep | MultiChoiceStep)
        for choice in step.choices
        if mark in choice.text.get(locale, "")
    ]
    assert not clashes, f"labels holding {mark!r}:\n" + "\n".join(clashes)


def test_missing_compiled_catalog_stops_start_up(tmp_path: Path) -> None:
    from bot.errors import ConfigError

    with pytest.raises(ConfigError, match="make catalogs"):
        Catalogs.load(tmp_path)
