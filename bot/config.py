"""Settings, built once from the environment in the entry point and passed down.

No other module reads the environment. Secrets are kept out of ``repr`` so they never
reach a log or a traceback, and an error about a setting names it, never its value.
"""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.errors import ConfigError

T = TypeVar("T")


class _Problems:
    """Reads settings one by one and collects every problem, so that a start-up refused
    for its settings says everything to fix at once: one line each."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def read(self, reader: Callable[[], T], fallback: T) -> T:
        try:
            return reader()
        except ConfigError as exc:
            self.lines.append(str(exc))
            return fallback

    def check(self) -> None:
        if self.lines:
            raise ConfigError("\n".join(self.lines))


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


def _secret_file(env: Mapping[str, str]) -> str | None:
    """``INTAKE_SECRET_KEY_FILE``: the key from a file, as container secrets provide it
    (``/run/secrets/...``), so it never sits in the environment or a data volume."""
    name = env.get("INTAKE_SECRET_KEY_FILE")
    if not name:
        return None
    path = Path(name)
    try:
        if not path.is_file():
            raise ConfigError(f"INTAKE_SECRET_KEY_FILE: {path} is not a file")
        value = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        raise ConfigError(f"INTAKE_SECRET_KEY_FILE: {path} cannot be read") from None
    if not value:
        raise ConfigError(f"INTAKE_SECRET_KEY_FILE: {path} is empty")
    return value


def _choice(env: Mapping[str, str], name: str, choices: tuple[str, ...]) -> str:
    value = (env.get(name) or choices[0]).strip().lower()
    if value not in choices:
        raise ConfigError(f"{name} must be one of: {', '.join(choices)}")
    return value


def _port(env: Mapping[str, str], name: str) -> int:
    raw = (env.get(name) or "0").strip()
    if not raw.isdecimal() or int(raw) > 65535:
        raise ConfigError(f"{name} must be a port number (1-65535), or 0 for none")
    return int(raw)


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            "INTAKE_TIMEZONE must be an IANA time zone name, e.g. Asia/Tokyo or Asia/Seoul"
        ) from None


#: The package's own folder: shipped flows and catalogs are found from here.
_PACKAGE = Path(__file__).resolve().parent


def shipped(name: str) -> Path:
    """Where the shipped ``flows`` or ``locales`` are: inside the installed package (a
    wheel carries them in ``bot/_shipped/``), or beside the package in a source checkout.
    Never the current folder: the command works wherever it is run from."""
    inside = _PACKAGE / "_shipped" / name
    return inside if inside.is_dir() else _PACKAGE.parent / name


def _seal_to(env: Mapping[str, str]) -> tuple[str, ...]:
    """``INTAKE_SEAL_TO`` (keys separated by commas or spaces) and the keys of the age
    recipients file ``INTAKE_SEAL_TO_FILE``, one or both."""
    from bot.store.sealing import parse_recipients

    keys = parse_recipients(env.get("INTAKE_SEAL_TO") or "", "INTAKE_SEAL_TO")
    name = env.get("INTAKE_SEAL_TO_FILE")
    if name:
        try:
            text = Path(name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            raise ConfigError(
                f"INTAKE_SEAL_TO_FILE: {name} cannot be read (a text file of age public keys)"
            ) from None
        keys += tuple(k for k in parse_recipients(text, "INTAKE_SEAL_TO_FILE") if k not in keys)
        if not keys:
            raise ConfigError(f"INTAKE_SEAL_TO_FILE: {name} holds no age public key")
    return keys


def default_data_dir(env: Mapping[str, str]) -> Path:
    """The platform's per-user data folder (XDG): ``~/.local/share/intake-bot``."""
    base = env.get("XDG_DATA_HOME") or str(Path(env.get("HOME") or Path.home()) / ".local/share")
    return Path(base) / "intake-bot"


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
    #: The organisation's time zone: staff see times in it.
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("UTC"))
    #: Cases that are not urgent are told to staff together, this often.
    alert_digest: timedelta = timedelta(minutes=15)
    #: ``text`` (one line each, for people) or ``json`` (one object each, for collectors).
    log_format: str = "text"
    #: Polling only: serve Prometheus metrics on 127.0.0.1 at this port (0: none).
    metrics_port: int = 0
    #: The operator accepts the generated key file inside the data directory (a trial on
    #: one machine); otherwise ``run`` refuses it, since a copy of the data directory
    #: would then hold the data and the key to read it.
    accept_key_in_data_dir: bool = False
    #: Age public keys every case body is sealed to (``INTAKE_SEAL_TO``, or a recipients
    #: file in ``INTAKE_SEAL_TO_FILE``); empty: not sealed (the embedded default).
    seal_to: tuple[str, ...] = ()
    #: The scrubber's named-entity layer (``INTAKE_NER``): ``auto`` uses it wherever the
    #: ``ner`` extra is installed, ``on`` refuses to start without it, ``off`` keeps the
    #: rules alone (names with no cue around them then stay).
    ner: str = "auto"
    #: How long one note may wait for the NER layer (``INTAKE_NER_BUDGET_MS``); past it
    #: the rules' result is kept and counted (``intake_ner_fallbacks``).
    ner_budget: timedelta = timedelta(milliseconds=1500)
    #: Where the daily data keys live (``INTAKE_KEY_DIR``; default ``keys`` in the data
    #: directory): outside the database, so no copy of the database holds them.
    key_dir: Path | None = None

    @property
    def data_key_dir(self) -> Path:
        return self.key_dir or self.data_dir / "keys"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read the ``INTAKE_*`` variables (see the README for each)."""
        env = os.environ if env is None else env
        p = _Problems()
        settings = cls(
            data_dir=Path(env.get("INTAKE_DATA_DIR") or default_data_dir(env)),
            flows_dir=Path(env.get("INTAKE_FLOWS_DIR") or shipped("flows")),
            locales_dir=Path(env.get("INTAKE_LOCALES_DIR") or shipped("locales")),
            database_url=env.get("INTAKE_DATABASE_URL") or None,
            secret_key=env.get("INTAKE_SECRET_KEY") or p.read(lambda: _secret_file(env), None),
            session_ttl=timedelta(
                hours=p.read(lambda: _positive(env, "INTAKE_SESSION_TTL_HOURS", 72), 72)
            ),
            case_retention=timedelta(
                days=p.read(lambda: _positive(env, "INTAKE_CASE_RETENTION_DAYS", 180), 180)
            ),
            timezone=p.read(lambda: _zone(env.get("INTAKE_TIMEZONE") or "UTC"), ZoneInfo("UTC")),
            alert_digest=timedelta(
                minutes=p.read(lambda: _positive(env, "INTAKE_ALERT_DIGEST_MINUTES", 15), 15)
            ),
            log_format=p.read(lambda: _choice(env, "INTAKE_LOG_FORMAT", ("text", "json")), "text"),
            metrics_port=p.read(lambda: _port(env, "INTAKE_METRICS_PORT"), 0),
            accept_key_in_data_dir=p.read(
                lambda: _choice(env, "INTAKE_ACCEPT_KEY_IN_DATA_DIR", ("no", "yes")), "no"
            )
            == "yes",
            seal_to=p.read(lambda: _seal_to(env), ()),
            ner=p.read(lambda: _choice(env, "INTAKE_NER", ("auto", "on", "off")), "auto"),
            ner_budget=timedelta(
                milliseconds=p.read(lambda: _positive(env, "INTAKE_NER_BUDGET_MS", 1500), 1500)
            ),
            key_dir=Path(env["INTAKE_KEY_DIR"]) if env.get("INTAKE_KEY_DIR") else None,
        )
        if settings.data_dir.exists() and not settings.data_dir.is_dir():
            p.lines.append(f"INTAKE_DATA_DIR must be a directory ({settings.data_dir} is not)")
        key_dir = settings.key_dir
        if key_dir is not None and key_dir.exists() and not key_dir.is_dir():
            p.lines.append(f"INTAKE_KEY_DIR must be a directory ({key_dir} is not)")
        p.check()
        return settings

    def __repr__(self) -> str:
        return (
            f"Settings(data_dir={self.data_dir!s}, flows_dir={self.flows_dir!s},"
            f" database={'<set>' if self.database_url else 'sqlite'}, secret=<hidden>)"
        )


_TOKEN = re.compile(r"\d{3,20}:[A-Za-z0-9_-]{30,64}")


def _loopback_http(url: str | None) -> bool:
    """``http://`` to this machine only (a local Bot API server, tests); parsed, not prefixed."""
    if not url or not url.startswith("http://"):
        return False
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a name: it could resolve anywhere
        return False


_SECRET = re.compile(r"[A-Za-z0-9_-]{16,256}")


def _api_root(url: str | None) -> str | None:
    """The Bot API server's root, whether given as the root or, as PTB's own ``base_url``
    and the local Bot API server's docs write it, ending in ``/bot``."""
    if url is None:
        return None
    root = url.strip().rstrip("/")
    return root.removesuffix("/bot") or None


@dataclass(frozen=True)
class TelegramSettings:
    """What the Telegram channel needs. The token never appears in ``repr`` or errors."""

    token: str = field(repr=False)
    api_base_url: str | None = None
    webhook_url: str | None = None
    webhook_secret: str | None = field(default=None, repr=False)
    listen_host: str = "127.0.0.1"
    listen_port: int = 8080
    #: Replicas sharing the bot: each takes its share of Telegram's global send rate.
    replicas: int = 1
    #: Updates Telegram may deliver at once to the webhook. Telegram still sends one
    #: chat's updates one at a time (a queue per chat in tdlib/telegram-bot-api's
    #: WebhookActor.cpp), so every chat keeps its order at any value.
    webhook_connections: int = 40
    #: The organisation's own words for the bot's public profile, which any phone with
    #: the chat shows and a supporter cannot clear: (field, language) -> text, where
    #: language ``""`` applies to every language. Unset fields keep the shipped neutral
    #: texts (the name stays the one given in @BotFather).
    profile: Mapping[tuple[str, str], str] = field(default_factory=dict)

    @classmethod
    def from_env(
        cls, env: Mapping[str, str] | None = None, *, webhook: bool = False
    ) -> TelegramSettings:
        """Read ``TELEGRAM_*`` and the webhook settings; refuse anything malformed."""
        env = os.environ if env is None else env
        p = _Problems()
        token = env.get("TELEGRAM_BOT_TOKEN", "").strip()
        if not token:
            p.lines.append("TELEGRAM_BOT_TOKEN is not set: get a token from @BotFather")
        elif not _TOKEN.fullmatch(token):
            p.lines.append(
                "TELEGRAM_BOT_TOKEN does not look like a bot token (digits, a colon, then"
                " 30 or more letters, digits, - or _)"
            )
        base = _api_root(env.get("TELEGRAM_API_BASE_URL") or None)
        if base is not None and not (base.startswith("https://") or _loopback_http(base)):
            # The token travels in every request's path: never in clear over a network.
            p.lines.append(
                "TELEGRAM_API_BASE_URL must be https://, or http:// to this machine only"
            )
        webhook_url = env.get("INTAKE_WEBHOOK_URL") or None
        secret = env.get("INTAKE_WEBHOOK_SECRET") or None
        if webhook:
            # https in production; plain http only to this machine (tests, a local proxy)
            if not ((webhook_url or "").startswith("https://") or _loopback_http(webhook_url)):
                p.lines.append("INTAKE_WEBHOOK_URL must be the public https:// URL of the webhook")
            if secret is None or not _SECRET.fullmatch(secret):
                p.lines.append(
                    "INTAKE_WEBHOOK_SECRET must be 16-256 letters, digits, - or _"
                    " (Telegram sends it back in a header on every update)"
                )
        listen = env.get("INTAKE_LISTEN") or "127.0.0.1:8080"
        host, _, port = listen.rpartition(":")
        if not host or not port.isdigit():
            p.lines.append("INTAKE_LISTEN must be host:port, e.g. 0.0.0.0:8080")
        replicas = p.read(lambda: _positive(env, "INTAKE_REPLICAS", 1), 1)
        connections = p.read(lambda: _positive(env, "INTAKE_WEBHOOK_MAX_CONNECTIONS", 40), 40)
        none: dict[tuple[str, str], str] = {}
        profile = p.read(lambda: _profile(env), none)
        p.check()
        return cls(
            token=token,
            api_base_url=base,
            webhook_url=webhook_url,
            webhook_secret=secret,
            listen_host=host,
            listen_port=int(port),
            replicas=replicas,
            webhook_connections=min(connections, 100),
            profile=profile,
        )

    def __repr__(self) -> str:
        return (
            f"TelegramSettings(token=<hidden>, api_base_url={self.api_base_url!r},"
            f" webhook={'set' if self.webhook_url else 'none'}, replicas={self.replicas})"
        )


#: The bot's public profile: field -> (environment variable, Telegram's limit in
#: characters). ``_JA``, ``_KO`` or ``_ZH`` after the variable sets one language.
PROFILE_FIELDS = {
    "name": ("INTAKE_BOT_NAME", 64),
    "description": ("INTAKE_BOT_DESCRIPTION", 512),
    "short_description": ("INTAKE_BOT_SHORT_DESCRIPTION", 120),
}
_PROFILE_LANGUAGES = {"": "", "_JA": "ja", "_KO": "ko", "_ZH": "zh_Hans"}


def _profile(env: Mapping[str, str]) -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    for field_name, (variable, limit) in PROFILE_FIELDS.items():
        for suffix, language in _PROFILE_LANGUAGES.items():
            value = (env.get(variable + suffix) or "").strip()
            if len(value) > limit:
                raise ConfigError(
                    f"{variable + suffix} has {len(value)} characters; Telegram allows {limit}"
                )
            if value:
                found[(field_name, language)] = value
    return found
