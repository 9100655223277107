"""Plain records the fake Bot API keeps: users, messages, callback queries, recorded calls."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any

JsonDict = dict[str, Any]


class FakeClock:
    """Wall-clock seconds that a test can move forward (for the 15 s callback window, 48 h)."""

    def __init__(self, start: float = 1_767_225_600.0) -> None:  # 2026-01-01T00:00:00Z
        self._now = start
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._now += seconds


def system_clock() -> float:
    return time.time()


@dataclass(frozen=True)
class SimUser:
    """A simulated supporter; in a private chat the chat id equals the user id."""

    id: int
    first_name: str
    language_code: str | None = None
    username: str | None = None

    @property
    def chat_id(self) -> int:
        return self.id

    def to_json(self) -> JsonDict:
        data: JsonDict = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.username:
            data["username"] = self.username
        if self.language_code:
            data["language_code"] = self.language_code
        return data

    def chat_json(self) -> JsonDict:
        data: JsonDict = {"id": self.id, "type": "private", "first_name": self.first_name}
        if self.username:
            data["username"] = self.username
        return data


@dataclass
class StoredMessage:
    """A message as the chat shows it now; edits change it in place, deletion removes it."""

    message_id: int
    chat_id: int
    from_bot: bool
    date: int
    kind: str  # "text", "sticker", "photo", "voice", "document", "contact", "location"
    text: str | None = None  # of a photo or document: its caption
    entities: list[JsonDict] = field(default_factory=list)
    reply_markup: JsonDict | None = None
    protect_content: bool = False
    parse_mode: str | None = None
    source_text: str | None = None  # what the bot sent, before HTML parsing
    edit_date: int | None = None
    extra: JsonDict = field(default_factory=dict)  # payload of non-text kinds, forward_origin
    document: bytes | None = None  # the bytes of a document, when the fake holds them
    photo: bytes | None = None  # the bytes of a photo's largest size, likewise
    file_name: str | None = None  # of a document

    @property
    def file_id(self) -> str | None:
        """The document's file_id, or the largest photo size's: what a bot passes to getFile."""
        if "document" in self.extra:
            return str(self.extra["document"]["file_id"])
        if self.extra.get("photo"):
            return str(self.extra["photo"][-1]["file_id"])
        return None

    @property
    def keyboard(self) -> list[list[tuple[str, str | None]]]:
        """Inline keyboard as rows of (button text, callback_data)."""
        rows = (self.reply_markup or {}).get("inline_keyboard") or []
        return [[(b.get("text", ""), b.get("callback_data")) for b in row] for row in rows]


@dataclass(frozen=True)
class Upload:
    """A file part of a multipart request; its bytes stay out of the repr, so logs stay short."""

    filename: str
    content_type: str
    data: bytes = field(repr=False)

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass
class StoredFile:
    """A file the fake knows by file_id: sent by a supporter or uploaded by the bot."""

    file_id: str
    file_unique_id: str
    kind: str  # "document" or "photo": a file_id is only re-sent as its own kind
    size: int
    file_path: str
    content: bytes | None  # None: only its size was declared (send_document(size=...))
    meta: JsonDict = field(default_factory=dict)  # file_name and mime_type, or width and height


@dataclass(frozen=True)
class Call:
    """One Bot API request and its outcome, in arrival order."""

    method: str
    params: JsonDict
    ok: bool
    result: Any = None
    error_code: int | None = None
    description: str | None = None
    injected: bool = False  # failure asked for by the test (inject_error), not the bot's fault
    abandoned: bool = False  # the client had hung up (e.g. a cancelled long poll): nobody saw it
    at: float = field(default_factory=time.monotonic)  # when it arrived (for rate figures)


@dataclass
class CallbackQuery:
    id: str
    user_id: int
    chat_id: int
    message_id: int
    data: str
    created_at: float
    answered: bool = False
    answer: JsonDict | None = None


@dataclass
class PendingUpdate:
    update_id: int
    payload: JsonDict
    queue_key: int  # chat id: Telegram delivers one chat's updates to a webhook one at a time
    attempts: int = 0
    not_before: float = 0.0  # monotonic seconds, for webhook retry back-off


@dataclass(frozen=True)
class WebhookDelivery:
    update_id: int
    status: int | None  # None when the connection failed
    attempt: int
    secret_header: str | None


@dataclass
class WebhookConfig:
    url: str
    secret_token: str | None
    max_connections: int
    allowed_updates: list[str] | None
    last_error_date: int | None = None
    last_error_message: str | None = None
