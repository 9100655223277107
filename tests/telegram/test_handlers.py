"""Handler-level tests: updates through PTB's ``process_update``, no network at all.

A recording transport stands in for Telegram, so these tests see exactly which Bot API
calls the handlers make for updates the fake server cannot produce (group chats), for a
duplicate delivery, and when the database fails mid-update.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from telegram import Update
from telegram.ext import Application
from telegram.request import BaseRequest, RequestData

from bot import callback as cb
from bot.callback import CallbackData
from bot.config import Settings, TelegramSettings
from bot.engine import inputs as i
from bot.store.database import Database
from bot.store.inbox import Inbox
from bot.store.models import AuditEntry, ChatSession
from bot.telegram import texts as supporter_texts
from bot.telegram.application import build_application
from bot.telegram.arrivals import Arrivals
from bot.telegram.staff.channel import StaffChannel
from bot.telegram.supporter import SupporterChannel
from tests.support.engine import catalogs, intake_service

TOKEN = "123456789:AAFakeTokenForTests_abcdefghijklmnopq"
USER = {"id": 42, "is_bot": False, "first_name": "Hana", "language_code": "ja"}


class RecordingRequest(BaseRequest):
    """Answers every Bot API call with a plausible success and records it."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self._next_id = 100

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    @property
    def read_timeout(self) -> float:
        return 5

    async def do_request(  # type: ignore[override]  # timeouts are irrelevant here
        self,
        url: str,
        method: str,  # noqa: ARG002
        request_data: RequestData | None = None,
        **_: Any,
    ) -> tuple[int, bytes]:
        name = url.rsplit("/", 1)[-1]
        params = request_data.parameters if request_data else {}
        self.calls.append((name, params))
        result: Any = True
        if name == "getMe":
            result = {"id": 1, "is_bot": True, "first_name": "Intake", "username": "intake_bot"}
        elif name in ("sendMessage", "editMessageText"):
            self._next_id += 1
            chat = {"id": params.get("chat_id", 42), "type": "private"}
            result = {
                "message_id": self._next_id,
                "date": 0,
                "chat": chat,
                "text": params.get("text", ""),
            }
        return 200, json.dumps({"ok": True, "result": result}).encode()

    @property
    def last_id(self) -> int:
        """The id given to the last message sent or edited."""
        return self._next_id

    def sent(self) -> list[str]:
        return [str(p.get("text")) for name, p in self.calls if name == "sendMessage"]

    def shown(self) -> list[str]:
        """Texts sent or edited into the chat, in order."""
        shown = ("sendMessage", "editMessageText")
        return [str(p.get("text")) for name, p in self.calls if name in shown]


@pytest.fixture
def setup(sqlite_db: Database) -> tuple[Application, RecordingRequest, Database]:  # type: ignore[type-arg]
    channel = SupporterChannel(intake_service(sqlite_db, channel="telegram"), catalogs())
    telegram = TelegramSettings(token=TOKEN)
    app = build_application(telegram, Settings.from_env({}), channel)
    request = RecordingRequest()
    app.bot._request = (request, request)  # no network at all
    return app, request, sqlite_db


def message(update_id: int, text: str, chat: dict[str, Any] | None = None) -> dict[str, Any]:
    chat = chat or {"id": 42, "type": "private", "first_name": "Hana"}
    entities = (
        [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        if text.startswith("/")
        else []
    )
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 0,
            "chat": chat,
            "from": USER,
            "text": text,
            "entities": entities,
        },
    }


async def feed(app: Application, *updates: dict[str, Any]) -> None:  # type: ignore[type-arg]
    async with app:
        for data in updates:
            await app.process_update(Update.de_json(data, app.bot))


def test_group_chat_gets_one_refusal_and_nothing_is_kept(setup: Any) -> None:
    app, request, db = setup
    group = {"id": -1001, "type": "supergroup", "title": "Family"}
    asyncio.run(feed(app, message(1, "/start", group), message(2, "hello", group)))
    assert request.sent() == [catalogs().gettext("ja", supporter_texts.PRIVATE_ONLY)]
    with db.transaction() as tx:
        assert tx.scalar(select(ChatSession)) is None


def test_a_duplicate_delivery_is_answered_once(setup: Any) -> None:
    app, request, _ = setup
    asyncio.run(feed(app, message(7, "/start"), message(7, "/start")))
    assert len(request.sent()) == 1


def test_a_failure_mid_update_gets_an_apology_and_the_question(setup: Any) -> None:
    app, request, _ = setup
    channel = app.handlers[0][0].callback.__self__
    real = channel.intake.handle
    failures = iter([True])

    def flaky(*args: Any, **kwargs: Any) -> Any:
        if args[1] == 2 and next(failures, False):  # the second update fails once
            raise RuntimeError("database went away")
        return real(*args, **kwargs)

    channel.intake.handle = flaky
    asyncio.run(feed(app, message(1, "/start"), message(2, "1")))
    texts = request.sent()
    assert texts[-2].startswith("申し訳ありません")
    assert "帰国事業" in texts[-1]  # the consent again: nothing was lost


class StaleQueryRequest(RecordingRequest):
    """Telegram refuses to answer the button press (already answered before a crash)."""

    async def do_request(  # type: ignore[override]
        self, url: str, method: str, request_data: RequestData | None = None, **kw: Any
    ) -> tuple[int, bytes]:
        if url.endswith("/answerCallbackQuery"):
            params = request_data.parameters if request_data else {}
            self.calls.append(("answerCallbackQuery", params))
            error = {
                "ok": False,
                "error_code": 400,
                "description": "Bad Request: query is too old and response timeout expired"
                " or query ID is invalid",
            }
            return 400, json.dumps(error).encode()
        return await super().do_request(url, method, request_data, **kw)


def test_a_press_telegram_refuses_to_acknowledge_is_still_applied(
    sqlite_db: Database,
) -> None:
    """The press arrives too late to acknowledge (a backlog, an outage): it goes on."""
    channel = SupporterChannel(intake_service(sqlite_db, channel="telegram"), catalogs())
    app = build_application(TelegramSettings(token=TOKEN), Settings.from_env({}), channel)
    request = StaleQueryRequest()
    app.bot._request = (request, request)
    arrivals = Arrivals(app, channel, Inbox(sqlite_db, "telegram"), redelivers=True)

    def press(data: str) -> dict[str, Any]:
        pressed = message(1, "consent")["message"] | {"message_id": 101}
        return {
            "update_id": 2,
            "callback_query": {
                "id": "q1", "from": USER, "chat_instance": "1", "data": data, "message": pressed
            },
        }  # fmt: skip

    async def scenario() -> None:
        async with app:
            for update in (message(1, "/start"), None):
                if update is None:
                    [*_, (_, shown)] = [c for c in request.calls if c[0] == "sendMessage"]
                    consent = shown["reply_markup"]["inline_keyboard"][0][0]
                    update = press(consent["callback_data"])
                for _, done in await arrivals.receive([Update.de_json(update, app.bot)]):
                    await done
            await arrivals.close()

    asyncio.run(scenario())
    texts = request.shown()
    assert [name for name, _ in request.calls].count("answerCallbackQuery") == 1
    assert not any(t.startswith("申し訳ありません") for t in texts)  # no apology
    assert "関係" in texts[-1]  # the next question: the press was applied
    assert Inbox(sqlite_db, "telegram").count() == 0  # answered: gone from the inbox


def test_an_update_applied_but_never_answered_gets_the_question_again(setup: Any) -> None:
    """A replica died between COMMIT and its reply: the redelivery re-shows the question."""
    app, request, _ = setup
    channel = app.handlers[0][0].callback.__self__
    sent_before: list[int] = []

    async def scenario() -> None:
        async with app:
            await app.process_update(Update.de_json(message(1, "/start"), app.bot))
            # Update 2 was applied and committed, then the process died before replying.
            assert channel.intake.handle(42, 2, i.Text("1")) is not None
            sent_before.append(len(request.shown()))
            for _ in range(2):  # Telegram redelivers it, perhaps more than once
                await app.process_update(Update.de_json(message(2, "1"), app.bot))

    asyncio.run(scenario())
    resent = request.shown()[sent_before[0] :]
    assert len(resent) == 1  # the current question once, not the input applied again
    assert "関係" in resent[0]
    session = channel.intake.conversations.load(42)
    assert session.history == ["consent"]


def test_a_forged_staff_button_gets_the_supporter_side_and_is_counted(
    sqlite_db: Database,
) -> None:
    intake = intake_service(sqlite_db, channel="telegram")
    channel = SupporterChannel(intake, catalogs())
    staff = StaffChannel(
        intake,
        catalogs(),
        ZoneInfo("UTC"),
        lambda trial, on_stub: SupporterChannel(trial, catalogs(), on_stub=on_stub),
    )
    app = build_application(TelegramSettings(token=TOKEN), Settings.from_env({}), channel, staff)
    request = RecordingRequest()
    app.bot._request = (request, request)
    bot_user = {"id": 1, "is_bot": True, "first_name": "Intake"}
    forged = {
        "update_id": 5,
        "callback_query": {
            "id": "q5", "from": USER, "chat_instance": "1",
            "data": CallbackData("", cb.OPEN_CASE, "-", "ABCD-1234").encode(),
            "message": message(4, "x")["message"] | {"from": bot_user},
        },
    }  # fmt: skip
    asyncio.run(feed(app, message(1, "/start"), forged))
    shown = request.shown()
    assert not any("ABCD-1234" in t for t in shown)  # no case, no staff text
    assert "前のメッセージ" in shown[-1]  # what any old button gets: the current question
    with sqlite_db.transaction() as tx:
        refused = tx.scalar(select(AuditEntry).where(AuditEntry.action == "staff-refused"))
    assert refused is not None
    assert refused.detail == {"what": "button"}
