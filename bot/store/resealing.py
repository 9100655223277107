"""Moving sealed cases to new keys, without the private key ever touching the server.

Three steps, two machines. On the server, :func:`sealed_items` lists every sealed case
body and sealed note as it is stored (age files only: nothing in clear). On a
caseworker's machine, :func:`reseal` opens each with the old identity, checks that it
names its case, and seals it again to the new public keys. Back on the server,
:func:`replace_sealed` puts the new files in place, each only where the row still holds
the very file it was made from, so a note added or a case erased in the meantime is
never overwritten or brought back.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pyrage
from pyrage import x25519
from sqlalchemy import select, update

from bot.store.audit import audit
from bot.store.database import Database
from bot.store.models import CaseMessage, CaseStubRow
from bot.store.sealing import armor, unwrap, wrap

AGE = b"age-encryption.org/"
#: What a sealed item is: a case body, or a note/relayed message of a case.
KINDS = ("case", "message")


@dataclass(frozen=True)
class SealedItem:
    kind: str
    #: The case's reference; for a message also its row id.
    reference: str
    id: int | None
    sealed: bytes
    sealed_to: tuple[str, ...]
    #: The SHA-256 of the file this one replaces (set by ``reseal``).
    replaces: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "reference": self.reference,
            "id": self.id,
            "sealed": armor(self.sealed),
            "sealed_to": list(self.sealed_to),
            "replaces": self.replaces,
        }

    @classmethod
    def from_json(cls, data: object) -> SealedItem:
        """Checked like any input: the file may have travelled by USB stick or e-mail."""
        if not isinstance(data, dict):
            raise ValueError("an item is not an object")
        kind, reference, row = data.get("kind"), data.get("reference"), data.get("id")
        sealed, keys, replaces = data.get("sealed"), data.get("sealed_to"), data.get("replaces")
        if (
            not isinstance(kind, str)
            or kind not in KINDS
            or not isinstance(reference, str)
            or not (row is None if kind == "case" else isinstance(row, int))
            or not isinstance(sealed, str)
            or not isinstance(keys, list)
            or not all(isinstance(k, str) for k in keys)
            or not (replaces is None or isinstance(replaces, str))
        ):
            raise ValueError("an item lacks kind, reference, id, sealed or sealed_to")
        return cls(kind, reference, row, _unarmor(sealed), tuple(keys), replaces)


def digest(blob: bytes) -> str:
    return hashlib.sha256(blob).hexdigest()


def _unarmor(text: str) -> bytes:
    lines = [line.strip() for line in text.strip().splitlines()]
    if len(lines) < 2 or not lines[0].startswith("-----BEGIN AGE") or "END AGE" not in lines[-1]:
        raise ValueError("a sealed field is not an armored age file")
    return base64.b64decode("".join(lines[1:-1]), validate=True)


def sealed_items(db: Database) -> list[SealedItem]:
    """Every sealed case body and sealed message, as the age files they are."""
    with db.transaction() as tx:
        cases = tx.execute(
            select(CaseStubRow.reference, CaseStubRow.sealed, CaseStubRow.sealed_to)
            .where(CaseStubRow.sealed.is_not(None))
            .order_by(CaseStubRow.id)
        ).all()
        messages = tx.execute(
            select(
                CaseMessage.reference, CaseMessage.id, CaseMessage.text, CaseMessage.sealed_to
            ).order_by(CaseMessage.id)
        ).all()
    found = [
        SealedItem("case", r, None, unwrap(b, db.keys), tuple(k or ())) for r, b, k in cases if b
    ]
    return found + [
        SealedItem("message", r, i, unwrap(b, db.keys), tuple(k)) for r, i, b, k in messages if k
    ]


def reseal(
    items: Iterable[SealedItem],
    identities: Sequence[x25519.Identity],
    recipients: Sequence[str],
) -> tuple[list[SealedItem], list[tuple[SealedItem, str]]]:
    """Each item opened and sealed again to ``recipients``; and those left, with why."""
    to = [x25519.Recipient.from_str(r) for r in recipients]
    done: list[SealedItem] = []
    left: list[tuple[SealedItem, str]] = []
    for item in items:
        try:
            plain = bytes(pyrage.decrypt(item.sealed, list(identities)))
        except pyrage.DecryptError:
            left.append((item, "none of the given identities opens it"))
            continue
        if _reference_of(plain) != item.reference:
            left.append((item, "the sealed content belongs to another case"))
            continue
        # The very bytes that were sealed, not a re-encoding: nothing is lost or changed.
        fresh = bytes(pyrage.encrypt(plain, to))
        done.append(
            SealedItem(
                item.kind, item.reference, item.id, fresh, tuple(recipients), digest(item.sealed)
            )
        )
    return done, left


def _reference_of(plain: bytes) -> object:
    try:
        body = json.loads(plain.decode("utf-8"))
    except (ValueError, RecursionError):
        return None
    return body.get("reference") if isinstance(body, dict) else None


@dataclass(frozen=True)
class Replaced:
    replaced: int
    #: Items whose row changed or went since the export (left as they are).
    stale: int


def replace_sealed(db: Database, items: Iterable[SealedItem], *, actor: str) -> Replaced:
    """Put re-sealed files in place where the row still holds the file they replace."""
    replaced = stale = 0
    with db.transaction() as tx:
        for item in items:
            if item.replaces is None or not item.sealed.startswith(AGE):
                raise ValueError(f"{item.reference}: not a re-sealed item (`keys reseal` output)")
            stored = wrap(item.sealed, db.keys)
            if item.kind == "case":
                column, where = CaseStubRow.sealed, CaseStubRow.reference == item.reference
                values = {"sealed": stored, "sealed_to": list(item.sealed_to)}
                model: type[CaseStubRow] | type[CaseMessage] = CaseStubRow
            else:
                column = CaseMessage.text
                where = (CaseMessage.id == item.id) & (CaseMessage.reference == item.reference)
                values = {"text": stored, "sealed_to": list(item.sealed_to)}
                model = CaseMessage
            current = tx.scalar(select(column).where(where).with_for_update())
            if current is None or digest(unwrap(current, db.keys)) != item.replaces:
                stale += 1
                continue
            # The row locked and compared again: a withdrawal committed in between cannot
            # be undone by putting the case body back.
            done = tx.execute(update(model).where(where, column == current).values(values))
            if not done.rowcount:  # type: ignore[attr-defined]
                stale += 1
                continue
            replaced += 1
            if item.kind == "case":
                audit(tx, db.now(), actor, "reseal", item.reference, {"keys": len(item.sealed_to)})
    return Replaced(replaced, stale)
