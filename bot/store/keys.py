"""The server secret, and the keys derived from it.

One secret (``INTAKE_SECRET_KEY``, or a key file made on first run with permissions
0600) gives, through HKDF, a key for the keyed hashes that stand in for chat ids; with the
day's data key (``bot.store.datakeys``) it encrypts what must stay readable (session
state, free text, the contact route). A stolen database without the secret shows no
Telegram identity and no supporter text; without the key directory, nothing older than
the keys still in it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from bot.errors import ConfigError
from bot.store.datakeys import DataKeys, KeyDirectory, KeyStore, MemoryKeys

SECRET_BYTES = 32
KEY_FILE = "secret.key"


def _derive(secret: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose).derive(secret)


#: Fernet tokens begin with version byte 0x80, base64: tokens written before data keys.
_LEGACY = b"gAAAAA"


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class ServerKeys:
    """Keyed hashing under the server secret, and encryption under the day's data key."""

    _hash_key: bytes = field(repr=False)
    #: Reads what was written before data keys existed (``rekey`` rewrites it).
    _legacy: Fernet = field(repr=False)
    data: DataKeys = field(repr=False)

    @classmethod
    def from_secret(
        cls,
        secret: bytes,
        key_dir: Path | None = None,
        now: Callable[[], datetime] = _utcnow,
    ) -> ServerKeys:
        """``key_dir`` ``None``: data keys live in memory only (tests, benchmarks)."""
        if len(secret) < SECRET_BYTES:
            raise ConfigError(
                f"INTAKE_SECRET_KEY must hold at least {SECRET_BYTES} bytes of randomness,"
                f" e.g. {GENERATE}"
            )
        legacy = base64.urlsafe_b64encode(_derive(secret, b"intake-bot encryption v1"))
        store: KeyStore = KeyDirectory(key_dir) if key_dir is not None else MemoryKeys()
        return cls(
            _derive(secret, b"intake-bot chat key v1"),
            Fernet(legacy),
            DataKeys(_derive(secret, b"intake-bot data keys v2"), store, now),
        )

    def chat_key(self, channel: str, chat_id: int | str) -> str:
        """A stable pseudonym for a chat: HMAC-SHA256 of the channel and its chat id."""
        message = f"{channel}:{chat_id}".encode()
        return hmac.new(self._hash_key, message, hashlib.sha256).hexdigest()

    def seal(self, data: bytes) -> bytes:
        return self.data.seal(data)

    def open(self, token: bytes) -> bytes:
        """Decrypt; a token sealed under another secret raises ``ConfigError``, one whose
        data key was destroyed ``DataKeyGoneError``."""
        if not token.startswith(_LEGACY):
            return self.data.open(token)
        try:
            return self._legacy.decrypt(token)
        except InvalidToken:
            raise ConfigError(
                "stored data cannot be decrypted with this INTAKE_SECRET_KEY: is it the key"
                " this database was written with?"
            ) from None

    def __repr__(self) -> str:
        return "ServerKeys(<secret>)"


#: scrypt at 16 MiB: about 50 ms a try, so guessing a 50-bit code stays hopeless.
_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}


def slow_hash(code: str) -> bytes:
    """Salt and scrypt hash of a short secret typed by a person."""
    salt = os.urandom(16)
    return salt + hashlib.scrypt(code.encode(), salt=salt, **_SCRYPT)


def slow_check(code: str, stored: bytes) -> bool:
    salt, expected = stored[:16], stored[16:]
    return hmac.compare_digest(hashlib.scrypt(code.encode(), salt=salt, **_SCRYPT), expected)


#: What zlib adds to incompressible input; what it saves beyond that is repetition.
_ZLIB_OVERHEAD = 11
#: Entropy a server secret must at least carry, as its compressed size estimates it.
MIN_SECRET_BITS = 128
GENERATE = "`python -c 'import secrets;print(secrets.token_urlsafe(48))'`"


def key_weakness(secret: bytes) -> str | None:
    """Why ``secret`` cannot be a server key, or ``None``: long enough, and not a short
    or repeated string (``"a" * 32``, ``"secret-" * 5``) whose hashes could be guessed."""
    if len(secret) < SECRET_BYTES:
        return f"it holds fewer than {SECRET_BYTES} bytes"
    if (len(zlib.compress(secret, 9)) - _ZLIB_OVERHEAD) * 8 < MIN_SECRET_BITS:
        return "it repeats itself (typed, not random)"
    return None


def load_secret(env_value: str | None, data_dir: Path) -> bytes:
    """The secret from the environment, or from the key file (created if missing)."""
    if env_value:
        return env_value.encode()
    path = data_dir / KEY_FILE
    if path.exists():
        if path.stat().st_mode & 0o077:
            raise ConfigError(f"{path} is readable by others: run `chmod 600 {path}`")
        return path.read_bytes().strip()
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    secret = secrets.token_urlsafe(48).encode()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(secret + b"\n")
    return secret
