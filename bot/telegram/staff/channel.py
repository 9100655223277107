"""Staff updates: ``/join CODE``, and the Open and Claim buttons of alerts.

Registered ahead of the supporter handler. An update is handled here only when it is a
``/join`` with a valid code or comes from a member; anything else (a wrong, used or
expired code, a forged staff button, a removed member) falls through to the supporter
side and gets the supporter experience, nothing more. Refusals are in the audit log,
without content; repeated wrong codes are throttled (``StaffRepository.join``).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot import callback as cb
from bot.app import Intake
from bot.callback import CallbackData
from bot.i18n import Catalogs, negotiate
from bot.render import LIST_SEPARATOR, split_text
from bot.scrub import kind_label
from bot.store.staff import Member, StaffRepository
from bot.store.stubs import StubRepository, StubView
from bot.telegram import delivery
from bot.telegram.staff import texts as t

log = logging.getLogger("bot.telegram")


class StaffChannel:
    def __init__(self, intake: Intake, catalogs: Catalogs, timezone: ZoneInfo) -> None:
        self.intake = intake
        self.catalogs = catalogs
        self.timezone = timezone
        self.staff = StaffRepository(intake.db)
        self.stubs = StubRepository(intake.db)

    async def on_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Handle a staff update and stop there; return to let the supporter side have it."""
        chat, user = update.effective_chat, update.effective_user
        if chat is None or user is None or chat.type != ChatType.PRIVATE:
            return
        message, query = update.message, update.callback_query
        text = (message.text or "") if message is not None else ""
        if text.split(maxsplit=1)[:1] in (["/join"], [f"/join@{context.bot.username}"]):
            code = text.split(maxsplit=1)[1] if len(text.split(maxsplit=1)) > 1 else ""
            if not await self._join(update, context.bot, chat.id, user.id, code):
                return  # the supporter side answers it, like any unknown command
        elif query is not None and (data := CallbackData.decode(query.data or "")) is not None:
            if data.action not in (cb.OPEN_CASE, cb.CLAIM_CASE):
                return
            member = await asyncio.to_thread(self.staff.member, user.id)
            if member is None:
                log.info("a staff button from a non-member was refused")
                return  # a forged or stale staff button: the supporter side answers it
            await self._button(context.bot, chat.id, member, data)
        else:
            return
        await asyncio.to_thread(self.intake.delivered, chat.id, update.update_id)
        log.info("update %s done", update.update_id)
        raise ApplicationHandlerStop

    async def _join(self, update: Update, bot: Bot, chat_id: int, user_id: int, code: str) -> bool:
        message = update.message
        if message is not None:  # the code is spent or wrong either way: off the phone
            await delivery.delete_all(bot, chat_id, [message.message_id])
        user = update.effective_user
        locale = negotiate(user.language_code if user else None)
        result = await asyncio.to_thread(self.staff.join, user_id, chat_id, code, locale=locale)
        if result != "joined":
            log.info("a /join was refused (%s)", result)
            return False
        member = await asyncio.to_thread(self.staff.member, user_id)
        assert member is not None
        text = self._t(member.locale, t.WELCOME, label=member.label, role=member.role)
        await bot.send_message(chat_id, delivery.as_html(text))
        return True

    async def _button(self, bot: Bot, chat_id: int, member: Member, data: CallbackData) -> None:
        reference = data.value
        if data.action == cb.CLAIM_CASE:
            claimed = await asyncio.to_thread(self.stubs.claim, reference, actor=member.label)
            notice = t.CLAIMED if claimed else t.TAKEN
            await bot.send_message(
                chat_id, delivery.as_html(self._t(member.locale, notice, reference=reference))
            )
            return
        view = await asyncio.to_thread(self.stubs.show, reference, actor=member.label)
        if view is None:
            text = self._t(member.locale, t.GONE, reference=reference)
        else:
            text = await asyncio.to_thread(self.case_text, view, member.locale)
        for piece in split_text(text):
            await bot.send_message(chat_id, delivery.as_html(piece))

    # --- what staff read --------------------------------------------------------------

    def when(self, moment: datetime, locale: str) -> str:
        """A time in the organisation's time zone, as the staff member's language writes it."""
        local = moment.astimezone(self.timezone)
        shown = format_datetime(local, "yyyy-MM-dd HH:mm", locale=locale)
        return f"{shown} ({self.timezone.key})"

    def priority(self, code: str, locale: str) -> str:
        return self._t(locale, t.PRIORITIES.get(code, code))

    def case_buttons(self, reference: str, locale: str) -> InlineKeyboardMarkup:
        """Open and Claim: the only way from an alert to a case's content."""
        return InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(
                        self._t(locale, t.OPEN, reference=reference),
                        callback_data=CallbackData("", cb.OPEN_CASE, "-", reference).encode(),
                    ),
                    InlineKeyboardButton(
                        self._t(locale, t.CLAIM),
                        callback_data=CallbackData("", cb.CLAIM_CASE, "-", reference).encode(),
                    ),
                ]
            ]
        )

    def case_text(self, view: StubView, locale: str) -> str:
        """Every field with its label and answer in ``locale``, the scrubbed free text,
        contact consent and who holds the case."""
        compiled = self.intake.flows.get(view.flow_id, view.flow_version)
        renderer = self.intake.renderer(compiled)
        status = self._t(locale, t.STATUSES.get(view.status, view.status))
        lines = [
            self._t(
                locale,
                t.CASE_HEAD,
                reference=view.reference,
                priority=self.priority(view.priority, locale),
                status=status,
                time=self.when(view.created_at, locale),
            ),
            "",
        ]
        for field, spec in compiled.flow.fields.items():
            answer = view.answers.get(field, view.texts.get(field))
            shown = (
                renderer.answer_text(field, answer, locale)
                if answer is not None
                else self._t(locale, t.SKIPPED)
            )
            lines.append(f"・{spec.label[locale]}: {shown}")
        lines.append("")
        lines.append(self._t(locale, t.CONTACT_YES if view.contact else t.CONTACT_NO))
        if view.removed:
            kinds = self._t(locale, LIST_SEPARATOR).join(
                kind_label(k, locale) for k in view.removed
            )
            lines.append(self._t(locale, t.REMOVED, kinds=kinds))
        if view.claimed_by:
            lines.append(self._t(locale, t.CLAIMED_BY, label=view.claimed_by))
        return "\n".join(lines)

    def _t(self, locale: str, msgid: str, **params: object) -> str:
        return self.catalogs.gettext(locale, msgid, **params)


async def send_quietly(
    bot: Bot, chat_id: int, text: str, markup: InlineKeyboardMarkup | None
) -> bool:
    """Send to a member; a member who blocked the bot or left does not stop the others."""
    try:
        await bot.send_message(chat_id, delivery.as_html(text), reply_markup=markup)
    except TelegramError as exc:
        log.warning("an alert could not be sent to a member: %s", type(exc).__name__)
        return False
    return True
