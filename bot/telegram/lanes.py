"""Chats in parallel, each chat in order, and no chat able to stall the others.

Every chat has a lane: a queue of its updates worked off one at a time, in the order they
arrived (Telegram's ``update_id`` order). Lanes run side by side, at most ``width`` at
once; a lane holds a place only while it works on an update, never while it waits, so
whatever one chat waits for (its send pacing, a slow call, a retry) holds up that chat
alone.

A chat that sends faster than a person can is held to a budget: a bucket of
``FLOOD_BURST`` updates that refills at ``FLOOD_RATE`` a second, and at most
``MAX_WAITING`` updates waiting in its lane. The surplus is dropped, never queued
without bound; ``admit`` says when a flood begins, so the chat is told once.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

log = logging.getLogger("bot.telegram")
#: A whole intake is about 20 updates: even one pressed through as fast as the bot
#: answers stays within the burst, and a person never keeps up 2 a second for long.
FLOOD_BURST = 30
FLOOD_RATE = 2.0
MAX_WAITING = 10
#: A flood is over once nothing was dropped for this long; the next one is told again.
FLOOD_QUIET = 10.0
#: Budgets remembered (in memory; the oldest forgotten first).
MAX_CHATS = 10_000
#: Lanes working at once; more chats than that wait their turn, in arrival order.
WIDTH = 64

Job = Callable[[], Awaitable[None]]


@dataclass
class _Budget:
    tokens: float
    at: float
    #: When this chat's last surplus update was dropped (``None``: not in a flood).
    dropped_at: float | None = None


@dataclass
class _Lane:
    jobs: deque[tuple[Job, asyncio.Future[None]]] = field(default_factory=deque)
    worker: asyncio.Task[None] | None = None


class Lanes:
    def __init__(
        self,
        *,
        width: int = WIDTH,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._places = asyncio.Semaphore(width)
        self._lanes: dict[int, _Lane] = {}
        self._budgets: OrderedDict[int, _Budget] = OrderedDict()
        self._clock = clock

    def admit(self, chat_id: int) -> bool | None:
        """Spend one update of ``chat_id``'s budget: True if it may be processed.

        False: the surplus of a flood, to be dropped. ``None``: dropped too, and the first
        of this flood: the chat should be told to slow down (once).
        """
        now = self._clock()
        budget = self._budgets.pop(chat_id, None) or _Budget(FLOOD_BURST, now)
        self._budgets[chat_id] = budget
        if len(self._budgets) > MAX_CHATS:
            self._budgets.popitem(last=False)
        budget.tokens = min(FLOOD_BURST, budget.tokens + (now - budget.at) * FLOOD_RATE)
        budget.at = now
        lane = self._lanes.get(chat_id)
        if budget.tokens >= 1 and (lane is None or len(lane.jobs) < MAX_WAITING):
            budget.tokens -= 1
            return True
        ongoing = budget.dropped_at is not None and now - budget.dropped_at < FLOOD_QUIET
        budget.dropped_at = now
        return False if ongoing else None

    def submit(self, chat_id: int, job: Job) -> asyncio.Future[None]:
        """Queue ``job`` behind the chat's earlier ones; the future settles when it ran
        (a job handles its own failures: the future never holds an exception)."""
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        lane = self._lanes.setdefault(chat_id, _Lane())
        lane.jobs.append((job, done))
        if lane.worker is None:
            lane.worker = asyncio.create_task(self._work(chat_id, lane))
        return done

    @property
    def queued(self) -> int:
        """Updates queued or being processed, in every lane (for metrics)."""
        return sum(len(lane.jobs) for lane in self._lanes.values())

    async def drain(self) -> None:
        """Wait until every lane is empty (at shutdown)."""
        while workers := [lane.worker for lane in self._lanes.values() if lane.worker]:
            await asyncio.gather(*workers, return_exceptions=True)

    async def _work(self, chat_id: int, lane: _Lane) -> None:
        try:
            while lane.jobs:
                job, done = lane.jobs[0]
                try:
                    async with self._places:
                        await job()
                except Exception as exc:  # a job handles its own errors; this is a last net
                    log.error("a job in a chat's lane failed: %s", type(exc).__name__)
                finally:
                    lane.jobs.popleft()
                    if not done.done():
                        done.set_result(None)
        finally:
            lane.worker = None
            if not lane.jobs and self._lanes.get(chat_id) is lane:
                del self._lanes[chat_id]
