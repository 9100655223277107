"""The supporter side of the bot: every private-chat update goes through here.

A button press was already acknowledged when it arrived (``arrivals``); here the update
becomes an input, is applied in one database transaction in a worker thread (the event
loop never waits on the database), and the outcome is shown.

The intake lives in one bot message, edited in place at each step: notices, the question,
its buttons and progress. What the supporter types is deleted from the chat once it is
stored (the review shows what was kept), so the phone shows as little as possible and the
live message stays the last one. A new message is sent only when the live one cannot be
edited (deleted, too old), when something must stand alone above it (a too-long answer
handed back), or for a new intake. An edit whose content and keyboard equal what the
chat shows is never sent. Message ids (never contents) are recorded so the chat can be
cleared later.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from telegram import Bot, InlineKeyboardButton, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import Forbidden
from telegram.ext import ContextTypes

from bot.app import Intake
from bot.casework import ToStaff
from bot.engine import inputs as i
from bot.engine.outcome import Outcome, Submitted
from bot.i18n import Catalogs
from bot.render import Message as Rendered
from bot.render import Screen
from bot.store.conversations import LiveMessage
from bot.stub import CaseStub, normalize_reference
from bot.telegram import delivery, texts
from bot.telegram.callbacks import CLEAR, clear_button
from bot.telegram.failures import mark_failed
from bot.telegram.metrics import Metrics
from bot.telegram.relay import PASSED_ON
from bot.telegram.relay import to_staff as relay_to_staff
from bot.telegram.updates import must_delete, supporter_locale, to_input

log = logging.getLogger("bot.telegram")


class SupporterChannel:
    """Handlers for supporters' private chats, around one ``Intake`` service."""

    def __init__(
        self,
        intake: Intake,
        catalogs: Catalogs,
        metrics: Metrics | None = None,
        *,
        on_stub: Callable[[Bot, int, CaseStub], Awaitable[None]] | None = None,
    ) -> None:
        self.intake = intake
        self.catalogs = catalogs
        self.metrics = metrics or Metrics()
        #: Called once an intake produced its stub and the supporter saw the result
        #: (an admin's trial shows the stub as staff would read it).
        self.on_stub = on_stub

    async def handle(self, update: Update, bot: Bot) -> None:
        """One update, without the end-of-update log line (a caller that logs its own)."""
        await self._on_update(update, bot)

    async def begin(self, update: Update, bot: Bot, chat_id: int, start: i.Start) -> None:
        """Start an intake in reply to ``update`` (which is not itself a /start)."""
        await self._turn(update, bot, chat_id, start)

    async def on_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        try:
            await self._on_update(update, context.bot)
        finally:
            # One line per update, after everything was delivered: operators (and the
            # end-to-end tests) can tell when an update is fully handled. Ids only.
            log.info("update %s done", update.update_id)

    async def _on_update(self, update: Update, bot: Bot) -> None:
        chat = update.effective_chat
        if chat is None:
            await self._answered(0, update.update_id)
            return
        if update.my_chat_member is not None:
            await self._membership(update)
        elif chat.type != ChatType.PRIVATE:
            await self._not_private(update, bot)
        else:
            event = to_input(update)
            text = update.message.text if update.message is not None else None
            first = (text or "").split(maxsplit=1)[:1]
            if first and first[0].split("@")[0] == "/reconnect":
                await self._reconnect(update, bot, chat.id, text or "")
                return
            if event == CLEAR:
                await self._clear(update, bot)
            elif isinstance(event, str | None):
                pass  # nothing a supporter can mean by it
            else:
                await self._turn(update, bot, chat.id, event)
                return
        await self._answered(chat.id, update.update_id)

    async def _turn(self, update: Update, bot: Bot, chat_id: int, event: i.Input) -> None:
        incoming = update.message.message_id if update.message is not None else None
        if must_delete(event) and incoming is not None:
            # Media and shared contacts can identify people: gone before anything else.
            await delivery.delete_all(bot, chat_id, [incoming])
            incoming = None
        if isinstance(event, i.Text):
            relay = await asyncio.to_thread(
                self.intake.casework.from_supporter, chat_id, update.update_id, event.text
            )
            if relay is not None:
                await self._relay(bot, chat_id, update.update_id, incoming, relay)
                return
        turn = await asyncio.to_thread(
            self.intake.handle, chat_id, update.update_id, event, locale=supporter_locale(update)
        )
        if turn is None:  # a redelivery of an update already applied and answered
            await self._answered(chat_id, update.update_id)
            return
        outcome, locale, screen = turn.outcome, turn.locale, turn.screen()
        if turn.at_start and screen.live is not None:
            # Only this channel deletes what is typed: it says so where the intake begins.
            note = self._t(locale, texts.TYPED_DELETED)
            first = Rendered(f"{screen.live.text}\n\n{note}", screen.live.buttons)
            screen = Screen(screen.before, first)
        if turn.cleared_messages:
            # Erased: clear the chat first, then say so (the ids exist nowhere else now).
            mine = [incoming] if incoming is not None else []
            await delivery.delete_all(bot, chat_id, [*turn.cleared_messages, *mine])
            incoming = None
        sent: list[int] = []
        try:
            live = await self._show(bot, chat_id, outcome, screen, turn.live, locale, sent)
        except Forbidden:
            await asyncio.to_thread(self.intake.forget, chat_id)
            await self._answered(chat_id, update.update_id)
            return
        except BaseException:
            # Whatever went out is recorded, so "clear this conversation" can remove it;
            # the update stays unanswered, so a redelivery shows the question again.
            if sent and outcome.session is not None:
                await asyncio.to_thread(self.intake.delivered, chat_id, None, message_ids=sent)
            raise
        if incoming is not None:
            # Stored (or refused and handed back): the typed message leaves the phone. Its
            # id is recorded below too, so that clearing the chat retries a failed delete.
            await delivery.delete_all(bot, chat_id, [incoming])
            sent.append(incoming)
        # Delivered: a redelivery of this update is now answered by silence, not repeated.
        kept = sent if outcome.session is not None else []
        await asyncio.to_thread(
            self.intake.delivered, chat_id, update.update_id, message_ids=kept, live=live
        )
        if outcome.stub is not None and self.on_stub is not None:
            await self.on_stub(bot, chat_id, outcome.stub)

    async def _reconnect(self, update: Update, bot: Bot, chat_id: int, text: str) -> None:
        """``/reconnect REF CODE``: this chat takes over the case (the code leaves the
        phone at once)."""
        message = update.message
        assert message is not None
        await delivery.delete_all(bot, chat_id, [message.message_id])
        words = text.split()
        reference = normalize_reference(words[1]) if len(words) >= 2 else None
        locale = supporter_locale(update)
        if reference is None or len(words) < 3:
            said = self._t(locale, texts.RECONNECT_USAGE)
        else:
            code = " ".join(words[2:])
            result = await asyncio.to_thread(
                self.intake.casework.reconnect, chat_id, reference, code
            )
            msgid = {
                "reconnected": texts.RECONNECTED,
                "refused": texts.RECONNECT_REFUSED,
                "throttled": texts.RECONNECT_THROTTLED,
            }[result]
            said = self._t(locale, msgid, reference=reference)
        sent = await delivery.send(bot, chat_id, Rendered(said))
        await asyncio.to_thread(
            self.intake.delivered, chat_id, update.update_id, message_ids=[sent]
        )

    async def _relay(
        self, bot: Bot, chat_id: int, update_id: int, incoming: int | None, relay: ToStaff
    ) -> None:
        """Staff are following this case up: the supporter's words go to them."""
        sent: list[int] = []
        if relay.recipients:  # empty: relayed before this redelivery
            await relay_to_staff(bot, self.catalogs, relay)
            text = self._t(relay.locale, PASSED_ON)
            sent.append(await delivery.send(bot, chat_id, Rendered(text)))
        if incoming is not None:
            await delivery.delete_all(bot, chat_id, [incoming])
            sent.append(incoming)
        await asyncio.to_thread(self.intake.delivered, chat_id, update_id, message_ids=sent)

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log the exception's type and the update id only; apologise and re-ask."""
        error = context.error
        update_id = update.update_id if isinstance(update, Update) else None
        log.error("update %s failed: %s", update_id, type(error).__name__)
        self.metrics.errors.labels(type(error).__name__).inc()
        mark_failed()
        if not isinstance(update, Update) or update.effective_chat is None:
            return
        chat = update.effective_chat
        if chat.type != ChatType.PRIVATE:
            return
        locale = supporter_locale(update)
        try:
            sent = [
                await delivery.send(context.bot, chat.id, Rendered(self._t(locale, texts.APOLOGY)))
            ]
            turn = await asyncio.to_thread(
                self.intake.handle, chat.id, None, i.Repeat(), locale=locale
            )
            live = None
            if turn is not None:
                # Below the apology: a new live message, not an edit far above it.
                live = await self._show(
                    context.bot, chat.id, turn.outcome, turn.screen(), None, turn.locale, sent
                )
            await asyncio.to_thread(
                self.intake.delivered, chat.id, None, message_ids=sent, live=live
            )
        except Exception as exc:  # the apology itself failed: nothing more to do safely
            log.error("apology for update %s failed: %s", update_id, type(exc).__name__)

    async def slow_down(self, update: Update, bot: Bot) -> None:
        """Once per flood: the chat's surplus updates were dropped; say so."""
        chat = update.effective_chat
        if chat is None or chat.type != ChatType.PRIVATE:
            return
        text = self._t(supporter_locale(update), texts.SLOW_DOWN)
        try:
            sent = await delivery.send(bot, chat.id, Rendered(text))
        except Forbidden:
            return
        await asyncio.to_thread(self.intake.delivered, chat.id, None, message_ids=[sent])

    # --- delivery ----------------------------------------------------------------------

    async def _show(
        self,
        bot: Bot,
        chat_id: int,
        outcome: Outcome,
        screen: Screen,
        previous: LiveMessage | None,
        locale: str,
        sent: list[int],
    ) -> LiveMessage | None:
        """Show ``screen``; return the live message it leaves (``None``: none to keep).

        Every id sent is appended to ``sent`` as soon as it exists.
        """
        session = outcome.session
        before, live = list(screen.before), screen.live
        extra = None
        if session is not None and session.status == "submitted":
            # Sent: what is shown (the reference, or a reminder of it) keeps the offer
            # to clear the chat, whatever came before.
            if live is None and before:
                live = before.pop()
            if live is not None:
                parts = [live.text]
                for reply in outcome.replies:
                    if isinstance(reply, Submitted) and reply.return_code:
                        code = {"reference": reply.reference, "code": reply.return_code}
                        parts.append(self._t(locale, texts.RETURN_CODE, **code))
                parts.append(self._t(locale, texts.AFTER_SUBMIT))
                parts.append(self._t(locale, texts.CLEAR_OFFER))
                live = Rendered("\n\n".join(parts), live.buttons)
                extra = InlineKeyboardButton(
                    self._t(locale, texts.CLEAR_BUTTON), callback_data=clear_button(session.token)
                )
        for message in before:
            sent.append(await delivery.send(bot, chat_id, message))
        if live is None:
            return None
        if session is None:  # nothing to keep up to date: a plain message
            sent.append(await delivery.send(bot, chat_id, live))
            return None
        digest = delivery.digest(live, extra)
        same = previous if previous is not None and previous.token == session.token else None
        if same is not None and not before:
            if same.digest == digest:
                return same  # the chat shows exactly this already
            if await delivery.edit(bot, chat_id, same.message_id, live, extra):
                return LiveMessage(same.message_id, session.token, digest)
        message_id = await delivery.send(bot, chat_id, live, extra)
        sent.append(message_id)
        if same is not None and before:
            # The old live message now stands above the new one: one live message only.
            await delivery.delete_all(bot, chat_id, [same.message_id])
        return LiveMessage(message_id, session.token, digest)

    async def _answered(self, chat_id: int, update_id: int) -> None:
        """Nothing (more) to say to this update: it leaves the inbox."""
        await asyncio.to_thread(self.intake.delivered, chat_id, update_id)

    async def _clear(self, update: Update, bot: Bot) -> None:
        chat = update.effective_chat
        query = update.callback_query
        assert chat is not None
        ids = list(await asyncio.to_thread(self.intake.messages_to_clear, chat.id))
        if query is not None and query.message is not None:
            ids.append(query.message.message_id)
        # Delete from the phone first; forget the ids only then, so a failure can be retried.
        await delivery.delete_all(bot, chat.id, ids)
        await asyncio.to_thread(self.intake.cleared, chat.id)

    async def _not_private(self, update: Update, bot: Bot) -> None:
        """In a group: say so when addressed with a command, keep nothing."""
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
            await asyncio.to_thread(self.intake.forget, chat.id)

    def _t(self, locale: str, msgid: str, **params: object) -> str:
        return self.catalogs.gettext(locale, msgid, **params)
