"""Free text is scrubbed before the transaction that stores it, never inside it.

Scrubbing can be slow: the named-entity layer takes tens of milliseconds for a short
Japanese note and up to its time budget for a long one. Inside a transaction that time is
spent holding the session's row lock, and on SQLite the write lock of the whole database,
so one supporter's long note would stall every other supporter's turn.

What is to be scrubbed, and in which language, is often known only inside the
transaction (the session's step and locale, the case's language). So the work runs
optimistically: its transaction gets a scrub function that answers from what was scrubbed
ahead, and otherwise raises :class:`NotScrubbedError`, which rolls the transaction back. The
text is then scrubbed with no transaction open and the work runs again. Rolling back is
what makes the retry safe: nothing of the first attempt was stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final, TypeVar

from bot.engine.context import Scrubbed, ScrubFn

__all__ = ["NotScrubbedError", "scrubbed_outside"]

T = TypeVar("T")

# Every input scrubs at most one text and a staff action one: a third attempt would mean
# the work asks for different text each time, which is a bug, not contention.
_ATTEMPTS: Final = 3


class NotScrubbedError(Exception):
    """Raised inside a transaction for text not yet scrubbed; caught by the retry."""

    def __init__(self, text: str, locale: str) -> None:
        super().__init__("free text to scrub outside the transaction")
        self.text = text
        self.locale = locale


@dataclass
class _Ahead:
    """A scrub function answering only from texts scrubbed ahead of the transaction."""

    done: dict[tuple[str, str], Scrubbed] = field(default_factory=dict)

    def __call__(self, text: str, locale: str) -> Scrubbed:
        found = self.done.get((text, locale))
        if found is None:
            raise NotScrubbedError(text, locale)
        return found


def scrubbed_outside(scrub: ScrubFn, work: Callable[[ScrubFn], T]) -> T:
    """Run ``work`` (which opens its own transaction) so that ``scrub`` never runs in it.

    ``work`` gets the scrub function to use inside its transaction. It must let
    :class:`NotScrubbedError` propagate out of the transaction, which rolls it back; it is then
    called again once the text is scrubbed.
    """
    ahead = _Ahead()
    for _ in range(_ATTEMPTS - 1):
        try:
            return work(ahead)
        except NotScrubbedError as need:
            ahead.done[(need.text, need.locale)] = scrub(need.text, need.locale)
    return work(ahead)
