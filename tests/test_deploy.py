"""The deployment files agree with the code (no container engine is needed to check this)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from bot.config import Settings, TelegramSettings
from bot.telegram.webhook import WEBHOOK_PATH

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = {
    "TELEGRAM_BOT_TOKEN": "123456789:AAFakeTokenForTests_abcdefghijklmnopq",
    "INTAKE_SECRET_KEY": "s" * 48,
    "POSTGRES_PASSWORD": "pw",
    "INTAKE_PUBLIC_HOST": "intake.example.org",
    "INTAKE_WEBHOOK_SECRET": "w" * 32,
    "INTAKE_SEAL_TO": "age1h4rmnm8utf0n6v9c9yn0eq9md99juzdyvle2l8f6wwu36f253ahqt9pev0",
}


def compose() -> dict[str, Any]:
    data = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def interpolate(value: str) -> str:
    """Compose's ``${NAME:?message}`` with the sample .env."""
    return re.sub(r"\$\{(\w+)(?::\?[^}]*)?\}", lambda m: SAMPLE[m.group(1)], value)


def test_two_webhook_replicas_after_the_migration() -> None:
    services = compose()["services"]
    assert services["migrate"]["command"] == ["intake-bot", "db", "upgrade"]
    for name in ("bot-a", "bot-b"):
        bot = services[name]
        assert bot["command"] == ["intake-bot", "run", "--webhook"]
        assert bot["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
        env = {k: interpolate(str(v)) for k, v in bot["environment"].items()}
        settings = TelegramSettings.from_env(env, webhook=True)  # what the bot would accept
        assert settings.replicas == 2
        assert env["INTAKE_DATABASE_URL"].startswith("postgresql+psycopg://")
        # The key comes from a container secret, never the environment or a data volume.
        assert "INTAKE_SECRET_KEY" not in env
        assert env["INTAKE_SECRET_KEY_FILE"] == "/run/secrets/intake_secret_key"
        assert bot["secrets"] == ["intake_secret_key"]
        # Sealing is the default here: the deployment does not start without a public key.
        assert Settings.from_env({"INTAKE_SEAL_TO": env["INTAKE_SEAL_TO"]}).seal_to == (
            SAMPLE["INTAKE_SEAL_TO"],
        )
        # The replicas share one key directory, on a volume of its own: no database
        # volume (and so no database backup) holds a data key.
        keys = {"INTAKE_KEY_DIR": env["INTAKE_KEY_DIR"]}
        assert Settings.from_env(keys).data_key_dir == Path("/keys")
        assert bot["volumes"] == ["datakeys:/keys"]
    assert compose()["secrets"]["intake_secret_key"]["file"] == "./secrets/intake_secret_key"
    assert "datakeys" in compose()["volumes"]
    assert all("/keys" not in str(v) for v in services["postgres"]["volumes"])


def test_proxy_routes_the_webhook_path_and_checks_health() -> None:
    caddy = (ROOT / "deploy" / "Caddyfile").read_text(encoding="utf-8")
    assert f"reverse_proxy {WEBHOOK_PATH} bot-a:8080 bot-b:8080" in caddy
    assert "health_uri /healthz" in caddy


def test_image_runs_as_non_root_with_a_health_check() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert "\nUSER 10001:10001\n" in dockerfile
    assert "HEALTHCHECK" in dockerfile
    assert '"intake-bot", "health"' in dockerfile
    assert 'CMD ["intake-bot", "run"]' in dockerfile
