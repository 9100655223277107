"""Prometheus metrics of the Telegram channel: counts and times, never an id, a reference
or any text.

Labels come only from small fixed sets (the kind of update, what became of it, an
exception's type). Served on the webhook's ``/metrics``, and in polling mode on
127.0.0.1 at ``INTAKE_METRICS_PORT`` when it is set.
"""

from __future__ import annotations

from collections.abc import Callable

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from telegram import Update

#: What an update can be, as far as metrics tell.
KINDS = ("message", "edited_message", "callback_query", "my_chat_member")


class Metrics:
    """One registry per process, built in the entry point and passed down."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.updates = Counter(
            "intake_updates", "Updates received, by kind", ["kind"], registry=self.registry
        )
        self.outcomes = Counter(
            "intake_update_outcomes",
            "What became of updates: handled, failed, or dropped (a flood's surplus)",
            ["outcome"],
            registry=self.registry,
        )
        self.seconds = Histogram(
            "intake_update_seconds",
            "From an update's arrival to its reply delivered",
            buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30),
            registry=self.registry,
        )
        self.errors = Counter(
            "intake_errors", "Failed updates, by exception type", ["type"], registry=self.registry
        )
        self.alerts = Counter(
            "intake_alerts_sent", "Alert messages sent to staff members", registry=self.registry
        )
        self.inbox = Gauge(
            "intake_inbox_updates",
            "Updates stored and not yet answered (this database, every replica)",
            registry=self.registry,
        )
        self.ner_fallbacks = Counter(
            "intake_ner_fallbacks",
            "Notes scrubbed by the rules alone because the NER layer overran its time"
            " budget (timeout) or failed (error)",
            ["reason"],
            registry=self.registry,
        )
        self.queued = Gauge(
            "intake_lane_updates",
            "Updates queued or being processed in the chats' lanes",
            registry=self.registry,
        )

    def ner_fallback(self, reason: str) -> None:
        """The scrubber kept the rules' result alone (``timeout`` or ``error``)."""
        self.ner_fallbacks.labels(reason).inc()

    def watch_queue(self, size: Callable[[], int]) -> None:
        self.queued.set_function(size)

    def watch_inbox(self, size: Callable[[], int]) -> None:
        """Read on each scrape (one count query)."""
        self.inbox.set_function(size)

    def received(self, update: Update) -> None:
        kind = next((k for k in KINDS if getattr(update, k, None) is not None), "other")
        self.updates.labels(kind).inc()

    def exposition(self) -> bytes:
        return generate_latest(self.registry)
