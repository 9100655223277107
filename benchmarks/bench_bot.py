"""The whole bot over HTTP: simulated supporters completing intakes through the fake Bot API.

Two setups, as deployed: long polling on SQLite (one process), and two webhook replicas on
PostgreSQL behind one URL (a round-robin proxy). Supporters run at once, each in a thread,
and measure the time from each action (a press, a typed note) to the bot's reply that
lets them go on. Two paces: as fast as the bot answers, and a human pace (2-3 s between a
reply and the next action, not counted in the latency).

Baselines, in the same run, through the same fake server in the same mode, with as many
updates per supporter (``benchmarks.baseline_bot``):

- minimal: a PTB bot that answers each update with one "ok", no limiter, no database;
- PTB + AIORateLimiter: the shape of a hand-written PTB intake, two chat calls per step
  (close the answered question, send the next one) under PTB's own rate limiter; with two
  webhook replicas each takes half of Telegram's 30 a second, as the bot's replicas do.

Every run must end with no call refused by the fake server (as strict as Telegram). The
flood figure: a new supporter's first reply while another chat sends 1,000 messages,
next to the same first reply in a quiet bot.
"""

from __future__ import annotations

import os
import random
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import create_engine

from bot.store.db import make_engine
from bot.store.migrate import upgrade
from tests.support.bot_process import running_bot
from tests.support.fake_bot_api import Call, FakeBotApi, SimUser
from tests.support.intake_driver import Pace, complete_intake, plan
from tests.support.round_robin import RoundRobinProxy
from tests.support.webhook_replicas import SECRET_KEY, free_port, set_webhook, webhook_replica

BASELINE = [sys.executable, "-m", "benchmarks.baseline_bot"]
POSTGRES_URL = os.environ.get(
    "INTAKE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
TIMEOUT = 180.0
HUMAN: Pace = (2.0, 3.0)
#: (supporters, pace) for each row; a human pace only where it matters, at 100.
ROWS: list[tuple[int, Pace]] = [(20, None), (100, None), (100, HUMAN)]
#: Bot API methods that are not about a chat (start-up, polling).
_HOUSEKEEPING = ("getupdates", "getme", "setmy", "deletewebhook", "setwebhook", "getwebhook")


@dataclass(frozen=True)
class Figures:
    updates: int
    seconds: float
    latencies: list[float]
    calls: list[Call]

    @property
    def rate(self) -> float:
        return self.updates / self.seconds

    def percentile(self, p: int) -> float:
        return statistics.quantiles(self.latencies, n=100)[p - 1]

    @property
    def chat_calls(self) -> list[Call]:
        return [c for c in self.calls if not c.method.lower().startswith(_HOUSEKEEPING)]

    def busiest_second(self) -> int:
        """Most calls naming a chat in any one-second window (Telegram allows about 30)."""
        times = sorted(c.at for c in self.chat_calls if "chat_id" in c.params)
        most, first = 0, 0
        for last, at in enumerate(times):
            while at - times[first] >= 1.0:
                first += 1
            most = max(most, last - first + 1)
        return most


def _supporters(count: int, work: Callable[[int], list[float]]) -> tuple[float, list[float]]:
    """Run ``work(k)`` for every supporter at once; it returns its action->reply latencies."""
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=count) as pool:
        per_supporter = list(pool.map(work, range(count)))
    return time.perf_counter() - start, [t for each in per_supporter for t in each]


def intakes(server: FakeBotApi, count: int, pace: Pace, *, acked: bool) -> Figures:
    def one(k: int) -> list[float]:
        result = complete_intake(server, f"S{k}", plan(k), acked=acked, timeout=TIMEOUT, pace=pace)
        return result.latencies

    seconds, latencies = _supporters(count, one)
    _no_refusals(server)
    return Figures(len(latencies), seconds, latencies, server.calls())


def oks(server: FakeBotApi, count: int, pace: Pace, actions: int) -> Figures:
    """Baseline supporters: type ``actions`` messages, each time waiting for the answer."""

    def one(k: int) -> list[float]:
        user: SimUser = server.add_user(f"B{k}", language_code="ja")
        think = random.Random(k)
        latencies: list[float] = []
        for n in range(actions):
            if pace is not None:
                time.sleep(think.uniform(*pace))
            before = server.bot_message_count(user)
            start = time.perf_counter()
            server.send_text(user, f"message {n}")
            server.wait_until(lambda: server.bot_message_count(user) > before, TIMEOUT)  # noqa: B023
            latencies.append(time.perf_counter() - start)
        return latencies

    seconds, latencies = _supporters(count, one)
    _no_refusals(server)
    return Figures(len(latencies), seconds, latencies, server.calls())


def _no_refusals(server: FakeBotApi) -> None:
    refused = server.rejected_calls
    assert refused == [], [f"{c.method}: {c.description}" for c in refused[:3]]


@contextmanager
def postgres_schema() -> Iterator[str]:
    schema = f"bench_{secrets.token_hex(4)}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in POSTGRES_URL else "?"
    url = f"{POSTGRES_URL}{separator}options={quote(f'-csearch_path={schema}')}"
    try:
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        yield url
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        admin.dispose()


@contextmanager
def polling_bot(tmp: Path, command: list[str] | None, env: dict[str, str]) -> Iterator[FakeBotApi]:
    tmp.mkdir(parents=True)
    with FakeBotApi() as server, running_bot(server, tmp, env, command=command):
        yield server


@contextmanager
def webhook_bots(
    tmp: Path, command: list[str] | None, env: dict[str, str]
) -> Iterator[FakeBotApi]:
    with ExitStack() as stack:
        env = dict(env) | {"INTAKE_REPLICAS": "2"}  # each replica takes half of 30 a second
        if command is None:
            url = stack.enter_context(postgres_schema())
            env |= {"INTAKE_DATABASE_URL": url}
            env |= {"INTAKE_SECRET_KEY": SECRET_KEY}
        server = stack.enter_context(FakeBotApi())
        ports = [free_port(), free_port()]
        for name, port in zip("AB", ports, strict=True):
            stack.enter_context(
                webhook_replica(server, tmp / name, name, port=port, env=env, command=command)
            )
        proxy = stack.enter_context(RoundRobinProxy([f"http://127.0.0.1:{p}" for p in ports]))
        set_webhook(server, proxy.url)
        yield server


Setup = Callable[[Path, list[str] | None, dict[str, str]], AbstractContextManager[FakeBotApi]]


def row(setup: Setup, tmp: Path, count: int, pace: Pace, *, acked: bool) -> None:
    label = f"{count} supporters, {'human pace' if pace else 'as fast as the bot answers'}"
    with setup(tmp / "bot", None, {}) as server:
        bot = intakes(server, count, pace, acked=acked)
    actions = round(bot.updates / count)
    with setup(tmp / "minimal", BASELINE, {}) as server:
        minimal = oks(server, count, pace, actions)
    with setup(tmp / "limited", BASELINE, {"BASELINE_STEP": "two"}) as server:
        limited = oks(server, count, pace, actions)
    print(f"    {label} ({bot.updates} updates)")
    print("                     updates/s    p50 ms    p95 ms    max ms  calls/step  busiest s")
    for name, f in (("bot", bot), ("minimal", minimal), ("PTB+limiter", limited)):
        print(
            f"      {name:13} {f.rate:10.1f} {f.percentile(50) * 1000:9.0f}"
            f" {f.percentile(95) * 1000:9.0f} {max(f.latencies) * 1000:9.0f}"
            f" {len(f.chat_calls) / f.updates:11.2f} {f.busiest_second():10d}"
        )
    print(
        f"      bot/minimal: p95 {bot.percentile(95) / minimal.percentile(95):.2f}x,"
        f" throughput {bot.rate / minimal.rate:.2f}x;"
        f" bot/PTB+limiter: p95 {bot.percentile(95) / limited.percentile(95):.2f}x;"
        f" Bot API calls per intake {len(bot.chat_calls) / count:.1f}"
    )


def first_reply(server: FakeBotApi, name: str) -> float:
    user = server.add_user(name, language_code="ko")
    start = time.perf_counter()
    server.send_command(user, "/start")
    server.wait_until(lambda: server.latest_keyboard(user) is not None, TIMEOUT)
    return time.perf_counter() - start


def flood(tmp: Path) -> None:
    with polling_bot(tmp / "flood", None, {}) as server:
        quiet = statistics.median(first_reply(server, f"Q{k}") for k in range(5))
        flooder = server.add_user("Flood", language_code="ja")
        server.send_command(flooder, "/start")
        for n in range(1000):
            server.send_text(flooder, f"spam {n}")
        flooded = first_reply(server, "Other")
        server.wait_until(lambda: server.pending_update_count == 0, TIMEOUT)
        _no_refusals(server)
    print(
        f"    flood: another supporter's first reply {flooded * 1000:.0f} ms while one chat"
        f" sends 1,000 messages; {quiet * 1000:.0f} ms in a quiet bot"
        f" ({flooded / quiet:.1f}x)"
    )


def main() -> None:
    print("bot: whole intakes at once, against two PTB baselines (same fake server and mode):")
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        print("  polling, SQLite")
        for n, (count, pace) in enumerate(ROWS):
            row(polling_bot, base / f"polling{n}", count, pace, acked=False)
        flood(base)
        try:
            with postgres_schema():
                pass
        except Exception as exc:  # no PostgreSQL here: say so, keep the polling figures
            print(f"  webhook skipped: PostgreSQL unreachable ({type(exc).__name__})")
            return
        print("  2 webhook replicas, PostgreSQL")
        for n, (count, pace) in enumerate(ROWS):
            row(webhook_bots, base / f"webhook{n}", count, pace, acked=True)


if __name__ == "__main__":
    main()
