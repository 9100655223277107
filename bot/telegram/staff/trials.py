"""``/try``: an admin runs a flow's draft in their own chat, as a supporter would see it.

The trial is a second ``Intake`` on the same database and engine, with its own channel
name (its sessions and update keys never meet a supporter's), the draft as its flow
(``DraftFlows``) and ``trial=True``: no stub, alert or contact route is written. The
supporter side's own channel code shows it, so what the admin sees is what a supporter
would. At the end the admin reads the case as staff would have.

A trial lives in the session table like any intake, so it works across replicas; a new
draft, a publish, ``/try`` again or ``/try stop`` ends it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Protocol
from zoneinfo import ZoneInfo

from telegram import Bot, Update

from bot.app import Intake
from bot.casefile import CaseFile
from bot.engine import inputs as i
from bot.i18n import Catalogs, recognized
from bot.render import split_text
from bot.store.drafts import DraftFlows, DraftGoneError, DraftRepository
from bot.store.staff import Member, StaffRepository
from bot.store.stubs import StubView
from bot.stub import CaseStub
from bot.telegram.staff import texts as t

#: Sends a text to a chat (the staff side's own ``_say``).
Say = Callable[[Bot, int, str], Awaitable[None]]
#: Called when a trial reached its stub, after the admin saw what a supporter would.
OnStub = Callable[[Bot, int, CaseStub], Awaitable[None]]


class SupporterSide(Protocol):
    """What a trial needs of the supporter side's channel."""

    async def handle(self, update: Update, bot: Bot) -> None: ...

    async def begin(self, update: Update, bot: Bot, chat_id: int, start: i.Start) -> None: ...


#: Builds the supporter side's channel around the trial's intake. The application
#: passes it in: staff and supporter handlers never import each other.
TrialChannel = Callable[[Intake, OnStub], SupporterSide]


class Trials:
    def __init__(
        self,
        intake: Intake,
        catalogs: Catalogs,
        timezone: ZoneInfo,
        say: Say,
        channel: TrialChannel,
    ) -> None:
        self.catalogs = catalogs
        self.flow_id = intake.flow_id
        self.drafts = DraftRepository(intake.db)
        self.staff = StaffRepository(intake.db)
        self.say = say
        self.intake = Intake(
            intake.db,
            DraftFlows(self.drafts),
            catalogs,
            channel="trial",
            flow_id=intake.flow_id,
            trial=True,
            scrubber=intake.scrubber,
            # The trial shows what supporters would read: the deployment's own figures.
            session_ttl=intake.session_ttl,
            case_retention=intake.case_retention,
        )
        self.channel = channel(self.intake, self._result)
        self.casefile = CaseFile(self.intake, catalogs, timezone)

    async def running(self, chat_id: int) -> bool:
        """The admin is trying a draft in this chat: supporter input goes to the trial."""
        return await asyncio.to_thread(self.intake.session, chat_id) is not None

    async def start(self, bot: Bot, update: Update, chat_id: int, member: Member) -> None:
        draft = await asyncio.to_thread(self.drafts.get, self.flow_id)
        if draft is None:
            await self.say(bot, chat_id, self._t(member.locale, t.NO_DRAFT, flow=self.flow_id))
            return
        await self.end(chat_id)
        said = self._t(member.locale, t.TRY_STARTED, flow=self.flow_id, version=draft.version)
        await self.say(bot, chat_id, said)
        user = update.effective_user
        # The supporter's first message depends on their Telegram language: so does this.
        start = i.Start(recognized(user.language_code if user else None))
        await self._guarded(bot, chat_id, member, self.channel.begin(update, bot, chat_id, start))

    async def update(self, update: Update, bot: Bot, chat_id: int, member: Member) -> None:
        """One update of a trial, handled exactly as the supporter side handles it."""
        await self._guarded(bot, chat_id, member, self.channel.handle(update, bot))

    async def stop(self, bot: Bot, chat_id: int, member: Member) -> None:
        stopped = await self.running(chat_id)
        await self.end(chat_id)
        said = self._t(member.locale, t.TRY_STOPPED if stopped else t.TRY_NONE)
        await self.say(bot, chat_id, said)

    async def end(self, chat_id: int) -> None:
        await asyncio.to_thread(self.intake.forget, chat_id)

    async def end_all(self, bot: Bot) -> None:
        """End every trial, and say so in its chat: a new or published draft may have
        other steps, and the admin's next press must not look like a supporter's."""
        for member in await asyncio.to_thread(self._running):
            await self.end(member.chat_id)
            await self.say(bot, member.chat_id, self._t(member.locale, t.TRY_GONE))

    async def _guarded(
        self, bot: Bot, chat_id: int, member: Member, work: Awaitable[None]
    ) -> None:
        try:
            await work
        except DraftGoneError:
            await self.end(chat_id)
            await self.say(bot, chat_id, self._t(member.locale, t.TRY_GONE))

    async def _result(self, bot: Bot, chat_id: int, stub: CaseStub) -> None:
        """The trial reached its stub: show the admin what staff would have read."""
        member = await asyncio.to_thread(self._member_in, chat_id)
        locale = member.locale if member is not None else stub.locale
        text = await asyncio.to_thread(self.casefile.text, StubView.preview(stub), locale)
        body = "\n\n".join([self._t(locale, t.TRY_RESULT), text, self._t(locale, t.TRY_AGAIN)])
        for piece in split_text(body):
            await self.say(bot, chat_id, piece)

    def _member_in(self, chat_id: int) -> Member | None:
        return next((m for m in self.staff.members() if m.chat_id == chat_id), None)

    def _running(self) -> list[Member]:
        return [
            m
            for m in self.staff.members()
            if m.role == "admin" and self.intake.session(m.chat_id) is not None
        ]

    def _t(self, locale: str, msgid: str, **params: object) -> str:
        return self.catalogs.gettext(locale, msgid, **params)
