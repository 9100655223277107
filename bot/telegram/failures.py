"""Whether the update being processed failed, for the webhook's answer to Telegram.

The webhook answers 200 only when the update went through, so that Telegram redelivers
the rest. PTB calls error handlers instead of raising, so the handler marks the failure
here, in a context variable the webhook request set before processing.
"""

from __future__ import annotations

import contextvars
from dataclasses import dataclass


@dataclass
class Failure:
    failed: bool = False


CURRENT = contextvars.ContextVar[Failure | None]("current_update_failure", default=None)


def mark_failed() -> None:
    failure = CURRENT.get()
    if failure is not None:
        failure.failed = True
