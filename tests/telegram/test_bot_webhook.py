"""The bot end to end in webhook mode: ``intake-bot run --webhook`` behind the fake Bot API.

One replica on SQLite (the webhook's own rules: secret header, bad bodies, health), then
two replicas on PostgreSQL behind one URL with many supporters at once, and again with
one replica killed mid-run. Every test asserts on what supporters saw, on the stubs, and
that the fake server (as strict as Telegram) rejected no call.
"""

from __future__ import annotations

import http.client
import json
import random
import signal
import threading
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from bot.app import open_database
from bot.config import Settings
from bot.store.db import make_engine
from bot.store.inbox import Inbox
from bot.store.migrate import upgrade
from bot.store.models import ChatSession
from bot.store.stubs import StubRepository, StubView
from tests.conftest import TEST_KEY_DIR, database_url
from tests.support.fake_bot_api import Call, FakeBotApi
from tests.support.intake_driver import Result, complete_intake, plan
from tests.support.round_robin import RoundRobinProxy
from tests.support.webhook_replicas import (
    SECRET,
    SECRET_KEY,
    free_port,
    http_status,
    set_webhook,
    webhook_replica,
)

SUPPORTERS = 12


def stubs(settings: dict[str, str]) -> list[StubView]:
    db = open_database(Settings.from_env(settings), migrate=False)
    try:
        return StubRepository(db).find(actor="test")
    finally:
        db.dispose()


def session_count(settings: dict[str, str]) -> int:
    db = open_database(Settings.from_env(settings), migrate=False)
    try:
        with db.transaction() as tx:
            return len(list(tx.scalars(select(ChatSession))))
    finally:
        db.dispose()


def assert_clean(server: FakeBotApi) -> None:
    assert server.rejected_calls == [], server.rejected_calls
    assert server.privacy_violations == []
    assert server.webhook_dropped == []


def assert_stubs_match(results: list[Result], views: list[StubView], server: FakeBotApi) -> None:
    """One stub per supporter, holding exactly that supporter's answers and note."""
    assert len(views) == len(results)
    assert len({v.reference for v in views}) == len(views)
    by_answers = {json.dumps(v.answers, sort_keys=True): v for v in views}
    assert len(by_answers) == len(views), "two stubs with the same answers"
    for result in results:
        view = by_answers.get(json.dumps(result.answers, sort_keys=True))
        assert view is not None, f"no stub with {result.user.first_name}'s answers"
        assert view.locale == result.plan.locale
        assert view.texts.get("note") == result.plan.note
        if not result.submitted_unseen:
            shown = "\n".join(m.text or "" for m in server.bot_messages(result.user))
            assert view.reference in shown


def run_supporters(server: FakeBotApi, count: int, *, first: int = 0) -> list[Result]:
    """``count`` supporters complete their intakes at once, each in a thread of its own."""
    plans = [plan(k) for k in range(first, first + count)]
    with ThreadPoolExecutor(max_workers=count) as pool:
        futures = [
            pool.submit(complete_intake, server, f"S{k}", p, acked=True, timeout=90)
            for k, p in enumerate(plans, start=first)
        ]
        return [f.result() for f in futures]


# --- one replica on SQLite --------------------------------------------------------------


@pytest.fixture
def replica(fake_bot_api: FakeBotApi, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    port = free_port()
    with webhook_replica(fake_bot_api, tmp_path, "replica", port=port):
        url = f"http://127.0.0.1:{port}"
        assert "webhook set" in set_webhook(fake_bot_api, url)
        yield url, tmp_path


def test_one_replica_serves_a_whole_intake(
    fake_bot_api: FakeBotApi, replica: tuple[str, Path]
) -> None:
    _url, data_dir = replica
    [result] = [complete_intake(fake_bot_api, "Hana", plan(0), acked=True)]
    [view] = stubs({"INTAKE_DATA_DIR": str(data_dir), "INTAKE_SECRET_KEY": SECRET_KEY})
    assert_stubs_match([result], [view], fake_bot_api)
    assert view.answers["relation"] == plan(0).choices["relation"]
    assert result.recoveries == 0
    # One live message, edited at each step; the typed note was deleted once stored.
    [live] = fake_bot_api.chat(result.user)
    assert live.from_bot
    assert live.protect_content
    assert live.edit_date
    # Every update reached the bot with the secret, and went through the first time.
    deliveries = fake_bot_api.webhook_deliveries
    assert deliveries
    assert all(d.status == 200 and d.attempt == 1 for d in deliveries)
    assert {d.secret_header for d in deliveries} == {SECRET}
    # Metrics: counts and times only, never an id or a reference.
    with urllib.request.urlopen(f"{_url}/metrics", timeout=10) as response:
        metrics = response.read().decode()
    assert 'intake_updates_total{kind="callback_query"}' in metrics
    assert 'intake_update_outcomes_total{outcome="handled"}' in metrics
    assert "intake_update_seconds_bucket" in metrics
    assert "intake_inbox_updates 0.0" in metrics  # every update answered and gone
    assert str(result.user.id) not in metrics
    assert view.reference not in metrics
    # The start-up hook ran in webhook mode too (it also starts the hourly purge).
    # Each supporter language, and the default ("") in all three for every other phone.
    assert {language for _, language in fake_bot_api.commands} == {"", "ja", "ko", "zh"}
    assert_clean(fake_bot_api)


def test_webhook_refuses_a_wrong_secret_and_a_malformed_body(
    fake_bot_api: FakeBotApi, replica: tuple[str, Path]
) -> None:
    url, data_dir = replica
    hana = fake_bot_api.add_user("Hana")
    update = {
        "update_id": 1,
        "message": {
            "message_id": 1,
            "date": 0,
            "chat": {"id": hana.id, "type": "private", "first_name": "Hana"},
            "from": hana.to_json(),
            "text": "/start",
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
        },
    }
    body = json.dumps(update).encode()
    json_type = {"Content-Type": "application/json"}
    calls_before = len(fake_bot_api.calls())
    secret = "X-Telegram-Bot-Api-Secret-Token"
    assert http_status(f"{url}/telegram", body, json_type) == 403  # no secret
    assert http_status(f"{url}/telegram", body, json_type | {secret: "wrong" * 5}) == 403
    assert http_status(f"{url}/telegram", body, json_type | {secret: SECRET[:-1]}) == 403
    for malformed in [
        b"{not json",
        b"[1, 2]",
        b"null",
        b"{}",
        b'{"update_id": 9, "message": "x"}',
    ]:
        assert http_status(f"{url}/telegram", malformed, json_type | {secret: SECRET}) == 400
    # Oversized: refused from its Content-Length, or at the limit when sent in chunks.
    big = b'{"update_id": 1, "x": "' + b"a" * (2 << 20) + b'"}'
    assert http_status(f"{url}/telegram", big, json_type | {secret: SECRET}) == 413
    assert _chunked_status(url, big, SECRET) == 413
    assert http_status(f"{url}/healthz") == 200
    settings = {"INTAKE_DATA_DIR": str(data_dir), "INTAKE_SECRET_KEY": SECRET_KEY}
    assert session_count(settings) == 0  # nothing was applied
    assert len(fake_bot_api.calls()) == calls_before  # and nothing was sent
    assert fake_bot_api.bot_messages(hana) == []
    assert_clean(fake_bot_api)


def _chunked_status(url: str, body: bytes, secret: str) -> int:
    """POST ``body`` in 64 KiB chunks, with no Content-Length; the status, 0 if cut off."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    try:
        chunks = (body[i : i + (1 << 16)] for i in range(0, len(body), 1 << 16))
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret, "Content-Type": "application/json"}
        connection.request("POST", "/telegram", body=chunks, headers=headers, encode_chunked=True)
        return connection.getresponse().status
    except OSError:  # the server may close the connection once it has refused
        return 0
    finally:
        connection.close()


# --- two replicas on PostgreSQL behind one URL ------------------------------------------


@pytest.fixture
def pg_url(tmp_path: Path) -> Iterator[str]:
    """A fresh PostgreSQL schema, upgraded (the bot upgrades only SQLite by itself)."""
    for url in database_url("postgresql", tmp_path):
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        yield url


def replica_env(pg_url: str) -> dict[str, str]:
    """Replicas share the database and the data keys, as compose's volumes give them."""
    return {
        "INTAKE_DATABASE_URL": pg_url,
        "INTAKE_REPLICAS": "2",
        "INTAKE_KEY_DIR": str(TEST_KEY_DIR),
    }


@pytest.mark.postgres
def test_two_replicas_many_supporters_at_once(
    fake_bot_api: FakeBotApi, tmp_path: Path, pg_url: str
) -> None:
    ports = [free_port(), free_port()]
    with ExitStack() as stack:
        for name, port in zip("AB", ports, strict=True):  # one after the other: one publishes
            stack.enter_context(
                webhook_replica(
                    fake_bot_api, tmp_path / name, name, port=port, env=replica_env(pg_url)
                )
            )
        proxy = stack.enter_context(RoundRobinProxy([f"http://127.0.0.1:{p}" for p in ports]))
        set_webhook(fake_bot_api, proxy.url)
        results = run_supporters(fake_bot_api, SUPPORTERS)
        assert all(count > 50 for count in proxy.forwarded.values()), proxy.forwarded
        assert len(proxy.forwarded) == 2
        assert not proxy.failed
    settings = {**replica_env(pg_url), "INTAKE_SECRET_KEY": SECRET_KEY}
    assert_stubs_match(results, stubs(settings), fake_bot_api)
    assert all(r.recoveries == 0 and not r.submitted_unseen for r in results)
    assert all(d.status == 200 for d in fake_bot_api.webhook_deliveries)
    for name in "AB":
        log = (tmp_path / name / f"{name}.log").read_text(encoding="utf-8")
        assert " failed:" not in log, log
    assert_clean(fake_bot_api)


def _rejected_by_redelivery(server: FakeBotApi) -> list[Call]:
    """Rejected calls other than the ones a killed replica makes unavoidable.

    A replica killed after answering a press (or editing the answered question) but
    before committing leaves that done; the redelivered update does it again, and Telegram
    refuses to answer a query twice or to edit to identical content. The bot expects both
    refusals and goes on.
    """

    def expected(call: Call) -> bool:
        if call.method == "answerCallbackQuery":
            return server.callback_query(str(call.params["callback_query_id"])).answered
        return call.method.startswith("edit") and "not modified" in (call.description or "")

    return [c for c in server.rejected_calls if not expected(c)]


@pytest.mark.postgres
@pytest.mark.parametrize("seed", [1, 2])
def test_replicas_killed_at_random_moments_and_restarted(
    tmp_path: Path, pg_url: str, seed: int
) -> None:
    """kill -9 of each replica in turn, at a random moment, then a restart: every input
    is applied exactly once and every supporter sees their question or their reference."""
    pick = random.Random(seed)
    # Telegram keeps retrying for hours; the fake server gives up sooner unless told.
    with FakeBotApi(webhook_max_attempts=12, webhook_retry_delay=0.05) as server:
        ports = [free_port(), free_port()]
        backends = [f"http://127.0.0.1:{p}" for p in ports]
        with ExitStack() as stack:
            replicas = [
                stack.enter_context(
                    webhook_replica(
                        server, tmp_path / name, name, port=port, env=replica_env(pg_url)
                    )
                )
                for name, port in zip("AB", ports, strict=True)
            ]
            proxy = stack.enter_context(RoundRobinProxy(backends))
            set_webhook(server, proxy.url)

            def kill_and_restart() -> None:
                moment = 0
                for index in (1, 0):  # B, then A
                    moment += pick.randint(20, 60)
                    server.wait_until(lambda: len(server.calls("editMessageText")) >= moment, 90)  # noqa: B023
                    threading.Event().wait(pick.uniform(0.0, 0.3))
                    process = replicas[index].process
                    assert process is not None
                    process.send_signal(signal.SIGKILL)
                    process.wait(timeout=10)
                    name = "AB"[index]
                    replicas[index] = stack.enter_context(
                        webhook_replica(
                            server,
                            tmp_path / name,
                            f"{name}2",
                            port=ports[index],
                            env=replica_env(pg_url),
                        )
                    )

            with ThreadPoolExecutor(max_workers=1) as killer:
                restarted = killer.submit(kill_and_restart)
                results = run_supporters(server, SUPPORTERS)
                restarted.result()
            # A second wave once both replicas are back, so that each restarted replica
            # serves updates however late in the first wave its kill fell (under load the
            # second kill can come with the last few replies).
            results += run_supporters(server, 2, first=SUPPORTERS)
        settings = {**replica_env(pg_url), "INTAKE_SECRET_KEY": SECRET_KEY}
        assert_stubs_match(results, stubs(settings), server)
        assert server.webhook_dropped == []
        assert server.privacy_violations == []
        assert _rejected_by_redelivery(server) == []
        db = open_database(Settings.from_env(settings), migrate=False)
        try:
            assert Inbox(db, "telegram").count() == 0  # every update answered and gone
        finally:
            db.dispose()
        print(
            "killed mid-run:", len(server.rejected_calls), "refusals of repeated calls,",
            sum(r.recoveries for r in results), "replies lost after commit,",
            sum(d.status != 200 for d in server.webhook_deliveries), "failed deliveries",
        )  # fmt: skip
        # After its restart each replica took its share of updates again.
        for name in "AB":
            log = (tmp_path / name / f"{name}2.log").read_text(encoding="utf-8")
            assert log.count(" done") > 0
