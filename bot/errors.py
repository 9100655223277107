"""The one exception tree of the intake bot.

::

    IntakeError                 base of everything the bot raises on purpose
    ├── ConfigError             a setting is missing or malformed; stops start-up
    ├── FlowError               a flow file has problems; stops start-up (carries them all)
    ├── SealedError             a sealed case does not open with the identities given
    └── DataKeyGoneError        a row was encrypted under a data key since destroyed

Off-script behaviour of a supporter (a sticker, a wrong button, 10,000 characters) is
never an exception: the engine answers it with an outcome.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.flow.problems import Problem


class IntakeError(Exception):
    """Base class of the bot's own exceptions."""


class ConfigError(IntakeError):
    """A setting is missing or malformed; the message names the setting, never its value."""


class FlowError(IntakeError):
    """A flow definition was rejected; ``problems`` lists every reason at once."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        lines = [p.render() for p in self.problems]
        super().__init__(f"{len(lines)} problem(s) in flow definitions:\n" + "\n".join(lines))


class SealedError(IntakeError):
    """A sealed case body does not open: no identity fits, or it is not a case body."""


class DataKeyGoneError(IntakeError):
    """Stored data was encrypted under a data key that has expired and been destroyed
    (see ``bot.store.datakeys``): it is unreadable by design."""
