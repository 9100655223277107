"""Running a pattern only where a match can begin, with exactly ``finditer``'s results.

Python's regex engine skips ahead quickly only when a pattern opens with a literal or a
character class. Patterns that open with a lookbehind, a case-insensitive word list or a
name that must be followed by an honorific are instead tried in full at every position,
which made them most of the scrubber's time. Here a cheap scan finds the positions where
a match can begin, and the pattern is tried there only. As long as those positions
include every possible start, the matches are the same as ``pattern.finditer(text)``
(leftmost first, not overlapping), because a match attempt at a position does not
depend on where the previous search began.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Iterator
from itertools import chain

__all__ = [
    "back_over",
    "before",
    "finditer_at",
    "first_char_class",
    "merged",
    "opening_pairs",
    "starts",
]


def finditer_at(
    pattern: re.Pattern[str], text: str, candidates: Iterable[int]
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, trying only the ascending ``candidates`` positions.

    ``candidates`` must hold every position where ``pattern`` can match, and the pattern
    must never match the empty string.
    """
    pos = 0
    tried = -1
    for start in candidates:
        if start < pos or start <= tried:
            continue
        tried = start
        match = pattern.match(text, start)
        if match is not None:
            yield match
            pos = match.end()


def starts(trigger: re.Pattern[str], text: str) -> list[int]:
    """The positions where ``trigger`` (one character, or zero-width) matches."""
    return [match.start() for match in trigger.finditer(text)]


def before(anchors: Iterable[int], reach: int) -> list[int]:
    """Every position from ``reach`` characters before each ascending anchor up to it."""
    found: list[int] = []
    floor = 0
    for anchor in anchors:
        found.extend(range(max(floor, anchor - reach), anchor + 1))
        floor = max(floor, anchor + 1)
    return found


def back_over(
    text: str,
    anchors: Iterable[int],
    chars: Container[str],
    *,
    reach: int | None = None,
    space: bool = False,
) -> list[int]:
    """Every position from the start of the run of ``chars`` before each ascending anchor
    up to the anchor: at most ``reach`` characters back, and with ``space`` one space
    may stand between the run and the anchor."""
    found: list[int] = []
    floor = 0
    for anchor in anchors:
        pos = anchor
        if space and pos > 0 and text[pos - 1] == " ":
            pos -= 1
        limit = 0 if reach is None else max(0, anchor - reach)
        while pos > limit and text[pos - 1] in chars:
            pos -= 1
        found.extend(range(max(floor, pos), anchor + 1))
        floor = max(floor, anchor + 1)
    return found


def merged(*candidates: Iterable[int]) -> list[int]:
    """Several ascending candidate sequences as one (duplicates are skipped later).

    Sorting the joined lists is a C loop over runs already in order, far cheaper per
    position than a Python-level ``heapq.merge``.
    """
    return sorted(chain(*candidates))


# Under ``re.IGNORECASE`` four characters outside ASCII match an ASCII letter: dotted
# and dotless I, long s and the Kelvin sign (tests/scrub/test_scan.py checks every code
# point against the flag).
_FOLDS_INTO_ASCII = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a"}


def first_char_class(alternation: str, *, fold: bool = False) -> str:
    """A character class of the first characters of ``a|b|c`` (literal alternatives).

    Each alternative must open with a literal character, optionally after ``\\b``. With
    ``fold`` the class holds every character that case-insensitive matching would let
    in, so it needs no flag: an unflagged class is scanned about twice as fast.
    """
    firsts: set[str] = set()
    for alternative in alternation.split("|"):
        head = alternative.removeprefix(r"\b")
        if not head or head[0] in "\\([?*+{.^$":
            raise ValueError(f"alternative {alternative!r} does not open with a literal")
        first = head[0]
        firsts.add(first)
        if fold and first.isascii() and first.isalpha():
            firsts.update(first.lower() + first.upper() + _FOLDS_INTO_ASCII.get(first.lower(), ""))
    return "[" + "".join(re.escape(ch) for ch in sorted(firsts)) + "]"


# What makes the character before it optional or repeated in a pattern.
_OPTIONAL = ("?", "*", "{")


def opening_pairs(alternation: str) -> str:
    """A pattern matching one character wherever a case-insensitive match of ``a|b|c``
    (literal alternatives, each of two characters or more) can begin.

    Latin text is full of the first letters of Latin words, so an ASCII letter is let in
    only before a letter that can follow it in some alternative (either case), or before
    a character outside ASCII (which case folding may let in); every other first
    character is let in as is. Each branch opens with a literal character, so the engine
    skips ahead to them with no flag.
    """
    seconds: dict[str, set[str]] = {}
    for alternative in alternation.split("|"):
        head = alternative.removeprefix(r"\b")
        if (
            len(head) < 2
            or any(ch in "\\()[]?*+{}.^$|" for ch in head[:2])
            or head[2:3] in _OPTIONAL
        ):
            raise ValueError(f"alternative {alternative!r} does not open with two literals")
        first, second = head[0], head[1]
        if first.isascii():
            first = first.lower()
        seconds.setdefault(first, set()).update(second.lower() + second.upper())
    branches: list[str] = []
    for first, after in sorted(seconds.items()):
        if not (first.isascii() and first.isalpha()):
            branches.append(re.escape(first))
            continue
        ahead = "".join(re.escape(ch) for ch in sorted(after) if ch.isascii())
        lookahead = f"(?=[{ahead}]|[^\\x00-\\x7f])" if ahead else "(?=[^\\x00-\\x7f])"
        branches.extend(ch + lookahead for ch in first + first.upper())
        branches.extend(_FOLDS_INTO_ASCII.get(first, ""))
    return "|".join(branches)
