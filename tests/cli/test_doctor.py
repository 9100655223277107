"""``intake-bot doctor`` on a healthy installation and on each broken setting."""

from __future__ import annotations

from pathlib import Path

from pyrage import x25519

from bot.store.datakeys import KeyDirectory
from bot.store.sealing import generate
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
        "settings": "ok", "key": "ok", "sealing": "ok", "database": "ok", "data keys": "ok",
        "flows": "ok", "catalogs": "ok", "telegram": "ok",
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


def test_sealing_is_reported_off_or_on(cli: Cli) -> None:
    off = cli.run("doctor")
    assert (
        "ok    sealing: off (case bodies use the server's key; set INTAKE_SEAL_TO for"
        " sealed cases)" in off.output
    )
    keys = ",".join(str(x25519.Identity.generate().to_public()) for _ in range(2))
    on = cli.run("doctor", INTAKE_SEAL_TO=keys)
    assert "ok    sealing: on: sealed to 2 key(s)" in on.output


def test_a_private_key_in_the_environment_is_named_never_shown(cli: Cli) -> None:
    # INTAKE_SEAL_TO itself is refused by the settings; any other variable is doctor's.
    secret = str(x25519.Identity.generate())
    result = cli.run("doctor", MY_BACKUP=f"old key: {secret}")
    assert result.exit_code == 1
    assert "fix   sealing: the environment variable(s) MY_BACKUP hold an age private key" in (
        result.output
    )
    assert secret not in result.output
    assert secret.lower() not in result.output.lower()


def test_an_identity_file_in_the_data_directory_is_named(cli: Cli) -> None:
    cli.data_dir.mkdir(parents=True)
    encrypted, _ = generate("a passphrase long enough")
    (cli.data_dir / "caseworker.age").write_bytes(encrypted)
    (cli.data_dir / "notes.md").write_text("nothing secret\n", encoding="utf-8")
    result = cli.run("doctor")
    assert result.exit_code == 1
    assert (
        f"fix   sealing: {cli.data_dir / 'caseworker.age'} hold(s) an age private key"
        in result.output
    )
    (cli.data_dir / "caseworker.age").unlink()
    secret = str(x25519.Identity.generate())
    (cli.data_dir / "keys.txt").write_text(f"{secret}\n", encoding="utf-8")
    plain = cli.run("doctor")
    assert f"fix   sealing: {cli.data_dir / 'keys.txt'} hold(s)" in plain.output
    assert secret not in plain.output


def test_only_small_files_directly_in_the_data_directory_are_read(cli: Cli) -> None:
    secret = str(x25519.Identity.generate())
    nested = cli.data_dir / "backups"
    nested.mkdir(parents=True)
    (nested / "keys.txt").write_text(f"{secret}\n", encoding="utf-8")
    (cli.data_dir / "big.log").write_text("x" * 70_000 + secret, encoding="utf-8")
    assert "ok    sealing: off" in cli.run("doctor").output


def test_data_keys_expired_or_open_to_others_are_named(cli: Cli) -> None:
    cli.chat(INTAKE)
    keys = cli.data_dir / "keys"  # the default: INTAKE_KEY_DIR unset
    assert "ok    data keys: 1 key(s) in" in cli.run("doctor").output
    KeyDirectory(keys).create("20200101")  # as if the bot had not run for years
    stale = cli.run("doctor")
    assert stale.exit_code == 1
    assert "fix   data keys: 1 expired data key(s)" in stale.output
    assert "intake-bot purge" in stale.output
    assert cli.ok("purge").stdout.endswith("destroyed 1 expired data key(s)\n")
    assert "ok    data keys: 1 key(s) in" in cli.run("doctor").output
    keys.chmod(0o755)
    assert f"fix   data keys: {keys} is open to others" in cli.run("doctor").output
