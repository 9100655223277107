"""What the terminal gives the chat: its lines, and the language it speaks.

At a terminal, lines are read with prompt_toolkit (arrow keys, editing, Up for earlier
answers); from a pipe or a test, plain lines from the stream, so a script can drive the
chat. The language comes from the POSIX locale variables, as any command-line program
takes it, mapped with the same negotiation as Telegram's ``language_code``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from bot.i18n import recognized

#: Precedence of the locale variables for messages (POSIX): the first one set decides.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def system_locale(environ: Mapping[str, str]) -> str | None:
    """The supported locale the terminal's locale names, or ``None`` (English, ``C``...).

    ``ja_JP.UTF-8`` gives ``ja``, ``zh_TW`` gives ``zh_Hans`` (the closest shipped).
    GNU's ``LANGUAGE`` (a list such as ``ko:en``) is read first unless the locale is
    ``C``/``POSIX``, as gettext does.
    """
    setting = next((environ[name] for name in LOCALE_VARIABLES if environ.get(name)), "")
    base = _tag(setting)
    if base in ("", "C", "POSIX"):
        return None
    preferred = [_tag(p) for p in environ.get("LANGUAGE", "").split(":")]
    for tag in [*preferred, base]:
        found = recognized(tag)
        if found is not None:
            return found
    return None


def _tag(setting: str) -> str:
    """``ja_JP.UTF-8@euro`` -> ``ja_JP``: Babel parses tags, not codesets or modifiers."""
    return setting.split(".", 1)[0].split("@", 1)[0].strip()


def piped_lines(stream: Iterable[str]) -> Iterator[str]:
    """One input per line of ``stream``, without its line break."""
    for line in stream:
        yield line.rstrip("\r\n")


def terminal_lines() -> Iterator[str]:
    """Lines typed at a terminal, until Ctrl+D or Ctrl+C.

    History lives in memory only: answers may name people or places before the
    scrubber sees them, so they must never land in a history file on disk.
    """
    # Imported here: only an interactive chat needs it, and it takes over the terminal.
    from prompt_toolkit import PromptSession
    from prompt_toolkit.formatted_text import FormattedText
    from prompt_toolkit.history import InMemoryHistory

    session: PromptSession[str] = PromptSession(history=InMemoryHistory())
    prompt = FormattedText([("bold ansicyan", "> ")])
    while True:
        try:
            yield session.prompt(prompt)
        except (EOFError, KeyboardInterrupt):
            return
