"""Outcome -> messages: text in the supporter's locale and labelled buttons.

Pure: takes the flow, the session, the catalogs. Channels add their own markup (the
Telegram adapter escapes for its parse mode; the terminal numbers the buttons). Every
message stays within Telegram's 4096 UTF-16 units, split at line breaks if needed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from babel.dates import format_skeleton
from babel.numbers import format_decimal

from bot.engine.buttons import answered_path_fields
from bot.engine.compiled import CompiledFlow
from bot.engine.inputs import Input
from bot.engine.outcome import (
    Ask,
    Button,
    Choices,
    EchoText,
    FlowLabel,
    Label,
    Msg,
    Notice,
    Outcome,
    Plain,
    Reply,
    Submitted,
)
from bot.engine.session import Session
from bot.flow.checks import KEEP_DAYS, KEEP_HOURS, REFERENCE_PLACEHOLDER
from bot.flow.model import (
    MultiChoiceStep,
    ReviewStep,
    SingleChoiceStep,
    SubmitStep,
    TextStep,
)
from bot.i18n import Catalogs
from bot.limits import MAX_MESSAGE_UTF16, utf16_units
from bot.messages import N_

KindLabel = Callable[[str, str], str]
#: Between items of a list (", " in English; each language's own in its catalog). No
#: choice label may contain its language's separator, or a list could not be read back.
LIST_SEPARATOR = N_(", ")
#: One answer on the review screen (and in staff's case file): the bullet and the colon
#: are each language's own (ja ``・{label}：{answer}``, zh full-width colon).
ANSWER_LINE = N_("• {label}: {answer}")
CHECK = "✓ "
#: The date is the UTC day: the supporter's own time zone is not known (nor asked).
RECEIVED = N_("Received on {date} (UTC).")
REMOVED = N_(
    "To protect you, this was removed from your text before storing: {kinds}."
    " The text above is exactly what will be stored."
)


@dataclass(frozen=True)
class Keeping:
    """How long this deployment keeps what supporters give (``INTAKE_SESSION_TTL_HOURS``,
    ``INTAKE_CASE_RETENTION_DAYS``), for flow texts that promise it: the consent must say
    the figures the purge applies, never figures copied into the flow by hand.
    """

    hours: int
    days: int

    @classmethod
    def of(cls, session_ttl: timedelta, case_retention: timedelta) -> Keeping:
        return cls(int(session_ttl.total_seconds()) // 3600, case_retention.days)

    def fill(self, text: str) -> str:
        """``text`` with ``{keep_hours}`` and ``{keep_days}`` put in, and nothing else.

        A closed set with ``str.replace``, never ``str.format``: a flow text is written
        by an admin and must not reach attributes or take format specs.
        """
        return text.replace(KEEP_HOURS, str(self.hours)).replace(KEEP_DAYS, str(self.days))


@dataclass(frozen=True)
class RenderedButton:
    text: str
    input: Input
    selected: bool = False


@dataclass(frozen=True)
class Message:
    text: str
    buttons: tuple[tuple[RenderedButton, ...], ...] = ()


@dataclass(frozen=True)
class Screen:
    """An outcome as a chat shows it: messages that stand alone, then the one live message
    (the current question, the bot's own question, or the submission) that channels able
    to edit keep in place; ``None`` when the outcome asks nothing."""

    before: tuple[Message, ...]
    live: Message | None


class Renderer:
    """Renders outcomes of one flow version for any locale it declares."""

    def __init__(
        self,
        compiled: CompiledFlow,
        catalogs: Catalogs,
        kind_label: KindLabel,
        *,
        keeping: Keeping,
    ) -> None:
        self.compiled = compiled
        self.catalogs = catalogs
        self.kind_label = kind_label
        self.keeping = keeping

    def render(self, outcome: Outcome, locale: str) -> list[Message]:
        session = outcome.session
        messages: list[Message] = []
        for reply in outcome.replies:
            messages.extend(self._reply(reply, session, locale))
        return messages

    def screen(self, outcome: Outcome, locale: str) -> Screen:
        """``render``, arranged for one live message: notices that lead up to a question
        open it; the supporter's own text handed back, and anything too long to join,
        stands alone before it."""
        before: list[Message] = []
        notices: list[str] = []
        live: Message | None = None
        for reply in outcome.replies:
            pieces = self._reply(reply, outcome.session, locale)
            if isinstance(reply, Notice):
                notices.extend(p.text for p in pieces)
                continue
            if live is not None:
                before.append(live)
                live = None
            if isinstance(reply, EchoText):
                before.extend(Message(n) for n in notices)
                before.extend(pieces)
                notices = []
                continue
            *head, last = pieces
            joined = "\n\n".join([*notices, last.text])
            if head or utf16_units(joined) > MAX_MESSAGE_UTF16:
                before.extend(Message(n) for n in notices)
                before.extend(head)
                live = last
            else:
                live = Message(joined, last.buttons)
            notices = []
        before.extend(Message(n) for n in notices)
        return Screen(tuple(before), live)

    # --- pieces ------------------------------------------------------------------------

    def t(self, locale: str, msg: Msg) -> str:
        params = {k: self._param(v, locale) for k, v in msg.params.items()}
        return self.catalogs.gettext(locale, msg.msgid, **params)

    def _param(self, value: Any, locale: str) -> Any:
        if isinstance(value, Mapping):
            return value.get(locale, "")
        if isinstance(value, int) and not isinstance(value, bool):
            return format_decimal(value, locale=locale)
        return value

    def label(self, label: Label, locale: str) -> str:
        if isinstance(label, FlowLabel):
            return label.text.get(locale, "")
        if isinstance(label, Plain):
            return label.text
        return self.t(locale, label)

    def buttons(
        self, rows: tuple[tuple[Button, ...], ...], locale: str
    ) -> tuple[tuple[RenderedButton, ...], ...]:
        return tuple(
            tuple(
                RenderedButton(
                    (CHECK if b.selected else "") + self.label(b.label, locale),
                    b.input,
                    b.selected,
                )
                for b in row
            )
            for row in rows
        )

    def _reply(self, reply: Reply, session: Session | None, locale: str) -> list[Message]:
        if isinstance(reply, Notice):
            return [Message(self.t(locale, reply.msg))]
        if isinstance(reply, EchoText):
            return [Message(chunk) for chunk in split_text(reply.text)]
        if isinstance(reply, Choices):
            said = (
                "\n".join(self.t(code, reply.msg) for code in self.compiled.flow.locales)
                if reply.every_language
                else self.t(locale, reply.msg)
            )
            return [Message(said, self.buttons(reply.buttons, locale))]
        if isinstance(reply, Submitted):
            step = self.compiled.step(reply.step)
            assert isinstance(step, SubmitStep)
            received = self.t(
                locale,
                Msg(RECEIVED, {"date": format_skeleton("yMMMd", reply.created, locale=locale)}),
            )
            chosen = reply.text.text if reply.text is not None else step.text
            text = self.keeping.fill(chosen[locale]).replace(
                REFERENCE_PLACEHOLDER, reply.reference
            )
            return [Message(f"{text}\n\n{received}")]
        assert session is not None
        return self._ask(reply, session, locale)

    def _ask(self, reply: Ask, session: Session, locale: str) -> list[Message]:
        step = self.compiled.step(reply.step)
        parts: list[str] = []
        if reply.progress is not None:
            parts.append(
                self.t(
                    locale,
                    Msg(
                        # The total is the longest way left, so it shrinks as answers
                        # close branches: "at most" says why, where "3 / 13" then
                        # "4 / 12" looked like a fault.
                        N_("Question {current} (of at most {total})"),
                        {"current": reply.progress.current, "total": reply.progress.total},
                    ),
                )
            )
        text = (reply.text.text if reply.text is not None else step.text)[locale]
        parts.append(self.keeping.fill(text))
        if isinstance(step, TextStep):
            parts.append("⚠ " + self.keeping.fill(step.warning[locale]))
            parts.append(
                self.t(
                    locale,
                    Msg(
                        N_("Type your answer ({limit} characters at most)."),
                        {"limit": step.max_length},
                    ),
                )
            )
        if isinstance(step, MultiChoiceStep | SingleChoiceStep | TextStep):
            current = session.answers.get(step.field)
            if current is not None and not isinstance(step, MultiChoiceStep):
                shown = self.answer_text(step.field, current, locale)
                parts.append(
                    self.t(locale, Msg(N_("Current answer: {answer}"), {"answer": shown}))
                )
        if isinstance(step, ReviewStep):
            parts.extend(self._review_lines(session, locale))
        texts = split_text("\n\n".join(parts))
        rows = self.buttons(reply.buttons, locale)
        return [Message(t) for t in texts[:-1]] + [Message(texts[-1], rows)]

    def answer_text(self, field: str, answer: str | list[str], locale: str) -> str:
        """An answer as the supporter reads it: choice labels, or their (scrubbed) text."""
        spec = self.compiled.flow.fields[field]
        if spec.type == "text":
            return str(answer)
        step = self.compiled.step(self.compiled.asked_by[field])
        assert isinstance(step, SingleChoiceStep | MultiChoiceStep)
        labels = {c.value: c.text[locale] for c in step.choices}
        values = answer if isinstance(answer, list) else [answer]
        separator = self.t(locale, Msg(LIST_SEPARATOR))
        return separator.join(labels.get(v, v) for v in values)

    def _review_lines(self, session: Session, locale: str) -> Iterator[str]:
        fields = answered_path_fields(self.compiled, session)
        lines = []
        for field in fields:
            label = self.compiled.flow.fields[field].label[locale]
            answer = session.answers.get(field)
            shown = (
                self.answer_text(field, answer, locale)
                if answer is not None
                else self.t(locale, Msg(N_("(skipped)")))
            )
            lines.append(self.t(locale, Msg(ANSWER_LINE, {"label": label, "answer": shown})))
        yield "\n".join(lines)
        removed = sorted({k for f in fields for k in session.removed.get(f, [])})
        if removed:
            kinds = self.t(locale, Msg(LIST_SEPARATOR)).join(
                self.kind_label(k, locale) for k in removed
            )
            yield self.t(
                locale,
                Msg(REMOVED, {"kinds": kinds}),
            )


def split_text(text: str, limit: int = MAX_MESSAGE_UTF16) -> list[str]:
    """Split ``text`` into pieces of at most ``limit`` UTF-16 units, at line breaks if possible."""
    if utf16_units(text) <= limit:
        return [text]
    pieces: list[str] = []
    current = ""
    for line in text.splitlines(keepends=True):
        while utf16_units(line) > limit:  # a single overlong line: cut it by units
            head = (
                _take_units(line, limit - utf16_units(current))
                if current
                else _take_units(line, limit)
            )
            if current:
                pieces.append(current + head)
                current = ""
            else:
                pieces.append(head)
            line = line[len(head) :]
        if utf16_units(current + line) > limit:
            pieces.append(current)
            current = ""
        current += line
    if current:
        pieces.append(current)
    return [p.rstrip("\n") or p for p in pieces]


def _take_units(text: str, units: int) -> str:
    taken, used = [], 0
    for ch in text:
        size = utf16_units(ch)
        if used + size > units:
            break
        taken.append(ch)
        used += size
    return "".join(taken)
