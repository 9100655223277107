"""What the engine needs from the outside world, passed in rather than reached for."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


class Scrubbed(Protocol):
    """The scrubber's result: the text with spans replaced, and the kinds removed."""

    @property
    def text(self) -> str: ...

    @property
    def kinds(self) -> Sequence[str]: ...


ScrubFn = Callable[[str, str], Scrubbed]


def _untranslated(_locale: str, msgid: str) -> str:
    return msgid


@dataclass(frozen=True)
class Context:
    """The clock, the random source and the scrubber for one call of ``advance``.

    ``translate(locale, msgid)`` gives the bot's own button labels in the supporter's
    language, so that typing "戻る" works like pressing Back.
    """

    now: Callable[[], datetime]
    rng: random.Random
    scrub: ScrubFn
    translate: Callable[[str, str], str] = _untranslated
