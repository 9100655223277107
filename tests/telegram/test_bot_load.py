"""The polling bot under load: many supporters at once, a flooding chat, kill -9.

Functional checks only (who finished, what was stored, what Telegram refused); how fast
is measured by ``make bench``, never asserted here.
"""

from __future__ import annotations

import random
import signal
import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

from bot.app import open_database
from bot.config import Settings
from bot.store.inbox import Inbox
from bot.store.stubs import StubRepository
from tests.support.bot_process import running_bot
from tests.support.fake_bot_api import FakeBotApi
from tests.support.intake_driver import Result, complete_intake, plan
from tests.telegram.test_bot_webhook import _rejected_by_redelivery, assert_stubs_match

SLOW_DOWN = "メッセージが速すぎて"


def supporters(server: FakeBotApi, count: int) -> list[Result]:
    plans = [plan(k) for k in range(count)]
    with ThreadPoolExecutor(max_workers=count) as pool:
        futures = [
            pool.submit(complete_intake, server, f"S{k}", p, acked=False, timeout=90)
            for k, p in enumerate(plans)
        ]
        return [f.result() for f in futures]


def stored(data_dir: Path) -> tuple[StubRepository, Inbox]:
    db = open_database(Settings.from_env({"INTAKE_DATA_DIR": str(data_dir)}))
    return StubRepository(db), Inbox(db, "telegram")


def test_many_supporters_at_once_one_live_message_each(
    fake_bot_api: FakeBotApi, tmp_path: Path
) -> None:
    with running_bot(fake_bot_api, tmp_path):
        results = supporters(fake_bot_api, 18)
    repository, inbox = stored(tmp_path)
    assert_stubs_match(results, repository.find(actor="test"), fake_bot_api)
    assert inbox.count() == 0  # every update answered and gone
    for result in results:  # one message per intake, edited in place; typed text deleted
        [live] = fake_bot_api.chat(result.user)
        assert live.from_bot
    assert len(fake_bot_api.calls("sendMessage")) == len(results)
    assert fake_bot_api.rejected_calls == []


def test_a_flooding_chat_is_told_once_and_holds_up_nobody(
    fake_bot_api: FakeBotApi, tmp_path: Path
) -> None:
    with running_bot(fake_bot_api, tmp_path):
        flooder = fake_bot_api.add_user("Flood", language_code="ja")
        fake_bot_api.send_command(flooder, "/start")
        for n in range(1000):
            fake_bot_api.send_text(flooder, f"spam {n}")
        results = supporters(fake_bot_api, 6)
        fake_bot_api.wait_until(lambda: fake_bot_api.pending_update_count == 0, 60)
        repository, inbox = stored(tmp_path)
        fake_bot_api.wait_until(lambda: inbox.count() == 0, 60)
    assert_stubs_match(results, repository.find(actor="test"), fake_bot_api)
    told = [m for m in fake_bot_api.bot_messages(flooder) if SLOW_DOWN in (m.text or "")]
    assert len(told) == 1
    # Most of the flood was dropped unread: far fewer calls than messages.
    flood_calls = [c for c in fake_bot_api.calls() if c.params.get("chat_id") == flooder.id]
    assert len(flood_calls) < 100
    assert fake_bot_api.rejected_calls == []


def test_kill_9_at_random_moments_loses_no_input(fake_bot_api: FakeBotApi, tmp_path: Path) -> None:
    stop = threading.Event()
    kills: list[int] = []

    def killer(stack: ExitStack) -> None:
        pick = random.Random(15)
        run = stack.enter_context(running_bot(fake_bot_api, tmp_path, log_name="bot-0.log"))
        for n in range(1, 4):
            fake_bot_api.wait_until(lambda: len(fake_bot_api.calls()) >= 60 * n, 60)  # noqa: B023
            if stop.wait(pick.uniform(0.0, 0.4)):
                return
            assert run.process is not None
            run.process.send_signal(signal.SIGKILL)
            run.process.wait(timeout=10)
            kills.append(n)
            run = stack.enter_context(running_bot(fake_bot_api, tmp_path, log_name=f"bot-{n}.log"))

    with ExitStack() as stack, ThreadPoolExecutor(max_workers=1) as pool:
        killing = pool.submit(killer, stack)
        fake_bot_api.wait_until(lambda: len(fake_bot_api.calls("setMyCommands")) >= 3, 60)
        results = supporters(fake_bot_api, 6)
        stop.set()
        killing.result()
    assert kills, "the bot was never killed"
    repository, inbox = stored(tmp_path)
    # Every answer applied exactly once: each stub holds exactly its supporter's answers.
    assert_stubs_match(results, repository.find(actor="test"), fake_bot_api)
    assert all(not r.submitted_unseen for r in results)
    assert inbox.count() == 0
    assert fake_bot_api.privacy_violations == []
    assert _rejected_by_redelivery(fake_bot_api) == []
