"""The cost of sealing a case: the submitting input with the stub sealed to one and to
two age keys, against the same input writing an unsealed stub, in the same run (SQLite).

Each measured input is the last one of an intake (Send), so it writes the stub, its
alert and its contact route in one transaction; sealing adds one X25519 key agreement
per recipient and a ChaCha20-Poly1305 pass over the stub's JSON.
"""

from __future__ import annotations

import json
import secrets
import statistics
import tempfile
import time
from pathlib import Path

from pyrage import x25519

from bot.app import Intake
from bot.engine import inputs as i
from bot.i18n import Catalogs
from bot.store.database import Database
from bot.store.db import make_engine
from bot.store.flows import FlowRegistry
from bot.store.keys import ServerKeys
from bot.store.migrate import upgrade
from bot.store.sealing import Sealer

ROOT = Path(__file__).resolve().parents[1]
CASES = 60
#: Button numbers through the shipped flow to its note (as in the store tests).
TO_SEND = ["1", "1", "1", "2", "1", "1", "1", "9", "1", "1", "1", "8", "1", "6"]


def measure(sealer: Sealer | None, directory: Path, name: str) -> float:
    """Seconds per submitting input (median over the cases)."""
    engine = make_engine(f"sqlite:///{directory / name}.db")
    upgrade(engine)
    db = Database(engine, ServerKeys.from_secret(secrets.token_bytes(32)), sealer=sealer)
    registry = FlowRegistry(db)
    assert registry.publish((ROOT / "flows" / "intake.yaml").read_bytes(), "intake.yaml").ok
    service = Intake(db, registry, Catalogs.load(ROOT / "locales"), channel="bench")
    times = []
    for chat in range(CASES):
        service.handle(chat, None, i.Start("ja"))
        for line in [*TO_SEND, "母は元気ですが薬が足りません", "1", "1"]:  # contact yes, ja
            service.handle(chat, None, i.Text(line))
        start = time.perf_counter()
        turn = service.handle(chat, None, i.Text("14"))  # send: the stub is written
        times.append(time.perf_counter() - start)
        assert turn is not None
        assert turn.outcome.stub is not None
    engine.dispose()
    return statistics.median(times)


def encryption_alone(keys: list[str]) -> tuple[float, float]:
    """Seconds to seal one stub's JSON to ``keys`` and to encrypt it with the server key."""
    body = {
        "reference": "ABCD-1234",
        "answers": {"relation": "family_japan", "threats": ["forced_return", "illness"]},
        "texts": {"note": "母は元気ですが薬が足りません。" * 20},
    }
    sealer = Sealer(tuple(keys))
    server = ServerKeys.from_secret(secrets.token_bytes(32))
    rounds = 300

    def timed(fn: object) -> float:
        assert callable(fn)
        start = time.perf_counter()
        for _ in range(rounds):
            fn()
        return (time.perf_counter() - start) / rounds

    sealing = timed(lambda: sealer.seal(body))
    baseline = timed(lambda: server.seal(json.dumps(body, ensure_ascii=False).encode()))
    return sealing, baseline


def main() -> None:
    keys = [str(x25519.Identity.generate().to_public()) for _ in range(2)]
    sealing, baseline = encryption_alone(keys[:1])
    print("sealing: one stub's JSON, encryption alone (mean of 300):")
    print(f"  server key (baseline)      {baseline * 1e6:7.1f} µs")
    print(f"  age, one key               {sealing * 1e6:7.1f} µs   = {sealing / baseline:.1f}x")
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        plain = measure(None, directory, "plain")
        one = measure(Sealer(tuple(keys[:1])), directory, "one")
        two = measure(Sealer(tuple(keys)), directory, "two")
    print("sealing: the submitting input (stub, alert, route), median of", CASES, "cases:")
    print(f"  unsealed stub (baseline)   {plain * 1000:7.2f} ms")
    print(f"  sealed to one key          {one * 1000:7.2f} ms   = {one / plain:.2f}x the baseline")
    print(f"  sealed to two keys         {two * 1000:7.2f} ms   = {two / plain:.2f}x the baseline")


if __name__ == "__main__":
    main()
