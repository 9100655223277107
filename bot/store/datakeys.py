"""Data keys that expire, so that erasing reaches every copy.

A database keeps more than its rows: SQLite's WAL and free pages, PostgreSQL's WAL
segments and dead tuples, every backup, dump and replica. What the server encrypted under
one key derived from its secret stays readable in all of them for as long as the secret
lives. So session state, the inbox, free text and contact routes are encrypted under a key
of the day instead, and the day's key is destroyed once nothing live uses it: every save
encrypts with today's key, and :func:`bot.store.rekey.rekey` re-encrypts what was not saved
today and then destroys the keys of the days before yesterday. A copy of any row, wherever
it lies, is unreadable at most two days after the row was erased.

Keys live outside the database, one file a day (``data-YYYYMMDD.key``, 32 random bytes,
mode 0600) in a key directory beside the secret; the key itself is HKDF of the server
secret salted with the file, so the key directory alone, or the secret alone, opens
nothing. Files are created atomically (a temporary file hard-linked into place), so
replicas sharing the directory agree on a day's key whoever writes it first.
"""

from __future__ import annotations

import base64
import os
import re
import secrets
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from bot.errors import ConfigError, DataKeyGoneError

#: A token's prefix: ``k`` and the day its key belongs to, then ``:``.
_PREFIX = re.compile(rb"k(\d{8}):")
_PREFIX_LEN = 10
_FILE = re.compile(r"data-(\d{8})\.key")
_KEY_BYTES = 32


def day_of(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%d")


def prefix(day: str) -> bytes:
    """How every token sealed under ``day``'s key begins (for finding them in SQL)."""
    return b"k" + day.encode() + b":"


class KeyStore(Protocol):
    """Where the daily key material lives."""

    def read(self, day: str) -> bytes | None: ...

    def create(self, day: str) -> bytes:
        """The day's material, made now unless someone made it first."""
        ...

    def days(self) -> list[str]: ...

    def destroy(self, day: str) -> None: ...


class MemoryKeys:
    """Keys that live as long as the process (tests, benchmarks, one-off tools)."""

    def __init__(self) -> None:
        self._keys: dict[str, bytes] = {}

    def read(self, day: str) -> bytes | None:
        return self._keys.get(day)

    def create(self, day: str) -> bytes:
        return self._keys.setdefault(day, secrets.token_bytes(_KEY_BYTES))

    def days(self) -> list[str]:
        return sorted(self._keys)

    def destroy(self, day: str) -> None:
        self._keys.pop(day, None)


class KeyDirectory:
    """One file a day in a directory only the bot's user may read."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _file(self, day: str) -> Path:
        return self.path / f"data-{day}.key"

    def read(self, day: str) -> bytes | None:
        file = self._file(day)
        try:
            fd = os.open(file, os.O_RDONLY | os.O_NOFOLLOW)
        except FileNotFoundError:
            return None
        except OSError as exc:  # a link planted there, a directory, no permission
            raise ConfigError(f"{file} cannot be read as a data key ({exc.strerror})") from None
        with os.fdopen(fd, "rb") as handle:
            status = os.fstat(handle.fileno())
            _owned(file, status)
            if status.st_mode & 0o077:
                raise ConfigError(f"{file} is readable by others: run `chmod 600 {file}`")
            content = handle.read(256)
        try:
            material = base64.urlsafe_b64decode(content.strip())
        except ValueError:
            material = b""
        if len(material) != _KEY_BYTES:
            # Not "move it away": a copy kept somewhere would outlive its day.
            raise ConfigError(f"{file} is not a data key (damaged?): destroy it and restart")
        return material

    def create(self, day: str) -> bytes:
        try:
            return self._create(day)
        except PermissionError as exc:
            raise ConfigError(
                f"the key directory {self.path} cannot be written ({exc.strerror}): give it to"
                " the bot's user (chmod 700), or set INTAKE_KEY_DIR"
            ) from None

    def _create(self, day: str) -> bytes:
        self._prepare()
        material = secrets.token_bytes(_KEY_BYTES)
        temporary = self.path / f".data-{day}.{secrets.token_hex(8)}.tmp"
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(base64.urlsafe_b64encode(material) + b"\n")
                handle.flush()
                os.fsync(handle.fileno())
            # link, unlike rename, refuses to replace: a replica that lost the race reads
            # the winner's key instead of overwriting a key that rows may already use.
            os.link(temporary, self._file(day))
        except FileExistsError:
            pass
        finally:
            temporary.unlink(missing_ok=True)
        self._sync()
        found = self.read(day)
        if found is None:  # destroyed between link and read: only a clock far behind
            raise ConfigError(f"the data key of {day} vanished from {self.path} as it was made")
        return found

    def days(self) -> list[str]:
        if not self.path.is_dir():
            return []
        return sorted(m[1] for f in self.path.iterdir() if (m := _FILE.fullmatch(f.name)))

    def destroy(self, day: str) -> None:
        """Overwrite, then unlink. On flash storage and copy-on-write file systems the old
        blocks may survive the overwrite: the README says to keep the directory on an
        encrypted volume for that reason."""
        file = self._file(day)
        if not file.is_symlink():  # never through a link: zeros would land on its target
            try:
                fd = os.open(file, os.O_WRONLY | os.O_NOFOLLOW)
            except FileNotFoundError:
                return
            with os.fdopen(fd, "wb") as handle:
                handle.write(bytes(os.fstat(handle.fileno()).st_size))
                handle.flush()
                os.fsync(handle.fileno())
        file.unlink(missing_ok=True)
        self._sync()

    def _prepare(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True, mode=0o700)
        status = self.path.stat()
        _owned(self.path, status)
        if status.st_mode & 0o077:
            raise ConfigError(f"{self.path} is open to others: run `chmod 700 {self.path}`")

    def _sync(self) -> None:
        """Make the new or removed name durable: a crash must not resurrect a key."""
        fd = os.open(self.path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _owned(path: Path, status: os.stat_result) -> None:
    """Keys belong to the bot's user: a command run as another user (root's cron) would
    make today's key unreadable to the bot, or read keys it should not."""
    if status.st_uid != os.geteuid():
        raise ConfigError(
            f"{path} belongs to another user (uid {status.st_uid}): run intake-bot as the"
            " user the bot runs as"
        )


#: How often a process checks that the key it seals with still exists: another
#: process's purge may have destroyed it (a clock far ahead), and rows sealed with a
#: key whose file is gone would be unreadable to every other process.
RECHECK_SECONDS = 60.0


class DataKeys:
    """Authenticated encryption under the key of the day; tokens name their day."""

    def __init__(self, secret: bytes, store: KeyStore, now: Callable[[], datetime]) -> None:
        self._secret = secret
        self.store = store
        self.now = now
        self._cache: dict[str, Fernet] = {}
        self._checked: dict[str, float] = {}

    def today(self) -> str:
        return day_of(self.now())

    def yesterday(self) -> str:
        return day_of(self.now() - timedelta(days=1))

    def ready(self) -> None:
        """Make today's key now: a key directory the bot cannot use stops start-up with
        one line, not the first supporter's message."""
        day = self.today()
        if self._fernet(day) is None:
            self._make(day)

    def seal(self, data: bytes) -> bytes:
        day = self.today()
        if time.monotonic() - self._checked.get(day, 0.0) > RECHECK_SECONDS:
            self._checked[day] = time.monotonic()
            if day in self._cache and self.store.read(day) is None:
                del self._cache[day]
        fernet = self._fernet(day) or self._make(day)
        return prefix(day) + fernet.encrypt(data)

    def open(self, token: bytes) -> bytes:
        day = self.day_of(token)
        if day is None:
            raise ConfigError("stored data is not encrypted the way this bot writes it")
        fernet = self._fernet(day)
        if fernet is None:
            raise DataKeyGoneError(f"the data key of {day} has been destroyed")
        try:
            return fernet.decrypt(token[_PREFIX_LEN:])
        except InvalidToken:
            raise ConfigError(
                "stored data cannot be decrypted with this INTAKE_SECRET_KEY and key"
                " directory: are they the ones this database was written with?"
            ) from None

    @staticmethod
    def day_of(token: bytes) -> str | None:
        match = _PREFIX.match(token)
        return match[1].decode() if match else None

    def destroy_before(self, day: str) -> list[str]:
        """Destroy every key older than ``day``; the days destroyed."""
        gone = [d for d in self.store.days() if d < day]
        for old in gone:
            self.store.destroy(old)
            self._cache.pop(old, None)
        return gone

    def _fernet(self, day: str) -> Fernet | None:
        if day not in self._cache:
            material = self.store.read(day)
            if material is None:
                return None
            self._cache[day] = self._derive(day, material)
            # A replica forgets, too, what another destroyed: keep only recent days.
            for old in [d for d in self._cache if d < self.yesterday() and d != day]:
                del self._cache[old]
        return self._cache.get(day)

    def _make(self, day: str) -> Fernet:
        fernet = self._derive(day, self.store.create(day))
        self._cache[day] = fernet
        return fernet

    def _derive(self, day: str, material: bytes) -> Fernet:
        info = b"intake-bot data key v2 " + day.encode()
        key = HKDF(algorithm=hashes.SHA256(), length=32, salt=material, info=info)
        return Fernet(base64.urlsafe_b64encode(key.derive(self._secret)))
