"""What happens to updates as they arrive, before any handler runs.

1. They are stored in the durable inbox, in one transaction per batch: only then may
   polling move its offset past them, or the webhook answer 200.
2. A button press seen for the first time is acknowledged at once (``answerCallbackQuery``),
   before any database work on it, so no answer is late and none is sent twice.
3. Each is admitted to its chat's lane (``Lanes``), within the chat's flood budget, and
   processed there through PTB's ``process_update``: chats in parallel, each in order.
"""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import datetime

from telegram import Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import Application

from bot.i18n import Catalogs
from bot.store.inbox import Arrival, Inbox
from bot.telegram import texts
from bot.telegram.callbacks import CLEAR, decode
from bot.telegram.failures import CURRENT, Failure
from bot.telegram.lanes import Job, Lanes
from bot.telegram.metrics import Metrics
from bot.telegram.supporter import SupporterChannel
from bot.telegram.updates import supporter_locale

log = logging.getLogger("bot.telegram")


class Arrivals:
    def __init__(
        self,
        application: Application,  # type: ignore[type-arg]
        channel: SupporterChannel,
        inbox: Inbox,
        *,
        redelivers: bool,
        lanes: Lanes | None = None,
        metrics: Metrics | None = None,
    ) -> None:
        """``redelivers``: the sender repeats what was not confirmed (the webhook, after a
        failure), so an update already stored is processed again when it comes back.
        Polling never repeats what it stored: a stored update is already in a lane."""
        self.application = application
        self.channel = channel
        self.inbox = inbox
        self.redelivers = redelivers
        self.lanes = lanes or Lanes()
        self.metrics = metrics or Metrics()
        self.metrics.watch_queue(lambda: self.lanes.queued)
        self.metrics.watch_inbox(self.inbox.count)
        #: Acknowledgements under way (kept so they are not garbage-collected mid-flight).
        self._acks: set[asyncio.Task[None]] = set()

    @property
    def catalogs(self) -> Catalogs:
        return self.channel.catalogs

    async def receive(self, updates: list[Update]) -> list[tuple[Failure, asyncio.Future[None]]]:
        """Admit, store, acknowledge and queue ``updates``; return what was queued, to await.

        A flood's surplus is dropped before it costs anything: it is never stored (it will
        never be processed), only its presses are acknowledged so no phone keeps waiting.
        """
        admitted: list[Update] = []
        for update in updates:
            self.metrics.received(update)
            chat = update.effective_chat
            if chat is None or chat.type != ChatType.PRIVATE:
                admitted.append(update)
                continue
            verdict = self.lanes.admit(chat.id)
            if verdict is True:
                admitted.append(update)
                continue
            self.metrics.outcomes.labels("dropped").inc()
            if update.callback_query is not None:
                self._acknowledge(update)
            if verdict is None:  # the first of this flood: tell the chat, once
                log.info("a chat is flooding: its surplus is dropped")
                self.lanes.submit(chat.id, self._slow_down(update))
        stored = [Arrival(u.update_id, _chat_id(u), u.to_dict()) for u in admitted]
        fresh = await asyncio.to_thread(self.inbox.put, stored)
        queued: list[tuple[Failure, asyncio.Future[None]]] = []
        for update in admitted:
            new = update.update_id in fresh
            if new and update.callback_query is not None:
                self._acknowledge(update)
            if not (new or self.redelivers):
                continue
            chat = update.effective_chat
            failure = Failure()
            lane = chat.id if chat is not None else 0
            queued.append((failure, self.lanes.submit(lane, self._job(update, failure))))
        return queued

    async def recover(self, *, received_before: datetime | None = None) -> int:
        """Queue what a crash left in the inbox, oldest first; return how many."""
        payloads = await asyncio.to_thread(self.inbox.waiting, received_before=received_before)
        for payload in payloads:
            update = Update.de_json(payload, self.application.bot)
            chat = update.effective_chat
            self.lanes.submit(chat.id if chat else 0, self._job(update, Failure()))
        return len(payloads)

    async def close(self) -> None:
        """Finish what is queued and the acknowledgements under way (at shutdown)."""
        await self.lanes.drain()
        if self._acks:
            await asyncio.gather(*self._acks, return_exceptions=True)

    def _job(self, update: Update, failure: Failure) -> Job:
        arrived = time.monotonic()

        async def process() -> None:
            token = CURRENT.set(failure)
            try:
                await self.application.process_update(update)
            finally:
                CURRENT.reset(token)
            self.metrics.outcomes.labels("failed" if failure.failed else "handled").inc()
            self.metrics.seconds.observe(time.monotonic() - arrived)
            if failure.failed and not self.redelivers:
                # The supporter got an apology and the question again; nobody will
                # deliver this update again, so it leaves the inbox.
                await asyncio.to_thread(self.inbox.drop, [update.update_id])

        return process

    def _slow_down(self, update: Update) -> Job:
        async def tell() -> None:
            await self.channel.slow_down(update, self.application.bot)

        return tell

    def _acknowledge(self, update: Update) -> None:
        task = asyncio.create_task(self._answer(update))
        self._acks.add(task)
        task.add_done_callback(self._acks.discard)

    async def _answer(self, update: Update) -> None:
        query = update.callback_query
        assert query is not None
        text = None
        if decode(query.data) == CLEAR:
            text = self.catalogs.gettext(supporter_locale(update), texts.CLEARED)
        try:
            await query.answer(text)
        except TelegramError as exc:  # too old, or the network: the update goes on anyway
            log.info("callback query not answered: %s", type(exc).__name__)


def _chat_id(update: Update) -> int | None:
    chat = update.effective_chat
    return chat.id if chat is not None else None
