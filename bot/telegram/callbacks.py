"""Buttons' inputs as compact callback_data, and back.

Only opaque codes travel: the session token, an action letter, the step id and a choice
code (see ``bot.callback``). Anything we cannot read back becomes a press on a stale
keyboard, which the engine answers with the current question.
"""

from __future__ import annotations

from bot import callback as cb
from bot.callback import CallbackData
from bot.engine import inputs as i

#: The "clear this conversation" button offered after submission (handled by the channel).
CLEAR = cb.CLEAR
_NO_STEP = "-"
_STALE = i.Choose("", "-", "stale")


def encode(event: i.Input) -> str:
    """callback_data for a button that produces ``event``."""
    match event:
        case i.Choose(value=v, step=s, token=t):
            data = CallbackData(t or "", cb.CHOOSE, s or _NO_STEP, v)
        case i.Toggle(value=v, step=s, token=t):
            data = CallbackData(t or "", cb.TOGGLE, s or _NO_STEP, v)
        case i.Done(step=s, token=t):
            data = CallbackData(t or "", cb.DONE, s or _NO_STEP)
        case i.Skip(step=s, token=t):
            data = CallbackData(t or "", cb.SKIP, s or _NO_STEP)
        case i.Continue(step=s, token=t):
            data = CallbackData(t or "", cb.CONTINUE, s or _NO_STEP)
        case i.Edit(field=f, step=s, token=t):
            data = CallbackData(t or "", cb.EDIT, s or _NO_STEP, f)
        case i.Confirm(step=s, token=t):
            data = CallbackData(t or "", cb.CONFIRM, s or _NO_STEP)
        case i.Back(token=t):
            data = CallbackData(t or "", cb.BACK, _NO_STEP)
        case i.Cancel():
            data = CallbackData("", cb.CANCEL, _NO_STEP)
        case i.ConfirmCancel(yes=yes, token=t):
            data = CallbackData(t or "", cb.CANCEL, _NO_STEP, "yes" if yes else "no")
        case i.ConfirmWithdraw(yes=yes, token=t):
            data = CallbackData(t or "", cb.WITHDRAW, _NO_STEP, "yes" if yes else "no")
        case i.SwitchLanguage(locale=code, token=t):
            data = CallbackData(t or "", cb.LANGUAGE, _NO_STEP, code or "")
        case _:
            raise ValueError(f"no button for {type(event).__name__}")
    return data.encode()


def clear_button(token: str) -> str:
    return CallbackData(token, CLEAR, _NO_STEP).encode()


def decode(raw: str | None) -> i.Input | str:
    """The input a pressed button stands for; ``CLEAR`` for the clear-chat button."""
    data = CallbackData.decode(raw or "")
    if data is None:
        return _STALE
    if data.action == CLEAR:
        return CLEAR
    token, step = data.token or None, None if data.step == _NO_STEP else data.step
    match data.action:
        case cb.CHOOSE:
            return i.Choose(data.value, step, token)
        case cb.TOGGLE:
            return i.Toggle(data.value, step, token)
        case cb.DONE:
            return i.Done(step, token)
        case cb.SKIP:
            return i.Skip(step, token)
        case cb.CONTINUE:
            return i.Continue(step, token)
        case cb.EDIT:
            return i.Edit(data.value, step, token)
        case cb.CONFIRM:
            return i.Confirm(step, token)
        case cb.BACK:
            return i.Back(token)
        case cb.CANCEL if data.value in ("yes", "no"):
            return i.ConfirmCancel(data.value == "yes", token)
        case cb.CANCEL:
            return i.Cancel()
        case cb.LANGUAGE:
            return i.SwitchLanguage(data.value or None, token)
        case cb.WITHDRAW if data.value in ("yes", "no"):
            return i.ConfirmWithdraw(data.value == "yes", token)
    return _STALE
