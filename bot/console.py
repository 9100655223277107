"""The terminal chat: the same service, engine, database and rendering as Telegram.

Choices are printed as one numbered menu and chosen by typing the number or the first
words of an option; free text is typed; /back, /restart, /cancel, /language (or
/lang ko), /skip and /help work as on Telegram. What a terminal does differently:

- a question asked again unchanged (after a hint, /help, a tick in a multi-choice menu)
  is not printed again: the menu above still holds, and a tick shows as one line;
- an answer that designates no option, or several, gets a hint and changes nothing;
- /restart asks before erasing, as /cancel does;
- the engine's notices that speak of buttons are said in the terminal's own words.

With a terminal, output is styled with Rich; piped, it is plain text and each input is
echoed, so a run reads as a transcript. The conversation is kept in the database like a
supporter's on Telegram, so running the chat again resumes where it stopped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from rich.console import Console
from rich.markup import escape

from bot import console_texts as ct
from bot.app import Intake
from bot.console_menu import Menu, designated
from bot.engine import inputs as i
from bot.engine import texts as t
from bot.engine.compiled import CompiledFlow
from bot.engine.outcome import Ask, Choices, Msg, Notice, Outcome, Reply, Submitted
from bot.engine.session import Session
from bot.flow.model import TextStep
from bot.i18n import DEFAULT_LOCALE, recognized
from bot.render import LIST_SEPARATOR, Message, RenderedButton
from bot.stub import CaseStub

#: The terminal's one "chat": a single local supporter.
TERMINAL_CHAT = "local"

#: /commands and what they do; /lang and /language take an optional language code, and
#: /restart asks first (see ``TerminalChat.command``). Anything else shows the help, as
#: on Telegram, rather than being taken as an answer.
COMMANDS: dict[str, i.Input] = {
    "back": i.Back(),
    "restart": i.Restart(),
    "cancel": i.Cancel(),
    "erase": i.Cancel(),
    "help": i.Help(),
    "skip": i.Skip(),
    "withdraw": i.Withdraw(),
}
LANGUAGE_COMMANDS = ("lang", "language")
#: On a text question a typed number is an answer, so its buttons are shown as commands.
COMMAND_OF: dict[type, str] = {i.Skip: "/skip", i.Back: "/back"}
#: After these inputs the question is shown whole even when it did not change.
SHOW_WHOLE = (i.Start, i.Repeat, i.SwitchLanguage)
#: How much of an unmatched answer a hint quotes back.
QUOTED_CHARS = 20
#: Session states in which there are answers that /restart would erase.
RESTARTABLE = ("active",)
#: ``Renderer.render``: an outcome in a locale, as messages.
Render = Callable[[Outcome, str], list[Message]]


class TerminalChat:
    """Runs one supporter's conversation over lines of text."""

    def __init__(self, intake: Intake, console: Console, *, echo_input: bool) -> None:
        self.intake = intake
        self.console = console
        self.echo_input = echo_input
        self.session: Session | None = intake.session(TERMINAL_CHAT)
        self.compiled: CompiledFlow | None = None
        self.locale = self.session.locale if self.session else DEFAULT_LOCALE
        #: The supporter's language once known (asked, given, or the conversation's): what
        #: /start begins in; ``None`` asks again.
        self.spoken: str | None = self.session.locale if self.session else None
        #: The numbered options in force (the last menu printed).
        self.menu = Menu()
        #: The terminal's own "start again?" is waiting for its answer.
        self.restart_asked = False
        #: Stubs this chat submitted (the database has them too).
        self.stubs: list[CaseStub] = []

    # --- the conversation ---------------------------------------------------------------

    def begin(self, requested: str | None, system: str | None = None) -> None:
        """Resume the intake in progress, or start one.

        ``requested`` (``--lang``) wins over everything, even the language of the
        conversation in progress; ``system`` (the terminal's locale) only chooses the
        language of a new intake. Without either, the first message asks for it, in
        every language.
        """
        session = self.session
        if session is not None and session.status != "submitted":
            if requested is not None and requested != session.locale:
                # The switch the language picker's button makes; shown by the welcome.
                self.apply(i.SwitchLanguage(requested, session.token), show=False)
            self.apply(i.Start(requested))
            return
        self.apply(i.Start(requested or system))

    def run(self, lines: Iterable[str]) -> None:
        for line in lines:
            line = line.rstrip("\r\n")
            if self.echo_input:
                self.console.print(f"> {escape(line)}", style="bold", highlight=False)
            self.answer(line)

    def answer(self, line: str) -> None:
        """Act on one typed line."""
        typed = line.strip()
        if self.restart_asked:
            self.answer_restart(typed)
        elif typed.startswith("/"):
            self.command(typed)
        elif self.menu.options and (self.menu.key is None or not self._on_text_step()):
            # A menu is in force: the question's options, or a question of the bot's own
            # (which may come up on a text question too: the language picker).
            self.choose(typed, line)
        else:
            # A free-text answer; or nothing is offered (erased, sent): the engine says
            # what can be done.
            self.apply(i.Text(line))

    def choose(self, typed: str, line: str) -> None:
        numbers = designated(typed, self.menu.labels())
        if len(numbers) == 1:
            self.apply(self.menu.options[numbers[0] - 1].input)
        elif numbers:
            self._ambiguous(typed, numbers)
        elif self.menu.open_ended:
            self.apply(i.Text(line))
        else:
            self._no_option(typed)

    def command(self, typed: str) -> None:
        name, _, arg = typed[1:].partition(" ")
        name = name.lower()
        if name == "start":
            self.apply(i.Start(self.spoken))
        elif name in LANGUAGE_COMMANDS:
            self.apply(self._language(arg.strip()))
        elif name == "restart" and self._has_answers():
            self.ask_restart()
        else:
            self.apply(COMMANDS.get(name, i.Help()))

    def ask_restart(self) -> None:
        """The engine restarts at once (a button press on Telegram is deliberate); a typed
        /restart is easy to send by mistake and erases every answer, so ask first."""
        self.restart_asked = True
        yes = RenderedButton(self._t(self.locale, ct.RESTART_YES), i.Restart())
        no = RenderedButton(self._t(self.locale, t.ERASE_NO), i.Repeat())
        self._print(Message(self._t(self.locale, ct.RESTART_QUESTION), ((yes,), (no,))))
        self.menu = Menu((yes, no))

    def answer_restart(self, typed: str) -> None:
        """Yes restarts; anything else keeps the conversation (a command is then run)."""
        numbers = designated(typed, self.menu.labels())
        if len(numbers) > 1:
            self._ambiguous(typed, numbers)
            return
        self.restart_asked = False
        if numbers and isinstance(self.menu.options[numbers[0] - 1].input, i.Restart):
            self.apply(i.Restart())
            return
        self._say(self._t(self.locale, t.NOTHING_ERASED))
        if typed.startswith("/") and not numbers:
            self.command(typed)
        else:
            self.apply(i.Repeat())

    def apply(self, event: i.Input, *, show: bool = True) -> Outcome:
        turn = self.intake.handle(TERMINAL_CHAT, None, event, locale=self.locale)
        assert turn is not None  # no update ids here, so never a duplicate
        outcome = turn.outcome
        self.compiled = turn.renderer.compiled
        self.session = outcome.session
        self.locale = turn.locale
        if outcome.session is not None:
            self.spoken = outcome.session.locale
        if outcome.stub is not None:
            self.stubs.append(outcome.stub)
        if show:
            self._show(_terminal_wording(outcome), event, turn.renderer.render)
        else:
            self.menu = Menu()  # what is on screen no longer matches: show it whole next
        return outcome

    def farewell(self) -> None:
        """Leaving in the middle of an intake: say that the answers wait for the next run."""
        if self._has_answers():
            self._say(self._t(self.locale, ct.KEPT_FOR_LATER))

    # --- showing ------------------------------------------------------------------------

    def _show(self, outcome: Outcome, event: i.Input, render: Render) -> None:
        if outcome.session is None:
            self.menu = Menu()  # erased, or not begun: only a new question offers options
        noticed = False
        for reply in outcome.replies:
            messages = render(replace(outcome, replies=(reply,)), self.locale)
            last = messages[-1]
            if isinstance(reply, Ask) and self._same_question(reply, outcome, event, noticed):
                self._retick(last, event)
                continue
            noticed = noticed or isinstance(reply, Notice)
            for message in messages:
                self._print(message)
            if last.buttons:
                self.menu = self._menu_of(last, reply, outcome)
            elif isinstance(reply, Submitted):
                self.menu = Menu()

    def _same_question(self, reply: Ask, outcome: Outcome, event: i.Input, noticed: bool) -> bool:
        """The question on screen, asked again after a hint or a tick: not worth a reprint."""
        if outcome.stale or isinstance(event, SHOW_WHOLE) or outcome.session is None:
            return False
        key = (outcome.session.token, reply.step, self.locale)
        return key == self.menu.key and (noticed or isinstance(event, i.Toggle))

    def _menu_of(self, message: Message, reply: Reply, outcome: Outcome) -> Menu:
        options = tuple(b for row in message.buttons for b in row)
        session = outcome.session
        if isinstance(reply, Ask) and session is not None:
            return Menu(options, key=(session.token, reply.step, self.locale))
        return Menu(
            options,
            every_language=isinstance(reply, Choices) and reply.every_language,
            open_ended=session is not None
            and session.status in ("confirm_cancel", "confirm_withdraw"),
        )

    def _retick(self, message: Message, event: i.Input) -> None:
        """The menu on screen stays; after a tick, one line says what is chosen."""
        self.menu = replace(self.menu, options=tuple(b for row in message.buttons for b in row))
        if not isinstance(event, i.Toggle):
            return
        menu = self.menu
        done = next(
            (n for n, b in enumerate(menu.options, start=1) if isinstance(b.input, i.Done)), 0
        )
        chosen = [
            f"{n}. {menu.label(n)}" for n, b in enumerate(menu.options, start=1) if b.selected
        ]
        if chosen:
            separator = self._t(self.locale, LIST_SEPARATOR)
            said = self._t(self.locale, ct.CHOSEN, choices=separator.join(chosen), done=done)
        else:
            said = self._t(self.locale, ct.NOTHING_CHOSEN, done=done)
        self._say(said)

    def _print(self, message: Message) -> None:
        self.console.print(escape(message.text), highlight=False)
        buttons = [b for row in message.buttons for b in row]
        typing = self._on_text_step()
        for number, button in enumerate(buttons, start=1):
            key = COMMAND_OF.get(type(button.input), f"{number}.") if typing else f"{number}."
            self._option(key, button.text)
        self.console.print()

    def _option(self, key: str, text: str) -> None:
        self.console.print(f"  [cyan]{escape(key)}[/] {escape(text)}", highlight=False)

    def _say(self, text: str) -> None:
        self.console.print(escape(text), highlight=False)
        self.console.print()

    # --- hints --------------------------------------------------------------------------

    def _no_option(self, typed: str) -> None:
        count = len(self.menu.options)
        quoted = _quote(typed)
        said = []
        for locale in self._hint_locales():
            if quoted:
                said.append(self._t(locale, ct.NOT_AN_OPTION, typed=quoted))
            said.append(self._t(locale, ct.TYPE_IN_RANGE, count=count))
        self._say("\n".join(said))

    def _ambiguous(self, typed: str, numbers: Sequence[int]) -> None:
        quoted = _quote(typed)
        said = [self._t(locale, ct.AMBIGUOUS, typed=quoted) for locale in self._hint_locales()]
        self.console.print(escape("\n".join(said)), highlight=False)
        for number in numbers:
            self._option(f"{number}.", self.menu.label(number))
        self.console.print()

    def _hint_locales(self) -> Sequence[str]:
        """Before the language is chosen, hints are said in every language of the flow."""
        if self.menu.every_language and self.compiled is not None:
            return self.compiled.flow.locales
        return (self.locale,)

    # --- helpers ------------------------------------------------------------------------

    def _t(self, locale: str, msgid: str, **params: object) -> str:
        return self.intake.catalogs.gettext(locale, msgid, **params)

    def _language(self, arg: str) -> i.Input:
        """/lang ko switches at once; /language (or a code we do not have) shows the picker
        (the one in every language when no intake is under way)."""
        code = recognized(arg) if arg else None
        fresh = self.session is None or self.session.status == "submitted"
        if code is not None:
            return i.SwitchLanguage(code)
        return i.Start(None) if fresh else i.SwitchLanguage(None)

    def _has_answers(self) -> bool:
        s = self.session
        return (
            s is not None
            and s.status in RESTARTABLE
            and bool(s.history or s.answers or s.skipped or s.selection)
        )

    def _on_text_step(self) -> bool:
        return (
            self.session is not None
            and self.compiled is not None
            and self.session.status == "active"
            and isinstance(self.compiled.step(self.session.step), TextStep)
        )


def _terminal_wording(outcome: Outcome) -> Outcome:
    """``outcome`` with the terminal's words for the notices that speak of buttons."""
    replies = tuple(
        Notice(Msg(ct.WORDING[r.msg.msgid], r.msg.params))
        if isinstance(r, Notice) and r.msg.msgid in ct.WORDING
        else r
        for r in outcome.replies
    )
    return replace(outcome, replies=replies)


def _quote(typed: str) -> str:
    """An unmatched answer as a hint quotes it: cut short, so a pasted text is not
    printed back whole."""
    return typed if len(typed) <= QUOTED_CHARS else typed[:QUOTED_CHARS] + "…"
