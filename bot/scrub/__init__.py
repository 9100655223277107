"""Scrubbing of personal data from Japanese, Korean and Chinese free text.

The engine calls this wherever free text is stored::

    from bot.scrub import scrub, Scrubbed, kind_label

    result = scrub("電話は０９０－１２３４－５６７８です", "ja")
    result.text   # "電話は［電話番号］です"
    result.kinds  # ("phone",)
    kind_label("phone", "ko")  # "전화번호"

The rules layer is pure (no I/O, no logging, no mutable state) and always on. The
named-entity layer (``pip install '.[ner]'``) is opt-in: build a :class:`Scrubber` with a
:class:`~bot.scrub.ner.NerLayer` once and pass it where text is scrubbed.
"""

from __future__ import annotations

from bot.scrub.core import Scrubbed, Scrubber
from bot.scrub.kinds import KINDS, LOCALES, canonical_locale, kind_label, placeholder

__all__ = [
    "KINDS",
    "LOCALES",
    "Scrubbed",
    "Scrubber",
    "canonical_locale",
    "kind_label",
    "placeholder",
    "scrub",
]

_RULES_ONLY = Scrubber()


def scrub(text: str, locale: str, *, scrubber: Scrubber | None = None) -> Scrubbed:
    """Scrub ``text`` with the rules layer, or with ``scrubber`` when given.

    Args:
        text: a supporter's free-text answer.
        locale: ``"ja"``, ``"ko"`` or ``"zh_Hans"`` (``"zh"`` accepted).
        scrubber: a configured :class:`Scrubber`, e.g. one with the NER layer.
    """
    return (scrubber or _RULES_ONLY).scrub(text, locale)
