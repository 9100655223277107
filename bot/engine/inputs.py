"""What a supporter can do, whatever the channel.

Button inputs carry the session token and the step they were shown for, so a press on an
old keyboard is recognised; typed commands carry neither.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Start:
    """Begin (or resume) an intake; ``locale`` is the negotiated supporter locale, or
    ``None`` when the supporter's language is not known (the first message then asks it,
    in every language)."""

    locale: str | None


@dataclass(frozen=True)
class Choose:
    value: str
    step: str | None = None
    token: str | None = None


@dataclass(frozen=True)
class Toggle:
    value: str
    step: str | None = None
    token: str | None = None


@dataclass(frozen=True)
class Done:
    step: str | None = None
    token: str | None = None


@dataclass(frozen=True)
class Continue:
    step: str | None = None
    token: str | None = None


@dataclass(frozen=True)
class Skip:
    step: str | None = None
    token: str | None = None


@dataclass(frozen=True)
class Edit:
    """From the review: change the answer of ``field``."""

    field: str
    step: str | None = None
    token: str | None = None


@dataclass(frozen=True)
class Confirm:
    """From the review: send the intake."""

    step: str | None = None
    token: str | None = None


@dataclass(frozen=True)
class Text:
    """Anything typed that is not a command."""

    text: str


@dataclass(frozen=True)
class Back:
    token: str | None = None


@dataclass(frozen=True)
class Restart:
    pass


@dataclass(frozen=True)
class Cancel:
    """Ask to erase everything; the engine asks for confirmation first."""


@dataclass(frozen=True)
class ConfirmCancel:
    """The answer to "erase everything?"."""

    yes: bool
    token: str | None = None


@dataclass(frozen=True)
class Withdraw:
    """After submission: ask to withdraw the case (the engine asks for confirmation)."""


@dataclass(frozen=True)
class ConfirmWithdraw:
    """The answer to "withdraw your case?"."""

    yes: bool
    token: str | None = None


@dataclass(frozen=True)
class SwitchLanguage:
    """``locale=None`` asks for the language picker."""

    locale: str | None = None
    token: str | None = None


@dataclass(frozen=True)
class Help:
    pass


@dataclass(frozen=True)
class Repeat:
    """Show the current question again (after the channel failed to deliver something)."""


#: Kinds of unsupported input that get an answer of their own.
EDITED = "edited"
FORWARDED = "forwarded"
IDENTIFYING = "identifying"  # a shared contact or location: deleted from the chat at once


@dataclass(frozen=True)
class Unsupported:
    """A sticker, photo, voice message, contact, location...: ``kind`` names it."""

    kind: str


Input = (
    Start
    | Choose
    | Toggle
    | Done
    | Continue
    | Skip
    | Edit
    | Confirm
    | Text
    | Back
    | Restart
    | Cancel
    | ConfirmCancel
    | Withdraw
    | ConfirmWithdraw
    | SwitchLanguage
    | Help
    | Repeat
    | Unsupported
)
