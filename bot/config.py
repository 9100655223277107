"""Settings, built once from the environment in the entry point and passed down.

No other module reads the environment. Secrets are kept out of ``repr`` so they never
reach a log or a traceback, and an error about a setting names it, never its value.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from bot.errors import ConfigError


def _positive(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number") from None
    if value <= 0:
        raise ConfigError(f"{name} must be above 0")
    return value


@dataclass(frozen=True)
class Settings:
    """Where things live and how long they are kept."""

    data_dir: Path
    flows_dir: Path
    locales_dir: Path
    #: ``None``: an SQLite file in the data directory.
    database_url: str | None = field(default=None, repr=False)
    secret_key: str | None = field(default=None, repr=False)
    session_ttl: timedelta = timedelta(hours=72)
    case_retention: timedelta = timedelta(days=180)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read the ``INTAKE_*`` variables (see the README for each)."""
        env = os.environ if env is None else env
        settings = cls(
            data_dir=Path(env.get("INTAKE_DATA_DIR") or "data"),
            flows_dir=Path(env.get("INTAKE_FLOWS_DIR") or "flows"),
            locales_dir=Path(env.get("INTAKE_LOCALES_DIR") or "locales"),
            database_url=env.get("INTAKE_DATABASE_URL") or None,
            secret_key=env.get("INTAKE_SECRET_KEY") or None,
            session_ttl=timedelta(hours=_positive(env, "INTAKE_SESSION_TTL_HOURS", 72)),
            case_retention=timedelta(days=_positive(env, "INTAKE_CASE_RETENTION_DAYS", 180)),
        )
        if settings.data_dir.exists() and not settings.data_dir.is_dir():
            raise ConfigError(f"INTAKE_DATA_DIR must be a directory ({settings.data_dir} is not)")
        return settings

    def __repr__(self) -> str:
        return (
            f"Settings(data_dir={self.data_dir!s}, flows_dir={self.flows_dir!s},"
            f" database={'<set>' if self.database_url else 'sqlite'}, secret=<hidden>)"
        )
