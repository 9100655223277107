"""Staff on Telegram when cases are sealed: alerts, queue, claim and close work as ever;
a case shows its queue fields and says why the rest is not shown."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pyrage import x25519

from bot.store.database import Database
from bot.store.stubs import StubRepository
from tests.support.bot_process import BotRun, bot_database, running_bot
from tests.support.fake_bot_api import FakeBotApi
from tests.telegram.test_bot_polling import label
from tests.telegram.test_staff import alert_for, joined, submit_urgent_case

KEY = x25519.Identity.generate()


@pytest.fixture
def bot(fake_bot_api: FakeBotApi, tmp_path: Path) -> Iterator[BotRun]:
    with running_bot(fake_bot_api, tmp_path, {"INTAKE_SEAL_TO": str(KEY.to_public())}) as run:
        yield run


@pytest.fixture
def db(bot: BotRun, tmp_path: Path) -> Iterator[Database]:
    with bot_database(bot, tmp_path) as database:
        yield database


def test_staff_work_a_sealed_case_without_reading_it(bot: BotRun, db: Database) -> None:
    mina = joined(bot, db, "Mina Kim", "ja", "mina")
    _, reference = submit_urgent_case(bot)
    alert = alert_for(mina, reference)
    assert "緊急" in (alert.text or "")  # alerts are what they always were

    mina.press("担当する", message=alert)
    mina.command("/case", reference)
    case = mina.texts()[-1]
    assert reference in case
    assert "緊急" in case
    assert "封印" in case  # says it is sealed, and how to read it
    assert f"intake-bot stubs show {reference} --identity" in case
    for content in (label("relation", "family_japan", "ja"), "薬", "吉林"):
        assert content not in case

    mina.command("/note", f"{reference} 折り返し電話した")
    mina.command("/case", reference)
    assert "折り返し電話した" not in mina.texts()[-1]  # the note is sealed as well
    mina.press("終了する")
    mina.press("解決")
    view = StubRepository(db).show(reference, actor="test")
    assert view is not None
    assert view.status == "closed"
    opened = view.opened([KEY])  # the organisation's key reads everything
    assert opened.answers["relation"] == "family_japan"
    assert "薬が足りません" in opened.texts["note"]
    assert bot.server.rejected_calls == []
