"""State and bookkeeping of the fake Bot API: chats, messages, the update queue, the call log.

Everything here runs under one ``threading.Condition``: HTTP handler threads, the webhook
dispatcher and the test thread all touch the same state, and long polling waits on it.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from typing import Any

from tests.support.fake_bot_api_errors import (
    BLOCKED,
    CHAT_ID_EMPTY,
    CHAT_NOT_FOUND,
    TERMINATED_BY_OTHER_POLL,
    WEBHOOK_ACTIVE,
    ApiError,
    bad_request,
)
from tests.support.fake_bot_api_state import (
    Call,
    CallbackQuery,
    JsonDict,
    PendingUpdate,
    SimUser,
    StoredFile,
    StoredMessage,
    WebhookConfig,
    WebhookDelivery,
    system_clock,
)

# Bot API limits for getUpdates (https://core.telegram.org/bots/api#getupdates).
MAX_UPDATES_PER_CALL = 100


class Core:
    def __init__(
        self,
        token: str,
        *,
        clock: Callable[[], float] = system_clock,
        bot_username: str = "intake_test_bot",
        strict_ampersand: bool = True,
    ) -> None:
        self.token = token
        self.clock = clock
        self.strict_ampersand = strict_ampersand
        self.bot_id = int(token.split(":", 1)[0])
        self.bot_user: JsonDict = {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": "Intake Test Bot",
            "username": bot_username,
            "can_join_groups": False,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }
        self._cond = threading.Condition(threading.RLock())
        self._closing = False
        self._users: dict[int, SimUser] = {}
        self._blocked: set[int] = set()
        self._messages: dict[int, dict[int, StoredMessage]] = {}
        self._next_message_id: dict[int, int] = {}
        self._callbacks: dict[str, CallbackQuery] = {}
        self._next_callback = 1
        self._pending: list[PendingUpdate] = []
        self._next_update_id = 500_000_001
        self._poll_generation = 0
        self.polls_waiting = 0  # long polls parked right now; tests wait on it, never sleep
        self._webhook: WebhookConfig | None = None
        self._webhook_in_flight: set[int] = set()
        self.webhook_deliveries: list[WebhookDelivery] = []
        self.webhook_dropped: list[int] = []
        self._calls: list[Call] = []
        self._violations: list[Call] = []
        self._injected: list[tuple[str, ApiError]] = []
        self.commands: dict[tuple[str, str], list[JsonDict]] = {}
        self.descriptions: dict[str, str] = {}
        self.short_descriptions: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self._files: dict[str, StoredFile] = {}
        self._issued_paths: dict[str, str] = {}  # file_path -> file_id, once getFile gave it out
        self._next_file = 1
        self._downloads: list[str] = []
        self._failed_downloads: list[str] = []

    # -- helpers used by method handlers (lock held) ---------------------------------------

    def now(self) -> int:
        return int(self.clock())

    def private_chat(self, params: JsonDict, key: str = "chat_id") -> SimUser:
        raw = params.get(key)
        if raw is None or raw == "":
            raise bad_request(CHAT_ID_EMPTY)
        try:
            chat_id = int(raw)
        except (TypeError, ValueError):
            raise bad_request(CHAT_NOT_FOUND) from None
        user = self._users.get(chat_id)
        if user is None:
            raise bad_request(CHAT_NOT_FOUND)
        return user

    def check_not_blocked(self, user: SimUser) -> None:
        if user.id in self._blocked:
            raise ApiError(403, BLOCKED)

    def add_message(
        self, chat_id: int, *, from_bot: bool, kind: str, **fields: Any
    ) -> StoredMessage:
        message_id = self._next_message_id.get(chat_id, 1)
        self._next_message_id[chat_id] = message_id + 1
        message = StoredMessage(message_id, chat_id, from_bot, self.now(), kind, **fields)
        self._messages.setdefault(chat_id, {})[message_id] = message
        return message

    def find_message(self, chat_id: int, message_id: Any) -> StoredMessage | None:
        try:
            return self._messages.get(chat_id, {}).get(int(message_id))
        except (TypeError, ValueError):
            return None

    def message_json(self, message: StoredMessage) -> JsonDict:
        user = self._users[message.chat_id]
        data: JsonDict = {
            "message_id": message.message_id,
            "from": self.bot_user if message.from_bot else user.to_json(),
            "chat": user.chat_json(),
            "date": message.date,
        }
        if message.edit_date is not None:
            data["edit_date"] = message.edit_date
        # A photo's or document's text is its caption: the same field name a client reads.
        text_key, entities_key = (
            ("text", "entities") if message.kind == "text" else ("caption", "caption_entities")
        )
        if message.text is not None:
            data[text_key] = message.text
        if message.entities:
            data[entities_key] = message.entities
        if message.reply_markup:
            data["reply_markup"] = message.reply_markup
        if message.protect_content:
            data["has_protected_content"] = True
        data.update(message.extra)
        return data

    def queue_update(self, kind: str, payload: JsonDict, chat_id: int) -> int:
        update_id = self._next_update_id
        self._next_update_id += 1
        self._pending.append(
            PendingUpdate(update_id, {"update_id": update_id, kind: payload}, chat_id)
        )
        self._cond.notify_all()
        return update_id

    def new_callback(self, user: SimUser, message: StoredMessage, data: str) -> CallbackQuery:
        query = CallbackQuery(
            id=f"{self.bot_id}{self._next_callback:08d}",
            user_id=user.id,
            chat_id=message.chat_id,
            message_id=message.message_id,
            data=data,
            created_at=self.clock(),
        )
        self._next_callback += 1
        self._callbacks[query.id] = query
        return query

    # -- files -------------------------------------------------------------------------------

    def new_file(
        self, kind: str, *, content: bytes | None, size: int, extension: str, meta: JsonDict
    ) -> StoredFile:
        """A new file_id and file_unique_id for ``content`` (or for a declared ``size``)."""
        number = self._next_file
        self._next_file += 1
        stored = StoredFile(
            file_id=f"fake-{kind}-{number}-file-id",
            file_unique_id=f"fake-{kind}-{number}",
            kind=kind,
            size=size,
            file_path=f"{kind}s/file_{number}{extension}",  # as Telegram: documents/file_7.pdf
            content=content,
            meta=meta,
        )
        self._files[stored.file_id] = stored
        return stored

    @staticmethod
    def file_json(stored: StoredFile) -> JsonDict:
        """A Document (with file_name, mime_type) or PhotoSize (with width, height) object."""
        ids = {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id}
        return {**ids, "file_size": stored.size, **stored.meta}

    def issue_path(self, stored: StoredFile) -> str:
        """getFile hands out the path; only handed-out paths can be downloaded."""
        self._issued_paths[stored.file_path] = stored.file_id
        return stored.file_path

    def download(self, token: str, file_path: str) -> bytes | None:
        """The bytes behind ``/file/bot<token>/<file_path>``, or None (Telegram answers 404)."""
        with self._cond:
            file_id = self._issued_paths.get(file_path) if token == self.token else None
            stored = self._files.get(file_id) if file_id is not None else None
            if stored is None or stored.content is None:
                self._failed_downloads.append(file_path)
                self._cond.notify_all()
                return None
            self._downloads.append(stored.file_id)
            self._cond.notify_all()
            return stored.content

    # -- call log -----------------------------------------------------------------------

    def record(self, call: Call, *, violation: bool = False) -> None:
        with self._cond:
            self._calls.append(call)
            if violation:
                self._violations.append(call)
            self._cond.notify_all()

    def take_injected(self, method: str) -> ApiError | None:
        with self._cond:
            for index, (name, error) in enumerate(self._injected):
                if name == method.lower():
                    del self._injected[index]
                    return error
        return None

    # -- getUpdates (long polling waits on the condition) ---------------------------------

    def get_updates(self, params: JsonDict) -> list[JsonDict]:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or MAX_UPDATES_PER_CALL)
        limit = min(max(limit, 1), MAX_UPDATES_PER_CALL)  # Telegram clamps, it does not reject
        timeout = max(float(params.get("timeout") or 0), 0.0)
        allowed = params.get("allowed_updates")
        if isinstance(allowed, str):
            allowed = json.loads(allowed) if allowed else None
        with self._cond:
            if self._webhook is not None:
                raise ApiError(409, WEBHOOK_ACTIVE)
            self._poll_generation += 1
            generation = self._poll_generation
            self._cond.notify_all()  # wake an older long poll so it answers 409
            self._confirm(offset)
            deadline = time.monotonic() + timeout
            while not self._pending and not self._closing:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self.polls_waiting += 1
                self._cond.notify_all()
                try:
                    self._cond.wait(remaining)
                finally:
                    self.polls_waiting -= 1
                if self._poll_generation != generation:
                    raise ApiError(409, TERMINATED_BY_OTHER_POLL)
            updates = [p.payload for p in self._pending if _allowed(p.payload, allowed)]
            return updates[:limit]

    def _confirm(self, offset: int) -> None:
        """Forget updates below ``offset``; a negative offset keeps only the last -offset."""
        if offset > 0:
            self._pending = [p for p in self._pending if p.update_id >= offset]
        elif offset < 0:
            self._pending = self._pending[offset:]

    # -- webhook bookkeeping (dispatcher thread) ------------------------------------------

    def next_webhook_job(self) -> tuple[PendingUpdate, WebhookConfig] | float | None:
        """The next update to POST, or seconds to wait for a retry, or None to wait for news."""
        hook = self._webhook
        if hook is None or len(self._webhook_in_flight) >= hook.max_connections:
            return None
        now = time.monotonic()
        seen: set[int] = set()
        wait: float | None = None
        for pending in self._pending:
            if pending.queue_key in seen:
                continue  # one chat's updates go strictly in order
            seen.add(pending.queue_key)
            if pending.queue_key in self._webhook_in_flight:
                continue
            if pending.not_before > now:
                delay = pending.not_before - now
                wait = delay if wait is None else min(wait, delay)
                continue
            self._webhook_in_flight.add(pending.queue_key)
            return pending, hook
        return wait

    def webhook_done(
        self,
        pending: PendingUpdate,
        status: int | None,
        secret: str | None,
        *,
        max_attempts: int,
        retry_delay: float,
    ) -> None:
        with self._cond:
            self._webhook_in_flight.discard(pending.queue_key)
            pending.attempts += 1
            self.webhook_deliveries.append(
                WebhookDelivery(pending.update_id, status, pending.attempts, secret)
            )
            if status is not None and 200 <= status < 300:
                self._pending = [p for p in self._pending if p is not pending]
            else:
                if self._webhook is not None:
                    self._webhook.last_error_date = self.now()
                    self._webhook.last_error_message = (
                        f"Wrong response from the webhook: {status}"
                        if status is not None
                        else "Connection refused"
                    )
                if pending.attempts >= max_attempts:
                    self._pending = [p for p in self._pending if p is not pending]
                    self.webhook_dropped.append(pending.update_id)
                else:  # Telegram doubles the delay after each failure (WebhookActor.cpp)
                    pending.not_before = time.monotonic() + retry_delay * 2 ** (
                        pending.attempts - 1
                    )
            self._cond.notify_all()


def _allowed(update: JsonDict, allowed: Any) -> bool:
    if not allowed:
        return True
    kinds = allowed if isinstance(allowed, list) else []
    return any(kind in update for kind in kinds)
