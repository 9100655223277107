"""Golden transcripts of what a supporter sees on Telegram, where it differs from the
terminal: the trilingual picker for a phone in no language of ours (no ``language_code``,
and ``en``), the message after sending with its clear-chat warning, and /cancel after
sending. Updates go through PTB's ``process_update``; a recording transport stands in
for Telegram. Run with ``UPDATE_GOLDEN=1`` to rewrite them after an intended change, then
read the diff.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

import pytest
from telegram import Update

from bot.config import Settings, TelegramSettings
from bot.store.database import Database
from bot.telegram.application import build_application
from bot.telegram.supporter import SupporterChannel
from tests.engine.test_golden import SCENARIOS
from tests.support.engine import catalogs, intake_service
from tests.telegram.test_handlers import TOKEN, RecordingRequest

GOLDEN = Path(__file__).parent / "golden"
#: The urgent intake of the terminal's golden, typed as numbers into Telegram.
TO_SUBMITTED = SCENARIOS["ja_urgent_border"][1]


def typed(update_id: int, text: str, language: str | None) -> dict[str, Any]:
    user: dict[str, Any] = {"id": 42, "is_bot": False, "first_name": "Hana"}
    if language is not None:
        user["language_code"] = language
    command = text.startswith("/")
    return {
        "update_id": update_id,
        "message": {
            "message_id": 1000 + update_id,
            "date": 0,
            "chat": {"id": 42, "type": "private", "first_name": "Hana"},
            "from": user,
            "text": text,
            "entities": (
                [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
                if command
                else []
            ),
        },
    }


def pressed(
    update_id: int, button: int, language: str | None, request: RecordingRequest
) -> dict[str, Any]:
    """A press on the ``button``-th button (from 1) of the last keyboard shown."""
    [*_, keyboard] = [
        p["reply_markup"]["inline_keyboard"]
        for name, p in request.calls
        if name in ("sendMessage", "editMessageText") and "reply_markup" in p
    ]
    data = [b["callback_data"] for row in keyboard for b in row][button - 1]
    message = typed(update_id, "", language)["message"] | {"message_id": request.last_id}
    return {
        "update_id": update_id,
        "callback_query": {
            "id": str(update_id),
            "from": message["from"],
            "chat_instance": "42",
            "data": data,
            "message": message,
        },
    }


def shown(db: Database, language: str | None, lines: list[str]) -> str:
    """Every text the bot sent or edited into the chat, in order, after each line typed."""
    channel = SupporterChannel(intake_service(db, channel="telegram"), catalogs())
    app = build_application(TelegramSettings(token=TOKEN), Settings.from_env({}), channel)
    request = RecordingRequest()
    app.bot._request = (request, request)  # no network at all
    parts: list[str] = []

    async def run() -> None:
        async with app:
            for number, line in enumerate(lines, start=1):
                before = len(request.shown())
                update = (
                    pressed(number, int(line[1:-1]), language, request)
                    if line.startswith("[")
                    else typed(number, line, language)
                )
                await app.process_update(Update.de_json(update, app.bot))
                parts.append(f"> {line}")
                parts.extend(request.shown()[before:])

    asyncio.run(run())
    return "\n".join(parts) + "\n"


CASES: dict[str, tuple[str | None, list[str]]] = {
    # A phone with no language set, and one in English: the first message is the picker
    # in all three languages (typing gets it again); a press begins in that language.
    "none_picker": (None, ["/start", "hello", "[3]"]),
    "en_picker": ("en", ["/start", "[2]"]),
    # Sent, in each language: the done text, the received date, the return code, what
    # happens next and the clear-chat warning; then /cancel says what it did not erase.
    **{
        f"{lang}_sent_then_cancel": (lang, ["/start", *TO_SUBMITTED, "/cancel"])
        for lang in ("ja", "ko", "zh")
    },
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_telegram(name: str, sqlite_db: Database) -> None:
    language, lines = CASES[name]
    text = shown(sqlite_db, language, lines)
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file for {name}: run with UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")
