"""Sending rendered messages to Telegram: HTML-escaped, keyboards encoded, limits kept."""

from __future__ import annotations

import html
from collections.abc import Sequence

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, TelegramError

from bot.render import Message
from bot.telegram.callbacks import encode

#: deleteMessages takes at most 100 ids per call.
DELETE_BATCH = 100


def markup(message: Message) -> InlineKeyboardMarkup | None:
    if not message.buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(b.text, callback_data=encode(b.input)) for b in row]
            for row in message.buttons
        ]
    )


def as_html(text: str) -> str:
    """Everything we echo is plain text: escape it for the HTML parse mode we send with."""
    return html.escape(text, quote=False)


async def send(bot: Bot, chat_id: int, message: Message) -> int:
    sent = await bot.send_message(chat_id, as_html(message.text), reply_markup=markup(message))
    return sent.message_id


async def edit(bot: Bot, chat_id: int, message_id: int, message: Message) -> None:
    """Replace a message's text and keyboard; an identical edit is not an error for us."""
    try:
        await bot.edit_message_text(
            as_html(message.text),
            chat_id=chat_id,
            message_id=message_id,
            reply_markup=markup(message),
        )
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            raise


async def delete_all(bot: Bot, chat_id: int, message_ids: Sequence[int]) -> None:
    """Delete what Telegram still lets us delete (48 hours), 100 at a time; never fail."""
    ids = sorted(set(message_ids))
    for start in range(0, len(ids), DELETE_BATCH):
        try:
            await bot.delete_messages(chat_id, ids[start : start + DELETE_BATCH])
        except TelegramError:
            # Too old, already gone, blocked, or the network: go on with the next batch.
            continue
