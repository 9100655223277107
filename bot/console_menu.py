"""The terminal's numbered menu, and which of its options a typed line designates.

On Telegram a supporter presses a button; in a terminal they type its number or the
first words of its label (``吉林`` for ``吉林省``). Only an answer that designates exactly
one option is sent on: anything else gets a hint and changes nothing, so a slip of the
keyboard never answers a question the supporter did not mean to answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.engine.matching import button_number, normalize
from bot.render import CHECK, RenderedButton

#: The question a menu answers: session token, step and locale. A menu shown again for
#: the same key is the same menu (only its ticks may have changed).
MenuKey = tuple[str, str, str]


@dataclass(frozen=True)
class Menu:
    """The options in force, numbered from 1 in display order."""

    options: tuple[RenderedButton, ...] = ()
    #: The flow question it belongs to; ``None`` for a question of the bot's own.
    key: MenuKey | None = None
    #: Asked before the supporter's language is known: hints go out in every language.
    every_language: bool = False
    #: The engine's yes/no questions (erase? withdraw?) take any other answer as "no" and
    #: then apply it, so an answer that is none of the options goes to the engine.
    open_ended: bool = False

    def label(self, number: int) -> str:
        """Option ``number`` as the supporter reads it, without its tick."""
        option = self.options[number - 1]
        text = option.text
        return text.removeprefix(CHECK) if option.selected else text

    def labels(self) -> list[str]:
        return [self.label(n) for n in range(1, len(self.options) + 1)]


def designated(typed: str, labels: Sequence[str]) -> tuple[int, ...]:
    """The 1-based numbers of the options ``typed`` may mean.

    Its number (``2``, ``２``, ``2.``), else the options whose whole label it is, else the
    options whose label starts with it. Width, case and surrounding punctuation are
    folded as the engine folds them. One number: a choice; several: ambiguous; none:
    no option.
    """
    wanted = normalize(typed)
    if not wanted:
        return ()
    number = button_number(wanted, len(labels))
    if number is not None:
        return (number,)
    folded = [normalize(label) for label in labels]
    exact = tuple(n for n, label in enumerate(folded, start=1) if label == wanted)
    if exact:
        return exact
    return tuple(n for n, label in enumerate(folded, start=1) if label.startswith(wanted))
