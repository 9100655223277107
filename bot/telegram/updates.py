"""A Telegram update, seen as one supporter input (or nothing to do)."""

from __future__ import annotations

from telegram import Message, Update

from bot.engine import inputs as i
from bot.i18n import negotiate, recognized
from bot.telegram import callbacks

#: /commands and what they do, in any chat language.
COMMANDS: dict[str, i.Input] = {
    "back": i.Back(),
    "restart": i.Restart(),
    "cancel": i.Cancel(),
    "erase": i.Cancel(),
    "language": i.SwitchLanguage(),
    "lang": i.SwitchLanguage(),
    "help": i.Help(),
    "skip": i.Skip(),
    "withdraw": i.Withdraw(),
}


def supporter_locale(update: Update) -> str:
    user = update.effective_user
    return negotiate(user.language_code if user else None)


def to_input(update: Update) -> i.Input | str | None:
    """The input an update stands for; ``callbacks.CLEAR`` for the clear-chat button."""
    if update.callback_query is not None:
        return callbacks.decode(update.callback_query.data)
    if update.edited_message is not None:
        return i.Unsupported(i.EDITED)
    message = update.message
    if message is None:
        return None
    return _message_input(message, update)


def _message_input(message: Message, update: Update) -> i.Input:
    if message.forward_origin is not None:
        return i.Unsupported(i.FORWARDED)
    if message.contact is not None or message.location is not None or message.venue is not None:
        return i.Unsupported(i.IDENTIFYING)
    text = message.text
    if text is None:
        return i.Unsupported("media")
    if text.startswith("/"):
        name = text[1:].split(maxsplit=1)[0].split("@", 1)[0].lower() if len(text) > 1 else ""
        if name == "start":
            user = update.effective_user
            return i.Start(recognized(user.language_code if user else None))
        return COMMANDS.get(name, i.Help())
    return i.Text(text)


def must_delete(event: i.Input | str | None) -> bool:
    """Messages removed from the chat at once, for the supporter's safety.

    Photos, voice and video notes and files can identify people as surely as a shared
    contact; an edit is kept (it is the supporter's own text, already in their chat).
    """
    return isinstance(event, i.Unsupported) and event.kind != i.EDITED
