"""The bot's own questions, asked outside the flow: erase everything? which language?"""

from __future__ import annotations

from collections.abc import Sequence

from bot.engine import inputs as i
from bot.engine import texts as t
from bot.engine.outcome import Button, Choices, Msg, Plain
from bot.i18n import autonym


def erase_question(token: str) -> Choices:
    """Asked before erasing: yes erases everything, no goes back to the question."""
    return Choices(
        Msg(t.ERASE_QUESTION),
        (
            (Button(Msg(t.ERASE_YES), i.ConfirmCancel(True, token)),),
            (Button(Msg(t.ERASE_NO), i.ConfirmCancel(False, token)),),
        ),
    )


def withdraw_question(reference: str, token: str) -> Choices:
    """Asked before withdrawing a submitted case."""
    return Choices(
        Msg(t.WITHDRAW_QUESTION, {"reference": reference}),
        (
            (Button(Msg(t.WITHDRAW_YES), i.ConfirmWithdraw(True, token)),),
            (Button(Msg(t.WITHDRAW_NO), i.ConfirmWithdraw(False, token)),),
        ),
    )


def first_language(locales: Sequence[str]) -> Choices:
    """Before anything else, when the supporter's language is not known: the question in
    every language, each language named in its own script."""
    rows = tuple((Button(Plain(autonym(code)), i.SwitchLanguage(code)),) for code in locales)
    return Choices(Msg(t.CHOOSE_LANGUAGE), rows, every_language=True)


def language_picker(locales: Sequence[str], token: str) -> Choices:
    """Each of the flow's languages, named in its own script."""
    rows = tuple(
        (Button(Plain(autonym(code)), i.SwitchLanguage(code, token)),) for code in locales
    )
    return Choices(Msg(t.CHOOSE_LANGUAGE), rows)
