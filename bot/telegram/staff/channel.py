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
import re
from zoneinfo import ZoneInfo

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot import callback as cb
from bot.app import Intake
from bot.callback import CallbackData
from bot.casefile import STAFF_LOCALES, STATUSES, CaseFile
from bot.i18n import Catalogs, autonym, negotiate
from bot.render import split_text
from bot.store.staff import Member, StaffRepository
from bot.store.stubs import CLOSE_REASONS, StubRepository, StubView
from bot.stub import normalize_reference
from bot.telegram import delivery, relay
from bot.telegram.staff import flows
from bot.telegram.staff import texts as t
from bot.telegram.staff.trials import TrialChannel

log = logging.getLogger("bot.telegram")


class StaffChannel:
    def __init__(
        self,
        intake: Intake,
        catalogs: Catalogs,
        timezone: ZoneInfo,
        trial_channel: TrialChannel,
    ) -> None:
        self.intake = intake
        self.catalogs = catalogs
        self.timezone = timezone
        self.staff = StaffRepository(intake.db)
        self.casefile = CaseFile(intake, catalogs, timezone)
        self.stubs = StubRepository(intake.db)
        self.flows = flows.FlowDesk(intake, catalogs, timezone, trial_channel)

    async def on_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Handle a staff update and stop there; return to let the supporter side have it."""
        chat, user = update.effective_chat, update.effective_user
        if chat is None or user is None or chat.type != ChatType.PRIVATE:
            return
        bot = context.bot
        message, query = update.message, update.callback_query
        command, argument = _command(message.text if message is not None else None, bot.username)
        data = CallbackData.decode(query.data or "") if query is not None else None
        replied_to = _reference_in(message.reply_to_message) if message is not None else None
        document = message.document if message is not None else None
        upload = document is not None and flows.is_upload(document)
        staff_command = command in COMMANDS or command in flows.COMMANDS
        staff_button = data is not None and data.action in cb.STAFF_ACTIONS | cb.ADMIN_ACTIONS
        if command == "join":
            if not await self._join(update, bot, chat.id, user.id, argument):
                return  # the supporter side answers it, like any unknown command
        elif staff_command or staff_button or replied_to is not None or upload:
            member = await asyncio.to_thread(self.staff.member, user.id)
            if member is None:  # a forged button, a removed member: the supporter side's
                if staff_command or staff_button:
                    what = "command" if command else "button"
                    await asyncio.to_thread(self.staff.refused_command, what)
                return
            if not await self._member_update(update, bot, chat.id, member, command, argument):
                return
        elif await asyncio.to_thread(self.staff.may_be_admin, user.id):
            # An admin trying a draft: their supporter input goes to the trial.
            member = await asyncio.to_thread(self.staff.member, user.id)
            if member is None or member.role != "admin" or not await self.flows.trying(chat.id):
                return
            await self.flows.in_trial(update, bot, chat.id, member)
        else:
            return
        await asyncio.to_thread(self.intake.delivered, chat.id, update.update_id)
        log.info("update %s done", update.update_id)
        raise ApplicationHandlerStop

    async def _member_update(
        self,
        update: Update,
        bot: Bot,
        chat_id: int,
        member: Member,
        command: str | None,
        argument: str,
    ) -> bool:
        """A member's command, button, reply or file; ``False``: the supporter side's."""
        message, query = update.message, update.callback_query
        data = CallbackData.decode(query.data or "") if query is not None else None
        document = message.document if message is not None else None
        upload = document if document is not None and flows.is_upload(document) else None
        admin = member.role == "admin"
        if command in flows.COMMANDS or (data is not None and data.action in cb.ADMIN_ACTIONS):
            if not admin:
                await asyncio.to_thread(self.staff.refused_command, "admin")
                await self._say(bot, chat_id, self._t(member.locale, t.ADMIN_ONLY))
            elif data is not None:
                shown = query.message.message_id if query and query.message else None
                await self.flows.button(bot, chat_id, member, data, shown)
            else:
                assert command is not None
                await self.flows.command(bot, update, chat_id, member, command, argument)
            return True
        staff_work = (
            (data is not None and data.action in cb.STAFF_ACTIONS)
            or (command in COMMANDS and command not in SUPPORTER_COMMANDS)
            or upload is not None
        )
        if admin and not staff_work and await self.flows.trying(chat_id):
            # In a trial, what a supporter could send is the trial's (a reply included).
            await self.flows.in_trial(update, bot, chat_id, member)
            return True
        if upload is not None:
            if not admin:
                return False  # a file from staff is nobody's business here: deleted as media
            await self.flows.upload(bot, chat_id, member, upload)
        elif data is not None:
            await self._button(bot, chat_id, member, data)
        elif command == "queue":
            await self._queue(bot, chat_id, member, 0)
        elif command == "reply":
            await self._reply(bot, chat_id, member, argument)
        elif command == "note":
            await self._note(bot, chat_id, member, argument)
        elif command in ("language", "lang"):
            await self._language_picker(bot, chat_id, member)
        elif command == "case":
            await self._case_command(bot, chat_id, member, argument)
        elif message is not None:
            replied_to = _reference_in(message.reply_to_message)
            if replied_to is None:
                return False
            # A Telegram reply to a message about a case: a /reply to that case.
            await self._reply(bot, chat_id, member, f"{replied_to} {message.text or ''}")
        else:
            return False
        return True

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

    async def _reply(self, bot: Bot, chat_id: int, member: Member, argument: str) -> None:
        first, _, text = argument.partition(" ")
        reference = normalize_reference(first)
        locale = member.locale
        if reference is None or not text.strip():
            await self._say(bot, chat_id, self._t(locale, t.REPLY_USAGE))
            return
        target = await asyncio.to_thread(
            self.intake.casework.to_supporter, reference, text.strip(), author=member.label
        )
        if target is None:
            said = t.UNREACHABLE
        elif await relay.to_supporter(bot, self.catalogs, self.intake, target, text.strip()):
            said = t.SENT
        else:
            said = t.NOT_DELIVERED
        await self._say(bot, chat_id, self._t(locale, said, reference=reference))

    async def _note(self, bot: Bot, chat_id: int, member: Member, argument: str) -> None:
        first, _, text = argument.partition(" ")
        reference = normalize_reference(first)
        locale = member.locale
        if reference is None or not text.strip():
            await self._say(bot, chat_id, self._t(locale, t.NOTE_USAGE))
            return
        noted = await asyncio.to_thread(
            self.intake.casework.note, reference, text.strip(), author=member.label, locale=locale
        )
        said = t.NOTED if noted else t.NO_SUCH
        await self._say(bot, chat_id, self._t(locale, said, reference=reference))

    async def _language_picker(self, bot: Bot, chat_id: int, member: Member) -> None:
        rows = [
            [InlineKeyboardButton(autonym(code), callback_data=cb.plain(cb.STAFF_LANGUAGE, code))]
            for code in STAFF_LOCALES
        ]
        text = self._t(member.locale, t.CHOOSE_LANGUAGE)
        await self._say(bot, chat_id, text, InlineKeyboardMarkup(rows))

    async def _case_command(self, bot: Bot, chat_id: int, member: Member, argument: str) -> None:
        reference = normalize_reference(argument)
        if reference is None:
            await self._say(bot, chat_id, self._t(member.locale, t.CASE_USAGE))
            return
        await self._open(bot, chat_id, member, reference)

    async def _button(self, bot: Bot, chat_id: int, member: Member, data: CallbackData) -> None:
        locale, value = member.locale, data.value
        if data.action == cb.QUEUE_PAGE:
            await self._queue(bot, chat_id, member, int(value) if value.isdigit() else 0)
            return
        if data.action == cb.STAFF_LANGUAGE:
            if value in STAFF_LOCALES:
                await asyncio.to_thread(self.staff.set_locale, member.id, value)
                said = self._t(value, t.LANGUAGE_SET, language=autonym(value))
                await self._say(bot, chat_id, said)
            return
        reference, _, reason = value.partition(".")
        admin = member.role == "admin"
        if data.action == cb.OPEN_CASE:
            await self._open(bot, chat_id, member, reference)
            return
        if data.action == cb.CLOSE_CASE:
            rows = [
                [
                    InlineKeyboardButton(
                        self._t(locale, label),
                        callback_data=cb.plain(cb.CLOSE_CASE_AS, f"{reference}.{code}"),
                    )
                ]
                for code, label in t.REASONS.items()
            ]
            text = self._t(locale, t.CLOSE_WHY, reference=reference)
            await self._say(bot, chat_id, text, InlineKeyboardMarkup(rows))
            return
        if data.action == cb.CLAIM_CASE:
            done = await asyncio.to_thread(self.stubs.claim, reference, actor=member.label)
            said = t.CLAIMED if done else t.TAKEN
        elif data.action == cb.RELEASE_CASE:
            done = await asyncio.to_thread(
                self.stubs.release, reference, actor=member.label, holder_only=not admin
            )
            said = t.RELEASED if done else t.NOT_YOURS
        elif data.action == cb.CLOSE_CASE_AS and reason in CLOSE_REASONS:
            done = await asyncio.to_thread(
                self.stubs.close,
                reference,
                actor=member.label,
                reason=reason,
                holder_only=not admin,
            )
            said = t.CLOSED_AS if done else t.NOT_YOURS
        elif data.action == cb.REOPEN_CASE and admin:
            done = await asyncio.to_thread(self.stubs.reopen, reference, actor=member.label)
            said = t.REOPENED if done else t.NOT_YOURS
        else:
            said = t.NOT_YOURS
        why = self._t(locale, t.REASONS.get(reason, reason)) if reason else ""
        await self._say(bot, chat_id, self._t(locale, said, reference=reference, reason=why))

    async def _open(self, bot: Bot, chat_id: int, member: Member, reference: str) -> None:
        view = await asyncio.to_thread(self.stubs.show, reference, actor=member.label)
        if view is None:
            await self._say(bot, chat_id, self._t(member.locale, t.NO_SUCH, reference=reference))
            return
        text = await asyncio.to_thread(self.casefile.text, view, member.locale)
        *head, last = split_text(text)
        for piece in head:
            await self._say(bot, chat_id, piece)
        await self._say(bot, chat_id, last, self.actions(view, member))

    async def _queue(self, bot: Bot, chat_id: int, member: Member, page: int) -> None:
        locale = member.locale
        views = await asyncio.to_thread(
            self.stubs.find, actor=member.label, status=("new", "claimed")
        )
        if not views:
            await self._say(bot, chat_id, self._t(locale, t.QUEUE_EMPTY))
            return
        pages = (len(views) + QUEUE_PAGE - 1) // QUEUE_PAGE
        page = min(max(page, 0), pages - 1)
        shown = views[page * QUEUE_PAGE : (page + 1) * QUEUE_PAGE]
        lines = [self._t(locale, t.QUEUE_HEAD, count=len(views))]
        rows: list[list[InlineKeyboardButton]] = []
        for view in shown:
            common = {
                "reference": view.reference,
                "priority": self.casefile.priority(view.priority, locale),
                "time": self.casefile.when(view.created_at, locale),
            }
            if view.claimed_by:
                lines.append(self._t(locale, t.QUEUE_LINE_HELD, label=view.claimed_by, **common))
            else:
                status = self._t(locale, STATUSES[view.status])
                lines.append(self._t(locale, t.QUEUE_LINE, status=status, **common))
            rows.append([self._button_of(locale, t.OPEN, cb.OPEN_CASE, view.reference)])
        turn = []
        if page > 0:
            turn.append(self._button_of(locale, t.EARLIER, cb.QUEUE_PAGE, str(page - 1)))
        if page < pages - 1:
            turn.append(self._button_of(locale, t.LATER, cb.QUEUE_PAGE, str(page + 1)))
        if turn:
            rows.append(turn)
        await self._say(bot, chat_id, "\n".join(lines), InlineKeyboardMarkup(rows))

    async def _say(
        self, bot: Bot, chat_id: int, text: str, markup: InlineKeyboardMarkup | None = None
    ) -> None:
        await bot.send_message(chat_id, delivery.as_html(text), reply_markup=markup)

    def _button_of(self, locale: str, msgid: str, action: str, value: str) -> InlineKeyboardButton:
        return InlineKeyboardButton(
            self._t(locale, msgid, reference=value), callback_data=cb.plain(action, value)
        )

    def actions(self, view: StubView, member: Member) -> InlineKeyboardMarkup | None:
        """What the member may do with the case now."""
        locale, ref = member.locale, view.reference
        row: list[InlineKeyboardButton] = []
        mine = member.role == "admin" or view.claimed_by == member.label
        if view.status == "new":
            row.append(self._button_of(locale, t.CLAIM, cb.CLAIM_CASE, ref))
        if view.status == "claimed" and mine:
            row.append(self._button_of(locale, t.RELEASE, cb.RELEASE_CASE, ref))
        if view.status == "new" or (view.status == "claimed" and mine):
            row.append(self._button_of(locale, t.CLOSE, cb.CLOSE_CASE, ref))
        if view.status == "closed" and member.role == "admin":
            row.append(self._button_of(locale, t.REOPEN, cb.REOPEN_CASE, ref))
        return InlineKeyboardMarkup([row]) if row else None

    # --- what staff read --------------------------------------------------------------

    def case_buttons(self, reference: str, locale: str) -> InlineKeyboardMarkup:
        """Open and Claim: the only way from an alert to a case's content."""
        return InlineKeyboardMarkup(
            [
                [
                    self._button_of(locale, t.OPEN, cb.OPEN_CASE, reference),
                    self._button_of(locale, t.CLAIM, cb.CLAIM_CASE, reference),
                ]
            ]
        )

    def _t(self, locale: str, msgid: str, **params: object) -> str:
        return self.catalogs.gettext(locale, msgid, **params)


#: Staff commands; anyone else who sends them gets the supporter side's answer.
COMMANDS = ("queue", "case", "reply", "note", "language", "lang")
#: What a supporter may send during an admin's trial that is also a staff command.
SUPPORTER_COMMANDS = ("language", "lang")
#: Cases per page of /queue.
QUEUE_PAGE = 10


def _command(text: str | None, username: str | None) -> tuple[str | None, str]:
    """``("queue", "")`` for ``/queue``, ``("case", "ABCD-1234")`` for ``/case ABCD-1234``."""
    if not text or not text.startswith("/"):
        return None, ""
    head, _, rest = text.partition(" ")
    name, _, bot_name = head[1:].partition("@")
    if bot_name and bot_name != username:
        return None, ""
    return name.lower(), rest.strip()


_REFERENCE = re.compile(r"\b[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}\b")


def _reference_in(message: Message | None) -> str | None:
    """The case reference a bot message is about (an alert, a case, a relayed answer)."""
    if message is None or message.from_user is None or not message.from_user.is_bot:
        return None
    found = _REFERENCE.search(message.text or "")
    return found.group(0) if found else None


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
