"""A matching view of the supporter's text, with a map back to the original characters.

Detectors never look at the raw text. They look at a *view* in which full-width forms,
compatibility characters and non-ASCII decimal digits are folded by NFKC, invisible
characters (zero-width, bidi controls, soft hyphens, fillers) are dropped, and every
dash or long-vowel mark that an input method puts between two digits reads as ``-``.
A second view of the same length also reads numerals written in kanji, hanzi or Korean
syllables (``〇九〇``, ``幺三八``, ``공일공``) as ASCII digits, for the number detectors
only: names like ``一二三`` must stay letters for the name rules.

Each view character remembers which original character it came from, so a span found in
the view is replaced in the supporter's own text and nothing else changes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["View", "build_view"]

# Characters that carry no visible content but split a number or an e-mail for a naive
# filter: zero-width space/joiners, bidi marks and embeddings, word joiner and invisible
# operators, BOM, soft hyphen, Mongolian vowel separator, combining grapheme joiner,
# variation selectors, Hangul fillers, Khmer inherent vowels, tag characters.
_INVISIBLE_RANGES = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xE0000, 0xE007F),
)
_INVISIBLE = frozenset(chr(c) for lo, hi in _INVISIBLE_RANGES for c in range(lo, hi + 1))

# Ranges outside the BMP whose characters NFKC folds to ASCII (mathematical
# alphanumerics, enclosed alphanumerics) or to ordinary ideographs.
_ASTRAL_RANGES = ((0x1D400, 0x1D7FF), (0x1F100, 0x1F1FF), (0x2F800, 0x2FA1F))


def _special_codes() -> list[int]:
    """Every character the view changes, ascending: found once at import."""
    codes: list[int] = []
    candidates = [*range(0x80, 0x10000)]
    for lo, hi in _ASTRAL_RANGES:
        candidates.extend(range(lo, hi + 1))
    for code in candidates:
        ch = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue
        if ch in _INVISIBLE or ch.isdecimal() or unicodedata.normalize("NFKC", ch) != ch:
            codes.append(code)
    codes.extend(ord(ch) for ch in _INVISIBLE if ord(ch) >= 0x10000)
    codes.sort()
    return codes


def _special_class(codes: list[int]) -> str:
    """A regex class of runs of the characters ``codes`` (ascending)."""
    parts: list[str] = []
    start = prev = codes[0]
    for code in [*codes[1:], -1]:
        if code == prev + 1:
            prev = code
            continue
        parts.append(
            re.escape(chr(start))
            if start == prev
            else f"{re.escape(chr(start))}-{re.escape(chr(prev))}"
        )
        start = prev = code
    return "[" + "".join(parts) + "]+"


_SPECIAL_CODES = _special_codes()
_SPECIAL = re.compile(_special_class(_SPECIAL_CODES))
_SPECIAL_CHARS = frozenset(map(chr, _SPECIAL_CODES))
# Characters known to be NFKC-stable and visible (ASCII, kana, unified ideographs, Hangul
# syllables, the commonest CJK punctuation). Skipping their runs with this small class is
# several times faster than testing every character against the large class above.
_PLAIN = re.compile(
    "[^\x00-\x7f\u3001-\u3002\u300c-\u300f\u3041-\u3096\u30a1-\u30fa\u30fc-\u30fe"
    "\u4e00-\u9fff\uac00-\ud7a3]+"
)

# Everything an input method may produce where a hyphen was meant. Read as "-" only
# between two digits (spaces allowed), because ー is also the katakana long vowel.
_DASHES = "-‐‑‒–—―−ー~〜～⁓﹘﹣─━ｰ_"
# A run of dashes before a digit; the digit before it is checked by hand.
_DIGIT_DASH = re.compile(rf"[{re.escape(_DASHES)}]+(?= *[0-9])")
# A note with none of these holds hyphens only, which need no unifying.
_OTHER_DASHES = _DASHES.replace("-", "")
_ASCII_DIGITS = frozenset("0123456789")

# Numerals written as words. Only runs long enough to be a number someone spells out to
# dodge a filter are read as digits, so ordinary words are untouched.
_CJK_DIGITS = {
    **dict.fromkeys("〇零○◯洞", "0"),
    **dict.fromkeys("一壹幺", "1"),
    **dict.fromkeys("二贰貳两", "2"),
    **dict.fromkeys("三叁參", "3"),
    **dict.fromkeys("四肆", "4"),
    **dict.fromkeys("五伍", "5"),
    **dict.fromkeys("六陆陸", "6"),
    **dict.fromkeys("七柒", "7"),
    **dict.fromkeys("八捌", "8"),
    **dict.fromkeys("九玖", "9"),
}
_HANGUL_DIGITS = {
    **dict.fromkeys("공영", "0"),
    "일": "1",
    "이": "2",
    "삼": "3",
    "사": "4",
    "오": "5",
    **dict.fromkeys("육륙", "6"),
    "칠": "7",
    "팔": "8",
    "구": "9",
}
_SEP = rf"[ {re.escape(_DASHES)}.]"
_CJK_RUN = re.compile(rf"[{''.join(_CJK_DIGITS)}](?:{_SEP}{{0,2}}[{''.join(_CJK_DIGITS)}]){{3,}}")
_HANGUL_RUN = re.compile(
    rf"[{''.join(_HANGUL_DIGITS)}](?:{_SEP}{{0,2}}[{''.join(_HANGUL_DIGITS)}]){{6,}}"
)


@dataclass(frozen=True, slots=True)
class View:
    """The supporter's text as detectors see it.

    Attributes:
        original: the text exactly as typed.
        norm: NFKC-folded text without invisible characters, dashes between digits as ``-``.
        digits: ``norm`` with spelled-out numeral runs read as ASCII digits (same length).
        starts: for each index of ``norm``, the index of the original character it came
            from (a ``range`` when that is the identity, as it is for most notes).
    """

    original: str
    norm: str
    digits: str
    starts: Sequence[int]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the view span ``[start, end)`` to the span of original characters it covers."""
        return self.starts[start], self.starts[end - 1] + 1


def _ascii_digits(text: str) -> str:
    if text.isascii():
        return text
    return "".join(
        str(unicodedata.decimal(ch)) if ch.isdecimal() and not ch.isascii() else ch for ch in text
    )


def _fold_segment(segment: str, begin: int, pieces: list[str], starts: list[int]) -> None:
    folded = unicodedata.normalize("NFKC", segment)
    if len(folded) == len(segment) and not any(ch in _INVISIBLE for ch in segment):
        # The common case (full-width forms): one character for one.
        pieces.append(_ascii_digits(folded))
        starts.extend(range(begin, begin + len(segment)))
        return
    for offset, ch in enumerate(segment):
        if ch in _INVISIBLE:
            continue
        out = "".join(
            c for c in _ascii_digits(unicodedata.normalize("NFKC", ch)) if c not in _INVISIBLE
        )
        pieces.append(out)
        starts.extend([begin + offset] * len(out))


# What _fold_segment gives for a segment of one character (most segments: a full-width
# comma, colon or yen sign), by character: a table of a pure function, filled as met.
_ONE_CHAR: dict[str, str] = {}


def _fold_char(ch: str) -> str:
    """What a segment of the one character ``ch`` folds to."""
    out = _ONE_CHAR.get(ch)
    if out is None:
        folded: list[str] = []
        _fold_segment(ch, 0, folded, [])
        out = _ONE_CHAR[ch] = "".join(folded)
    return out


def _fold_one(ch: str, begin: int, pieces: list[str], starts: list[int]) -> None:
    out = _fold_char(ch)
    # Every output character of a one-character segment comes from that character.
    pieces.append(out)
    starts.extend([begin] * len(out))


def _fold_mapped(text: str) -> tuple[str, tuple[int, ...]]:
    """Fold ``text``, recording for each output character the original it came from."""
    pieces: list[str] = []
    starts: list[int] = []
    pos = 0
    for rough in _PLAIN.finditer(text):
        for match in _SPECIAL.finditer(text, rough.start(), rough.end()):
            begin, end = match.span()
            if begin > pos:
                pieces.append(text[pos:begin])
                starts.extend(range(pos, begin))
            if end - begin == 1:
                _fold_one(text[begin], begin, pieces, starts)
            else:
                _fold_segment(match.group(), begin, pieces, starts)
            pos = end
    if pos < len(text):
        pieces.append(text[pos:])
        starts.extend(range(pos, len(text)))
    return "".join(pieces), tuple(starts)


def _fold(text: str) -> tuple[str, Sequence[int]]:
    """Fold ``text``; the map back is the identity (a ``range``) when every fold kept
    the length, as full-width forms do, and is only built in full otherwise."""
    pieces: list[str] = []
    pos = 0
    for rough in _PLAIN.finditer(text):
        rough_start, rough_end = rough.span()
        if rough_end - rough_start == 1:
            # Most rough runs are one full-width comma or bracket: no second scan.
            if text[rough_start] in _SPECIAL_CHARS:
                out = _fold_char(text[rough_start])
                if len(out) != 1:
                    return _fold_mapped(text)
                pieces.append(text[pos:rough_start])
                pieces.append(out)
                pos = rough_end
            continue
        for match in _SPECIAL.finditer(text, rough_start, rough_end):
            begin, end = match.span()
            if end - begin == 1:
                out = _fold_char(text[begin])
            else:
                segment = match.group()
                out = unicodedata.normalize("NFKC", segment)
                if len(out) != len(segment) or any(ch in _INVISIBLE for ch in segment):
                    return _fold_mapped(text)
                out = _ascii_digits(out)
            if len(out) != end - begin:
                return _fold_mapped(text)
            pieces.append(text[pos:begin])
            pieces.append(out)
            pos = end
    pieces.append(text[pos:])
    return "".join(pieces), range(len(text))


def _spell_digits(norm: str) -> str:
    def cjk(match: re.Match[str]) -> str:
        return "".join(_CJK_DIGITS.get(ch, ch) for ch in match.group())

    def hangul(match: re.Match[str]) -> str:
        return "".join(_HANGUL_DIGITS.get(ch, ch) for ch in match.group())

    return _HANGUL_RUN.sub(hangul, _CJK_RUN.sub(cjk, norm))


def _unify_dashes(text: str) -> str:
    """Read every run of dashes between two digits (spaces allowed) as hyphens.

    The runs are found at the dashes, not at the digits before them (a note holds far
    more digits than dashes), and each is checked for a digit before its spaces.
    """
    if not any(dash in text for dash in _OTHER_DASHES):
        return text  # one ``in`` per dash is far cheaper than the scan
    pieces: list[str] = []
    pos = 0
    for match in _DIGIT_DASH.finditer(text):
        begin, end = match.span()
        if text.count("-", begin, end) == end - begin:
            continue  # hyphens already, as most are
        digit = begin - 1
        while digit >= 0 and text[digit] == " ":
            digit -= 1
        if digit >= 0 and text[digit] in _ASCII_DIGITS:
            pieces.append(text[pos:begin])
            pieces.append("-" * (end - begin))
            pos = end
    if not pieces:
        return text
    pieces.append(text[pos:])
    return "".join(pieces)


def build_view(text: str) -> View:
    """Build the matching views of ``text``; pure and linear in its length."""
    starts: Sequence[int]
    if text.isascii():
        norm, starts = text, range(len(text))
    else:
        norm, starts = _fold(text)
    spelled = _spell_digits(norm)
    unified = _unify_dashes(norm)
    # Most notes spell out no number: the digit view is then the same text.
    digits = unified if spelled == norm else _unify_dashes(spelled)
    return View(original=text, norm=unified, digits=digits, starts=starts)
