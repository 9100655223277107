"""Case stubs: what staff receive. No field can hold an identity.

A stub holds codes chosen from closed lists, free text that went through the scrubber,
and metadata (flow, locale, minute-precision UTC time, priority). It never holds the
supporter's Telegram id, name, username or chat id; the type has nowhere to put them.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

#: Crockford's base32: no I, L, O or U, so a reference read aloud or retyped survives.
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
REFERENCE_LENGTH = 8
#: Letters Crockford's alphabet leaves out because people read them as digits.
_MISREAD = str.maketrans("OIL", "011")


def new_reference(rng: random.Random) -> str:
    """A random case reference shown as ``XXXX-XXXX`` (40 bits)."""
    chars = "".join(rng.choice(CROCKFORD) for _ in range(REFERENCE_LENGTH))
    return f"{chars[:4]}-{chars[4:]}"


#: 10 Crockford characters: 50 bits, against a slow hash and a throttle.
RETURN_CODE_LENGTH = 10


def new_return_code(rng: random.Random) -> str:
    """The code that, with the reference, reaches a case again (``XXXXX-XXXXX``)."""
    chars = "".join(rng.choice(CROCKFORD) for _ in range(RETURN_CODE_LENGTH))
    return f"{chars[:5]}-{chars[5:]}"


def normalize_code(text: str) -> str:
    """A code as people type it: any case, with or without dashes or spaces."""
    return text.strip().upper().replace("-", "").replace(" ", "").translate(_MISREAD)


def normalize_reference(text: str) -> str | None:
    """Read a reference as staff or supporters type it (``abcd efgh``, ``o`` for ``0``)."""
    cleaned = text.strip().upper().replace("-", "").replace(" ", "")
    cleaned = cleaned.translate(_MISREAD)
    if len(cleaned) != REFERENCE_LENGTH or any(c not in CROCKFORD for c in cleaned):
        return None
    return f"{cleaned[:4]}-{cleaned[4:]}"


@dataclass(frozen=True)
class CaseStub:
    """A sanitized intake, ready for staff triage."""

    reference: str
    flow_id: str
    flow_version: int
    locale: str
    created: datetime
    priority: str
    #: Where the person is, at country or province level (``china_border/jilin``).
    region: str
    #: The supporter agreed to be contacted back through the bot.
    contact: bool
    #: Choice answers by field: a code, or a tuple of codes for multi fields.
    answers: Mapping[str, str | tuple[str, ...]]
    #: Free-text answers by field, after scrubbing.
    texts: Mapping[str, str]
    #: Kinds of personal data the scrubber removed, over all texts (sorted).
    removed: tuple[str, ...]

    def answers_json(self) -> dict[str, str | list[str]]:
        """The answers as JSON holds them (a multi field's codes as a list)."""
        return {k: list(v) if isinstance(v, tuple) else v for k, v in self.answers.items()}

    def to_json(self) -> dict[str, Any]:
        return {
            "reference": self.reference,
            "flow_id": self.flow_id,
            "flow_version": self.flow_version,
            "locale": self.locale,
            "created": self.created.strftime("%Y-%m-%dT%H:%MZ"),
            "priority": self.priority,
            "region": self.region,
            "contact": self.contact,
            "answers": self.answers_json(),
            "texts": dict(self.texts),
            "removed": list(self.removed),
        }
