"""Admins change the questions from Telegram: upload, compare, try, publish, roll back.

The cycle of ODK Central (draft, test, publish) on an admin's phone:

- a flow file (.yaml) sent to the bot goes through the one loader; every problem comes
  back located and in the admin's language, or the file becomes the flow's draft and the
  admin gets the changes against the published version and the step graph as a picture;
- ``/try`` runs the draft in the admin's own chat on the same engine, as a supporter
  would see it, writing no stub (``Intake.trial``); the end shows what staff would read;
- ``/publish`` and ``/rollback`` ask first and are audited under the admin's label;
- ``/flows`` lists versions, ``/flow`` sends the file back, ``/po`` and a .po upload do
  the translator's round trip.

Admins only: the staff channel routes here after checking the role. Nothing uploaded is
executed (the loader is safe YAML, texts are plain) or kept once replaced or published.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from zoneinfo import ZoneInfo

from telegram import Bot, Document, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError

from bot import callback as cb
from bot.app import Intake
from bot.callback import CallbackData
from bot.casefile import CaseFile
from bot.flow.changes import compare, summary
from bot.flow.loader import Loaded, check_bytes
from bot.flow.model import FlowDefinition
from bot.flow.po import export_po, import_po
from bot.flow.problems import Problem
from bot.graphviz import PictureError, render_png
from bot.i18n import Catalogs, autonym
from bot.limits import MAX_FLOW_FILE_BYTES
from bot.render import split_text
from bot.store.drafts import DraftRepository
from bot.store.flows import FlowRegistry, with_version
from bot.store.staff import Member, StaffRepository
from bot.telegram import delivery
from bot.telegram.staff import texts as t
from bot.telegram.staff.trials import Trials

log = logging.getLogger("bot.telegram")

#: Admin commands; other staff get a refusal, everyone else the supporter side's answer.
COMMANDS = ("flows", "flow", "publish", "rollback", "try", "po")
#: Problems shown for one upload: a careless file can have thousands (every text of an
#: undeclared language), and a phone is no place to read them; the first ones say what
#: to fix.
PROBLEMS_SHOWN = 30
#: Versions listed per flow by /flows.
VERSIONS_SHOWN = 10
#: Telegram lets a bot download files up to 20 MB; ours are far smaller.
PO_LIMIT_BYTES = MAX_FLOW_FILE_BYTES


class FlowDesk:
    def __init__(self, intake: Intake, catalogs: Catalogs, timezone: ZoneInfo) -> None:
        self.intake = intake
        self.catalogs = catalogs
        self.registry = FlowRegistry(intake.db)
        self.drafts = DraftRepository(intake.db)
        self.staff = StaffRepository(intake.db)
        self.trials = Trials(intake, catalogs, timezone, self._say)
        self.casefile = CaseFile(intake, catalogs, timezone)

    # --- routing -----------------------------------------------------------------------

    async def trying(self, chat_id: int) -> bool:
        return await self.trials.running(chat_id)

    async def in_trial(self, update: Update, bot: Bot, chat_id: int, member: Member) -> None:
        await self.trials.update(update, bot, chat_id, member)

    async def command(
        self, bot: Bot, update: Update, chat_id: int, member: Member, name: str, argument: str
    ) -> None:
        words = argument.split()
        if name == "flows":
            await self._versions(bot, chat_id, member)
        elif name == "flow":
            await self._send_file(bot, chat_id, member, words)
        elif name == "publish":
            await self._ask_publish(bot, chat_id, member, words)
        elif name == "rollback":
            await self._ask_rollback(bot, chat_id, member, words)
        elif name == "po":
            await self._send_po(bot, chat_id, member, words)
        elif words[:1] == ["stop"]:
            await self.trials.stop(bot, chat_id, member)
        else:
            await self.trials.start(bot, update, chat_id, member)

    async def button(self, bot: Bot, chat_id: int, member: Member, data: CallbackData) -> None:
        flow_id, _, number = data.value.partition(".")
        locale = member.locale
        if data.action == cb.KEEP_FLOW:
            await self._say(bot, chat_id, self._t(locale, t.KEPT))
            return
        if not number.isdigit():
            return
        if data.action == cb.PUBLISH_DRAFT:
            result = await asyncio.to_thread(
                self.drafts.publish,
                self.registry,
                flow_id,
                revision=int(number),
                actor=member.label,
            )
            if result is None:
                said = self._t(locale, t.DRAFT_OUTDATED)
            elif result.ok:
                await self.trials.end_all()
                said = self._t(locale, t.PUBLISHED, flow=flow_id, version=result.version)
            else:
                said = self._refused(locale, result.refusal, result.problems)
        else:  # ROLLBACK_FLOW
            result = await asyncio.to_thread(
                self.registry.rollback, flow_id, actor=member.label, newest=int(number)
            )
            if result.ok:
                said = self._t(
                    locale,
                    t.ROLLED_BACK,
                    flow=flow_id,
                    version=result.version,
                    previous=result.copied,
                )
            else:
                said = self._refused(locale, result.refusal, result.problems)
        await self._say(bot, chat_id, said)

    # --- uploads -----------------------------------------------------------------------

    async def upload(self, bot: Bot, chat_id: int, member: Member, document: Document) -> None:
        """A flow file or a translation: checked before anything is kept."""
        locale = member.locale
        name = _display_name(document.file_name)
        is_po = name.lower().endswith(".po")
        if not (is_po or name.lower().endswith((".yaml", ".yml"))):
            await self._say(bot, chat_id, self._t(locale, t.UPLOAD_WHAT))
            return
        limit = PO_LIMIT_BYTES if is_po else MAX_FLOW_FILE_BYTES
        # Telegram says the size before the download: a big file is never fetched.
        if document.file_size is not None and document.file_size > limit:
            said = t.UPLOAD_TOO_BIG
            await self._say(
                bot,
                chat_id,
                self._t(locale, said, file=name, size=document.file_size, limit=limit),
            )
            return
        try:
            file = await bot.get_file(document.file_id)
            content = bytes(await file.download_as_bytearray())
        except TelegramError as exc:
            log.warning("an uploaded file could not be fetched: %s", type(exc).__name__)
            await self._say(bot, chat_id, self._t(locale, t.UPLOAD_UNREADABLE, file=name))
            return
        if len(content) > limit:  # the size was missing or wrong
            said = self._t(locale, t.UPLOAD_TOO_BIG, file=name, size=len(content), limit=limit)
            await self._say(bot, chat_id, said)
            return
        if is_po:
            await self._apply_po(bot, chat_id, member, name, content)
        else:
            loaded = await asyncio.to_thread(check_bytes, content, name)
            await self._take_draft(bot, chat_id, member, name, content, loaded)

    async def _take_draft(
        self,
        bot: Bot,
        chat_id: int,
        member: Member,
        name: str,
        content: bytes,
        loaded: Loaded,
        intro: str | None = None,
    ) -> None:
        locale = member.locale
        if loaded.flow is None or not loaded.ok:
            await self._problems(bot, chat_id, locale, name, loaded.problems)
            return
        flow = loaded.flow
        published = await asyncio.to_thread(self._published_flow, flow.id)
        await asyncio.to_thread(self.drafts.put, loaded, content, actor=member.label)
        had_trials = await self.trials.end_all()
        lines = [intro] if intro else []
        if published is None:
            lines.append(
                self._t(locale, t.DRAFT_FIRST, file=name, flow=flow.id, version=flow.version)
            )
        else:
            changes = compare(published, flow)
            lines.append(
                self._t(locale, t.DRAFT_STORED, file=name, flow=flow.id, version=flow.version)
            )
            translate = self._translator(locale)
            lines.extend(f"• {line}" for line in summary(changes, translate))
        if had_trials:
            lines.append(self._t(locale, t.TRIALS_ENDED))
        lines.append(self._t(locale, t.DRAFT_NEXT))
        for piece in split_text("\n".join(lines)):
            await self._say(bot, chat_id, piece)
        await self._picture(bot, chat_id, locale, flow)

    async def _picture(self, bot: Bot, chat_id: int, locale: str, flow: FlowDefinition) -> None:
        try:
            png = await asyncio.to_thread(render_png, flow)
        except PictureError as exc:
            await self._say(bot, chat_id, self._t(locale, t.NO_PICTURE, reason=exc.reason))
            return
        caption = self._t(locale, t.PICTURE, flow=flow.id, version=flow.version)
        await bot.send_photo(
            chat_id,
            png,
            caption=delivery.as_html(caption),
            filename=f"{flow.id}-v{flow.version}.png",
            protect_content=False,
        )

    async def _apply_po(
        self, bot: Bot, chat_id: int, member: Member, name: str, content: bytes
    ) -> None:
        """A translated PO file: applied to the draft, or to the published version."""
        locale = member.locale
        base = await asyncio.to_thread(self._editable, self.intake.flow_id)
        if base is None:
            await self._say(bot, chat_id, self._t(locale, t.NO_FLOW, flow=self.intake.flow_id))
            return
        text, published_version = base
        try:
            imported = await asyncio.to_thread(import_po, text, content, None)
        except ValueError as exc:
            await self._say(
                bot, chat_id, self._t(locale, t.PO_REFUSED, file=name, reason=str(exc))
            )
            return
        source = imported.text
        loaded = await asyncio.to_thread(check_bytes, source.encode("utf-8"), name)
        version = loaded.flow.version if loaded.flow is not None else None
        if published_version is not None and version is not None and version <= published_version:
            # Translators do not edit YAML: the version a new draft needs is raised for them.
            version = published_version + 1
            source = with_version(source, version)
            loaded = await asyncio.to_thread(check_bytes, source.encode("utf-8"), name)
        intro = self._t(
            locale,
            t.PO_APPLIED,
            file=name,
            count=imported.applied,
            language=autonym(imported.locale),
            version=version,
        )
        await self._take_draft(
            bot,
            chat_id,
            member,
            name,
            source.encode("utf-8"),
            loaded,
            intro if loaded.ok else None,
        )

    # --- publishing --------------------------------------------------------------------

    async def _ask_publish(self, bot: Bot, chat_id: int, member: Member, words: list[str]) -> None:
        locale = member.locale
        flow_id = words[0] if words else self.intake.flow_id
        draft = await asyncio.to_thread(self.drafts.get, flow_id)
        if draft is None:
            await self._say(bot, chat_id, self._t(locale, t.NO_DRAFT, flow=flow_id))
            return
        version = draft.version
        text = self._t(
            locale,
            t.PUBLISH_ASK,
            flow=flow_id,
            version=version,
            label=draft.uploaded_by,
            time=self.casefile.when(draft.uploaded_at, locale),
        )
        value = f"{flow_id}.{draft.revision}"
        await self._say(
            bot, chat_id, text, self._confirm(locale, t.PUBLISH, cb.PUBLISH_DRAFT, value)
        )

    async def _ask_rollback(
        self, bot: Bot, chat_id: int, member: Member, words: list[str]
    ) -> None:
        locale = member.locale
        flow_id = words[0] if words else self.intake.flow_id
        rows = [r for r in await asyncio.to_thread(self.registry.versions) if r.flow_id == flow_id]
        if len(rows) < 2:
            await self._say(bot, chat_id, self._t(locale, t.NO_EARLIER, flow=flow_id))
            return
        newest, previous = rows[-1], rows[-2]
        text = self._t(
            locale,
            t.ROLLBACK_ASK,
            flow=flow_id,
            newest=newest.version,
            previous=previous.version,
            next=newest.version + 1,
        )
        value = f"{flow_id}.{newest.version}"
        await self._say(
            bot, chat_id, text, self._confirm(locale, t.ROLLBACK, cb.ROLLBACK_FLOW, value)
        )

    def _confirm(self, locale: str, msgid: str, action: str, value: str) -> InlineKeyboardMarkup:
        return InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(
                        self._t(locale, msgid), callback_data=_data(action, value)
                    ),
                    InlineKeyboardButton(
                        self._t(locale, t.KEEP), callback_data=_data(cb.KEEP_FLOW, value)
                    ),
                ]
            ]
        )

    def _refused(self, locale: str, refusal: str | None, problems: tuple[Problem, ...]) -> str:
        reason = refusal or "; ".join(p.localized(self._translator(locale))[0] for p in problems)
        return self._t(locale, t.PUBLISH_REFUSED, reason=reason)

    # --- reading -----------------------------------------------------------------------

    async def _versions(self, bot: Bot, chat_id: int, member: Member) -> None:
        locale = member.locale
        rows = await asyncio.to_thread(self.registry.versions)
        drafts = {d.flow_id: d for d in await asyncio.to_thread(self.drafts.all)}
        flow_ids = sorted({r.flow_id for r in rows} | set(drafts))
        lines: list[str] = []
        for flow_id in flow_ids:
            mine = [r for r in rows if r.flow_id == flow_id][::-1]
            lines.append(self._t(locale, t.VERSIONS_HEAD, flow=flow_id))
            for n, row in enumerate(mine[:VERSIONS_SHOWN]):
                lines.append(
                    self._t(
                        locale,
                        t.VERSION_LIVE if n == 0 else t.VERSION_LINE,
                        version=row.version,
                        time=self.casefile.when(row.published_at, locale),
                        label=row.published_by or self._t(locale, t.NOBODY),
                    )
                )
            draft = drafts.get(flow_id)
            if draft is not None:
                lines.append(
                    self._t(
                        locale,
                        t.DRAFT_LINE,
                        version=draft.version,
                        time=self.casefile.when(draft.uploaded_at, locale),
                        label=draft.uploaded_by,
                    )
                )
            lines.append("")
        for piece in split_text("\n".join(lines).strip()):
            await self._say(bot, chat_id, piece)

    async def _send_file(self, bot: Bot, chat_id: int, member: Member, words: list[str]) -> None:
        locale = member.locale
        want_draft = "draft" in words
        flow_id = next((w for w in words if w != "draft"), self.intake.flow_id)
        if want_draft:
            draft = await asyncio.to_thread(self.drafts.get, flow_id)
            if draft is None:
                await self._say(bot, chat_id, self._t(locale, t.NO_DRAFT, flow=flow_id))
                return
            version, source = draft.version, draft.source
            caption = self._t(locale, t.DRAFT_FILE, flow=flow_id, version=version)
            name = f"{flow_id}.draft.yaml"
        else:
            row = await asyncio.to_thread(self.registry.newest, flow_id)
            if row is None:
                await self._say(bot, chat_id, self._t(locale, t.NO_FLOW, flow=flow_id))
                return
            source = row.source
            caption = self._t(locale, t.FLOW_FILE, flow=flow_id, version=row.version)
            name = f"{flow_id}.v{row.version}.yaml"
        await self._document(bot, chat_id, source.encode("utf-8"), name, caption)

    async def _send_po(self, bot: Bot, chat_id: int, member: Member, words: list[str]) -> None:
        locale = member.locale
        flow_id = self.intake.flow_id
        base = await asyncio.to_thread(self._editable, flow_id)
        flow = None
        if base is not None:
            flow = check_bytes(base[0].encode("utf-8"), flow_id).flow
        if flow is None:
            await self._say(bot, chat_id, self._t(locale, t.NO_FLOW, flow=flow_id))
            return
        target = _locale_of(words[0], flow) if words else None
        if target is None:
            said = self._t(locale, t.PO_USAGE, flow=flow_id, locales=", ".join(flow.locales))
            await self._say(bot, chat_id, said)
            return
        # Translators read the admin's language when the flow has it, else the first one.
        source = next(
            (c for c in (locale, *flow.locales) if c in flow.locales and c != target), target
        )
        content = await asyncio.to_thread(export_po, flow, target, source, f"{flow_id}.yaml")
        caption = self._t(locale, t.PO_FILE, language=autonym(target), flow=flow_id)
        await self._document(bot, chat_id, content, f"{flow_id}.{target}.po", caption)

    async def _document(
        self, bot: Bot, chat_id: int, content: bytes, name: str, caption: str
    ) -> None:
        # Not protected: the admin must be able to save it, edit it and send it back.
        await bot.send_document(
            chat_id,
            content,
            filename=name,
            caption=delivery.as_html(caption),
            protect_content=False,
        )

    # --- helpers -----------------------------------------------------------------------

    def _published_flow(self, flow_id: str) -> FlowDefinition | None:
        row = self.registry.newest(flow_id)
        if row is None:
            return None
        return check_bytes(row.source.encode("utf-8"), f"{flow_id} v{row.version}").flow

    def _editable(self, flow_id: str) -> tuple[str, int | None] | None:
        """The text an edit starts from (the draft, else the published version), and the
        published version number."""
        draft = self.drafts.get(flow_id)
        row = self.registry.newest(flow_id)
        published = row.version if row is not None else None
        if draft is not None:
            return draft.source, published
        if row is not None:
            return row.source, published
        return None

    async def _problems(
        self, bot: Bot, chat_id: int, locale: str, name: str, problems: tuple[Problem, ...]
    ) -> None:
        translate = self._translator(locale)
        lines = [self._t(locale, t.PROBLEMS_HEAD, file=name, count=len(problems))]
        for problem in problems[:PROBLEMS_SHOWN]:
            message, fix = problem.localized(translate)
            where = [problem.code]
            if problem.line is not None:
                where.append(self._t(locale, t.PROBLEM_WHERE, line=problem.line))
            if problem.path:
                where.append(problem.path)
            lines.append("")
            lines.append(" · ".join(where))
            lines.append(message)
            lines.append(self._t(locale, t.PROBLEM_FIX, fix=fix))
        if len(problems) > PROBLEMS_SHOWN:
            lines.extend(
                ["", self._t(locale, t.MORE_PROBLEMS, count=len(problems) - PROBLEMS_SHOWN)]
            )
        for piece in split_text("\n".join(lines)):
            await self._say(bot, chat_id, piece)

    def _translator(self, locale: str) -> Callable[..., str]:
        def translate(msgid: str, /, **params: object) -> str:
            return self.catalogs.gettext(locale, msgid, **params)

        return translate

    async def _say(
        self, bot: Bot, chat_id: int, text: str, markup: InlineKeyboardMarkup | None = None
    ) -> None:
        await bot.send_message(chat_id, delivery.as_html(text), reply_markup=markup)

    def _t(self, locale: str, msgid: str, **params: object) -> str:
        return self.catalogs.gettext(locale, msgid, **params)


def _data(action: str, value: str) -> str:
    return CallbackData("", action, "-", value).encode()


def _display_name(file_name: str | None) -> str:
    """The uploaded file's name as shown back: its last part, printable, short."""
    name = (file_name or "upload").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if c.isprintable())[:64]
    return name or "upload"


def _locale_of(word: str, flow: FlowDefinition) -> str | None:
    """``ko``, ``zh``, ``zh_Hans``, ``zh-hans``: the flow locale meant, if any."""
    wanted = word.strip().replace("-", "_").lower()
    for code in flow.locales:
        if code.lower() == wanted or code.split("_")[0].lower() == wanted:
            return code
    return None
