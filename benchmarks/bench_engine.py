"""Engine speed and memory, against one bare ``transitions`` trigger in the same run.

The baseline is the least a state machine library does per input: fire one event on a
flyweight model of a machine with the same steps. The engine does that too, plus input
checks, answer bookkeeping, progress and the buttons of the next question; the ratio is
its overhead.
"""

from __future__ import annotations

import gc
import statistics
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from transitions import Machine

from bot.engine import inputs as i
from bot.engine.advance import advance, start
from bot.engine.compiled import compile_flow
from bot.engine.context import Context
from bot.engine.session import Session
from bot.flow.loader import check_file

ROOT = Path(__file__).resolve().parents[1]
N_INPUTS = 20_000
N_SESSIONS = 10_000


class _Model:
    def __init__(self, state: str) -> None:
        self.state = state


def _per_call(fn: Callable[[], object], n: int, rounds: int = 5) -> float:
    times = []
    for _ in range(rounds):
        start_time = time.perf_counter()
        for _ in range(n):
            fn()
        times.append((time.perf_counter() - start_time) / n)
    return statistics.median(times)


def main() -> None:
    import random
    from datetime import UTC, datetime

    from bot.scrub import scrub

    loaded = check_file(ROOT / "flows" / "intake.yaml")
    assert loaded.flow is not None
    compiled = compile_flow(loaded.flow)
    ctx = Context(now=lambda: datetime.now(UTC), rng=random.Random(1), scrub=scrub)

    steps = list(loaded.flow.steps)
    bare = Machine(model=None, states=steps, initial=None, auto_transitions=False)
    bare.add_transition("go", "custody", "threats")
    go = bare.events["go"]
    baseline = _per_call(lambda: go.trigger(_Model("custody")), N_INPUTS)

    session = start(compiled, "ja", ctx).session
    assert session is not None
    for _ in range(5):  # through consent, relation, link, location, nk_province
        session = advance(compiled, session, i.Text("1"), ctx).session
        assert session is not None
    assert session.step == "custody"
    at_custody = session
    choose = i.Choose("detained", "custody", session.token)
    engine = _per_call(lambda: advance(compiled, at_custody, choose, ctx), N_INPUTS)
    typed = _per_call(lambda: advance(compiled, at_custody, i.Text("わからない"), ctx), N_INPUTS)

    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    live = [Session.from_json(at_custody.to_json()) for _ in range(N_SESSIONS)]
    session_bytes = (tracemalloc.get_traced_memory()[0] - before) / N_SESSIONS
    models = [_Model("custody") for _ in range(N_SESSIONS)]
    model_bytes = (tracemalloc.get_traced_memory()[0] - before) / N_SESSIONS - session_bytes
    tracemalloc.stop()
    del live, models

    print("engine, one input at a question of the shipped flow (median of 5 rounds):")
    print(
        f"  baseline bare transitions trigger  {baseline * 1e6:8.1f} µs   {1 / baseline:>10,.0f}/s"
    )
    print(
        f"  advance (button press)             {engine * 1e6:8.1f} µs   {1 / engine:>10,.0f}/s"
        f"   = {engine / baseline:.1f}x baseline"
    )
    print(
        f"  advance (typed answer matched)     {typed * 1e6:8.1f} µs   {1 / typed:>10,.0f}/s"
        f"   = {typed / baseline:.1f}x baseline"
    )
    print(f"memory for {N_SESSIONS:,} live sessions (mid-intake, 5 answers):")
    print(f"  baseline bare model                {model_bytes:8.0f} B each")
    print(
        f"  engine session                     {session_bytes:8.0f} B each"
        f"   = {session_bytes / model_bytes:.1f}x baseline,"
        f" {session_bytes * N_SESSIONS / 2**20:.1f} MiB in all"
    )


if __name__ == "__main__":
    main()
