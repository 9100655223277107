"""A fake Telegram Bot API server, as strict as Telegram, for tests that use the real PTB client.

Start it, point PTB at it, simulate supporters, read what their chats show::

    with FakeBotApi() as server:
        app = ApplicationBuilder().token(server.token).base_url(server.base_url).build()
        hana = server.add_user("Hana", language_code="ja")
        server.send_command(hana, "/start")
        ...
        server.wait_until(lambda: server.chat(hana)[-1].from_bot)
        assert server.rejected_calls == []

The server listens on 127.0.0.1 on a free port and serves ``{url}/bot<token>/<method>``.
Every method call is recorded (``calls``); failures the bot caused are in ``rejected_calls``;
forwardMessage/copyMessage calls are refused and listed in ``privacy_violations``. Updates go to
getUpdates (long polling) or, once a webhook is set, are POSTed to it with the secret header,
one at a time per chat, with retries. The simulation methods are thread-safe.

Files: ``send_document(user, content=...)`` gives the supporter's document its own file_id;
the bot reads it with getFile and ``GET {url}/file/bot<token>/<file_path>`` (PTB:
``base_file_url(f"{server.url}/file/bot")``), and ``downloads()`` lists what it fetched.
sendDocument and sendPhoto keep the uploaded bytes on the chat's ``StoredMessage``.

Rules, limits and error texts: ``fake_bot_api_methods`` and ``fake_bot_api_errors``.
"""

from __future__ import annotations

import copy
import functools
import threading
import time
from collections.abc import Callable
from http.server import ThreadingHTTPServer
from pathlib import PurePosixPath
from typing import Any

from tests.support.fake_bot_api_errors import ApiError
from tests.support.fake_bot_api_html import utf16_len
from tests.support.fake_bot_api_http import BotApiHandler, post_update
from tests.support.fake_bot_api_methods import Methods
from tests.support.fake_bot_api_state import (
    Call,
    CallbackQuery,
    FakeClock,
    JsonDict,
    PendingUpdate,
    SimUser,
    StoredMessage,
    WebhookConfig,
    system_clock,
)

__all__ = ["Call", "FakeBotApi", "FakeClock", "SimUser", "StoredMessage"]

DEFAULT_TOKEN = "123456789:AAFakeTokenForTests_abcdefghijklmnopq"


class FakeBotApi(Methods):
    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        clock: Callable[[], float] = system_clock,
        bot_username: str = "intake_test_bot",
        strict_ampersand: bool = True,
        webhook_max_attempts: int = 5,
        webhook_retry_delay: float = 0.05,
        webhook_timeout: float = 10.0,
    ) -> None:
        super().__init__(
            token, clock=clock, bot_username=bot_username, strict_ampersand=strict_ampersand
        )
        self.webhook_max_attempts = webhook_max_attempts
        self.webhook_retry_delay = webhook_retry_delay
        self.webhook_timeout = webhook_timeout
        self._httpd: ThreadingHTTPServer | None = None
        self._threads: list[threading.Thread] = []
        self._next_user_id = 7_000_000_001

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> FakeBotApi:
        handler = type("Handler", (BotApiHandler,), {"api": self})
        self._httpd = _Server(("127.0.0.1", 0), handler)
        self._spawn(functools.partial(self._httpd.serve_forever, 0.02), "fake-bot-api-http")
        self._spawn(self._webhook_loop, "fake-bot-api-webhook")
        return self

    def stop(self) -> None:
        with self._cond:
            self._closing = True
            self._cond.notify_all()  # ends long polls and the webhook loop
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        for thread in list(self._threads):  # the webhook loop has stopped adding to it
            thread.join(timeout=5)

    def __enter__(self) -> FakeBotApi:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        assert self._httpd is not None, "start() the server first"
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def base_url(self) -> str:
        """What PTB's ``base_url`` wants: it appends the token and the method."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        """What PTB's ``base_file_url`` wants: it appends the token and getFile's file_path."""
        return f"{self.url}/file/bot"

    def _spawn(self, target: Callable[[], None], name: str) -> None:
        thread = threading.Thread(target=target, name=name, daemon=True)
        thread.start()
        self._threads.append(thread)

    # -- simulated supporters ----------------------------------------------------------------

    def add_user(
        self, first_name: str = "Supporter", *, language_code: str | None = "ja",
        username: str | None = None, user_id: int | None = None,
    ) -> SimUser:  # fmt: skip
        with self._cond:
            if user_id is None:
                user_id = self._next_user_id
                self._next_user_id += 1
            user = SimUser(user_id, first_name, language_code, username)
            self._users[user.id] = user
            return user

    def send_text(
        self,
        user: SimUser,
        text: str,
        *,
        entities: list[JsonDict] | None = None,
        reply_to: int | None = None,
    ) -> int:
        """The supporter types ``text`` (as a reply to message ``reply_to``, if given);
        returns the new message id."""
        extra: JsonDict = {}
        if reply_to is not None:
            with self._cond:
                target = self.find_message(user.id, reply_to)
                if target is None:
                    raise ValueError(f"no message {reply_to} to reply to")
                extra["reply_to_message"] = self.message_json(target)
        return self._user_message(user, "text", text=text, entities=entities or [], extra=extra)

    def send_command(self, user: SimUser, command: str, payload: str | None = None) -> int:
        """``/start`` or ``/start <payload>``, with the bot_command entity Telegram adds."""
        name = command if command.startswith("/") else f"/{command}"
        text = f"{name} {payload}" if payload else name
        entity = {"type": "bot_command", "offset": 0, "length": utf16_len(name)}
        return self._user_message(user, "text", text=text, entities=[entity])

    def send_sticker(self, user: SimUser) -> int:
        sticker = {**_file("sticker"), "type": "regular", "width": 512, "height": 512,
                   "is_animated": False, "is_video": False, "emoji": "😀"}  # fmt: skip
        return self._user_message(user, "sticker", extra={"sticker": sticker})

    def send_photo(self, user: SimUser, caption: str | None = None) -> int:
        sizes = [{**_file(f"photo{w}"), "width": w, "height": w} for w in (90, 320, 800)]
        return self._user_message(user, "photo", text=caption or None, extra={"photo": sizes})

    def send_voice(self, user: SimUser) -> int:
        voice = {**_file("voice"), "duration": 3, "mime_type": "audio/ogg"}
        return self._user_message(user, "voice", extra={"voice": voice})

    def send_document(
        self,
        user: SimUser,
        caption: str | None = None,
        *,
        content: bytes | None = None,
        file_name: str = "passport.pdf",
        mime_type: str = "application/pdf",
        size: int | None = None,
    ) -> int:
        """The supporter sends a document; returns the new message id.

        With ``content`` it gets its own file_id, file_size ``len(content)``, and the bot can
        getFile and download those bytes. ``size`` overrides the declared file_size, so a test
        can show a 30 MB scan (with or without a few stand-in bytes) that the bot must refuse
        before any getFile. With neither, it is a 1024-byte placeholder whose shared file_id
        getFile does not serve.
        """
        meta = {"file_name": file_name, "mime_type": mime_type}
        declared = size if size is not None else len(content) if content is not None else None
        with self._cond:
            if declared is None:
                doc = {**_file("document"), **meta}
            else:
                stored = self.new_file(
                    "document", content=content, size=declared,
                    extension=PurePosixPath(file_name).suffix, meta=meta,
                )  # fmt: skip
                doc = self.file_json(stored)
            return self._user_message(
                user, "document", text=caption or None, extra={"document": doc},
                document=content, file_name=file_name,
            )  # fmt: skip

    def send_contact(self, user: SimUser, phone_number: str = "+81 90 1234 5678") -> int:
        contact = {"phone_number": phone_number, "first_name": user.first_name,
                   "user_id": user.id}  # fmt: skip
        return self._user_message(user, "contact", extra={"contact": contact})

    def send_location(
        self, user: SimUser, latitude: float = 35.68, longitude: float = 139.76
    ) -> int:
        location = {"latitude": latitude, "longitude": longitude}
        return self._user_message(user, "location", extra={"location": location})

    def forward_message(self, user: SimUser, text: str, origin_name: str = "Someone") -> int:
        """The supporter forwards someone else's text into the chat (hidden-user origin)."""
        origin = {"type": "hidden_user", "sender_user_name": origin_name, "date": self.now() - 60}
        return self._user_message(user, "text", text=text, extra={"forward_origin": origin})

    def edit_message(self, user: SimUser, message_id: int, text: str) -> None:
        """The supporter edits one of their own text messages: an ``edited_message`` update."""
        with self._cond:
            message = self.find_message(user.id, message_id)
            if message is None or message.from_bot or message.kind != "text":
                raise ValueError(f"{user.first_name} has no own text message {message_id}")
            message.text, message.entities, message.edit_date = text, [], self.now()
            self.queue_update("edited_message", self.message_json(message), user.id)

    def press_button(
        self, user: SimUser, message_id: int, data: str | None = None, *, text: str | None = None
    ) -> str:
        """Press an inline button (by callback_data or by its label); returns the query id."""
        with self._cond:
            message = self.find_message(user.id, message_id)
            if message is None or not message.from_bot:
                raise ValueError(f"no bot message {message_id} in {user.first_name}'s chat")
            buttons = [b for row in message.keyboard for b in row]
            match = [b for b in buttons if (data is not None and b[1] == data) or b[0] == text]
            if not match or match[0][1] is None:
                raise ValueError(f"message {message_id} has no button {data or text!r}: {buttons}")
            return self._press(user, message, match[0][1])

    def press_as_shown(self, user: SimUser, shown: StoredMessage, *, text: str) -> str:
        """Press a button of ``shown`` (a copy of a message taken earlier), as a phone that
        had not yet received the bot's later edit of it would; returns the query id."""
        with self._cond:
            if self.find_message(user.id, shown.message_id) is None:
                raise ValueError(f"message {shown.message_id} is no longer in the chat")
            match = [data for row in shown.keyboard for label, data in row if label == text]
            if not match or match[0] is None:
                raise ValueError(f"message {shown.message_id} showed no button {text!r}")
            return self._press(user, shown, match[0])

    def _press(self, user: SimUser, message: StoredMessage, data: str) -> str:
        """The callback_query update for a press on ``message`` as given (lock held)."""
        query = self.new_callback(user, message, data)
        payload = {
            "id": query.id,
            "from": user.to_json(),
            "message": self.message_json(message),
            "chat_instance": f"{user.id}{self.bot_id}",
            "data": query.data,
        }
        self.queue_update("callback_query", payload, user.id)
        return query.id

    def block_bot(self, user: SimUser) -> None:
        """Later sends to this user fail with 403; the bot gets a my_chat_member update."""
        self._member_change(user, blocked=True)

    def unblock_bot(self, user: SimUser) -> None:
        self._member_change(user, blocked=False)

    def _member_change(self, user: SimUser, *, blocked: bool) -> None:
        with self._cond:
            (self._blocked.add if blocked else self._blocked.discard)(user.id)
            old, new = ("member", "kicked") if blocked else ("kicked", "member")
            payload = {
                "chat": user.chat_json(),
                "from": user.to_json(),
                "date": self.now(),
                "old_chat_member": {"user": self.bot_user, "status": old},
                "new_chat_member": {"user": self.bot_user, "status": new}
                | ({"until_date": 0} if blocked else {}),
            }
            self.queue_update("my_chat_member", payload, user.id)

    def _user_message(self, user: SimUser, kind: str, **fields: Any) -> int:
        with self._cond:
            if user.id not in self._users:
                raise ValueError("add_user() first")
            message = self.add_message(user.id, from_bot=False, kind=kind, **fields)
            self.queue_update("message", self.message_json(message), user.id)
            return message.message_id

    # -- what tests inspect -------------------------------------------------------------------

    def chat(self, user: SimUser) -> list[StoredMessage]:
        """The chat as it shows now: current texts and keyboards, deleted messages gone."""
        with self._cond:
            messages = self._messages.get(user.id, {})
            return [copy.deepcopy(messages[k]) for k in sorted(messages)]

    def bot_messages(self, user: SimUser) -> list[StoredMessage]:
        return [m for m in self.chat(user) if m.from_bot]

    def calls(self, method: str | None = None) -> list[Call]:
        with self._cond:
            return [c for c in self._calls if method is None or c.method.lower() == method.lower()]

    def downloads(self) -> list[str]:
        """file_ids of the files the bot downloaded, in order (one entry per download)."""
        with self._cond:
            return list(self._downloads)

    def failed_downloads(self) -> list[str]:
        """file_paths of download requests answered 404 (wrong token, path never issued)."""
        with self._cond:
            return list(self._failed_downloads)

    @property
    def rejected_calls(self) -> list[Call]:
        """Calls Telegram refused that the bot saw (injected and abandoned ones excluded)."""
        return [c for c in self.calls() if not c.ok and not c.injected and not c.abandoned]

    @property
    def privacy_violations(self) -> list[Call]:
        with self._cond:
            return list(self._violations)

    def callback_query(self, query_id: str) -> CallbackQuery:
        with self._cond:
            return copy.deepcopy(self._callbacks[query_id])

    @property
    def pending_update_count(self) -> int:
        with self._cond:
            return len(self._pending)

    def pending_for(self, user: SimUser) -> int:
        """Updates of this chat not yet confirmed (webhook: not yet answered with 2xx)."""
        with self._cond:
            return sum(1 for p in self._pending if p.queue_key == user.id)

    def bot_message_count(self, user: SimUser) -> int:
        """How many bot messages the chat shows (cheap: for predicates run on every change)."""
        with self._cond:
            return sum(1 for m in self._messages.get(user.id, {}).values() if m.from_bot)

    def latest_keyboard(self, user: SimUser) -> StoredMessage | None:
        """The newest bot message with an inline keyboard (the current question), if any."""
        with self._cond:
            messages = self._messages.get(user.id, {})
            for key in sorted(messages, reverse=True):
                if messages[key].from_bot and messages[key].keyboard:
                    return copy.deepcopy(messages[key])
            return None

    def is_blocked(self, user: SimUser) -> bool:
        with self._cond:
            return user.id in self._blocked

    def inject_error(
        self, method: str, code: int, description: str, *, retry_after: int | None = None
    ) -> None:
        """The next call of ``method`` fails this way (e.g. 429 with retry_after)."""
        with self._cond:
            self._injected.append((method.lower(), ApiError(code, description, retry_after)))

    def wait_until(self, predicate: Callable[[], bool], timeout: float = 5.0) -> None:
        """Block until ``predicate()`` holds; it is re-checked on every state change."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while not predicate():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"timed out after {timeout}s; calls: {self._summary()}")
                self._cond.wait(remaining)

    def wait_for_calls(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        self.wait_until(lambda: len(self.calls(method)) >= count, timeout)
        return self.calls(method)

    def _summary(self) -> list[str]:
        return [f"{c.method}:{'ok' if c.ok else c.description}" for c in self._calls[-20:]]

    # -- webhook delivery ----------------------------------------------------------------------

    def _webhook_loop(self) -> None:
        while True:
            with self._cond:
                if self._closing:
                    return
                job = self.next_webhook_job()
                if not isinstance(job, tuple):
                    self._cond.wait(job)  # None: until something changes
                    continue
            self._spawn(functools.partial(self._deliver, *job), "fake-bot-api-delivery")

    def _deliver(self, pending: PendingUpdate, hook: WebhookConfig) -> None:
        status = post_update(hook.url, pending.payload, hook.secret_token, self.webhook_timeout)
        self.webhook_done(
            pending,
            status,
            hook.secret_token,
            max_attempts=self.webhook_max_attempts,
            retry_delay=self.webhook_retry_delay,
        )


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    #: Many chats at once open many connections; the default backlog of 5 would drop some
    #: and the kernel would retry them a second later, a delay that is ours, not the bot's.
    request_queue_size = 128


def _file(kind: str) -> JsonDict:
    return {"file_id": f"fake-{kind}-file-id", "file_unique_id": f"fake-{kind}", "file_size": 1024}
