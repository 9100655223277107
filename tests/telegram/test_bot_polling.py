"""The bot end to end: ``intake-bot run`` polling the fake Bot API, supporters on phones.

Every test asserts on what the supporter saw, on what the database holds, and that the
fake server (as strict as Telegram) rejected no call.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.app import open_database
from bot.config import Settings
from bot.flow.model import InfoStep
from bot.store.models import CaseStubRow, ChatSession
from tests.support.bot_process import BotRun, Supporter, running_bot
from tests.support.engine import intake
from tests.support.fake_bot_api import FakeBotApi
from tests.support.webhook_replicas import free_port


def label(step: str, value: str, locale: str) -> str:
    """A choice's button label in the shipped flow."""
    found = intake().step(step)
    for choice in getattr(found, "choices", []):
        if choice.value == value:
            return str(choice.text[locale])
    raise KeyError((step, value))


def button(step: str, locale: str) -> str:
    """An info step's own button label."""
    found = intake().step(step)
    assert isinstance(found, InfoStep)
    assert found.button is not None
    return found.button[locale]


@pytest.fixture
def bot(fake_bot_api: FakeBotApi, tmp_path: Path) -> Iterator[BotRun]:
    with running_bot(fake_bot_api, tmp_path) as run:
        yield run


def stubs(data_dir: Path) -> list[CaseStubRow]:
    db = open_database(Settings.from_env({"INTAKE_DATA_DIR": str(data_dir)}))
    with db.transaction() as tx:
        rows = list(tx.scalars(select(CaseStubRow)))
    db.dispose()
    return rows


def sessions(data_dir: Path) -> int:
    db = open_database(Settings.from_env({"INTAKE_DATA_DIR": str(data_dir)}))
    with db.transaction() as tx:
        count = len(list(tx.scalars(select(ChatSession))))
    db.dispose()
    return count


def assert_clean(server: FakeBotApi) -> None:
    assert server.rejected_calls == [], server.rejected_calls
    assert server.privacy_violations == []


def go_to_note(hana: Supporter, locale: str, *, start: bool = True) -> None:
    if start:
        hana.command("/start")
    hana.press(button("consent", locale))
    hana.press(label("relation", "family_japan", locale))
    hana.press(label("link", "grandchild", locale))
    hana.press(label("lineage", "japanese_spouse", locale))
    hana.press(label("location", "china_border", locale))
    hana.press(label("china_province", "jilin", locale))
    hana.press(label("custody", "detained", locale))
    hana.press(label("threats", "forced_return", locale))
    hana.press({"ja": "完了", "ko": "완료", "zh_Hans": "完成"}[locale])
    hana.press(label("broker", "no", locale))
    hana.press(label("evidence", "letters_photos", locale))
    hana.press({"ja": "完了", "ko": "완료", "zh_Hans": "完成"}[locale])
    hana.press(label("languages", "korean", locale))
    hana.press({"ja": "完了", "ko": "완료", "zh_Hans": "完成"}[locale])


def agree_to_contact(hana: Supporter, locale: str) -> None:
    """Contact: yes, then the follow-up language (asked only after a yes)."""
    hana.press(label("contact", "yes", locale))
    hana.press(label("followup_language", "japanese", locale))


@pytest.mark.parametrize(
    ("locale", "code"), [("ja", "ja"), ("ko", "ko-KR"), ("zh_Hans", "zh-hans")]
)
def test_whole_intake_in_each_language(
    bot: BotRun, tmp_path: Path, locale: str, code: str
) -> None:
    hana = bot.supporter("Hana", code)
    go_to_note(hana, locale)
    hana.say("母は元気です。電話は090-1234-5678です。")
    agree_to_contact(hana, locale)
    review = hana.question()
    assert (
        "［電話番号］" in (review.text or "")
        or "[전화번호]" in (review.text or "")
        or "电话" in (review.text or "")
    )
    hana.press({"ja": "送信する", "ko": "보내기", "zh_Hans": "提交"}[locale])
    [row] = stubs(tmp_path)
    assert row.reference in "\n".join(hana.texts())
    assert (row.priority, row.region, row.locale, row.contact) == (
        "urgent",
        "china_border/jilin",
        locale,
        True,
    )
    assert row.answers["threats"] == ["forced_return"]
    # The whole intake lived in one message, edited in place; the typed note is gone.
    [live] = hana.chat()
    assert live.from_bot
    assert row.reference in (live.text or "")
    assert live.protect_content
    assert len(bot.server.calls("sendMessage")) == 1
    assert len(bot.server.calls("editMessageText")) >= 15
    assert_clean(bot.server)


def test_clear_the_conversation_after_submitting(bot: BotRun, tmp_path: Path) -> None:
    hana = bot.supporter("Hana", "ja")
    go_to_note(hana, "ja")
    hana.say("元気です")
    hana.press(label("contact", "no", "ja"))
    hana.press("送信する")
    assert len(hana.chat()) == 1  # the live message, now showing the reference
    query = hana.press("この会話を消去する")
    assert bot.server.callback_query(query).answer is not None
    assert hana.chat() == []  # every message of the intake is gone, the supporter's too
    assert len(stubs(tmp_path)) == 1
    assert_clean(bot.server)


def test_cancel_erases_everything_after_confirmation(bot: BotRun, tmp_path: Path) -> None:
    mina = bot.supporter("Mina", "ko")
    mina.command("/start")
    mina.press(button("consent", "ko"))
    mina.press(label("relation", "ngo", "ko"))
    mina.command("/cancel")
    assert mina.labels() == ["예, 모두 삭제하기", "아니요, 계속하기"]
    mina.press("아니요, 계속하기")
    assert sessions(tmp_path) == 1
    mina.command("/cancel")
    mina.press("예, 모두 삭제하기")
    assert sessions(tmp_path) == 0
    remaining = mina.chat()
    assert [m.text for m in remaining] == [
        "입력하신 내용을 모두 삭제했습니다. 다시 시작하시려면 /start 를 보내 주십시오."
    ]
    assert_clean(bot.server)


def test_back_edit_language_and_typed_answers(bot: BotRun) -> None:
    wang = bot.supporter("Wang", "zh-cn")
    wang.command("/start")
    wang.press(button("consent", "zh_Hans"))
    wang.say("1")  # typed number: family in Japan
    wang.say(label("link", "child", "zh_Hans"))  # typed label
    wang.command("/back")
    assert "当前回答" in (wang.question().text or "")
    wang.press(label("link", "returnee", "zh_Hans"))
    wang.command("/language")
    wang.press("日本語")
    assert "その方は今どちら" in (wang.question().text or "")
    wang.press(label("location", "japan", "ja"))
    assert "拘束" in (wang.question().text or "")
    assert_clean(bot.server)


def test_resume_after_restart_and_old_buttons(fake_bot_api: FakeBotApi, tmp_path: Path) -> None:
    with running_bot(fake_bot_api, tmp_path) as first:
        hana = first.supporter("Hana", "ja")
        hana.command("/start")
        hana.press(button("consent", "ja"))
        old_question = hana.question()
        hana.say(label("relation", "self", "ja"))  # typed: the live message moves on
    with running_bot(fake_bot_api, tmp_path) as second:
        hana = Supporter(second, hana.user)
        hana.command("/start")
        assert "前回の続き" in (hana.question().text or "")
        assert "つながり" in (hana.question().text or "")
        # A press on the keyboard the phone showed before the edit reached it: a notice
        # and the current question, nothing changes.
        hana.press_shown(old_question, label("relation", "friend", "ja"))
        assert "前のメッセージ" in (hana.question().text or "")
        assert "つながり" in (hana.question().text or "")
    assert_clean(fake_bot_api)


def test_bad_input_gets_an_answer_and_loses_nothing(bot: BotRun) -> None:
    hana = bot.supporter("Hana", "ja")
    go_to_note(hana, "ja")
    server = bot.server
    hana.act(lambda s, u: s.send_sticker(u))
    assert "文字とボタン" in (hana.question().text or "")
    hana.act(lambda s, u: s.send_photo(u))
    hana.act(lambda s, u: s.send_voice(u))
    hana.act(lambda s, u: s.send_document(u))
    hana.act(lambda s, u: s.send_contact(u))
    assert all(m.kind != "contact" for m in hana.chat())  # deleted at once
    hana.act(lambda s, u: s.send_location(u))
    assert all(m.kind != "location" for m in hana.chat())
    hana.act(lambda s, u: s.forward_message(u, "a forwarded note"))
    assert all(m.text != "a forwarded note" for m in hana.chat())
    assert [m.from_bot for m in hana.chat()] == [True]  # only the live message is left
    long = "あ" * 10_000
    sent = server.send_text(hana.user, long)  # over the limit: refused, handed back
    bot.updates_sent += 1
    bot.wait_handled()
    assert any("10,000" in t for t in hana.texts())
    assert "".join(t for t in hana.texts() if set(t) == {"あ"}) == long  # nothing lost
    assert all(len(t.encode("utf-16-le")) // 2 <= 4096 for t in hana.texts())
    assert hana.chat()[-1].keyboard  # the live message is the last one again
    assert all(m.message_id != sent for m in hana.chat())  # the typed original is gone
    # An edit of a message the bot had not deleted yet (it raced the bot).
    typed = server.send_text(hana.user, "あ" * 10_000)
    server.edit_message(hana.user, typed, "短くしました")
    bot.updates_sent += 2
    bot.wait_handled()
    assert "編集" in (hana.question().text or "")
    hana.say("👨‍👩‍👧 元気\u0007です\u200b")
    review_or_contact = hana.question()
    assert label("contact", "yes", "ja") in [
        text for row in review_or_contact.keyboard for text, _ in row
    ]
    hana.command("/help")
    assert "/back" in (hana.question().text or "")
    assert_clean(server)


def test_blocking_the_bot_ends_the_session(bot: BotRun, tmp_path: Path) -> None:
    hana = bot.supporter("Hana", "ja")
    hana.command("/start")
    hana.press(button("consent", "ja"))
    assert sessions(tmp_path) == 1
    hana.act(lambda s, u: s.block_bot(u))
    assert sessions(tmp_path) == 0
    assert_clean(bot.server)


def test_flood_limit_is_waited_out_and_nothing_is_sent_twice(bot: BotRun) -> None:
    hana = bot.supporter("Hana", "ja")
    bot.server.inject_error("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    hana.command("/start")
    consents = [t for t in hana.texts() if "帰国事業" in t]
    assert len(consents) == 1  # retried after retry_after, delivered exactly once
    assert [c.error_code for c in bot.server.calls("sendMessage")][:2] == [429, None]
    assert_clean(bot.server)


def test_the_log_holds_no_token_text_name_or_id(bot: BotRun) -> None:
    hana = bot.supporter("Hanako Sato", "ja")
    hana.command("/start")
    hana.press(button("consent", "ja"))
    hana.say("secretword 090-1234-5678")
    hana.press(label("relation", "ngo", "ja"))
    log = bot.log_path.read_text(encoding="utf-8")
    assert "update" in log  # the log is there, with update ids
    # The bot runs on the embedded defaults: the key file sits beside the database.
    assert "beside the database" in log
    for leak in (
        bot.server.token,
        bot.server.token.split(":")[1],
        "Hanako",
        "Sato",
        str(hana.user.id),
        "secretword",
        "1234-5678",
        "支援を必要",
    ):
        assert leak not in log, leak


def test_the_bot_api_url_in_ptbs_own_form_works(fake_bot_api: FakeBotApi, tmp_path: Path) -> None:
    """``…/bot``, as python-telegram-bot and the local Bot API server's docs write it."""
    env = {"TELEGRAM_API_BASE_URL": f"{fake_bot_api.url}/bot/"}
    with running_bot(fake_bot_api, tmp_path, env) as run:
        hana = run.supporter("Hana", "ja")
        hana.command("/start")
        assert "帰国事業" in (hana.question().text or "")
    assert_clean(fake_bot_api)


@pytest.mark.parametrize("mode", ["polling", "webhook"])
def test_an_outage_at_start_is_waited_out_with_one_line_naming_the_host(
    fake_bot_api: FakeBotApi, tmp_path: Path, mode: str
) -> None:
    port = free_port()  # nothing listens there
    env = {"TELEGRAM_API_BASE_URL": f"http://127.0.0.1:{port}"}
    args: list[str] = []
    if mode == "webhook":
        listen = free_port()
        env |= {
            "INTAKE_LISTEN": f"127.0.0.1:{listen}",
            "INTAKE_WEBHOOK_URL": f"http://127.0.0.1:{listen}",
            "INTAKE_WEBHOOK_SECRET": "webhook-secret-for-tests_0123456789",
        }
        args = ["--webhook"]
    with running_bot(fake_bot_api, tmp_path, env, args=args) as run:
        deadline = time.monotonic() + 30
        expected = f"cannot reach the Bot API at 127.0.0.1:{port} (NetworkError); retrying"
        while run.log_path.read_text(encoding="utf-8").count(expected) < 2:
            assert time.monotonic() < deadline, run.log_path.read_text(encoding="utf-8")
            assert run.process is not None
            assert run.process.poll() is None, "the bot gave up"
            threading.Event().wait(0.05)
        if mode == "webhook":  # uvicorn waits for its start-up to end before obeying SIGINT
            assert run.process is not None
            run.process.kill()
            run.process.wait(timeout=10)
    log = run.log_path.read_text(encoding="utf-8")
    assert "Traceback" not in log
    assert fake_bot_api.token.split(":")[1] not in log


def test_json_logs_and_metrics_on_a_loopback_port(
    fake_bot_api: FakeBotApi, tmp_path: Path
) -> None:
    port = free_port()
    env = {"INTAKE_LOG_FORMAT": "json", "INTAKE_METRICS_PORT": str(port)}
    with running_bot(fake_bot_api, tmp_path, env) as run:
        hana = run.supporter("Hana", "ja")
        hana.command("/start")
        hana.say("秘密の言葉")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as response:
            metrics = response.read().decode()
    assert 'intake_updates_total{kind="message"} 2.0' in metrics
    assert str(hana.user.id) not in metrics
    entries = [json.loads(line) for line in run.log_path.read_text("utf-8").splitlines() if line]
    assert {e["level"] for e in entries} <= {"INFO", "WARNING"}
    assert any(e["message"].endswith("done") for e in entries)
    assert not any("秘密" in e["message"] for e in entries)


@pytest.mark.parametrize("code", [None, "en"])
def test_a_supporter_whose_language_is_unknown_is_asked_first(
    bot: BotRun, code: str | None
) -> None:
    wang = bot.supporter("Wang", code)
    wang.command("/start")
    picker = wang.question()
    lines = (picker.text or "").splitlines()
    assert lines == ["言語を選んでください。", "언어를 선택해 주십시오.", "请选择语言。"]
    assert wang.labels() == ["日本語", "한국어", "中文 (简体)"]
    wang.press("中文 (简体)")
    assert "归国事业" in (wang.question().text or "")  # the consent, in Chinese
    assert_clean(bot.server)
