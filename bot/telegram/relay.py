"""Relayed messages, delivered: staff's words to a supporter, a supporter's to staff.

Shared by the supporter and staff sides (which never import each other). The bot sends
each message itself, never forwards one, so no Telegram identity travels with it.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import Bot
from telegram.error import TelegramError

from bot.app import Intake
from bot.casework import ToStaff, ToSupporter
from bot.i18n import Catalogs
from bot.messages import N_
from bot.telegram import delivery

log = logging.getLogger("bot.telegram")

#: The first line of a staff message, which a lock-screen preview may show to anyone
#: holding the phone: the reference only, never who wrote or what the case is about.
TEAM_WROTE = N_("About {reference}:")
#: A reply is free text, so it carries the same warning as the intake's own text question.
ANSWER_HERE = N_(
    "To answer, write here. Please do not write names, exact places, phone numbers,"
    " messenger IDs and the like (if you do, they are removed automatically as far as"
    " possible). Send /withdraw to withdraw your case and erase what it holds."
)
SUPPORTER_WROTE = N_("The supporter of {reference} wrote (as stored, scrubbed):")
PASSED_ON = N_("Your message was passed to the support team.")


async def to_supporter(
    bot: Bot, catalogs: Catalogs, intake: Intake, target: ToSupporter, text: str
) -> bool:
    """Send staff's ``text``; the message id is recorded so the supporter can clear it."""
    head = catalogs.gettext(target.locale, TEAM_WROTE, reference=target.reference)
    tail = catalogs.gettext(target.locale, ANSWER_HERE)
    try:
        sent = await bot.send_message(
            target.chat_id, delivery.as_html(f"{head}\n\n{text}\n\n{tail}")
        )
    except TelegramError as exc:
        log.warning("a message to a supporter was not delivered: %s", type(exc).__name__)
        return False
    await asyncio.to_thread(intake.delivered, target.chat_id, None, message_ids=[sent.message_id])
    return True


async def to_staff(bot: Bot, catalogs: Catalogs, relay: ToStaff) -> int:
    """Send a supporter's scrubbed words to each recipient; how many got them."""
    delivered = 0
    for chat_id, locale in relay.recipients:
        head = catalogs.gettext(locale, SUPPORTER_WROTE, reference=relay.reference)
        try:
            await bot.send_message(chat_id, delivery.as_html(f"{head}\n\n{relay.text}"))
        except TelegramError as exc:
            log.warning("a supporter's message did not reach a member: %s", type(exc).__name__)
            continue
        delivered += 1
    return delivered
