"""Telling staff about new cases: reference, priority and time, never content.

Urgent cases are announced at once, one message each; the others are gathered into a
digest once the oldest has waited ``Settings.alert_digest``. Every replica runs this
loop; each alert is taken by exactly one (``PendingAlerts``), so it goes out once.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup

from bot.store.alerts import Alert, PendingAlerts
from bot.store.staff import Member
from bot.telegram.metrics import Metrics
from bot.telegram.staff import texts as t
from bot.telegram.staff.channel import StaffChannel, send_quietly

log = logging.getLogger("bot.telegram")
#: How often pending alerts are looked for.
TICK = timedelta(seconds=2)
#: Cases per digest message: two buttons each, within Telegram's 100 per keyboard.
DIGEST_BATCH = 40


async def alert_forever(
    bot: Bot, staff: StaffChannel, every: timedelta, metrics: Metrics | None = None
) -> None:
    pending = PendingAlerts(staff.intake.db)
    metrics = metrics or Metrics()
    while True:
        try:
            urgent = await asyncio.to_thread(pending.take_urgent)
            digest = await asyncio.to_thread(pending.take_digest, every)
            if urgent or digest:
                members = await asyncio.to_thread(staff.staff.members)
                for member in members:
                    metrics.alerts.inc(await tell(bot, staff, member, urgent, digest))
                log.info("alerted %d member(s) of %d case(s)", len(members), len(urgent + digest))
        except Exception as exc:
            log.error("alerting staff failed: %s", type(exc).__name__)
        await asyncio.sleep(TICK.total_seconds())


async def tell(
    bot: Bot, staff: StaffChannel, member: Member, urgent: list[Alert], digest: list[Alert]
) -> int:
    """Send ``member`` their alerts; how many messages went out."""
    locale = member.locale
    sent = 0
    for alert in urgent:
        text = staff.catalogs.gettext(
            locale,
            t.ALERT,
            reference=alert.reference,
            priority=staff.casefile.priority(alert.priority, locale),
            time=staff.casefile.when(alert.created_at, locale),
        )
        sent += await send_quietly(
            bot, member.chat_id, text, staff.case_buttons(alert.reference, locale)
        )
    for start in range(0, len(digest), DIGEST_BATCH):
        batch = digest[start : start + DIGEST_BATCH]
        lines = [staff.catalogs.gettext(locale, t.DIGEST, count=len(digest))]
        rows: list[tuple[InlineKeyboardButton, ...]] = []
        for alert in batch:
            lines.append(
                staff.catalogs.gettext(
                    locale,
                    t.DIGEST_LINE,
                    reference=alert.reference,
                    priority=staff.casefile.priority(alert.priority, locale),
                    time=staff.casefile.when(alert.created_at, locale),
                )
            )
            rows.extend(staff.case_buttons(alert.reference, locale).inline_keyboard)
        sent += await send_quietly(
            bot, member.chat_id, "\n".join(lines), InlineKeyboardMarkup(rows)
        )
    return sent
