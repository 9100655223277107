"""The bot's public profile: neutral by default, the organisation's own when set, and in
all three languages for a phone in any other language."""

from __future__ import annotations

from pathlib import Path

from tests.support.bot_process import running_bot
from tests.support.fake_bot_api import FakeBotApi

#: What an inspected phone must not show on the profile of a chat it holds.
TOPIC = ("北朝鮮", "帰国", "북한", "북송", "朝鲜", "归国", "North Korea", "repatriation")


def described(server: FakeBotApi) -> None:
    server.wait_until(lambda: "" in server.short_descriptions, 30)


def test_the_shipped_profile_names_no_country_or_programme(
    fake_bot_api: FakeBotApi, tmp_path: Path
) -> None:
    with running_bot(fake_bot_api, tmp_path):
        described(fake_bot_api)
    texts = [*fake_bot_api.descriptions.values(), *fake_bot_api.short_descriptions.values()]
    assert set(fake_bot_api.descriptions) == {"ja", "ko", "zh", ""}
    for text in texts:
        for word in TOPIC:
            assert word not in text
    # No language_code, or English: the profile in all three, each readable.
    default = fake_bot_api.descriptions[""]
    assert fake_bot_api.descriptions["ja"] in default
    assert fake_bot_api.descriptions["ko"] in default
    assert fake_bot_api.descriptions["zh"] in default
    assert fake_bot_api.names == {}  # the name given in @BotFather stays


def test_the_organisation_sets_its_own_name_and_words(
    fake_bot_api: FakeBotApi, tmp_path: Path
) -> None:
    env = {
        "INTAKE_BOT_NAME": "Hope Desk",
        "INTAKE_BOT_DESCRIPTION_KO": "희망 창구입니다.",
        "INTAKE_BOT_SHORT_DESCRIPTION": "Hope Desk",
    }
    with running_bot(fake_bot_api, tmp_path, env):
        described(fake_bot_api)
    assert fake_bot_api.names == {
        "ja": "Hope Desk",
        "ko": "Hope Desk",
        "zh": "Hope Desk",
        "": "Hope Desk",
    }
    assert fake_bot_api.descriptions["ko"] == "희망 창구입니다."
    assert "희망" not in fake_bot_api.descriptions["ja"]  # other languages keep theirs
    assert set(fake_bot_api.short_descriptions.values()) == {"Hope Desk"}
