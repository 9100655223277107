"""The terminal chat: the same service, engine, database and rendering as Telegram.

Choices are printed as numbered lines and chosen by typing the number; free text is
typed; /back, /restart, /cancel, /language, /skip and /help work as on Telegram. With a
terminal, output is styled with Rich; piped, it is plain text and each input is echoed,
so a run reads as a transcript. The conversation is kept in the database like a
supporter's on Telegram, so running the chat again resumes where it stopped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rich.console import Console
from rich.markup import escape

from bot.app import Intake
from bot.engine import inputs as i
from bot.engine.compiled import CompiledFlow
from bot.engine.matching import button_number
from bot.engine.outcome import Outcome
from bot.engine.session import Session
from bot.flow.model import TextStep
from bot.render import Message, RenderedButton
from bot.stub import CaseStub

#: The terminal's one "chat": a single local supporter.
TERMINAL_CHAT = "local"

COMMANDS: dict[str, Callable[[str], i.Input]] = {
    "back": lambda _: i.Back(),
    "restart": lambda _: i.Restart(),
    "cancel": lambda _: i.Cancel(),
    "erase": lambda _: i.Cancel(),
    "help": lambda _: i.Help(),
    "skip": lambda _: i.Skip(),
    "withdraw": lambda _: i.Withdraw(),
    "lang": lambda arg: i.SwitchLanguage(arg or None),
    "language": lambda arg: i.SwitchLanguage(arg or None),
}
COMMAND_OF: dict[type, str] = {i.Skip: "/skip", i.Back: "/back"}


class TerminalChat:
    """Runs one supporter's conversation over lines of text."""

    def __init__(self, intake: Intake, console: Console, *, echo_input: bool) -> None:
        self.intake = intake
        self.console = console
        self.echo_input = echo_input
        self.session: Session | None = intake.session(TERMINAL_CHAT)
        self.compiled: CompiledFlow | None = None
        self.last_buttons: list[RenderedButton] = []
        self.locale = self.session.locale if self.session else "ja"
        #: Stubs this chat submitted (the database has them too).
        self.stubs: list[CaseStub] = []

    def begin(self, locale: str | None) -> None:
        """Start or resume the intake; without a locale, let the supporter pick one first."""
        resuming = self.session is not None and self.session.status == "active"
        self.apply(i.Start(locale or self.locale))
        if locale is None and not resuming:
            self.apply(i.SwitchLanguage(None))

    def run(self, lines: Iterable[str]) -> None:
        for line in lines:
            line = line.rstrip("\r\n")
            if self.echo_input:
                self.console.print(f"> {escape(line)}", style="bold", highlight=False)
            self.apply(self.parse(line))

    def parse(self, line: str) -> i.Input:
        stripped = line.strip()
        if stripped.startswith("/"):
            name, _, arg = stripped[1:].partition(" ")
            if name == "start":
                return i.Start(self.locale)
            command = COMMANDS.get(name.lower())
            if command is not None:
                return command(arg.strip())
        if stripped.isdecimal() and not self._on_text_step():
            number = button_number(stripped, len(self.last_buttons))
            if number is not None:
                return self.last_buttons[number - 1].input
        return i.Text(line)

    def apply(self, event: i.Input) -> Outcome:
        turn = self.intake.handle(TERMINAL_CHAT, None, event, locale=self.locale)
        assert turn is not None  # no update ids here, so never a duplicate
        outcome = turn.outcome
        self.compiled = turn.renderer.compiled
        self.session = outcome.session
        self.locale = turn.locale
        for message in turn.messages():
            self.show(message)
        if outcome.stub is not None:
            self.stubs.append(outcome.stub)
        return outcome

    def show(self, message: Message) -> None:
        self.console.print(escape(message.text), highlight=False)
        buttons = [b for row in message.buttons for b in row]
        if buttons:
            self.last_buttons = buttons
        typing = self._on_text_step()
        for number, button in enumerate(buttons, start=1):
            # On a text question a typed number is an answer, so its buttons are commands.
            key = COMMAND_OF.get(type(button.input), f"{number}.") if typing else f"{number}."
            self.console.print(f"  [cyan]{key}[/] {escape(button.text)}", highlight=False)
        self.console.print()

    def _on_text_step(self) -> bool:
        return (
            self.session is not None
            and self.compiled is not None
            and self.session.status == "active"
            and isinstance(self.compiled.step(self.session.step), TextStep)
        )
