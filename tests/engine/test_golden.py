"""Golden conversations through the whole shipped flow, in each locale.

Each scenario types lines into the terminal chat (the same engine and rendering the bot
uses), with a fixed clock and seeded ids, and compares the transcript and the stub with
``golden/<name>.txt``. Run with ``UPDATE_GOLDEN=1`` to rewrite them after an intended
change, then read the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from bot.store.database import Database
from tests.support.engine import transcript

GOLDEN = Path(__file__).parent / "golden"
LONG = "長" * 1200

SCENARIOS: dict[str, tuple[str | None, list[str]]] = {
    # Straight through, with a branch (North Korea -> province), toggles, the broker
    # follow-up, free text with personal data in it, and the review.
    "ja_full": (
        "ja",
        [
            "1",
            "1",
            "3",
            "1",
            "2",
            "1",
            "1",
            "2",
            "6",
            "1",
            "1",
            "1",
            "2",
            "6",
            "1",
            "6",
            "1",
            "私の電話は090-1234-5678です。母は元気です。",
            "1",
            "14",
        ],
    ),
    # Back twice (the earlier answer is shown), a skipped text, then an edit from the
    # review that opens a new branch (Japan -> China): the new question is asked, the
    # rest is kept, and the review comes back.
    "ko_back_edit": (
        "ko",
        [
            "1",
            "2",
            "/back",
            "/back",
            "1",
            "2",
            "1",
            "5",
            "2",
            "5",
            "6",
            "2",
            "5",
            "6",
            "3",
            "6",
            "2",
            "/skip",
            "2",
            "3",
            "2",
            "1",
            "13",
        ],
    ),
    # Language picked first, typed answers (option words, a full-width number, a button
    # word from the catalog), a wrong word, switching language mid-way, and a
    # 1,200-character answer refused and handed back, then shortened.
    "zh_typed_and_language": (
        None,
        [
            "3",
            "同意并开始",
            "朋友、熟人",
            "２",
            "韩国",
            "/language",
            "1",
            "わからない",
            "hello",
            "1",
            "完了",
            "2",
            "5",
            "6",
            "3",
            "6",
            "3",
            LONG,
            "短い答えです。",
            "1",
            "12",
        ],
    ),
    # Cancel, change one's mind, then cancel for real; input after erasure; start again.
    "ja_cancel": (
        "ja",
        ["1", "1", "/cancel", "2", "/cancel", "1", "/back", "/start", "1"],
    ),
    # Commands at odd moments: back at the start, help, restart declined (the question
    # comes back), a command in answer to "start again?" (nothing erased, then the
    # command), restart confirmed, skip on an info step.
    "ko_restart_help": (
        "ko",
        [
            "/back",
            "1",
            "/help",
            "1",
            "/restart",
            "2",
            "/restart",
            "/back",
            "/restart",
            "1",
            "/skip",
            "1",
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_golden_conversation(name: str, sqlite_db: Database) -> None:
    locale, lines = SCENARIOS[name]
    text, stubs = transcript(sqlite_db, lines, locale)
    for stub in stubs:
        text += "\n--- stub ---\n" + json.dumps(stub.to_json(), ensure_ascii=False, indent=2)
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file for {name}: run with UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")
