"""The cost of data keys that expire, next to baselines measured in the same run.

- encryption alone: a session's JSON under the day's data key, against the single key
  derived from the secret that version 1 used;
- the daily rewrite: the hourly purge on a day change (every live row rewritten under
  the new key, the keys of the day before yesterday destroyed), against the same purge
  within a day (nothing to rewrite), for 1,000 intakes in progress on SQLite.
"""

from __future__ import annotations

import json
import secrets
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.app import Intake
from bot.engine import inputs as i
from bot.i18n import Catalogs
from bot.store.database import Database
from bot.store.db import make_engine
from bot.store.flows import FlowRegistry
from bot.store.keys import ServerKeys
from bot.store.migrate import upgrade
from bot.store.purge import purge

ROOT = Path(__file__).resolve().parents[1]
INTAKES = 1000
TTL, RETENTION = timedelta(hours=72), timedelta(days=180)


def encryption_alone() -> tuple[float, float]:
    keys = ServerKeys.from_secret(secrets.token_bytes(32))
    state = json.dumps({"answers": {"note": "母は元気ですが薬が足りません。" * 20}}).encode()
    rounds = 2000

    def timed(seal: object) -> float:
        assert callable(seal)
        start = time.perf_counter()
        for _ in range(rounds):
            seal(state)
        return (time.perf_counter() - start) / rounds

    return timed(keys.seal), timed(keys._legacy.encrypt)


def daily_rewrite(directory: Path) -> tuple[float, float, int]:
    at = [datetime(2026, 12, 1, 9, tzinfo=UTC)]
    keys = ServerKeys.from_secret(secrets.token_bytes(32), directory / "keys", lambda: at[0])
    engine = make_engine(f"sqlite:///{directory / 'rekey.db'}")
    upgrade(engine)
    db = Database(engine, keys, now=lambda: at[0])
    registry = FlowRegistry(db)
    assert registry.publish((ROOT / "flows" / "intake.yaml").read_bytes(), "intake.yaml").ok
    service = Intake(db, registry, Catalogs.load(ROOT / "locales"), channel="bench")
    for chat in range(INTAKES):
        service.handle(chat, None, i.Start("ja"))
        service.handle(chat, None, i.Text("1"))
    start = time.perf_counter()
    within = purge(db, session_ttl=TTL, case_retention=RETENTION)
    baseline = time.perf_counter() - start
    at[0] += timedelta(days=1)
    start = time.perf_counter()
    changed = purge(db, session_ttl=TTL, case_retention=RETENTION)
    rewrite = time.perf_counter() - start
    assert within.rewritten == 0
    engine.dispose()
    return rewrite, baseline, changed.rewritten


def main() -> None:
    daily, legacy = encryption_alone()
    print("data keys: a session's JSON, encryption alone (mean of 2000):")
    print(f"  secret-derived key, v1 (baseline) {legacy * 1e6:7.1f} µs")
    print(f"  day's data key                    {daily * 1e6:7.1f} µs   = {daily / legacy:.2f}x")
    with tempfile.TemporaryDirectory() as tmp:
        rewrite, baseline, rows = daily_rewrite(Path(tmp))
    print(f"data keys: the hourly purge with {INTAKES} intakes in progress (SQLite):")
    print(f"  within a day, nothing to rewrite (baseline) {baseline * 1000:8.1f} ms")
    print(
        f"  on a day change, {rows} rows rewritten      {rewrite * 1000:8.1f} ms"
        f"   = {rewrite / baseline:.1f}x, {rewrite / rows * 1e6:.0f} µs a row"
    )


if __name__ == "__main__":
    main()
