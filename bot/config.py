"""Settings, built once from the environment in the entry point and passed down.

No other module reads the environment. Secrets (later: the bot token) are masked in
``repr`` so they never reach a log or a traceback.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.errors import ConfigError


@dataclass(frozen=True)
class Settings:
    """Where things live."""

    data_dir: Path
    flows_dir: Path
    locales_dir: Path

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read ``INTAKE_DATA_DIR``, ``INTAKE_FLOWS_DIR`` and ``INTAKE_LOCALES_DIR``."""
        env = os.environ if env is None else env
        settings = cls(
            data_dir=Path(env.get("INTAKE_DATA_DIR") or "data"),
            flows_dir=Path(env.get("INTAKE_FLOWS_DIR") or "flows"),
            locales_dir=Path(env.get("INTAKE_LOCALES_DIR") or "locales"),
        )
        if settings.data_dir.exists() and not settings.data_dir.is_dir():
            raise ConfigError(
                f"INTAKE_DATA_DIR must be a directory; {settings.data_dir} is a file"
            )
        return settings
