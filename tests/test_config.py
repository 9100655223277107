"""Settings read from the environment: the forms people actually write."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Settings, TelegramSettings
from bot.errors import ConfigError

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


def test_the_secret_key_from_a_container_secret_file(tmp_path: Path) -> None:
    secret = tmp_path / "intake_secret_key"
    secret.write_text("from-a-file-0123456789-abcdefghijklmnopqrstuvwxyz\n", encoding="utf-8")
    env = {"INTAKE_SECRET_KEY_FILE": str(secret)}
    assert Settings.from_env(env).secret_key == "from-a-file-0123456789-abcdefghijklmnopqrstuvwxyz"
    with pytest.raises(ConfigError, match=r"INTAKE_SECRET_KEY_FILE: .* is not a file"):
        Settings.from_env({"INTAKE_SECRET_KEY_FILE": str(tmp_path / "missing")})
    assert "from-a-file" not in repr(Settings.from_env(env))


def test_every_bad_setting_is_named_at_once_one_line_each() -> None:
    env = {
        "INTAKE_SESSION_TTL_HOURS": "-1",
        "INTAKE_TIMEZONE": "Mars/Olympus",
        "INTAKE_LOG_FORMAT": "xml",
        "INTAKE_METRICS_PORT": "99999",
    }
    with pytest.raises(ConfigError) as refused:
        Settings.from_env(env)
    lines = str(refused.value).splitlines()
    assert [line.split()[0] for line in lines] == [
        "INTAKE_SESSION_TTL_HOURS",
        "INTAKE_TIMEZONE",
        "INTAKE_LOG_FORMAT",
        "INTAKE_METRICS_PORT",
    ]


def test_telegram_settings_name_every_problem_at_once() -> None:
    env = {
        "TELEGRAM_BOT_TOKEN": "not-a-token",
        "TELEGRAM_API_BASE_URL": "http://example.org",
        "INTAKE_WEBHOOK_URL": "http://example.org",
        "INTAKE_LISTEN": "8080",
    }
    with pytest.raises(ConfigError) as refused:
        TelegramSettings.from_env(env, webhook=True)
    names = [line.split()[0] for line in str(refused.value).splitlines()]
    assert names == [
        "TELEGRAM_BOT_TOKEN",
        "TELEGRAM_API_BASE_URL",
        "INTAKE_WEBHOOK_URL",
        "INTAKE_WEBHOOK_SECRET",
        "INTAKE_LISTEN",
    ]
    assert "not-a-token" not in str(refused.value)


def test_the_bot_profile_is_read_per_language_and_its_limits_named() -> None:
    from bot.config import TelegramSettings

    base = {"TELEGRAM_BOT_TOKEN": "123456789:AAFakeTokenForTests_abcdefghijklmnopq"}
    settings = TelegramSettings.from_env(
        base | {"INTAKE_BOT_NAME": "Desk", "INTAKE_BOT_DESCRIPTION_ZH": "登记窗口"}
    )
    assert settings.profile == {("name", ""): "Desk", ("description", "zh_Hans"): "登记窗口"}
    with pytest.raises(ConfigError, match="INTAKE_BOT_SHORT_DESCRIPTION_JA has 121"):
        TelegramSettings.from_env(base | {"INTAKE_BOT_SHORT_DESCRIPTION_JA": "x" * 121})
