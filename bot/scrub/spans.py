"""Findings, how overlapping findings merge, and how placeholders replace them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.scrub.kinds import KINDS, PLACEHOLDER_PATTERN, placeholder
from bot.scrub.normalize import View

__all__ = ["Finding", "redact"]

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
            "name",
        )
    )
}
assert set(_PRECEDENCE) == set(KINDS)


@dataclass(frozen=True, slots=True)
class Finding:
    """A span of the view (``[start, end)`` in ``View.norm`` indices) holding one kind."""

    start: int
    end: int
    kind: str


def _protected(view: View) -> list[tuple[int, int]]:
    return [m.span() for m in PLACEHOLDER_PATTERN.finditer(view.norm)]


def redact(view: View, findings: Iterable[Finding], locale: str) -> tuple[str, tuple[str, ...]]:
    """Replace every finding in the original text by its placeholder.

    Findings that touch an existing placeholder are dropped (so scrubbing twice changes
    nothing more); overlapping findings merge into one span so that no part of a secret
    that two detectors saw differently is left behind.

    Returns:
        The redacted text and the kinds removed, in ``KINDS`` order.
    """
    protected = _protected(view)
    spans: list[tuple[int, int, str]] = []
    for finding in findings:
        if finding.end <= finding.start:
            continue
        if any(finding.start < p_end and p_start < finding.end for p_start, p_end in protected):
            continue
        start, end = view.original_span(finding.start, finding.end)
        spans.append((start, end, finding.kind))
    if not spans:
        return view.original, ()
    spans.sort()
    starts: list[int] = []
    ends: list[int] = []
    kinds: list[str] = []
    for start, end, kind in spans:
        if ends and start < ends[-1]:
            ends[-1] = max(ends[-1], end)
            if _PRECEDENCE[kind] < _PRECEDENCE[kinds[-1]]:
                kinds[-1] = kind
        else:
            starts.append(start)
            ends.append(end)
            kinds.append(kind)
    text = view.original
    pieces: list[str] = []
    pos = 0
    for start, end, kind in zip(starts, ends, kinds, strict=True):
        pieces.append(text[pos:start])
        pieces.append(placeholder(kind, locale))
        pos = end
    pieces.append(text[pos:])
    found = set(kinds)
    return "".join(pieces), tuple(k for k in KINDS if k in found)
