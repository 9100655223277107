"""The scrubbing pipeline: build the view, run every detector, merge, replace."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Final, Protocol

from bot.scrub.contacts import find_contacts
from bot.scrub.dates import find_birthdates
from bot.scrub.ids import find_ids
from bot.scrub.kinds import canonical_locale
from bot.scrub.names import find_names
from bot.scrub.normalize import View, build_view
from bot.scrub.phones import find_phones
from bot.scrub.placenames import find_places
from bot.scrub.places import find_addresses, find_coordinates
from bot.scrub.spans import Finding, merge, redact, surviving

__all__ = ["RULES", "EntityFinder", "Scrubbed", "Scrubber"]


class EntityFinder(Protocol):
    """A named-entity layer: :class:`~bot.scrub.ner.NerLayer`, or the same on a worker
    thread with a time budget (:class:`~bot.scrub.ner_budget.BudgetedNer`)."""

    def find(self, view: View, locale: str) -> list[Finding]: ...


Detector = Callable[[View, str], Iterable[Finding]]

# Every kind these find outranks a phone when findings merge (spans.py), so the phone
# detector, which runs after them, may skip the digit runs they already hold.
_BEFORE_PHONES: Final[tuple[Detector, ...]] = (find_ids, find_contacts)
_AFTER_PHONES: Final[tuple[Detector, ...]] = (
    find_coordinates,
    find_birthdates,
    find_addresses,
    find_places,
    find_names,
)
RULES: Final[tuple[Detector, ...]] = (*_BEFORE_PHONES, find_phones, *_AFTER_PHONES)


@dataclass(frozen=True, slots=True)
class Scrubbed:
    """The outcome of scrubbing one free-text answer.

    Attributes:
        text: the supporter's own text with each found span replaced by a typed,
            localized placeholder; everything else byte-for-byte as typed.
        kinds: the kinds removed, each once, in ``KINDS`` order, for the review step.
    """

    text: str
    kinds: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Scrubber:
    """A configured scrubber: the rules, and optionally a named-entity layer.

    Build one per process and pass it down. With ``ner`` set, the first call per
    language loads that language's model (seconds, and CPU-bound): call
    ``ner.load()`` at start-up, or run scrubbing in a worker thread, never on the
    bot's event loop. The bot wraps the layer in a ``BudgetedNer`` (bot.app).
    """

    ner: EntityFinder | None = None

    def find(self, text: str, locale: str) -> tuple[tuple[int, int, str], ...]:
        """The spans of ``text`` that :meth:`scrub` replaces, as ``(start, end, kind)``.

        For the review step (to highlight what goes) and for measuring the scrubber.
        """
        lang = canonical_locale(locale)
        if not text:
            return ()
        view = build_view(text)
        return merge(view, self._findings(view, lang))

    def _findings(self, view: View, lang: str) -> list[Finding]:
        findings: list[Finding] = []
        for detector in _BEFORE_PHONES:
            findings.extend(detector(view, lang))
        claimed = [(f.start, f.end) for f in surviving(view, findings)]
        findings.extend(find_phones(view, lang, claimed=claimed))
        for detector in _AFTER_PHONES:
            findings.extend(detector(view, lang))
        if self.ner is not None:
            findings.extend(self.ner.find(view, lang))
        return findings

    def scrub(self, text: str, locale: str) -> Scrubbed:
        """Remove personal data from ``text`` written in ``locale`` (``ja``, ``ko``, ``zh_Hans``).

        Raises:
            ValueError: ``locale`` is not one of the supported locales.
        """
        lang = canonical_locale(locale)
        if not text:
            return Scrubbed(text, ())
        view = build_view(text)
        redacted, kinds = redact(view, self._findings(view, lang), lang)
        return Scrubbed(redacted, kinds)
