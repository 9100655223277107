"""Settings read from the environment: the forms people actually write."""

from __future__ import annotations

import pytest

from bot.config import TelegramSettings

TOKEN = "123456789:AAFakeTokenForTests_abcdefghijklmnopq"


@pytest.mark.parametrize(
    "given",
    [
        "http://127.0.0.1:8081",
        "http://127.0.0.1:8081/",
        "http://127.0.0.1:8081/bot",
        "http://127.0.0.1:8081/bot/",
        " http://127.0.0.1:8081/bot ",
    ],
)
def test_the_bot_api_base_url_with_or_without_bot(given: str) -> None:
    env = {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": given}
    assert TelegramSettings.from_env(env).api_base_url == "http://127.0.0.1:8081"
