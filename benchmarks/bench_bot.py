"""The whole bot over HTTP: simulated supporters completing intakes through the fake Bot API.

Two setups, as deployed: long polling on SQLite (one process), and two webhook replicas
on PostgreSQL behind one URL (a round-robin proxy). Supporters run at once, each in a
thread, and measure the time from each action (a press, a typed note) to the bot's reply
that lets them go on. The baseline, in the same run and through the same fake server in
the same mode, is a PTB bot that only answers each update with one "ok"
(``benchmarks.baseline_bot``); its supporters send as many updates each.

The bot sends more per update than the baseline (the answered question is edited, the next
one sent) and paces each chat as Telegram requires (bursts of 4, then one message a
second), so much of the gap is deliberate waiting, not work.
"""

from __future__ import annotations

import os
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import create_engine

from bot.store.db import make_engine
from bot.store.migrate import upgrade
from tests.support.bot_process import running_bot
from tests.support.fake_bot_api import FakeBotApi, SimUser
from tests.support.intake_driver import complete_intake, plan
from tests.support.round_robin import RoundRobinProxy
from tests.support.webhook_replicas import (
    SECRET_KEY,
    free_port,
    set_webhook,
    webhook_replica,
)

SUPPORTERS = 16
BASELINE = [sys.executable, "-m", "benchmarks.baseline_bot"]
POSTGRES_URL = os.environ.get(
    "INTAKE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
TIMEOUT = 120.0


@dataclass(frozen=True)
class Figures:
    updates: int
    seconds: float
    latencies: list[float]

    @property
    def rate(self) -> float:
        return self.updates / self.seconds

    def percentile(self, p: int) -> float:
        return statistics.quantiles(self.latencies, n=100)[p - 1]


def _supporters(work: Callable[[int], list[float]]) -> Figures:
    """Run ``work(k)`` for every supporter at once; it returns its action->reply latencies."""
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=SUPPORTERS) as pool:
        per_supporter = list(pool.map(work, range(SUPPORTERS)))
    seconds = time.perf_counter() - start
    latencies = [t for each in per_supporter for t in each]
    return Figures(len(latencies), seconds, latencies)


def intakes(server: FakeBotApi, *, acked: bool) -> Figures:
    def one(k: int) -> list[float]:
        return complete_intake(server, f"S{k}", plan(k), acked=acked, timeout=TIMEOUT).latencies

    return _supporters(one)


def oks(server: FakeBotApi, actions: int) -> Figures:
    """Baseline supporters: type ``actions`` messages, each time waiting for the "ok"."""

    def one(k: int) -> list[float]:
        user: SimUser = server.add_user(f"B{k}", language_code="ja")
        latencies: list[float] = []
        for n in range(actions):
            start = time.perf_counter()
            server.send_text(user, f"message {n}")
            server.wait_until(lambda: server.bot_message_count(user) > len(latencies), TIMEOUT)
            latencies.append(time.perf_counter() - start)
        return latencies

    return _supporters(one)


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


def polling(tmp: Path) -> tuple[Figures, Figures]:
    for sub in ("bot", "base"):
        (tmp / sub).mkdir(parents=True)
    with FakeBotApi() as server, running_bot(server, tmp / "bot"):
        bot = intakes(server, acked=False)
        assert server.rejected_calls == [], server.rejected_calls[:3]
    with FakeBotApi() as server, running_bot(server, tmp / "base", command=BASELINE):
        base = oks(server, round(bot.updates / SUPPORTERS))
    return bot, base


def _replicas(
    server: FakeBotApi, tmp: Path, env: dict[str, str], command: list[str] | None
) -> ExitStack:
    stack = ExitStack()
    ports = [free_port(), free_port()]
    for name, port in zip("AB", ports, strict=True):
        stack.enter_context(
            webhook_replica(server, tmp / name, name, port=port, env=env, command=command)
        )
    proxy = stack.enter_context(RoundRobinProxy([f"http://127.0.0.1:{p}" for p in ports]))
    set_webhook(server, proxy.url)
    return stack


def webhook(tmp: Path) -> tuple[Figures, Figures]:
    with postgres_schema() as url, FakeBotApi() as server:
        env = {"INTAKE_DATABASE_URL": url, "INTAKE_REPLICAS": "2", "INTAKE_SECRET_KEY": SECRET_KEY}
        with _replicas(server, tmp / "bot", env, None):
            bot = intakes(server, acked=True)
            assert server.rejected_calls == [], server.rejected_calls[:3]
    with FakeBotApi() as server, _replicas(server, tmp / "base", {}, BASELINE):
        base = oks(server, round(bot.updates / SUPPORTERS))
    return bot, base


def _report(name: str, bot: Figures, base: Figures) -> None:
    print(f"  {name}")
    print(
        f"    updates/s      bot {bot.rate:7.1f}   baseline {base.rate:7.1f}"
        f"   = {base.rate / bot.rate:5.1f}x the baseline's time per update"
    )
    for p in (50, 95):
        b, o = bot.percentile(p), base.percentile(p)
        print(
            f"    p{p} latency    bot {b * 1000:6.0f} ms  baseline {o * 1000:6.0f} ms"
            f"  = {b / o:5.1f}x"
        )


def main() -> None:
    print(
        f"bot: {SUPPORTERS} supporters at once, each a whole intake; the baseline answers"
        " each update with one 'ok' (same fake server, same mode, as many updates):"
    )
    with tempfile.TemporaryDirectory() as tmp:
        bot, base = polling(Path(tmp) / "polling")
        _report(f"polling, SQLite ({bot.updates} updates)", bot, base)
        try:
            bot, base = webhook(Path(tmp) / "webhook")
        except Exception as exc:  # no PostgreSQL here: say so, keep the polling figures
            if "OperationalError" not in type(exc).__name__:
                raise
            print(f"  webhook skipped: PostgreSQL unreachable ({type(exc).__name__})")
            return
        _report(f"2 webhook replicas, PostgreSQL ({bot.updates} updates)", bot, base)


if __name__ == "__main__":
    main()
