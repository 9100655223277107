"""Matching a typed answer against the buttons that were offered.

People type "2", "２", "2.", "②" or the option's own words instead of pressing a button;
all of these should work, in the supporter's language, without guessing: an answer that
matches nothing (or several options) gets a hint instead.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence

from bot.engine.outcome import Button, FlowLabel, Msg, Plain
from bot.limits import MAX_BUTTONS

_STRIP = " \t\n.。、,，)）]】:："


def normalize(text: str) -> str:
    """Fold width, case and surrounding punctuation: ``" ２．"`` -> ``"2"``."""
    return unicodedata.normalize("NFKC", text).casefold().strip(_STRIP)


def label_text(label: FlowLabel | Msg | Plain, locale: str) -> str | None:
    """The words a supporter sees on a button, when the engine knows them."""
    if isinstance(label, FlowLabel):
        return label.text.get(locale)
    if isinstance(label, Plain):
        return label.text
    return None


def button_number(digits: str, count: int) -> int | None:
    """``digits`` as the 1-based number of one of ``count`` buttons, if it is one.

    A keyboard has at most ``MAX_BUTTONS`` buttons, so a longer number designates none;
    checked before ``int()``, which refuses thousands of digits with an exception.
    """
    if not digits.isdecimal() or len(digits) > len(str(MAX_BUTTONS)):
        return None
    number = int(digits)
    return number if 1 <= number <= count else None


def match_button(
    typed: str,
    buttons: Sequence[Button],
    locale: str,
    translate: Callable[[str, str], str] | None = None,
) -> Button | None:
    """The button ``typed`` designates: by its number (1-based) or its exact label."""
    wanted = normalize(typed)
    if not wanted:
        return None
    if wanted.isdecimal():
        number = button_number(wanted, len(buttons))
        return buttons[number - 1] if number is not None else None
    matches = []
    for button in buttons:
        label = label_text(button.label, locale)
        if (
            label is None
            and isinstance(button.label, Msg)
            and translate
            and not button.label.params
        ):
            label = translate(locale, button.label.msgid)
        if label is not None and normalize(label) == wanted:
            matches.append(button)
    return matches[0] if len(matches) == 1 else None
