"""Sending rendered messages to Telegram: HTML-escaped, keyboards encoded, limits kept."""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Sequence

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, TelegramError

from bot.render import Message
from bot.telegram.callbacks import encode

#: deleteMessages takes at most 100 ids per call.
DELETE_BATCH = 100


#: The edit failed because the message is gone or too old: send a new one instead.
_UNEDITABLE = ("message to edit not found", "message can't be edited")


def markup(
    message: Message, extra: InlineKeyboardButton | None = None
) -> InlineKeyboardMarkup | None:
    rows = [
        [InlineKeyboardButton(b.text, callback_data=encode(b.input)) for b in row]
        for row in message.buttons
    ]
    if extra is not None:
        rows.append([extra])
    return InlineKeyboardMarkup(rows) if rows else None


def digest(message: Message, extra: InlineKeyboardButton | None = None) -> str:
    """What a chat shows for ``message``, as a digest: equal digests, identical messages."""
    keyboard = markup(message, extra)
    shown = [as_html(message.text), keyboard.to_dict() if keyboard else None]
    return hashlib.sha256(json.dumps(shown, sort_keys=True).encode()).hexdigest()


def as_html(text: str) -> str:
    """Everything we echo is plain text: escape it for the HTML parse mode we send with."""
    return html.escape(text, quote=False)


async def send(
    bot: Bot, chat_id: int, message: Message, extra: InlineKeyboardButton | None = None
) -> int:
    sent = await bot.send_message(
        chat_id, as_html(message.text), reply_markup=markup(message, extra)
    )
    return sent.message_id


async def edit(
    bot: Bot,
    chat_id: int,
    message_id: int,
    message: Message,
    extra: InlineKeyboardButton | None = None,
) -> bool:
    """Replace a message's text and keyboard; False if it can no longer be edited.

    Callers compare digests first and never send an identical edit; "not modified" can
    still come back when a killed process had made this edit before recording it.
    """
    try:
        await bot.edit_message_text(
            as_html(message.text),
            chat_id=chat_id,
            message_id=message_id,
            reply_markup=markup(message, extra),
        )
    except BadRequest as exc:
        reason = str(exc).lower()
        if "not modified" in reason:
            return True
        if any(r in reason for r in _UNEDITABLE):
            return False
        raise
    return True


async def delete_all(bot: Bot, chat_id: int, message_ids: Sequence[int]) -> None:
    """Delete what Telegram still lets us delete (48 hours), 100 at a time; never fail."""
    ids = sorted(set(message_ids))
    for start in range(0, len(ids), DELETE_BATCH):
        try:
            await bot.delete_messages(chat_id, ids[start : start + DELETE_BATCH])
        except TelegramError:
            # Too old, already gone, blocked, or the network: go on with the next batch.
            continue


async def send_file(bot: Bot, chat_id: int, content: bytes, name: str, caption: str) -> int:
    """A file for staff to keep (a flow, a translation): not protected, unlike everything
    a supporter sees, so it can be saved, edited and sent back."""
    sent = await bot.send_document(
        chat_id, content, filename=name, caption=as_html(caption), protect_content=False
    )
    return sent.message_id
