"""Session state: plain data that survives a JSON round trip.

A session is pinned to the flow id and version it started on, so a supporter finishes on
the questions they began with even after an admin publishes a new version. Free-text
answers are stored only after scrubbing; nothing here identifies the supporter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, cast

from bot.flow.conditions import Answer

Status = Literal["active", "confirm_cancel", "submitted", "confirm_withdraw"]
STATUSES: tuple[Status, ...] = ("active", "confirm_cancel", "submitted", "confirm_withdraw")


@dataclass
class Session:
    """Where one supporter is in one intake."""

    flow_id: str
    flow_version: int
    locale: str
    #: Short random token carried by this session's buttons, to spot stale keyboards.
    token: str
    step: str
    answers: dict[str, Answer] = field(default_factory=dict)
    #: Kinds of personal data the scrubber removed from each free-text answer.
    removed: dict[str, list[str]] = field(default_factory=dict)
    #: Steps passed on the way to ``step``, oldest first (what Back walks).
    history: list[str] = field(default_factory=list)
    #: Optional text fields the supporter chose to skip (so an edit does not re-ask them).
    skipped: list[str] = field(default_factory=list)
    #: Options toggled so far in the current multi-choice step.
    selection: list[str] = field(default_factory=list)
    #: True after "edit" from the review, until the review is reached again.
    editing: bool = False
    status: Status = "active"
    reference: str | None = None

    def copy(self) -> Session:
        """A deep copy (answers may hold lists)."""
        return Session.from_json(self.to_json())

    def to_json(self) -> dict[str, Any]:
        return {
            "flow_id": self.flow_id,
            "flow_version": self.flow_version,
            "locale": self.locale,
            "token": self.token,
            "step": self.step,
            "answers": {k: list(v) if isinstance(v, list) else v for k, v in self.answers.items()},
            "removed": {k: list(v) for k, v in self.removed.items()},
            "history": list(self.history),
            "skipped": list(self.skipped),
            "selection": list(self.selection),
            "editing": self.editing,
            "status": self.status,
            "reference": self.reference,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Session:
        """Rebuild a session; raises ``ValueError`` on anything malformed."""
        try:
            status = data["status"]
            if status not in STATUSES:
                raise ValueError(f"unknown status {status!r}")
            answers: dict[str, Answer] = {}
            for key, value in dict(data["answers"]).items():
                if isinstance(value, list):
                    answers[str(key)] = [str(v) for v in value]
                elif isinstance(value, str):
                    answers[str(key)] = value
                else:
                    raise ValueError(f"answer {key!r} has type {type(value).__name__}")
            reference = data.get("reference")
            return cls(
                flow_id=str(data["flow_id"]),
                flow_version=int(data["flow_version"]),
                locale=str(data["locale"]),
                token=str(data["token"]),
                step=str(data["step"]),
                answers=answers,
                removed={str(k): [str(x) for x in v] for k, v in dict(data["removed"]).items()},
                history=[str(s) for s in data["history"]],
                skipped=[str(s) for s in data["skipped"]],
                selection=[str(s) for s in data["selection"]],
                editing=bool(data["editing"]),
                status=cast(Status, status),
                reference=None if reference is None else str(reference),
            )
        except (KeyError, TypeError) as exc:
            raise ValueError(f"malformed session: {exc}") from None
