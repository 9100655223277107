"""The NER layer on a worker thread, with a time budget per note.

The engine scrubs a free-text answer inside the turn's transaction (on a worker thread
of the bot, never its event loop), so a slow model call holds the chat's lock and, on
SQLite, every writer's. Here each note's model call runs on a thread of its own language
and is waited for at most ``budget`` seconds; past that the scrubber keeps the rules'
findings alone, and ``on_fallback("timeout")`` tells the caller (a metric, never the
text). A model that raises falls back the same way (``"error"``).

One thread per language: spaCy, Kiwi and jieba are not documented as safe to call from
several threads at once, and the languages' models are independent. A note waits for
the notes before it on its language's thread within its own budget; a note whose budget
ran out before it started is cancelled rather than run for no one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field

from bot.scrub.kinds import canonical_locale
from bot.scrub.ner import NerLayer
from bot.scrub.normalize import View
from bot.scrub.spans import Finding

__all__ = ["FALLBACK_REASONS", "BudgetedNer"]

#: Why a note was scrubbed by the rules alone although the NER layer is on.
FALLBACK_REASONS = ("timeout", "error")


def _ignore(_reason: str) -> None:
    return None


@dataclass(eq=False)
class BudgetedNer:
    """A :class:`NerLayer` whose every call returns within ``budget`` seconds.

    Use it as a :class:`~bot.scrub.core.Scrubber`'s ``ner``. Load the layer first
    (``layer.load()``), so that the budget measures tagging, not loading.
    """

    layer: NerLayer
    budget: float
    on_fallback: Callable[[str], None] = _ignore
    _pools: dict[str, ThreadPoolExecutor] = field(default_factory=dict, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def _pool(self, locale: str) -> ThreadPoolExecutor:
        with self._lock:
            pool = self._pools.get(locale)
            if pool is None:
                pool = self._pools[locale] = ThreadPoolExecutor(
                    max_workers=1, thread_name_prefix=f"ner-{locale}"
                )
            return pool

    def find(self, view: View, locale: str) -> list[Finding]:
        """The layer's findings, or none when it overran its budget or failed."""
        lang = canonical_locale(locale)
        future: Future[list[Finding]] = self._pool(lang).submit(self.layer.find, view, lang)
        try:
            return future.result(timeout=self.budget)
        except FutureTimeout:
            future.cancel()
            self.on_fallback("timeout")
        except Exception:  # the model failed: the rules' findings still stand
            self.on_fallback("error")
        return []

    def close(self) -> None:
        """Stop the worker threads (a call still running finishes first)."""
        with self._lock:
            pools, self._pools = list(self._pools.values()), {}
        for pool in pools:
            pool.shutdown(wait=False, cancel_futures=True)
