"""The bot with its NER layer on: a name no rule points at never reaches the stored stub.

The suite turns the layer off for every other bot process (tests/conftest.py); this one
starts the bot with ``INTAKE_NER=on`` and types, in the free-text note, a name that the
rules alone keep (no label, honorific, kinship word or particle points at it).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.app import open_database
from bot.config import Settings
from bot.scrub import LOCALES, scrub
from bot.scrub.ner import ner_available
from bot.store.stubs import StubRepository
from tests.support.bot_process import running_bot
from tests.support.fake_bot_api import FakeBotApi
from tests.telegram.test_bot_polling import (
    agree_to_contact,
    assert_clean,
    go_to_note,
    stubs,
)

pytestmark = pytest.mark.skipif(
    not all(ner_available(locale) for locale in LOCALES),
    reason="the 'ner' extra is not installed (CI installs it)",
)

NOTE = "上周张伟打电话了，说中介要钱。"
NAME = "张伟"


def test_a_name_in_the_note_is_removed_by_the_ner_layer(
    fake_bot_api: FakeBotApi, tmp_path: Path
) -> None:
    assert NAME in scrub(NOTE, "zh_Hans").text  # the rules alone would keep it
    with running_bot(fake_bot_api, tmp_path, {"INTAKE_NER": "on"}) as bot:
        # The models load before the bot polls (seconds): the first update waits for it.
        fake_bot_api.wait_until(lambda: fake_bot_api.polls_waiting > 0, 120)
        hana = bot.supporter("Hana", "zh-hans")
        go_to_note(hana, "zh_Hans")
        hana.say(NOTE)
        agree_to_contact(hana, "zh_Hans")
        review = hana.question().text or ""
        assert "［姓名］" in review
        assert NAME not in review
        hana.press("提交")
    [row] = stubs(tmp_path)
    database = open_database(Settings.from_env({"INTAKE_DATA_DIR": str(tmp_path)}))
    try:
        view = StubRepository(database).show(row.reference, actor="test")
    finally:
        database.dispose()
    assert view is not None
    stored = json.dumps([view.texts, row.answers], ensure_ascii=False)
    assert NAME not in stored
    assert view.texts == {"note": "上周［姓名］打电话了，说中介要钱。"}
    assert "name" in view.removed
    assert_clean(fake_bot_api)
