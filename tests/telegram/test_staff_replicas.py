"""Staff with two webhook replicas on PostgreSQL: each alert once, one claim wins,
relayed messages delivered once and in order."""

from __future__ import annotations

import random
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

import pytest

from bot.app import open_database
from bot.config import Settings
from bot.store.database import Database
from bot.store.staff import StaffRepository
from bot.store.stubs import StubRepository
from tests.support.fake_bot_api import FakeBotApi, SimUser
from tests.support.round_robin import RoundRobinProxy
from tests.support.webhook_replicas import SECRET_KEY, free_port, set_webhook, webhook_replica
from tests.telegram.test_bot_webhook import pg_url, replica_env, run_supporters

__all__ = ["pg_url"]
WAIT = 60.0


@pytest.fixture
def replicas(fake_bot_api: FakeBotApi, tmp_path: Path, pg_url: str) -> Iterator[Database]:
    ports = [free_port(), free_port()]
    with ExitStack() as stack:
        for name, port in zip("AB", ports, strict=True):
            stack.enter_context(
                webhook_replica(
                    fake_bot_api, tmp_path / name, name, port=port, env=replica_env(pg_url)
                )
            )
        proxy = stack.enter_context(RoundRobinProxy([f"http://127.0.0.1:{p}" for p in ports]))
        set_webhook(fake_bot_api, proxy.url)
        settings = {**replica_env(pg_url), "INTAKE_SECRET_KEY": SECRET_KEY}
        db = open_database(Settings.from_env(settings), migrate=False)
        yield db
        db.dispose()


def join(server: FakeBotApi, db: Database, name: str) -> SimUser:
    member = server.add_user(name, language_code="ja")
    code = StaffRepository(db).invite(
        role="staff", label=name.lower(), actor="aiko", rng=random.SystemRandom()
    )
    server.send_command(member, "/join", code)
    server.wait_until(lambda: server.bot_message_count(member) == 1, WAIT)
    return member


def texts(server: FakeBotApi, user: SimUser) -> list[str]:
    return [m.text or "" for m in server.bot_messages(user)]


@pytest.mark.postgres
def test_alerts_once_claims_exclusive_replies_once_in_order(
    fake_bot_api: FakeBotApi, replicas: Database
) -> None:
    server, db = fake_bot_api, replicas
    mina, jun = join(server, db, "Mina"), join(server, db, "Jun")
    results = run_supporters(server, 9)
    stubs = StubRepository(db).find(actor="test")
    urgent = [s.reference for s in stubs if s.priority == "urgent"]
    assert urgent, "the plans give some urgent cases"

    def alerted(user: SimUser) -> list[str]:
        return [r for r in urgent for t in texts(server, user) if t.startswith(f"新しい受付 {r}")]

    for member in (mina, jun):
        server.wait_until(lambda m=member: len(alerted(m)) >= len(urgent), WAIT)  # type: ignore[misc]
        assert sorted(alerted(member)) == sorted(urgent)  # each exactly once

    # Both press Claim on the same alert at once: one wins.
    reference = urgent[0]

    def alert_of(user: SimUser) -> int:
        heads = [m for m in server.bot_messages(user) if (m.text or "").startswith("新しい受付")]
        return next(m.message_id for m in heads if reference in (m.text or ""))

    def answered(user: SimUser) -> str | None:
        said = [t for t in texts(server, user) if t.startswith(reference)]
        return said[-1] if said else None

    with ThreadPoolExecutor(max_workers=2) as pool:
        for user in (mina, jun):
            pool.submit(server.press_button, user, alert_of(user), text="担当する")
    server.wait_until(lambda: all(answered(u) for u in (mina, jun)), WAIT)
    winners = [u for u in (mina, jun) if "担当になりました" in (answered(u) or "")]
    assert len(winners) == 1

    # Replies to a supporter who agreed to contact arrive once each, in order.
    contactable = next(
        (s for s in stubs if s.contact and s.status == "new" and s.reference != reference), None
    )
    assert contactable is not None, "the plans give some supporters who agreed to contact"
    supporter = next(r.user for r in results if r.answers == contactable.answers)
    before = server.bot_message_count(supporter)
    for n in range(3):
        server.send_command(winners[0], "/reply", f"{contactable.reference} 第{n}便")
    server.wait_until(lambda: server.bot_message_count(supporter) >= before + 3, WAIT)
    got = [t for t in texts(server, supporter) if "便" in t]
    assert [t.split("\n\n")[1] for t in got] == ["第0便", "第1便", "第2便"]
    assert server.rejected_calls == []
    assert server.privacy_violations == []
