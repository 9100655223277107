"""``intake-bot doctor`` on a healthy installation and on each broken setting."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_admin_staff_cli import INTAKE, Cli, cli
from tests.support.fake_bot_api import FakeBotApi
from tests.support.fake_bot_api_fixture import fake_bot_api, fake_clock

__all__ = ["cli", "fake_bot_api", "fake_clock"]


def lines(output: str) -> dict[str, str]:
    """``{"key": "ok", "database": "fix", ...}``."""
    found = {}
    for line in output.splitlines():
        state, _, rest = line.partition(" ")
        found[rest.strip().split(":")[0]] = state
    return found


def test_a_healthy_installation(cli: Cli, fake_bot_api: FakeBotApi) -> None:
    cli.chat(INTAKE)  # creates, migrates, publishes
    result = cli.run(
        "doctor", TELEGRAM_BOT_TOKEN=fake_bot_api.token, TELEGRAM_API_BASE_URL=fake_bot_api.url
    )
    assert result.exit_code == 0, result.output
    assert lines(result.output) == {
        "settings": "ok", "key": "ok", "database": "ok", "flows": "ok", "catalogs": "ok",
        "telegram": "ok",
    }  # fmt: skip
    assert "token accepted as @intake_test_bot; no webhook" in result.output
    assert fake_bot_api.token not in result.output


def test_each_broken_setting_is_named_with_what_to_fix(cli: Cli, tmp_path: Path) -> None:
    weak = cli.run("doctor", INTAKE_SECRET_KEY="a" * 40)
    assert weak.exit_code == 1
    assert "fix   key: INTAKE_SECRET_KEY is not usable: it repeats itself" in weak.output
    assert "a" * 40 not in weak.output
    if cli.backend == "sqlite":
        missing = cli.run("doctor")
        assert "fix   database: no database at" in missing.output
    broken = tmp_path / "flows"
    broken.mkdir()
    (broken / "intake.yaml").write_text("id: x\nversion: [\n", encoding="utf-8")
    flows = cli.run("doctor", INTAKE_FLOWS_DIR=str(broken))
    assert "fix   flows: 1 problem(s); run `intake-bot flows check`" in flows.output
    assert cli.run("doctor", INTAKE_SESSION_TTL_HOURS="-3").output.startswith("fix   settings:")
    empty = tmp_path / "locales"
    empty.mkdir()
    catalogs = cli.run("doctor", INTAKE_LOCALES_DIR=str(empty))
    assert "fix   catalogs:" in catalogs.output
    assert "make catalogs" in catalogs.output


def test_a_refused_token_is_named(cli: Cli, fake_bot_api: FakeBotApi) -> None:
    cli.chat(INTAKE)
    other = "987654321:AAOtherTokenThatTheServerRefuses_abcdef"
    result = cli.run("doctor", TELEGRAM_BOT_TOKEN=other, TELEGRAM_API_BASE_URL=fake_bot_api.url)
    assert result.exit_code == 1
    assert "fix   telegram: Telegram refused TELEGRAM_BOT_TOKEN" in result.output
    assert other.split(":")[1] not in result.output
