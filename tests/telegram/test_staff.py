"""Staff on Telegram, end to end: invite and join, a content-free alert, claim, open.

The bot runs as a subprocess polling the fake Bot API; staff and supporters are people on
phones. Every test checks what each side saw, and that no Telegram name, username or id
crossed from one side to the other.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.store.database import Database
from bot.store.models import AuditEntry
from bot.store.purge import purge
from bot.store.staff import StaffRepository
from bot.store.stubs import StubRepository
from tests.support.bot_process import BotRun, Supporter, bot_database, running_bot
from tests.support.fake_bot_api import FakeBotApi, StoredMessage
from tests.telegram.test_bot_polling import agree_to_contact, go_to_note, label

ALERT_WAIT = 20.0


@pytest.fixture
def bot(fake_bot_api: FakeBotApi, tmp_path: Path) -> Iterator[BotRun]:
    with running_bot(fake_bot_api, tmp_path) as run:
        yield run


@pytest.fixture
def db(bot: BotRun, tmp_path: Path) -> Iterator[Database]:
    with bot_database(bot, tmp_path) as database:
        yield database


def invite(db: Database, label: str, role: str = "staff") -> str:
    return StaffRepository(db).invite(
        role=role,  # type: ignore[arg-type]
        label=label,
        actor="aiko",
        rng=random.SystemRandom(),
    )


def joined(bot: BotRun, db: Database, name: str, language: str, label: str) -> Supporter:
    person = bot.supporter(name, language)
    code = invite(db, label)
    person.command("/join", code)
    assert all(code not in (m.text or "") for m in person.chat())  # the code left the phone
    return person


def alert_for(person: Supporter, reference: str) -> StoredMessage:
    server = person.server

    def arrived() -> bool:
        return any(reference in (m.text or "") for m in server.bot_messages(person.user))

    server.wait_until(arrived, ALERT_WAIT)
    return next(m for m in person.bot_messages() if reference in (m.text or ""))


def submit_urgent_case(bot: BotRun) -> tuple[Supporter, str]:
    hana = bot.supporter("Hana Sato", "ja")
    go_to_note(hana, "ja")
    hana.say("母は元気ですが、薬が足りません。")
    agree_to_contact(hana, "ja")
    hana.press("送信する")
    text = hana.question().text or ""
    reference = next(w for w in text.replace("。", " ").split() if len(w) == 9 and w[4] == "-")
    return hana, reference


def test_staff_join_get_a_content_free_alert_claim_and_open_the_case(
    bot: BotRun, db: Database
) -> None:
    mina = joined(bot, db, "Mina Kim", "ja", "mina")
    assert "mina" in mina.texts()[-1]
    assert "スタッフ" in mina.texts()[-1]
    jun = joined(bot, db, "Jun Park", "ko", "jun")
    assert "직원" in jun.texts()[-1]
    hana, reference = submit_urgent_case(bot)

    alert = alert_for(mina, reference)
    text = alert.text or ""
    assert "緊急" in text  # the priority, in mina's language
    for content in ("薬", label("relation", "family_japan", "ja"), "吉林"):
        assert content not in text  # nothing from the answers on a lock screen
    assert [b for row in alert.keyboard for b, _ in row] == [f"{reference} を開く", "担当する"]

    mina.press("担当する", message=alert)
    assert f"{reference} の担当になりました" in mina.texts()[-1]
    jun_alert = alert_for(jun, reference)
    assert "긴급" in (jun_alert.text or "")
    jun.press("담당하기", message=jun_alert)
    assert "이미 담당자가" in jun.texts()[-1]  # one claim wins

    jun.press(f"{reference} 열기", message=jun_alert)
    case = jun.texts()[-1]
    assert reference in case
    assert label("relation", "family_japan", "ko") in case  # every field, in Korean
    assert "약이" not in case  # the note as the supporter wrote it (Japanese), scrubbed
    assert "薬が足りません" in case
    assert "담당: mina" in case

    # Neither side saw the other's Telegram name, username or id.
    staff_side = "\n".join(mina.texts() + jun.texts())
    for trace in ("Hana", "Sato", str(hana.user.id)):
        assert trace not in staff_side
    supporter_side = "\n".join(hana.texts())
    for trace in ("Mina", "Kim", "Jun", "Park", str(mina.user.id), str(jun.user.id)):
        assert trace not in supporter_side
    assert bot.server.rejected_calls == []
    assert bot.server.privacy_violations == []


def test_wrong_codes_and_forged_buttons_get_the_supporter_experience(
    bot: BotRun, db: Database
) -> None:
    stranger = bot.supporter("Stranger", "ja")
    stranger.command("/join", "AAAA-BBBB-CCCC")
    anyone = bot.supporter("Anyone", "ja")
    anyone.command("/whatever")
    assert stranger.texts() == anyone.texts()  # exactly what any unknown command gets
    code = invite(db, "mina")
    mina = bot.supporter("Mina", "ja")
    mina.command("/join", code)
    stranger.command("/join", code)  # used
    assert all("スタッフ" not in t for t in stranger.texts())
    StaffRepository(db).remove("mina", actor="aiko")
    _, reference = submit_urgent_case(bot)
    # Removed at once: the alert reaches nobody.
    bot.server.wait_until(lambda: not _pending(db), ALERT_WAIT)
    assert all(reference not in t for t in mina.texts())
    with db.transaction() as tx:
        refused = [
            e.action
            for e in tx.scalars(select(AuditEntry).where(AuditEntry.action.like("staff-join%")))
        ]
    assert refused.count("staff-join-refused") == 2
    assert bot.server.rejected_calls == []


def _pending(db: Database) -> bool:
    from bot.store.models import PendingAlert

    with db.transaction() as tx:
        return tx.scalar(select(PendingAlert.reference)) is not None


def test_queue_case_release_and_close_with_a_reason(bot: BotRun, db: Database) -> None:
    mina = joined(bot, db, "Mina", "ja", "mina")
    jun = joined(bot, db, "Jun", "ko", "jun")
    _, reference = submit_urgent_case(bot)
    alert_for(mina, reference)

    mina.command("/queue")
    queue = mina.question()
    assert reference in (queue.text or "")
    assert "新規" in (queue.text or "")
    mina.press(f"{reference} を開く", message=queue)
    assert [b for row in mina.question().keyboard for b, _ in row] == ["担当する", "終了する"]
    mina.press("担当する")
    jun.command("/case", reference.lower().replace("-", ""))  # typed as people do
    case = jun.bot_messages()[-1]
    assert "담당: mina" in (case.text or "")
    assert not case.keyboard  # not his to release or close
    mina.command("/case", reference)
    assert [b for row in mina.question().keyboard for b, _ in row] == ["担当を外れる", "終了する"]
    mina.press("終了する")
    assert reference in mina.texts()[-1]
    mina.press("解決")
    assert f"{reference} を終了しました：解決" in mina.texts()[-1]
    mina.command("/queue")
    assert mina.texts()[-1] == "対応中の受付はありません。"
    # Purged with everything it held: the case is gone for staff too.
    purge(db, session_ttl=timedelta(hours=72), case_retention=timedelta(0))
    mina.command("/case", reference)
    assert mina.texts()[-1] == f"受付 {reference} はありません。"
    # A removed member's commands get the supporter side's answer, like anyone's.
    StaffRepository(db).remove("mina", actor="aiko")
    mina.command("/queue")
    assert "対応中" not in mina.texts()[-1]
    with db.transaction() as tx:
        closes = list(tx.scalars(select(AuditEntry).where(AuditEntry.action == "close")))
    assert [(c.actor, c.detail) for c in closes] == [("mina", {"reason": "resolved"})]

    stranger = bot.supporter("Stranger", "ja")
    stranger.command("/queue")
    assert all(reference not in t for t in stranger.texts())
    with db.transaction() as tx:
        refused = tx.scalar(select(AuditEntry).where(AuditEntry.action == "staff-refused"))
    assert refused is not None
    assert refused.detail == {"what": "command"}
    assert bot.server.rejected_calls == []


def test_follow_up_through_the_bot_then_the_supporter_withdraws(bot: BotRun, db: Database) -> None:
    mina = joined(bot, db, "Mina", "ja", "mina")
    hana, reference = submit_urgent_case(bot)
    alert_for(mina, reference)
    mina.command("/case", reference)
    mina.press("担当する")

    mina.command("/reply", f"{reference} 連絡ありがとうございます。今の状況を教えてください。")
    assert f"{reference} の相談者に送りました" in mina.texts()[-1]
    assert f"{reference} についてのお知らせです" in hana.texts()[-1]
    assert "今の状況を教えてください" in hana.texts()[-1]

    hana.say("元気です。電話は090-1234-5678です。")
    assert hana.texts()[-1] == "メッセージを支援団体に届けました。"
    assert all("090" not in (m.text or "") for m in hana.chat())  # typed, then deleted
    relayed = mina.texts()[-1]
    assert f"{reference} の相談者からの返信" in relayed
    assert "元気です" in relayed
    assert "090-1234-5678" not in relayed  # staff read it scrubbed

    # A Telegram reply to the relayed answer goes back to the same case.
    answer = mina.bot_messages()[-1]
    mina.act(lambda s, u: s.send_text(u, "お大事に。", reply_to=answer.message_id))
    assert f"{reference} の相談者に送りました" in mina.texts()[-1]
    assert "お大事に。" in hana.texts()[-1]

    hana.command("/withdraw")
    hana.press("はい、取り下げる")
    assert f"受付 {reference} を取り下げ" in hana.texts()[-1]
    mina.command("/case", reference)
    case = mina.texts()[-1]
    assert "終了" in case
    assert "元気" not in case  # the content is gone
    [view] = [v for v in StubRepository(db).find(actor="test") if v.reference == reference]
    assert (view.answers, view.texts, view.region, view.contact) == ({}, {}, "", False)
    mina.command("/reply", f"{reference} まだいますか")
    assert "何も送っていません" in mina.texts()[-1]
    with db.transaction() as tx:
        from bot.store.models import CaseMessage

        assert tx.scalar(select(CaseMessage.id)) is None  # relayed words erased too
    staff_side = "\n".join(mina.texts())
    assert "Hana" not in staff_side
    assert str(hana.user.id) not in staff_side
    assert "Mina" not in "\n".join(hana.texts())
    assert bot.server.rejected_calls == []
    assert bot.server.privacy_violations == []


def test_reconnecting_from_another_phone_with_the_return_code(bot: BotRun, db: Database) -> None:
    mina = joined(bot, db, "Mina", "ja", "mina")
    hana, reference = submit_urgent_case(bot)
    shown = hana.question().text or ""
    [code] = [w for w in shown.split() if len(w) == 11 and w[5] == "-" and w != reference]
    alert_for(mina, reference)

    guesser = bot.supporter("Guesser", "ja")
    for _ in range(5):
        guesser.command("/reconnect", f"{reference} AAAAA-AAAAA")
        assert "合う対応中の受付はありません" in guesser.texts()[-1]
    guesser.command("/reconnect", f"{reference} {code}")
    assert "試行が多すぎます" in guesser.texts()[-1]  # throttled, even with the right code

    phone = bot.supporter("New phone", "ja")
    phone.command("/reconnect", f"{reference} {code.lower()}")
    assert f"受付 {reference} に再びつなぎました" in phone.texts()[-1]
    assert all(code.lower() not in (m.text or "") for m in phone.chat())  # code gone
    mina.command("/reply", f"{reference} 新しい電話に届きますか")
    assert "新しい電話に届きますか" in phone.texts()[-1]
    assert all("新しい電話" not in t for t in hana.texts())
    phone.say("はい、届きました")
    assert "はい、届きました" in mina.texts()[-1]
    assert bot.server.rejected_calls == []
