"""Findings, how overlapping findings merge, and how placeholders replace them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from bot.scrub.kinds import KINDS, PLACEHOLDER_PATTERN, placeholder
from bot.scrub.normalize import View

__all__ = ["Finding", "merge", "redact", "surviving"]

# When two findings overlap they become one span, typed by the stronger evidence:
# a verified check digit beats a label, a label beats a shape, a shape beats a guess.
_PRECEDENCE = {
    kind: rank
    for rank, kind in enumerate(
        (
            "id_number",
            "card",
            "passport",
            "email",
            "url",
            "messenger_id",
            "handle",
            "phone",
            "coordinates",
            "birthdate",
            "address",
            "place",
            "name",
        )
    )
}
assert set(_PRECEDENCE) == set(KINDS)


class Finding(NamedTuple):
    """A span of the view (``[start, end)`` in ``View.norm`` indices) holding one kind.

    A named tuple rather than a frozen dataclass: a note yields dozens of findings, and
    building a tuple costs a fraction of a frozen dataclass's ``__init__``.
    """

    start: int
    end: int
    kind: str


def _protected(view: View) -> list[tuple[int, int]]:
    return [m.span() for m in PLACEHOLDER_PATTERN.finditer(view.norm)]


def _kept(finding: Finding, protected: list[tuple[int, int]]) -> bool:
    if finding.end <= finding.start:
        return False
    return not any(finding.start < p_end and p_start < finding.end for p_start, p_end in protected)


def surviving(view: View, findings: Iterable[Finding]) -> list[Finding]:
    """The findings that :func:`merge` keeps: non-empty and clear of every placeholder."""
    protected = _protected(view)
    if not protected:
        return [finding for finding in findings if finding.end > finding.start]
    return [finding for finding in findings if _kept(finding, protected)]


def merge(view: View, findings: Iterable[Finding]) -> tuple[tuple[int, int, str], ...]:
    """Map findings to original spans, drop those on placeholders, merge overlaps.

    Findings that touch an existing placeholder are dropped (so scrubbing twice changes
    nothing more); overlapping findings merge into one span so that no part of a secret
    that two detectors saw differently is left behind.
    """
    protected = _protected(view)
    if protected:
        findings = [finding for finding in findings if _kept(finding, protected)]
    if isinstance(view.starts, range):
        # The view is the original, character for character: no mapping to do.
        spans = [(start, end, kind) for start, end, kind in findings if end > start]
    else:
        spans = [
            (*view.original_span(start, end), kind) for start, end, kind in findings if end > start
        ]
    spans.sort()
    merged: list[tuple[int, int, str]] = []
    for start, end, kind in spans:
        if merged and start < merged[-1][1]:
            last_start, last_end, last_kind = merged[-1]
            stronger = kind if _PRECEDENCE[kind] < _PRECEDENCE[last_kind] else last_kind
            merged[-1] = (last_start, max(last_end, end), stronger)
        else:
            merged.append((start, end, kind))
    return tuple(merged)


def redact(view: View, findings: Iterable[Finding], locale: str) -> tuple[str, tuple[str, ...]]:
    """Replace every finding in the original text by its placeholder.

    Returns:
        The redacted text and the kinds removed, in ``KINDS`` order.
    """
    spans = merge(view, findings)
    if not spans:
        return view.original, ()
    text = view.original
    pieces: list[str] = []
    pos = 0
    for start, end, kind in spans:
        pieces.append(text[pos:start])
        pieces.append(placeholder(kind, locale))
        pos = end
    pieces.append(text[pos:])
    found = {kind for _, _, kind in spans}
    return "".join(pieces), tuple(k for k in KINDS if k in found)
