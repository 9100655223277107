"""Versions of a flow on an admin's phone: list them, publish the draft, roll back, and
send a file back to edit.

Publishing and rolling back ask first; the answer names what was asked about (the
draft's digest, the newest version), so a button pressed late never acts on something
uploaded or published since, and it loses its buttons once pressed.
"""

from __future__ import annotations

import asyncio
import contextlib

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import TelegramError

from bot import callback as cb
from bot.callback import CallbackData
from bot.casefile import CaseFile
from bot.i18n import Catalogs
from bot.render import split_text
from bot.store.drafts import DIGEST_SHOWN, DraftRepository
from bot.store.flows import FlowRegistry, Published
from bot.store.staff import Member
from bot.telegram import delivery
from bot.telegram.staff import texts as t
from bot.telegram.staff.trials import Trials
from bot.telegram.staff.voice import Voice

#: Versions listed per flow by /flows.
VERSIONS_SHOWN = 10


class Versions:
    def __init__(
        self,
        registry: FlowRegistry,
        drafts: DraftRepository,
        trials: Trials,
        catalogs: Catalogs,
        casefile: CaseFile,
    ) -> None:
        self.registry = registry
        self.drafts = drafts
        self.trials = trials
        self.voice = Voice(catalogs)
        self.casefile = casefile

    async def answer(
        self, bot: Bot, chat_id: int, member: Member, data: CallbackData, message_id: int | None
    ) -> None:
        """A confirmation answered: its buttons go, so it cannot be answered twice."""
        if message_id is not None:
            with contextlib.suppress(TelegramError):
                await bot.edit_message_reply_markup(chat_id, message_id, reply_markup=None)
        flow_id, _, mark = data.value.partition(".")
        locale = member.locale
        if data.action == cb.PUBLISH_DRAFT:
            result = await asyncio.to_thread(
                self.drafts.publish, self.registry, flow_id, digest=mark, actor=member.label
            )
            if result is None:
                said = self.voice.t(locale, t.DRAFT_OUTDATED)
            elif result.ok:
                await self.trials.end_all(bot)
                said = self.voice.t(locale, t.PUBLISHED, flow=flow_id, version=result.version)
            else:
                said = self._refused(locale, flow_id, result)
        elif data.action == cb.ROLLBACK_FLOW and mark.isdigit():
            result = await asyncio.to_thread(
                self.registry.rollback, flow_id, actor=member.label, newest=int(mark)
            )
            if result.ok:
                said = self.voice.t(
                    locale,
                    t.ROLLED_BACK,
                    flow=flow_id,
                    version=result.version,
                    previous=result.copied,
                )
            else:
                said = self._refused(locale, flow_id, result)
        else:
            said = self.voice.t(locale, t.KEPT)
        await self.voice.say(bot, chat_id, said)

    async def ask_publish(self, bot: Bot, chat_id: int, member: Member, flow_id: str) -> None:
        locale = member.locale
        draft = await asyncio.to_thread(self.drafts.get, flow_id)
        if draft is None:
            await self.voice.say(bot, chat_id, self.voice.t(locale, t.NO_DRAFT, flow=flow_id))
            return
        version = draft.version
        text = self.voice.t(
            locale,
            t.PUBLISH_ASK,
            flow=flow_id,
            version=version,
            label=draft.uploaded_by,
            time=self.casefile.when(draft.uploaded_at, locale),
        )
        value = f"{flow_id}.{draft.digest[:DIGEST_SHOWN]}"
        await self.voice.say(
            bot, chat_id, text, self._confirm(locale, t.PUBLISH, cb.PUBLISH_DRAFT, value)
        )

    async def ask_rollback(self, bot: Bot, chat_id: int, member: Member, flow_id: str) -> None:
        locale = member.locale
        rows = [r for r in await asyncio.to_thread(self.registry.listing) if r.flow_id == flow_id]
        if len(rows) < 2:
            await self.voice.say(bot, chat_id, self.voice.t(locale, t.NO_EARLIER, flow=flow_id))
            return
        newest, previous = rows[-1], rows[-2]
        text = self.voice.t(
            locale,
            t.ROLLBACK_ASK,
            flow=flow_id,
            newest=newest.version,
            previous=previous.version,
            next=newest.version + 1,
        )
        value = f"{flow_id}.{newest.version}"
        await self.voice.say(
            bot, chat_id, text, self._confirm(locale, t.ROLLBACK, cb.ROLLBACK_FLOW, value)
        )

    def _confirm(self, locale: str, msgid: str, action: str, value: str) -> InlineKeyboardMarkup:
        return InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(
                        self.voice.t(locale, msgid), callback_data=cb.plain(action, value)
                    ),
                    InlineKeyboardButton(
                        self.voice.t(locale, t.KEEP), callback_data=cb.plain(cb.KEEP_FLOW, value)
                    ),
                ]
            ]
        )

    def _refused(self, locale: str, flow_id: str, result: Published) -> str:
        """Why a publish or rollback did nothing, in the admin's language."""
        if result.why == "moved-on":
            return self.voice.t(locale, t.MOVED_ON, flow=flow_id)
        if result.why == "no-earlier":
            return self.voice.t(locale, t.NO_EARLIER, flow=flow_id)
        if result.why == "not-above":
            return self.voice.t(locale, t.NOT_ABOVE, flow=flow_id, newest=result.newest)
        # Problems: the draft passed the same checks when it was uploaded; the code changed.
        translate = self.voice.translator(locale)
        reason = "; ".join(p.localized(translate)[0] for p in result.problems)
        return self.voice.t(locale, t.PUBLISH_REFUSED, reason=reason)

    async def listing(self, bot: Bot, chat_id: int, member: Member) -> None:
        locale = member.locale
        rows = await asyncio.to_thread(self.registry.listing)
        drafts = {d.flow_id: d for d in await asyncio.to_thread(self.drafts.all)}
        flow_ids = sorted({r.flow_id for r in rows} | set(drafts))
        lines: list[str] = []
        for flow_id in flow_ids:
            mine = [r for r in rows if r.flow_id == flow_id][::-1]
            lines.append(self.voice.t(locale, t.VERSIONS_HEAD, flow=flow_id))
            for n, row in enumerate(mine[:VERSIONS_SHOWN]):
                lines.append(
                    self.voice.t(
                        locale,
                        t.VERSION_LIVE if n == 0 else t.VERSION_LINE,
                        version=row.version,
                        time=self.casefile.when(row.published_at, locale),
                        label=row.published_by or self.voice.t(locale, t.NOBODY),
                    )
                )
            draft = drafts.get(flow_id)
            if draft is not None:
                lines.append(
                    self.voice.t(
                        locale,
                        t.DRAFT_LINE,
                        version=draft.version,
                        time=self.casefile.when(draft.uploaded_at, locale),
                        label=draft.uploaded_by,
                    )
                )
            lines.append("")
        for piece in split_text("\n".join(lines).strip()):
            await self.voice.say(bot, chat_id, piece)

    async def send_file(
        self, bot: Bot, chat_id: int, member: Member, flow_id: str, *, draft: bool
    ) -> None:
        """The published file (or the draft) as a document, to edit and send back."""
        locale = member.locale
        if draft:
            stored = await asyncio.to_thread(self.drafts.get, flow_id)
            if stored is None:
                await self.voice.say(bot, chat_id, self.voice.t(locale, t.NO_DRAFT, flow=flow_id))
                return
            version, source = stored.version, stored.source
            caption = self.voice.t(locale, t.DRAFT_FILE, flow=flow_id, version=version)
            name = f"{flow_id}.draft.yaml"
        else:
            row = await asyncio.to_thread(self.registry.newest, flow_id)
            if row is None:
                await self.voice.say(bot, chat_id, self.voice.t(locale, t.NO_FLOW, flow=flow_id))
                return
            source = row.source
            caption = self.voice.t(locale, t.FLOW_FILE, flow=flow_id, version=row.version)
            name = f"{flow_id}.v{row.version}.yaml"
        await delivery.send_file(bot, chat_id, source.encode("utf-8"), name, caption)
