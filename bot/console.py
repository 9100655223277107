"""The terminal chat: the same engine and rendering as Telegram, one line per input.

Choices are printed as numbered lines and chosen by typing the number; free text is
typed; /back, /restart, /cancel, /language, /skip and /help work as on Telegram. With a
terminal, output is styled with Rich; piped, it is plain text and each input is echoed,
so a run reads as a transcript.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rich.console import Console
from rich.markup import escape

from bot.engine import inputs as i
from bot.engine.advance import advance
from bot.engine.compiled import CompiledFlow
from bot.engine.context import Context
from bot.engine.outcome import Outcome
from bot.engine.session import Session
from bot.flow.model import TextStep
from bot.render import Message, RenderedButton, Renderer
from bot.stub import CaseStub

COMMANDS: dict[str, Callable[[str], i.Input]] = {
    "back": lambda _: i.Back(),
    "restart": lambda _: i.Restart(),
    "cancel": lambda _: i.Cancel(),
    "erase": lambda _: i.Cancel(),
    "help": lambda _: i.Help(),
    "skip": lambda _: i.Skip(),
    "lang": lambda arg: i.SwitchLanguage(arg or None),
    "language": lambda arg: i.SwitchLanguage(arg or None),
}


COMMAND_OF: dict[type, str] = {i.Skip: "/skip", i.Back: "/back"}


@dataclass
class ChatResult:
    stubs: list[CaseStub]
    erased: int


class TerminalChat:
    """Runs one supporter's conversation over lines of text."""

    def __init__(
        self,
        compiled: CompiledFlow,
        renderer: Renderer,
        ctx: Context,
        console: Console,
        on_stub: Callable[[CaseStub], str],
        *,
        echo_input: bool,
    ) -> None:
        self.compiled = compiled
        self.renderer = renderer
        self.ctx = ctx
        self.console = console
        self.on_stub = on_stub
        self.echo_input = echo_input
        self.session: Session | None = None
        self.last_buttons: list[RenderedButton] = []
        self.locale = compiled.flow.locales[0]

    def begin(self, locale: str | None) -> None:
        """Start the intake; without a locale, let the supporter pick one first."""
        self.apply(i.Start(locale or self.locale))
        if locale is None:
            self.apply(i.SwitchLanguage(None))

    def run(self, lines: Iterable[str]) -> ChatResult:
        result = ChatResult([], 0)
        self._result = result
        for line in lines:
            line = line.rstrip("\r\n")
            if self.echo_input:
                self.console.print(f"> {escape(line)}", style="bold", highlight=False)
            self.apply(self.parse(line))
        return result

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
            number = int(stripped)
            if 1 <= number <= len(self.last_buttons):
                return self.last_buttons[number - 1].input
        return i.Text(line)

    def apply(self, event: i.Input) -> Outcome:
        outcome = advance(self.compiled, self.session, event, self.ctx)
        self.session = outcome.session
        if outcome.session is not None:
            self.locale = outcome.session.locale
        if outcome.erase and hasattr(self, "_result"):
            self._result.erased += 1
        for message in self.renderer.render(outcome, self.locale):
            self.show(message)
        if outcome.stub is not None:
            where = self.on_stub(outcome.stub)
            if hasattr(self, "_result"):
                self._result.stubs.append(outcome.stub)
            self.console.print(f"[dim]({escape(where)})[/]", highlight=False)
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
            and self.session.status == "active"
            and isinstance(self.compiled.step(self.session.step), TextStep)
        )
