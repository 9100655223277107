"""Strict scoring of the scrubber against the labelled corpus."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.scrub import Scrubber
from tests.scrub.corpus import Item


@dataclass
class Score:
    """Per (locale, kind): secrets seen and caught; clean and harmless results; misses."""

    seen: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))
    caught: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))
    clean_seen: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    clean_kept: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    harmless_seen: int = 0
    harmless_kept: int = 0
    misses: list[tuple[Item, str]] = field(default_factory=list)
    damage: list[Item] = field(default_factory=list)

    def recall(self, locale: str, kind: str) -> float:
        seen = self.seen[(locale, kind)]
        return self.caught[(locale, kind)] / seen if seen else 1.0


def _covered(spans: Iterable[tuple[int, int, str]], start: int, end: int) -> bool:
    """Whether every character of ``[start, end)`` lies inside a replaced span."""
    todo = set(range(start, end))
    for s_start, s_end, _ in spans:
        todo.difference_update(range(s_start, s_end))
    return not todo


def score(items: Iterable[Item], scrubber: Scrubber) -> Score:
    """Score strictly: a secret counts only if all of it goes; a harmless number must stay."""
    result = Score()
    for item in items:
        spans = scrubber.find(item.text, item.locale)
        pos = 0
        for kind, secret in item.secrets:
            start = item.text.index(secret, pos)
            pos = start + len(secret)
            result.seen[(item.locale, kind)] += 1
            if _covered(spans, start, start + len(secret)):
                result.caught[(item.locale, kind)] += 1
            else:
                result.misses.append((item, secret))
        damaged = False
        for keep in item.keep:
            result.harmless_seen += 1
            start = item.text.index(keep)
            if any(s < start + len(keep) and start < e for s, e, _ in spans):
                damaged = True
            else:
                result.harmless_kept += 1
        if not item.secrets:
            result.clean_seen[item.locale] += 1
            if not spans:
                result.clean_kept[item.locale] += 1
            else:
                damaged = True
        if damaged:
            result.damage.append(item)
    return result
