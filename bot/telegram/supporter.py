"""The supporter side of the bot: every private-chat update goes through here.

For each update: answer a pressed button at once (so the phone stops spinning), turn the
update into an input, apply it in one database transaction in a worker thread (the event
loop never waits on the database), then deliver: the question that was answered is
edited to show the answer and lose its keyboard, so the chat reads cleanly; toggles
update the keyboard in place; new questions are sent. Message ids (never contents) are
recorded so the chat can be cleared later.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import (
    Bot,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
)
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import BadRequest, Forbidden
from telegram.ext import ContextTypes

from bot.app import Intake
from bot.engine import inputs as i
from bot.engine.advance import STALE
from bot.engine.outcome import Ask, Notice, Outcome, Submitted
from bot.i18n import Catalogs
from bot.render import Message as Rendered
from bot.telegram import delivery, texts
from bot.telegram.callbacks import CLEAR, clear_button
from bot.telegram.failures import mark_failed
from bot.telegram.updates import must_delete, supporter_locale, to_input

log = logging.getLogger("bot.telegram")


class SupporterChannel:
    """Handlers for supporters' private chats, around one ``Intake`` service."""

    def __init__(self, intake: Intake, catalogs: Catalogs) -> None:
        self.intake = intake
        self.catalogs = catalogs

    async def on_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        try:
            await self._on_update(update, context)
        finally:
            # One line per update, after everything was delivered: operators (and the
            # end-to-end tests) can tell when an update is fully handled. Ids only.
            log.info("update %s done", update.update_id)

    async def _on_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        chat = update.effective_chat
        if chat is None:
            return
        if update.my_chat_member is not None:
            await self._membership(update)
            return
        query = update.callback_query
        if chat.type != ChatType.PRIVATE:
            await self._not_private(update, context.bot)
            return
        event = to_input(update)
        if event == CLEAR:
            await self._clear(update, context.bot)
            return
        if query is not None:
            await _answer(query)  # first: the supporter's phone stops waiting
        if event is None or isinstance(event, str):
            return
        incoming = update.message.message_id if update.message is not None else None
        if must_delete(event) and incoming is not None:
            await delivery.delete_all(context.bot, chat.id, [incoming])
            incoming = None
        result = await asyncio.to_thread(self.intake.handle, chat.id, update.update_id, event)
        if result is None:
            log.info("update %s was already applied", update.update_id)
            return
        handled, compiled = result
        outcome = handled.outcome
        locale = outcome.session.locale if outcome.session else supporter_locale(update)
        messages = self.intake.renderer(compiled).render(outcome, locale)
        log.info(
            "update %s: %s -> %s",
            update.update_id,
            type(event).__name__,
            outcome.session.step if outcome.session else "erased",
        )
        if handled.cleared_messages:
            # Erased: clear the chat first, then say so (the ids exist nowhere else now).
            mine = [incoming] if incoming is not None else []
            await delivery.delete_all(context.bot, chat.id, [*handled.cleared_messages, *mine])
            incoming = None
        sent: list[int] = []
        try:
            # After an erase the pressed message is already gone from the chat: no edit.
            pressed = None if handled.cleared_messages else query
            await self._deliver(
                context.bot, chat.id, pressed, event, outcome, messages, locale, sent
            )
        except Forbidden:
            await asyncio.to_thread(self.intake.conversations.forget, chat.id)
            return
        finally:
            # Whatever went out is recorded, even if delivery stopped half-way, so that
            # "clear this conversation" can still remove it from the phone.
            if outcome.session is not None and (sent or incoming is not None):
                mine = [incoming] if incoming is not None else []
                await asyncio.to_thread(
                    self.intake.conversations.record_messages, chat.id, [*mine, *sent]
                )
        # Delivered: a redelivery of this update is now answered by silence, not repeated.
        await asyncio.to_thread(self.intake.conversations.mark_replied, update.update_id)

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log the exception's type and the update id only; apologise and re-ask."""
        error = context.error
        update_id = update.update_id if isinstance(update, Update) else None
        log.error("update %s failed: %s", update_id, type(error).__name__)
        mark_failed()
        if not isinstance(update, Update) or update.effective_chat is None:
            return
        chat = update.effective_chat
        if chat.type != ChatType.PRIVATE:
            return
        locale = supporter_locale(update)
        try:
            result = await asyncio.to_thread(self.intake.handle, chat.id, None, i.Repeat())
            messages: list[Rendered] = []
            if result is not None:
                handled, compiled = result
                if handled.outcome.session is not None:
                    locale = handled.outcome.session.locale
                messages = self.intake.renderer(compiled).render(handled.outcome, locale)
            sent = [
                await delivery.send(context.bot, chat.id, Rendered(self._t(locale, texts.APOLOGY)))
            ]
            for message in messages:
                sent.append(await delivery.send(context.bot, chat.id, message))
            await asyncio.to_thread(self.intake.conversations.record_messages, chat.id, sent)
        except Exception as exc:  # the apology itself failed: nothing more to do safely
            log.error("apology for update %s failed: %s", update_id, type(exc).__name__)

    # --- delivery ----------------------------------------------------------------------

    async def _deliver(
        self,
        bot: Bot,
        chat_id: int,
        query: CallbackQuery | None,
        event: i.Input,
        outcome: Outcome,
        messages: list[Rendered],
        locale: str,
        sent: list[int],
    ) -> None:
        """Send ``messages``; every id sent is appended to ``sent`` as soon as it exists."""
        pressed = (
            query.message if query is not None and isinstance(query.message, Message) else None
        )
        session = outcome.session
        if pressed is not None and messages:
            step = getattr(event, "step", None)
            last = outcome.replies[-1] if outcome.replies else None
            stale = any(isinstance(r, Notice) and r.msg.msgid == STALE for r in outcome.replies)
            if (
                not stale
                and session is not None
                and step is not None
                and session.step == step
                and isinstance(last, Ask)
                and last.step == step
            ):
                # Same question (a toggle, or a refusal): update it where it is.
                for message in messages[:-1]:
                    sent.append(await delivery.send(bot, chat_id, message))
                await delivery.edit(bot, chat_id, pressed.message_id, messages[-1])
                return
            await self._close_question(bot, chat_id, pressed, query, locale, answered=not stale)
        for message in messages:
            sent.append(await delivery.send(bot, chat_id, message))
        if session is not None and any(isinstance(r, Submitted) for r in outcome.replies):
            button = InlineKeyboardButton(
                self._t(locale, texts.CLEAR_BUTTON), callback_data=clear_button(session.token)
            )
            offer = await bot.send_message(
                chat_id,
                delivery.as_html(self._t(locale, texts.CLEAR_OFFER)),
                reply_markup=InlineKeyboardMarkup.from_button(button),
            )
            sent.append(offer.message_id)

    async def _close_question(
        self,
        bot: Bot,
        chat_id: int,
        pressed: Message,
        query: CallbackQuery | None,
        locale: str,
        *,
        answered: bool,
    ) -> None:
        """The answered (or stale) question keeps its text, shows the answer, loses its keys."""
        label = None
        if answered and query is not None and pressed.reply_markup is not None:
            for row in pressed.reply_markup.inline_keyboard:
                for button in row:
                    if button.callback_data == query.data:
                        label = button.text
        text = pressed.text or ""
        if label:
            text = f"{text}\n\n{self._t(locale, texts.ANSWERED, answer=label)}"
        try:
            if text != (pressed.text or ""):
                await bot.edit_message_text(
                    delivery.as_html(text), chat_id=chat_id, message_id=pressed.message_id
                )
            elif pressed.reply_markup is not None:
                await bot.edit_message_reply_markup(chat_id, pressed.message_id, reply_markup=None)
        except BadRequest:
            pass  # too old to edit, or already edited by another press: the reply still goes out

    async def _clear(self, update: Update, bot: Bot) -> None:
        query = update.callback_query
        chat = update.effective_chat
        assert query is not None
        assert chat is not None
        session = await asyncio.to_thread(self.intake.conversations.load, chat.id)
        locale = session.locale if session else supporter_locale(update)
        ids = list(await asyncio.to_thread(self.intake.conversations.message_ids, chat.id))
        if isinstance(query.message, Message):
            ids.append(query.message.message_id)
        await _answer(query, self._t(locale, texts.CLEARED))
        # Delete from the phone first; forget the ids only then, so a failure can be retried.
        await delivery.delete_all(bot, chat.id, ids)
        await asyncio.to_thread(self.intake.conversations.take_messages, chat.id)

    async def _not_private(self, update: Update, bot: Bot) -> None:
        """In a group: say so when addressed with a command, keep nothing."""
        if update.callback_query is not None:
            await _answer(update.callback_query)
            return
        message = update.message
        chat = update.effective_chat
        if message is None or chat is None or not (message.text or "").startswith("/"):
            return
        await bot.send_message(
            chat.id, delivery.as_html(self._t(supporter_locale(update), texts.PRIVATE_ONLY))
        )

    async def _membership(self, update: Update) -> None:
        """A supporter who blocks the bot ends their session quietly."""
        member = update.my_chat_member
        chat = update.effective_chat
        if member is None or chat is None:
            return
        if member.new_chat_member.status in (ChatMemberStatus.BANNED, ChatMemberStatus.LEFT):
            await asyncio.to_thread(self.intake.conversations.forget, chat.id)

    def _t(self, locale: str, msgid: str, **params: object) -> str:
        return self.catalogs.gettext(locale, msgid, **params)


async def _answer(query: CallbackQuery, text: str | None = None) -> None:
    """Answer a button press; one already answered is no reason to drop the update.

    A redelivered update (the webhook answered 500, or a replica died after answering the
    press but before committing) carries a query Telegram no longer accepts; refusing to
    go on would fail every redelivery the same way, and the input would be lost.
    """
    try:
        await query.answer(text)
    except BadRequest as exc:
        log.info("callback query not answered: %s", type(exc).__name__)
