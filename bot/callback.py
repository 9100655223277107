"""The compact, opaque callback_data carried by inline buttons.

A button carries only the session's short token, an action letter, the step id and a
choice code: never a label, never anything the supporter typed. The token lets the
adapter tell a press on an old keyboard (another session, or before a restart of the
intake) from a current one.

Format: ``<token>:<action>:<step>[:<value>]``, for example ``K7Q2MX:c:region:china_jilin``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from bot.limits import SESSION_TOKEN_LENGTH

SEPARATOR: Final = ":"

#: Action letters, kept to one byte each so that ids have room.
CHOOSE: Final = "c"
TOGGLE: Final = "t"
DONE: Final = "d"
SKIP: Final = "s"
BACK: Final = "b"
CONTINUE: Final = "n"
EDIT: Final = "e"
CONFIRM: Final = "k"
CANCEL: Final = "x"
LANGUAGE: Final = "l"
#: "Clear this conversation", offered by the Telegram channel after submission.
CLEAR: Final = "w"
#: The answer to "withdraw your case?" (value ``yes`` or ``no``).
WITHDRAW: Final = "v"
#: Staff buttons (the value is the reference, or a page of the queue): open a case, claim,
#: release, ask why to close, close for a reason (``REF.reason``), reopen; turn a page.
OPEN_CASE: Final = "o"
CLAIM_CASE: Final = "m"
RELEASE_CASE: Final = "r"
CLOSE_CASE: Final = "z"
CLOSE_CASE_AS: Final = "y"
REOPEN_CASE: Final = "u"
QUEUE_PAGE: Final = "q"
STAFF_LANGUAGE: Final = "g"
STAFF_ACTIONS: Final = frozenset(
    {
        OPEN_CASE,
        CLAIM_CASE,
        RELEASE_CASE,
        CLOSE_CASE,
        CLOSE_CASE_AS,
        REOPEN_CASE,
        QUEUE_PAGE,
        STAFF_LANGUAGE,
    }
)
#: Admin buttons (the value is ``flow_id.number``): publish the draft of that revision,
#: roll back from that newest version, or leave things as they are.
PUBLISH_DRAFT: Final = "p"
ROLLBACK_FLOW: Final = "f"
KEEP_FLOW: Final = "a"
ADMIN_ACTIONS: Final = frozenset({PUBLISH_DRAFT, ROLLBACK_FLOW, KEEP_FLOW})
ACTIONS: Final = frozenset(
    {
        CHOOSE,
        TOGGLE,
        DONE,
        SKIP,
        BACK,
        CONTINUE,
        EDIT,
        CONFIRM,
        CANCEL,
        LANGUAGE,
        CLEAR,
        WITHDRAW,
        *STAFF_ACTIONS,
        *ADMIN_ACTIONS,
    }
)


@dataclass(frozen=True)
class CallbackData:
    """One button's payload."""

    token: str
    action: str
    step: str
    value: str = ""

    def encode(self) -> str:
        parts = [self.token, self.action, self.step]
        if self.value:
            parts.append(self.value)
        return SEPARATOR.join(parts)

    @classmethod
    def decode(cls, data: str) -> CallbackData | None:
        """Parse ``data``; ``None`` for anything we did not produce (never raises)."""
        parts = data.split(SEPARATOR)
        if len(parts) not in (3, 4) or parts[1] not in ACTIONS:
            return None
        token, action, step = parts[:3]
        return cls(token, action, step, parts[3] if len(parts) == 4 else "")


def widest(action: str, step: str, value: str = "") -> str:
    """The longest callback_data a button for ``step``/``value`` can carry (for load checks)."""
    return CallbackData("W" * SESSION_TOKEN_LENGTH, action, step, value).encode()


def plain(action: str, value: str) -> str:
    """The callback_data of a button that belongs to no session (staff and admin buttons)."""
    return CallbackData("", action, "-", value).encode()
