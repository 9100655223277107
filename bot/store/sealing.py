"""Case bodies sealed to the organisation's public keys, in the age format.

With ``INTAKE_SEAL_TO`` set, what a case says (answers, free text, notes, relayed
messages) is encrypted at submission to one or more age X25519 public keys (an
organisation key, and a backup key kept offline); the server never holds a private key,
so neither it nor a copy of its disk, database or secret can read a sealed case. The
queue keeps in clear only what it needs: reference, priority, status, times, language,
holder (ODK's encrypted forms and SecureDrop do the same).

A sealed body is a standard age file: ``age -d -i identity.age`` opens it as well as
``intake-bot stubs show --identity``. Identity files written by ``intake-bot keys
generate`` are themselves age files, encrypted with a passphrase (age reads those too).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pyrage
from pyrage import passphrase as age_passphrase
from pyrage import x25519

from bot.errors import ConfigError, SealedError

if TYPE_CHECKING:
    from bot.store.keys import ServerKeys

#: What every age public key and identity starts with.
PUBLIC_PREFIX = "age1"
SECRET_PREFIX = "AGE-SECRET-KEY-1"
#: The start of every age file (binary form).
AGE_HEADER = b"age-encryption.org/v1\n"
ARMOR_BEGIN = "-----BEGIN AGE ENCRYPTED FILE-----"
ARMOR_END = "-----END AGE ENCRYPTED FILE-----"


def parse_recipients(text: str, where: str) -> tuple[str, ...]:
    """Public keys from ``text`` (separated by commas, spaces or lines; ``#`` comments,
    as in age's recipients files), each checked and written the one way age writes it.

    Raises:
        ConfigError: an entry is not an age public key; a private key was given; the
            text is not blank but names no key (sealing would silently be off).
    """
    keys: list[str] = []
    entries = [
        entry
        for line in text.splitlines()
        for entry in line.split("#", 1)[0].replace(",", " ").split()
    ]
    if text.strip() and not entries:
        raise ConfigError(f"{where} names no age public key (age1...): set one, or unset it")
    for number, entry in enumerate(entries, start=1):
        if entry.upper().startswith(SECRET_PREFIX):
            raise ConfigError(
                f"{where} holds a private key: give the public key (age1...) that"
                " `intake-bot keys generate` printed, and keep the private key off"
                " this server"
            )
        try:
            key = str(x25519.Recipient.from_str(entry.lower()))
        except pyrage.RecipientError:
            raise ConfigError(
                f"{where}: entry {number} is not an age public key (age1...)"
            ) from None
        if key not in keys:
            keys.append(key)
    return tuple(keys)


@dataclass(frozen=True)
class Sealer:
    """Seals case bodies to ``recipients`` (age public keys); holds no private key."""

    recipients: tuple[str, ...]

    def __post_init__(self) -> None:
        if not self.recipients:
            raise ValueError("a sealer needs at least one public key")

    def seal(self, body: Mapping[str, Any]) -> bytes:
        """``body`` as JSON in an age file that only the recipients' identities open."""
        data = json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8")
        sealed = pyrage.encrypt(data, [x25519.Recipient.from_str(r) for r in self.recipients])
        return bytes(sealed)


def open_sealed(blob: bytes, identities: Sequence[x25519.Identity]) -> dict[str, Any]:
    """The JSON object in a sealed age file.

    Anyone can seal to a public key, so what comes out is checked like any input.

    Raises:
        SealedError: none of ``identities`` opens it, or it holds no JSON object.
    """
    try:
        data = bytes(pyrage.decrypt(blob, list(identities)))
    except pyrage.DecryptError:
        raise SealedError("none of the given identities opens this case") from None
    try:
        body = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):
        raise SealedError("the sealed content is not a case body") from None
    if not isinstance(body, dict):
        raise SealedError("the sealed content is not a case body")
    return body


def case_body(blob: bytes, identities: Sequence[x25519.Identity], reference: str) -> CaseBody:
    """The sealed stub of case ``reference``, its parts checked.

    Raises:
        SealedError: it does not open, is not a stub, or is another case's.
    """
    body = open_sealed(blob, identities)
    if body.get("reference") != reference:
        raise SealedError("the sealed content belongs to another case")
    answers, texts = body.get("answers", {}), body.get("texts", {})
    removed, region = body.get("removed", []), body.get("region", "")
    valid = (
        isinstance(answers, dict)
        and all(isinstance(v, str | list) for v in answers.values())
        and isinstance(texts, dict)
        and all(isinstance(v, str) for v in texts.values())
        and isinstance(removed, list)
        and all(isinstance(v, str) for v in removed)
        and isinstance(region, str)
    )
    if not valid:
        raise SealedError("the sealed content is not a case body")
    return CaseBody(region, answers, texts, removed)


@dataclass(frozen=True)
class CaseBody:
    """What a sealed stub holds that the queue's row does not."""

    region: str
    answers: dict[str, Any]
    texts: dict[str, str]
    removed: list[str]


def message_text(blob: bytes, identities: Sequence[x25519.Identity], reference: str) -> str:
    """The text of a sealed note or relayed message of case ``reference``.

    Raises:
        SealedError: it does not open, or is another case's.
    """
    body = open_sealed(blob, identities)
    text = body.get("text")
    if body.get("reference") != reference or not isinstance(text, str):
        raise SealedError("the sealed message belongs to another case")
    return text


def read_identities(content: bytes, passphrase: str | None) -> list[x25519.Identity]:
    """The identities of an identity file: plain (lines of ``AGE-SECRET-KEY-1...``), or an
    age file encrypted with ``passphrase`` around such lines (``keys generate`` writes
    those; ``age -p`` too).

    Raises:
        SealedError: a wrong passphrase, or no identity in the file.
    """
    if is_age_file(content):
        if passphrase is None:
            raise SealedError("the identity file is encrypted: a passphrase is needed")
        try:
            content = bytes(age_passphrase.decrypt(content, passphrase))
        except pyrage.DecryptError:
            raise SealedError("wrong passphrase for the identity file") from None
    identities = []
    for line in content.decode("utf-8", "replace").splitlines():
        line = line.strip()
        if line.upper().startswith(SECRET_PREFIX):
            try:
                identities.append(x25519.Identity.from_str(line))
            except pyrage.IdentityError:
                raise SealedError("the identity file holds a malformed key") from None
    if not identities:
        raise SealedError("no age identity (AGE-SECRET-KEY-1...) in the file")
    return identities


def generate(passphrase: str) -> tuple[bytes, str]:
    """A new key pair: the identity file (encrypted with ``passphrase``, armored so that
    it can be printed or pasted) and the public key to configure."""
    identity = x25519.Identity.generate()
    public = str(identity.to_public())
    text = f"# public key: {public}\n{identity}\n".encode()
    return bytes(age_passphrase.encrypt(text, passphrase, armored=True)), public


def armor(blob: bytes) -> str:
    """A binary age file in age's ASCII armor (strict PEM: 64 columns), the form ``age -d``
    reads from a terminal, a JSON field or an e-mail."""
    encoded = base64.b64encode(blob).decode("ascii")
    lines = [encoded[i : i + 64] for i in range(0, len(encoded), 64)]
    return "\n".join([ARMOR_BEGIN, *lines, ARMOR_END]) + "\n"


def is_age_file(content: bytes) -> bool:
    return content.startswith(AGE_HEADER) or content.lstrip().startswith(ARMOR_BEGIN.encode())


def holds_private_key(values: Iterable[str]) -> bool:
    """Whether any of ``values`` is or contains an age private key."""
    return any(SECRET_PREFIX in value.upper() for value in values)


def wrap(blob: bytes, keys: ServerKeys) -> bytes:
    """How a sealed age file is stored: inside the day's data key too, so that once a
    sealed case is erased its copies in WAL, dumps and backups open for no one, the
    organisation included, after the key's days (``bot.store.datakeys``)."""
    return keys.seal(blob)


def unwrap(stored: bytes, keys: ServerKeys) -> bytes:
    """The age file of a sealed row (rows written before ``wrap`` hold it bare)."""
    return stored if is_age_file(stored) else keys.open(stored)
