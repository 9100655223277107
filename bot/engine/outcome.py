"""What ``advance`` returns: events for the channel to render and deliver.

Like goflow's events, replies describe what happened; they hold codes and data, never
rendered text, so one outcome renders in any locale and on any channel.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.engine.inputs import Input
from bot.engine.session import Session
from bot.stub import CaseStub


@dataclass(frozen=True)
class FlowLabel:
    """A label written in the flow, one text per locale."""

    text: Mapping[str, str]


@dataclass(frozen=True)
class Msg:
    """One of the bot's own texts (a gettext message id), with format parameters."""

    msgid: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Plain:
    """Text shown as is in every locale (a language's own name)."""

    text: str


Label = FlowLabel | Msg | Plain


@dataclass(frozen=True)
class Button:
    label: Label
    input: Input
    selected: bool = False


@dataclass(frozen=True)
class Progress:
    current: int
    total: int


@dataclass(frozen=True)
class Ask:
    """Show the current step (question, info, review) with its buttons."""

    step: str
    buttons: tuple[tuple[Button, ...], ...]
    progress: Progress | None = None
    #: The step's text chosen for the answers so far (its ``texts`` variants);
    #: ``None`` only in replies built outside the engine, meaning the step's ``text``.
    text: FlowLabel | None = None


@dataclass(frozen=True)
class Notice:
    """A short message from the bot: a hint, a refusal, a confirmation."""

    msg: Msg


@dataclass(frozen=True)
class EchoText:
    """The supporter's own text, given back so they can shorten it (never stored)."""

    text: str


@dataclass(frozen=True)
class Choices:
    """A question of the bot's own (language picker, erase confirmation) with buttons."""

    msg: Msg
    buttons: tuple[tuple[Button, ...], ...]
    #: Said in every language of the flow at once (the language is not known yet).
    every_language: bool = False


@dataclass(frozen=True)
class Submitted:
    step: str
    reference: str
    created: datetime
    #: Shown once, with the reference: reaches the case again from another chat.
    return_code: str = ""
    #: The submit text chosen for the answers, picked before they were forgotten
    #: (``None``: the step's ``text``).
    text: FlowLabel | None = None


Reply = Ask | Notice | EchoText | Choices | Submitted


@dataclass(frozen=True)
class Outcome:
    """The new session (``None`` once erased), the replies, and a stub at submit."""

    session: Session | None
    replies: tuple[Reply, ...]
    stub: CaseStub | None = None
    #: True when everything the supporter entered must be erased now.
    erase: bool = False
    #: At submission: the return code shown to the supporter, kept only as a slow hash.
    return_code: str | None = None
    #: The reference of a case the supporter withdrew: its content must be erased now.
    withdraw: str | None = None
    #: True when the input was a press on an old keyboard (another session, an earlier
    #: step): nothing changed, the current question is shown again.
    stale: bool = False

    def buttons(self) -> list[Button]:
        """Buttons of the last reply that has any, flattened in display order."""
        for reply in reversed(self.replies):
            if isinstance(reply, Ask | Choices) and reply.buttons:
                return [b for row in reply.buttons for b in row]
        return []
