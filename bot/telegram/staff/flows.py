"""Admins change the questions from Telegram: upload, compare, try, publish, roll back.

The cycle of ODK Central (draft, test, publish) on an admin's phone:

- a flow file (.yaml) sent to the bot goes through the one loader; every problem comes
  back located and in the admin's language, or the file becomes the flow's draft and the
  admin gets the changes against the published version and the step graph as a picture;
- ``/try`` runs the draft as a supporter would see it (``trials``);
- ``/publish``, ``/rollback``, ``/flows`` and ``/flow`` work on versions (``versions``);
- ``/po`` and a .po upload do the translator's round trip.

Admins only: the staff channel routes here after checking the role. Nothing uploaded is
executed (the loader is safe YAML, texts are plain) or kept once replaced or published.
"""

from __future__ import annotations

import asyncio
import logging
from zoneinfo import ZoneInfo

from telegram import Bot, Document, Update
from telegram.error import TelegramError

from bot.app import Intake
from bot.callback import CallbackData
from bot.casefile import CaseFile
from bot.flow.changes import compare, summary
from bot.flow.loader import Loaded, check_bytes
from bot.flow.model import FlowDefinition
from bot.flow.po import export_po, import_po, read_catalog
from bot.flow.problems import Problem
from bot.graphviz import PictureError, render_png
from bot.i18n import Catalogs, autonym
from bot.limits import MAX_FLOW_FILE_BYTES
from bot.render import split_text
from bot.store.drafts import DraftRepository
from bot.store.flows import FlowRegistry, with_version
from bot.store.staff import Member
from bot.telegram import delivery
from bot.telegram.staff import texts as t
from bot.telegram.staff.trials import TrialChannel, Trials
from bot.telegram.staff.versions import Versions
from bot.telegram.staff.voice import Voice

log = logging.getLogger("bot.telegram")

#: Admin commands; other staff get a refusal, everyone else the supporter side's answer.
COMMANDS = ("flows", "flow", "publish", "rollback", "try", "po")
#: What an uploaded file must be called to be taken as a flow or a translation; any other
#: file is the supporter side's (deleted as media).
FLOW_SUFFIXES = (".yaml", ".yml")
PO_SUFFIX = ".po"
#: Problems shown for one upload: a careless file can have thousands (every text of an
#: undeclared language), and a phone is no place to read them; the first ones say what
#: to fix.
PROBLEMS_SHOWN = 30
#: Telegram lets a bot download files up to 20 MB; ours are far smaller.


class FlowDesk:
    def __init__(
        self, intake: Intake, catalogs: Catalogs, timezone: ZoneInfo, trial_channel: TrialChannel
    ) -> None:
        self.intake = intake
        self.voice = Voice(catalogs)
        self.registry = FlowRegistry(intake.db)
        self.drafts = DraftRepository(intake.db)
        self.trials = Trials(intake, catalogs, timezone, self.voice.say, trial_channel)
        self.versions = Versions(
            self.registry, self.drafts, self.trials, catalogs, CaseFile(intake, catalogs, timezone)
        )

    async def button(
        self, bot: Bot, chat_id: int, member: Member, data: CallbackData, message_id: int | None
    ) -> None:
        await self.versions.answer(bot, chat_id, member, data, message_id)

    # --- routing -----------------------------------------------------------------------

    async def trying(self, chat_id: int) -> bool:
        return await self.trials.running(chat_id)

    async def in_trial(self, update: Update, bot: Bot, chat_id: int, member: Member) -> None:
        await self.trials.update(update, bot, chat_id, member)

    async def command(
        self, bot: Bot, update: Update, chat_id: int, member: Member, name: str, argument: str
    ) -> None:
        words = argument.split()
        flow_id = words[0] if words and words[0] != "draft" else self.intake.flow_id
        if name == "flows":
            await self.versions.listing(bot, chat_id, member)
        elif name == "flow":
            await self.versions.send_file(bot, chat_id, member, flow_id, draft="draft" in words)
        elif name == "publish":
            await self.versions.ask_publish(bot, chat_id, member, flow_id)
        elif name == "rollback":
            await self.versions.ask_rollback(bot, chat_id, member, flow_id)
        elif name == "po":
            await self._send_po(bot, chat_id, member, words)
        elif name == "try" and words[:1] == ["stop"]:
            await self.trials.stop(bot, chat_id, member)
        elif name == "try":
            await self.trials.start(bot, update, chat_id, member)

    # --- uploads -----------------------------------------------------------------------

    async def upload(self, bot: Bot, chat_id: int, member: Member, document: Document) -> None:
        """A flow file or a translation: checked before anything is kept."""
        locale = member.locale
        name = _display_name(document.file_name)
        is_po = name.lower().endswith(PO_SUFFIX)
        # A translation is never bigger than the flow it translates.
        limit = MAX_FLOW_FILE_BYTES
        # Telegram says the size before the download: a big file is never fetched.
        if document.file_size is not None and document.file_size > limit:
            said = t.UPLOAD_TOO_BIG
            await self.voice.say(
                bot,
                chat_id,
                self.voice.t(locale, said, file=name, size=document.file_size, limit=limit),
            )
            return
        try:
            file = await bot.get_file(document.file_id)
            content = bytes(await file.download_as_bytearray())
        except TelegramError as exc:
            log.warning("an uploaded file could not be fetched: %s", type(exc).__name__)
            await self.voice.say(
                bot, chat_id, self.voice.t(locale, t.UPLOAD_UNREADABLE, file=name)
            )
            return
        if len(content) > limit:  # the size was missing or wrong
            said = self.voice.t(
                locale, t.UPLOAD_TOO_BIG, file=name, size=len(content), limit=limit
            )
            await self.voice.say(bot, chat_id, said)
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
        if flow.id != self.intake.flow_id:
            # Only one flow is served: a draft of another could be neither tried nor used.
            said = self.voice.t(
                locale, t.FLOW_NOT_SERVED, file=name, flow=flow.id, served=self.intake.flow_id
            )
            await self.voice.say(bot, chat_id, said)
            return
        published = await asyncio.to_thread(self._published_flow, flow.id)
        await asyncio.to_thread(self.drafts.put, loaded, content, actor=member.label)
        await self.trials.end_all(bot)
        lines = [intro] if intro else []
        if published is None:
            lines.append(
                self.voice.t(locale, t.DRAFT_FIRST, file=name, flow=flow.id, version=flow.version)
            )
        else:
            changes = compare(published, flow)
            lines.append(
                self.voice.t(locale, t.DRAFT_STORED, file=name, flow=flow.id, version=flow.version)
            )
            translate = self.voice.translator(locale)
            lines.extend(f"• {line}" for line in summary(changes, translate))
        lines.append(self.voice.t(locale, t.DRAFT_NEXT))
        for piece in split_text("\n".join(lines)):
            await self.voice.say(bot, chat_id, piece)
        await self._picture(bot, chat_id, locale, flow)

    async def _picture(self, bot: Bot, chat_id: int, locale: str, flow: FlowDefinition) -> None:
        try:
            png = await asyncio.to_thread(render_png, flow)
        except PictureError as exc:
            await self.voice.say(
                bot, chat_id, self.voice.t(locale, t.NO_PICTURE, reason=exc.reason)
            )
            return
        caption = self.voice.t(locale, t.PICTURE, flow=flow.id, version=flow.version)
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
        flow_id = self.intake.flow_id
        base = await asyncio.to_thread(self._editable, flow_id)
        if base is None:
            await self.voice.say(bot, chat_id, self.voice.t(locale, t.NO_FLOW, flow=flow_id))
            return
        text, flow, published_version = base
        try:
            catalog = await asyncio.to_thread(read_catalog, content)
        except ValueError:
            catalog = None
        if catalog is None or catalog.locale is None:  # Poedit and Weblate always name it
            await self.voice.say(bot, chat_id, self.voice.t(locale, t.PO_UNREADABLE, file=name))
            return
        # Poedit writes zh_CN or ko_KR: the flow's own code for the language is meant.
        target = _locale_of(str(catalog.locale), flow)
        if target is None:
            said = self.voice.t(
                locale,
                t.PO_LANGUAGE,
                file=name,
                language=str(catalog.locale),
                flow=flow_id,
                locales=", ".join(flow.locales),
            )
            await self.voice.say(bot, chat_id, said)
            return
        imported = await asyncio.to_thread(import_po, text, content, target)
        source = imported.text
        loaded = await asyncio.to_thread(check_bytes, source.encode("utf-8"), name)
        version = loaded.flow.version if loaded.flow is not None else None
        if published_version is not None and version is not None and version <= published_version:
            # Translators do not edit YAML: the version a new draft needs is raised for them.
            version = published_version + 1
            source = with_version(source, version)
            loaded = await asyncio.to_thread(check_bytes, source.encode("utf-8"), name)
        intro = self.voice.t(
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

    async def _send_po(self, bot: Bot, chat_id: int, member: Member, words: list[str]) -> None:
        locale = member.locale
        flow_id = self.intake.flow_id
        base = await asyncio.to_thread(self._editable, flow_id)
        if base is None:
            await self.voice.say(bot, chat_id, self.voice.t(locale, t.NO_FLOW, flow=flow_id))
            return
        flow = base[1]
        target = _locale_of(words[0], flow) if words else None
        if target is None:
            said = self.voice.t(locale, t.PO_USAGE, flow=flow_id, locales=", ".join(flow.locales))
            await self.voice.say(bot, chat_id, said)
            return
        # Translators read the admin's language when the flow has it, else the first one.
        source = next(
            (c for c in (locale, *flow.locales) if c in flow.locales and c != target), target
        )
        content = await asyncio.to_thread(export_po, flow, target, source, f"{flow_id}.yaml")
        caption = self.voice.t(locale, t.PO_FILE, language=autonym(target), flow=flow_id)
        await delivery.send_file(bot, chat_id, content, f"{flow_id}.{target}.po", caption)

    # --- helpers -----------------------------------------------------------------------

    def _published_flow(self, flow_id: str) -> FlowDefinition | None:
        row = self.registry.newest(flow_id)
        if row is None:
            return None
        return check_bytes(row.source.encode("utf-8"), f"{flow_id} v{row.version}").flow

    def _editable(self, flow_id: str) -> tuple[str, FlowDefinition, int | None] | None:
        """What an edit starts from (the draft, else the published version): its text, the
        flow, and the published version number."""
        draft = self.drafts.get(flow_id)
        row = self.registry.newest(flow_id)
        published = row.version if row is not None else None
        text = draft.source if draft is not None else row.source if row is not None else None
        if text is None:
            return None
        flow = check_bytes(text.encode("utf-8"), flow_id).flow
        # Both passed the loader when they were stored; a flow the code no longer loads
        # cannot be edited from here.
        return (text, flow, published) if flow is not None else None

    async def _problems(
        self, bot: Bot, chat_id: int, locale: str, name: str, problems: tuple[Problem, ...]
    ) -> None:
        translate = self.voice.translator(locale)
        lines = [self.voice.t(locale, t.PROBLEMS_HEAD, file=name, count=len(problems))]
        for problem in problems[:PROBLEMS_SHOWN]:
            message, fix = problem.localized(translate)
            where = [problem.code]
            if problem.line is not None:
                where.append(self.voice.t(locale, t.PROBLEM_WHERE, line=problem.line))
            if problem.path:
                where.append(problem.path)
            lines.append("")
            lines.append(" · ".join(where))
            lines.append(message)
            lines.append(self.voice.t(locale, t.PROBLEM_FIX, fix=fix))
        if len(problems) > PROBLEMS_SHOWN:
            lines.extend(
                ["", self.voice.t(locale, t.MORE_PROBLEMS, count=len(problems) - PROBLEMS_SHOWN)]
            )
        for piece in split_text("\n".join(lines)):
            await self.voice.say(bot, chat_id, piece)


def is_upload(document: Document) -> bool:
    """A flow file or a translation, by its name (the only thing said before download)."""
    return (document.file_name or "").lower().endswith((*FLOW_SUFFIXES, PO_SUFFIX))


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
