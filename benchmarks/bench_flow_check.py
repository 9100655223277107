"""``flows check`` on a generated 300-step flow, against a bare parse of the same file.

The baseline is the least any loader must do: parse the YAML into Python objects with
the fastest safe loader available (libyaml's). The ratio is what positions, the shape
check and the semantic checks cost on top of it.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import yaml

from bot.flow.loader import check_bytes

#: Near MAX_FLOW_STEPS (200), the most a flow may have.
STEPS = 198
ROUNDS = 7


def generated_flow(steps: int = STEPS) -> str:
    """A valid flow: a chain of info steps and choice questions, with routes over answers.

    One step in four is a question, so the review stays within Telegram's 100 buttons.
    """

    def text(word: str) -> str:
        return f"{{ja: {word}です, ko: {word}입니다, zh_Hans: {word}是}}"

    lines = [
        "id: big",
        "version: 1",
        "locales: [ja, ko, zh_Hans]",
        f"title: {text('題')}",
        "start: q0",
        "fields:",
    ]
    asked = [i for i in range(steps) if i % 4 == 0]
    for i in asked:
        lines += [
            f"  f{i}:",
            "    type: single",
            f"    label: {text(f'項目{i}')}",
            "    values: [a, b, c]",
        ]
    lines += ["triage:", "  - priority: urgent", "    when: {field: f0, equals: a}", "steps:"]
    for i in range(steps):
        nxt = f"q{i + 1}" if i + 1 < steps else "check"
        if i % 4:
            lines += [f"  q{i}:", "    kind: info", f"    text: {text(f'説明{i}')}"]
            lines += [
                "    routes:",
                f"      - when: {{all: [{{field: f{i - i % 4}, in: [a, b]}}, {{answered: f0}}]}}",
                f"        next: {nxt}",
                f"    next: {nxt}",
            ]
            continue
        lines += [
            f"  q{i}:",
            "    kind: single_choice",
            f"    field: f{i}",
            f"    text: {text(f'質問{i}')}",
            "    choices:",
            *(f"      - {{value: {v}, text: {text(v)}}}" for v in "abc"),
        ]
        lines.append(f"    next: {nxt}")
    lines += [
        "  check:",
        "    kind: review",
        f"    text: {text('確認')}",
        "    next: done",
        "  done:",
        "    kind: submit",
        '    text: {ja: "{reference}", ko: "{reference}", zh_Hans: "{reference}"}',
    ]
    return "\n".join(lines) + "\n"


def _best(fn: Callable[[], object]) -> float:
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    content = generated_flow().encode()
    result = check_bytes(content, "big.yaml")
    assert result.ok, [p.render() for p in result.problems[:5]]
    fast_loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    baseline = _best(lambda: yaml.load(content, Loader=fast_loader))
    ours = _best(lambda: check_bytes(content, "big.yaml"))
    print(f"flows check, {STEPS}-step flow ({len(content) // 1024} KiB), median of {ROUNDS}:")
    print(f"  baseline {fast_loader.__name__:15s} {baseline * 1000:8.1f} ms")
    print(f"  flows check (full)       {ours * 1000:8.1f} ms   = {ours / baseline:.2f}x baseline")


if __name__ == "__main__":
    main()
