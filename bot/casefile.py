"""A case as staff read it, in their language: the same on Telegram and in the CLI.

Every field with its label and answer from the flow the case was taken on, the free
text as stored (scrubbed), which triage rule set the priority, the supporter's language,
contact consent, who holds it, and the follow-up history; times in the organisation's
time zone. Content appears only here, never in an aler
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from pyrage import x25519

from bot.app import Intake
from bot.casework import FROM_SUPPORTER, TO_SUPPORTER
from bot.engine.compiled import CompiledFlow
from bot.errors import SealedError
from bot.flow.conditions import holds
from bot.i18n import Catalogs, autonym
from bot.messages import N_
from bot.render import ANSWER_LINE, LIST_SEPARATOR
from bot.scrub import kind_label
from bot.store.sealing import message_text
from bot.store.stubs import StubView

CASE_HEAD = N_("Case {reference}: {priority}, {status}. Received {time}.")
CLAIMED_BY = N_("Claimed by {label}.")
CONTACT_YES = N_("The supporter agreed to be contacted through the bot.")
CONTACT_NO = N_("The supporter did not agree to be contacted.")
REMOVED = N_("Removed from the free text before storing: {kinds}.")
SKIPPED = N_("(not answered)")
TRIAGE_RULE = N_("Priority from triage rule {number} of {count}.")
TRIAGE_NONE = N_("No triage rule matched: normal priority.")
SUPPORTER_LANGUAGE = N_("The supporter wrote in {language}.")
HISTORY = N_("Follow-up:")
BY_TEAM = N_("to the supporter, from {label}")
BY_SUPPORTER = N_("from the supporter")
BY_NOTE = N_("note by {label}")
SEALED = N_(
    "This case is sealed to the organisation's key: what the supporter told is not kept"
    " where the bot can read it, so it is not shown here. Read it on a caseworker's"
    " computer with: intake-bot stubs show {reference} --identity FILE"
)
SEALED_ENTRY = N_("(sealed)")
#: Languages staff may read cases in: the supporters' ones, and English, where the
#: flow's codes stand for its labels (they are English words) and the texts are the
#: catalogs' own English.
STAFF_LOCALES = ("ja", "ko", "zh_Hans", "en")
PRIORITIES = {"urgent": N_("urgent"), "high": N_("high"), "normal": N_("normal")}
STATUSES = {"new": N_("new"), "claimed": N_("claimed"), "closed": N_("closed")}


class CaseFile:
    def __init__(self, intake: Intake, catalogs: Catalogs, timezone: ZoneInfo) -> None:
        self.intake = intake
        self.catalogs = catalogs
        self.timezone = timezone

    def when(self, moment: datetime, locale: str) -> str:
        """A time in the organisation's time zone, as the staff member's language writes it."""
        local = moment.astimezone(self.timezone)
        shown = format_datetime(local, "yyyy-MM-dd HH:mm", locale=locale)
        return f"{shown} ({self.timezone.key})"

    def priority(self, code: str, locale: str) -> str:
        return self._t(locale, PRIORITIES.get(code, code))

    def text(
        self, view: StubView, locale: str, identities: Sequence[x25519.Identity] | None = None
    ) -> str:
        """Every field with its label and answer in ``locale``, the scrubbed free text,
        contact consent and who holds the case."""
        compiled = self.intake.flows.get(view.flow_id, view.flow_version)
        renderer = self.intake.renderer(compiled)
        status = self._t(locale, STATUSES.get(view.status, view.status))
        lines = [
            self._t(
                locale,
                CASE_HEAD,
                reference=view.reference,
                priority=self.priority(view.priority, locale),
                status=status,
                time=self.when(view.created_at, locale),
            ),
            "",
        ]
        labelled = locale in compiled.flow.locales
        separator = self._t(locale, LIST_SEPARATOR)
        if view.sealed is not None:
            lines.append(self._t(locale, SEALED, reference=view.reference))
        for field, spec in (compiled.flow.fields if view.sealed is None else {}).items():
            answer = view.answers.get(field, view.texts.get(field))
            if answer is None:
                shown = self._t(locale, SKIPPED)
            elif labelled or spec.type == "text":
                shown = renderer.answer_text(field, answer, locale)
            else:  # no labels in this language: the codes, which are English words
                shown = separator.join(answer) if isinstance(answer, list) else str(answer)
            label = spec.label[locale] if labelled else field
            lines.append(self._t(locale, ANSWER_LINE, label=label, answer=shown))
        lines.append("")
        if view.sealed is None:  # the rule holds on answers a sealed case does not show
            lines.append(self._triage(compiled, view, locale))
        lines.append(self._t(locale, SUPPORTER_LANGUAGE, language=autonym(view.locale)))
        lines.append(self._t(locale, CONTACT_YES if view.contact else CONTACT_NO))
        if view.removed:
            kinds = separator.join(kind_label(k, locale) if labelled else k for k in view.removed)
            lines.append(self._t(locale, REMOVED, kinds=kinds))
        if view.claimed_by:
            lines.append(self._t(locale, CLAIMED_BY, label=view.claimed_by))
        history = self.intake.casework.history(view.reference)
        if history:
            lines.extend(["", self._t(locale, HISTORY)])
        for entry in history:
            who = {
                TO_SUPPORTER: self._t(locale, BY_TEAM, label=entry.author),
                FROM_SUPPORTER: self._t(locale, BY_SUPPORTER),
            }.get(entry.direction) or self._t(locale, BY_NOTE, label=entry.author)
            text = entry.text
            if text is None and entry.sealed is not None and identities:
                # Sealed to other keys (one retired since, say): said, not fatal.
                with contextlib.suppress(SealedError):
                    text = message_text(entry.sealed, identities, view.reference)
            if text is None:
                text = self._t(locale, SEALED_ENTRY)
            lines.append(f"— {self.when(entry.at, locale)} {who}: {text}")
        return "\n".join(lines)

    def _triage(self, compiled: CompiledFlow, view: StubView, locale: str) -> str:
        """Which triage rule set the priority (the first that holds, as at submission)."""
        rules = compiled.flow.triage
        for number, rule in enumerate(rules, start=1):
            if holds(rule.when, view.answers, compiled.kinds):
                return self._t(locale, TRIAGE_RULE, number=number, count=len(rules))
        return self._t(locale, TRIAGE_NONE)

    def _t(self, locale: str, msgid: str, **params: object) -> str:
        return self.catalogs.gettext(locale, msgid, **params)
