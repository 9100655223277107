"""Run every benchmark module (``benchmarks/bench_*.py``), or those named on the command line."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import benchmarks


def run(selected: list[str]) -> None:
    names = sorted(
        m.name for m in pkgutil.iter_modules(benchmarks.__path__) if m.name.startswith("bench_")
    )
    for name in names:
        if selected and name not in selected and name.removeprefix("bench_") not in selected:
            continue
        module = importlib.import_module(f"benchmarks.{name}")
        module.main()


if __name__ == "__main__":
    run(sys.argv[1:])
