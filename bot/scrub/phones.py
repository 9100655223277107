"""Phone numbers, in any notation, and long digit runs that libphonenumber does not know.

Candidates are found on the digit view (full-width, spelled-out and disguised digits
already read as ASCII, dashes unified), then:

1. a trailing group followed by a unit (``2人``) or a leading group after a currency sign
   is a quantity, not part of a number;
2. a candidate that reads as a year range, a date or a time is left to other rules;
3. libphonenumber's ``PhoneNumberMatcher`` finds the numbers of the supporter's home
   region and every number written with ``+`` and a country code;
4. a guard removes any remaining run of 8 or more digits: numbers of the other countries
   on the escape routes written nationally, numbers with a digit too many or too few,
   account numbers. Nothing that long is harmless once quantities and dates are out.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from itertools import accumulate
from typing import Final

from phonenumbers import Leniency, PhoneMetadata, PhoneNumberMatch, PhoneNumberMatcher

# The matcher's own helpers for its national-prefix rule, used by name so that the
# shortcut below follows the library's rule exactly (they are typed in its stubs).
from phonenumbers.phonenumberutil import (
    _choose_formatting_pattern_for_number,
    _formatting_rule_has_first_group_only,
)

from bot.scrub.normalize import View
from bot.scrub.numbers import (
    is_amount_range,
    is_harmless_shape,
    is_money_before,
    is_quantity_after,
    time_inside,
)
from bot.scrub.spans import Finding

__all__ = [
    "DEFAULT_LENIENCY",
    "GUARD_DIGITS",
    "HOME_REGION",
    "IDD_MIN_DIGITS",
    "WORLD_MIN_DIGITS",
    "find_phones",
]

HOME_REGION: Final = {"ja": "JP", "ko": "KR", "zh_Hans": "CN"}

# VALID: the number must be a real allocation of its region. Chosen by measurement
# (``make bench`` prints the other leniencies): POSSIBLE accepts year-like and money-like
# runs in clean text, STRICT_GROUPING rejects numbers written in unusual groups.
DEFAULT_LENIENCY: Final = Leniency.VALID
GUARD_DIGITS: Final = 8
_PREFIX_DIGITS: Final = 3
# The fewest digits of any number libphonenumber can call valid once a country code is
# written: country code plus shortest national number, over every region (+43 and +49
# have 4-digit numbers). An international prefix (``00``, ``010``) adds at least two.
# tests/scrub/test_phones.py checks both against the library's metadata.
WORLD_MIN_DIGITS: Final = 6
IDD_MIN_DIGITS: Final = 2

# ``(?<![0-9])(?:\+ ?)?\(?[0-9](?:[ \-./()]{0,3}[0-9]){5,}\)?``, opened with the class of
# its first character so that the engine skips ahead to it instead of trying the
# lookbehind at every position; the branch after it continues as the first form would
# from that character (checked against it in tests/scrub/test_scan.py).
_CANDIDATE: Final = re.compile(
    r"[+(0-9](?<![0-9][+(0-9])(?:(?<=\+) ?\(?[0-9]|(?<=\()[0-9]|(?<=[0-9]))"
    r"(?:[ \-./()]{0,3}[0-9]){5,}\)?"
)
_CHUNK: Final = re.compile(r"[^ ]+")


_NO_DIGITS: Final = str.maketrans("", "", "0123456789")


def _digit_count(text: str) -> int:
    """How many ASCII digits ``text`` holds (as ``len(re.findall("[0-9]", text))``)."""
    return len(text) - len(text.translate(_NO_DIGITS))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` to begin at a digit or ``+`` and end at a digit."""
    while start < end and not (text[start].isdigit() or text[start] == "+"):
        start += 1
    while end > start and not text[end - 1].isdigit():
        end -= 1
    return start, end


@cache
def _fewest_valid_digits(region: str) -> int:
    """The fewest digits a piece needs for the matcher to find a valid number in it.

    Without ``+`` a number is either the home region's (its shortest national number,
    from the library's own metadata) or dialled through an international prefix. Below
    this count the matcher (about 0.05 ms even when it finds nothing) cannot match.
    """
    metadata = PhoneMetadata.metadata_for_region(region)
    if metadata is None or metadata.general_desc is None:
        return 0  # unknown to the library: always ask the matcher
    home = min(metadata.general_desc.possible_length)
    return min(home, IDD_MIN_DIGITS + WORLD_MIN_DIGITS)


#: Amounts are written in groups ("300,000") or as runs like "¥12000000"; a run longer
#: than this after a currency sign is read as a number someone could dial, not money
#: (Chinese mobiles are 11 digits; Japanese and Korean numbers start with a 0).
_AMOUNT_MAX_DIGITS = 10


def _amount_like(text: str, start: int, end: int) -> bool:
    """Whether a digit group could be (part of) a written amount or count.

    Nobody writes an amount with a leading zero, or as one run of eleven or more digits,
    so "$ 090-1234-5678" and "$ 13123456789" stay phone candidates.
    """
    group = text[start:end]
    return not group.startswith("0") and _digit_count(group) <= _AMOUNT_MAX_DIGITS


def _may_match(piece: str, region: str) -> bool:
    """A necessary condition for the matcher to find a valid number in ``piece``: a ``+``,
    or at least as many digits as the shortest number it could find without one."""
    return "+" in piece or _digit_count(piece) >= _fewest_valid_digits(region)


#: Plain runs of digits up to this long are checked against the region's pattern first.
_PLAIN_RUN_MAX: Final = 12


# The kinds of number libphonenumber tells apart; a valid number is one of them.
_NUMBER_TYPES: Final = (
    "premium_rate",
    "toll_free",
    "shared_cost",
    "voip",
    "personal_number",
    "pager",
    "uan",
    "voicemail",
    "fixed_line",
    "mobile",
)


@cache
def _number_rules(region: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None:
    """The patterns a valid national number of ``region`` matches (the general one, and
    one of the types), and its prefix for dialling abroad; None if the metadata lacks one."""
    metadata = PhoneMetadata.metadata_for_region(region)
    if metadata is None or metadata.general_desc is None or not metadata.international_prefix:
        return None
    general = metadata.general_desc.national_number_pattern
    types = [
        desc.national_number_pattern
        for desc in (getattr(metadata, name) for name in _NUMBER_TYPES)
        if desc is not None and desc.national_number_pattern
    ]
    if not general or not types:
        return None
    any_type = "|".join(f"(?:{pattern})" for pattern in types)
    return re.compile(general), re.compile(any_type), re.compile(metadata.international_prefix)


def _never_valid(piece: str, region: str) -> bool:
    """Whether a plain run of digits can hold no valid number of ``region``.

    Most such runs that reach the matcher are amounts (``3000000元``), and the matcher
    costs 30-50 µs a call. Without ``+``, a leading ``0`` or an international prefix,
    parsing only ever cuts a prefix off the run (a country code, a carrier code), and a
    valid number's national part matches the region's general pattern and the pattern
    of one of its types: if no tail of the run does, the matcher finds nothing
    (tests/scrub/test_phones.py asks it about many runs).
    """
    rules = _number_rules(region)
    if rules is None or len(piece) > _PLAIN_RUN_MAX or not (piece.isascii() and piece.isdigit()):
        return False
    general, any_type, international = rules
    if piece.startswith("0") or international.match(piece):
        return False
    return not any(
        general.fullmatch(piece, cut) and any_type.fullmatch(piece, cut)
        for cut in range(len(piece))
    )


#: Separators the matcher splits a grouped piece at, and nothing else: a bracket (an area
#: code) or a ``+`` is left to the matcher itself.
_GROUP: Final = re.compile(r"[0-9]+")
_SEPARATORS_ONLY: Final = frozenset(" -./")
#: The matcher reads at most this many digits as one block; a longer group could be cut
#: inside, so such pieces are left to it.
_BLOCK_MAX: Final = 17


#: What :func:`_valid_parts` can tell about a piece without the matcher.
_UNKNOWN: Final = -1
_NO_VALID_PART: Final = 0
_WHOLE_MAY_BE_VALID: Final = 1
_PART_MAY_BE_VALID: Final = 2


def _valid_parts(piece: str, region: str, *, whole: bool) -> int:
    """Which parts of a piece of digit groups can be a valid number of ``region``.

    The matcher reads a piece as one candidate and, failing that, as parts of it that
    begin and end at a group (it splits only at separators; a group longer than it reads
    as one block could be cut inside, and a ``+`` or a bracket is left to it). Without a
    ``+`` or an international prefix, parsing a part only cuts off the region's country
    code and its national or carrier prefix (``0``, ``17951``; at most twice each, and
    only where the region's own patterns match), then asks whether the rest has a possible
    length and matches the region's general pattern and a type pattern: a part for which
    no cut does cannot be valid (tests/scrub/test_phones.py asks the matcher about grouped
    pieces near real numbers).

    Returns:
        ``_PART_MAY_BE_VALID`` as soon as a proper part may be valid; else
        ``_WHOLE_MAY_BE_VALID`` if the whole may be (checked only with ``whole``), else
        ``_NO_VALID_PART``; ``_UNKNOWN`` when only the matcher can tell.
    """
    rules = _number_rules(region)
    if rules is None or not piece.isascii() or "+" in piece:
        return _UNKNOWN
    if not _SEPARATORS_ONLY.issuperset(piece.translate(_NO_DIGITS)):
        return _UNKNOWN
    general, any_type, international = rules
    national, country = _prefixes(region)
    lengths = _possible_lengths(region)
    shortest = min(lengths, default=0)
    digits = piece.translate(_NO_SEPARATORS)
    ends = list(accumulate(len(group) for group in _GROUP.findall(piece)))
    if not ends or any(b - a > _BLOCK_MAX for a, b in zip([0, *ends], ends, strict=False)):
        return _UNKNOWN
    state = _NO_VALID_PART
    for begin in (0, *ends[:-1]):
        if international.match(digits, begin) is not None:
            return _UNKNOWN  # a number of another region: only the matcher knows
        base = [begin]
        if digits.startswith(country, begin):
            base.append(begin + len(country))
        for end in ends:
            if end - begin < shortest:
                continue
            is_whole = begin == 0 and end == len(digits)
            if is_whole and (not whole or state == _WHOLE_MAY_BE_VALID):
                continue
            cuts = set(base)
            for _ in range(2):
                for cut in list(cuts):
                    # Matched within the part, as parsing the part alone would.
                    stripped = national.match(digits, cut, end)
                    if stripped is not None and stripped.end() > cut:
                        cuts.add(stripped.end())
            for cut in cuts:
                if (
                    (not lengths or end - cut in lengths)
                    and general.fullmatch(digits, cut, end)
                    and any_type.fullmatch(digits, cut, end)
                    and not (cut == begin and _prefix_missing(digits, begin, end, region))
                ):
                    if not is_whole:
                        return _PART_MAY_BE_VALID
                    state = _WHOLE_MAY_BE_VALID
                    break
    return state


def _prefix_missing(digits: str, begin: int, end: int, region: str) -> bool:
    """Whether the matcher rejects ``digits[begin:end]`` read as a national number of
    ``region`` as it stands (no country code or prefix cut off) for want of the
    national prefix.

    At ``VALID`` the matcher asks a number taken as the home region's to carry the
    national prefix (``0``) wherever the region writes one before it (``03-1234-5678``,
    never ``3-1234-5678``): a coordinate's digits or a year range beside an amount read
    as such a number are not valid, though they match the region's patterns.
    """
    national, _ = _prefixes(region)
    if national.match(digits, begin, end) is not None:
        return False  # the prefix may be there: only the matcher can tell
    metadata = PhoneMetadata.metadata_for_region(region)
    assert metadata is not None  # _number_rules found it
    rule = _choose_formatting_pattern_for_number(metadata.number_format, digits[begin:end])
    return (
        rule is not None
        and bool(rule.national_prefix_formatting_rule)
        and not rule.national_prefix_optional_when_formatting
        and not _formatting_rule_has_first_group_only(rule.national_prefix_formatting_rule)
    )


def _never_valid_grouped(piece: str, region: str) -> bool:
    """Whether a piece of digit groups (``113.6646 8``, ``102.74865 2``) can hold no valid
    number of ``region``: the matcher (30-50 µs) need not be asked about it."""
    return _valid_parts(piece, region, whole=True) == _NO_VALID_PART


@cache
def _prefixes(region: str) -> tuple[re.Pattern[str], str]:
    """The region's national (and carrier) prefix pattern for parsing, and its country code."""
    metadata = PhoneMetadata.metadata_for_region(region)
    assert metadata is not None  # _number_rules found it
    pattern = metadata.national_prefix_for_parsing or metadata.national_prefix or "(?!)"
    return re.compile(pattern), str(metadata.country_code)


_NO_SEPARATORS: Final = str.maketrans("", "", " -./")


@cache
def _possible_lengths(region: str) -> frozenset[int]:
    """The lengths a national number of ``region`` can have (empty: unknown)."""
    metadata = PhoneMetadata.metadata_for_region(region)
    if metadata is None or metadata.general_desc is None:
        return frozenset()
    return frozenset(metadata.general_desc.possible_length or ())


#: The longest plain run of digits that the guard decides about without the matcher.
_GUARD_RUN_MAX: Final = 15


def _guard_decides(piece: str, region: str) -> bool:
    """Whether the guard alone gives the outcome for a piece that is not a year, date or
    time: a plain run of 8 to 15 digits, after a ``+`` or not.

    The matcher finds either nothing in such a run or the whole of it (it has no
    separator to split at; tests/scrub/test_phones.py checks this against it), and the
    guard removes the whole run either way, so asking the matcher (30-150 µs, most of
    the cost of a mobile number written without spaces) changes nothing.
    """
    run = piece.removeprefix("+")
    if GUARD_DIGITS <= len(run) <= _GUARD_RUN_MAX and run.isascii() and run.isdigit():
        return True
    # A grouped piece (``090-9614-2579``) no proper part of which can be a valid number:
    # the matcher finds the whole of it or nothing, and the guard removes the whole
    # either way. Most phone numbers written with separators are such pieces.
    if _digit_count(piece) < GUARD_DIGITS:
        return False
    return _valid_parts(piece, region, whole=False) == _NO_VALID_PART


def _phone_matches(
    piece: str, region: str, leniency: int, *, grouped: bool = True
) -> Iterator[PhoneNumberMatch]:
    """The matcher's matches in ``piece``, unless they are known to be none. Without
    ``grouped`` the caller knows that a part of ``piece`` may be a valid number."""
    if not _may_match(piece, region):
        return iter(())
    if leniency >= Leniency.VALID and (
        _never_valid(piece, region) or (grouped and _never_valid_grouped(piece, region))
    ):
        return iter(())
    return iter(PhoneNumberMatcher(piece, region, leniency=leniency))


class _Claims:
    """The claimed spans, sorted, for asking whether one of them holds a span."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, claimed: Sequence[tuple[int, int]]) -> None:
        spans = sorted(claimed)
        self._starts = [c_start for c_start, _ in spans]
        # The furthest end among the spans that start at or before each one.
        self._ends = list(accumulate((c_end for _, c_end in spans), max))

    def hold(self, start: int, end: int) -> bool:
        """Whether some claimed span ``c`` has ``c_start <= start and end <= c_end``."""
        index = bisect_right(self._starts, start)
        return index > 0 and self._ends[index - 1] >= end


def _skipped(text: str, start: int, end: int, claimed: _Claims) -> bool:
    """Whether the piece ``text[start:end]`` is left alone: too short, held by a stronger
    kind, or a year, date or time."""
    piece = text[start:end]
    return _digit_count(piece) < 6 or claimed.hold(start, end) or is_harmless_shape(piece)


_THOUSANDS: Final = re.compile(r",[0-9]{3}(?![0-9])")


def _amount_range(text: str, start: int, end: int) -> bool:
    return is_amount_range(text[start:end].lstrip("("))


def _remark(text: str, start: int, end: int) -> bool:
    """Whether a chunk written apart from the rest is a range of years and months or a
    time (``2021.06-2022.05``, ``1992/09-1993/10``): a separator inside it, so never a
    group of a phone number."""
    chunk = text[start:end].strip("()")
    return not chunk.isdigit() and is_harmless_shape(chunk)


def _chunks_to_check(view: View, start: int, end: int) -> tuple[int, int]:
    """Drop a leading amount and a trailing quantity from a candidate."""
    text = view.digits
    chunks = [(m.start() + start, m.end() + start) for m in _CHUNK.finditer(text[start:end])]
    if chunks and _remark(text, *chunks[-1]):
        chunks.pop()
    if chunks and _remark(text, *chunks[0]):
        chunks.pop(0)
    if (
        chunks
        and is_quantity_after(view.norm, chunks[-1][1])
        and (_amount_like(text, *chunks[-1]) or _amount_range(text, *chunks[-1]))
    ):
        # Nor a count: a unit after "090-1234-5678" or "13123456789" does not make it
        # a quantity. A range of amounts is one ("1500000-3000000元").
        chunks.pop()
    elif chunks and _THOUSANDS.match(text, chunks[-1][1]) and _amount_like(text, *chunks[-1]):
        chunks.pop()  # the first group of an amount written with commas ("50,000")
    if (
        chunks
        and is_money_before(view.norm, chunks[0][0])
        and (_amount_like(text, *chunks[0]) or _amount_range(text, *chunks[0]))
    ):
        chunks.pop(0)
    if not chunks:
        return start, start
    return chunks[0][0], chunks[-1][1]


# An office's case or file number (ZH-2024-0387, KR-2026-0417): letters, a dash, then a
# year and a serial, which the guard would take for a phone.
_REFERENCE_LETTERS: Final = re.compile(
    r"(?<![A-Za-z0-9])(?!(?i:tel|fax|ph|mob|hp|cell)-)[A-Za-z]{1,6}-\Z"
)
_REFERENCE_TAIL: Final = re.compile(r"(?:19|20)[0-9]{2}-[0-9]{2,6}\s*")


def _is_reference(text: str, start: int, group: str) -> bool:
    return bool(
        _REFERENCE_TAIL.fullmatch(group)
        and _REFERENCE_LETTERS.search(text, max(0, start - 7), start)
    )


def _bracket_start(text: str, start: int, end: int) -> int:
    """``start``, or the bracket before it that the number closes: an area code written
    ``(0433)2718-5546`` goes whole, not leaving a stray ``(`` before the placeholder."""
    opener = text[start - 1 : start]
    closer = {"(": ")", "（": "）"}.get(opener)
    if closer is not None and closer in text[start:end] and opener not in text[start:end]:
        return start - 1
    return start


def find_phones(
    view: View,
    locale: str,
    leniency: int = DEFAULT_LENIENCY,
    guard: bool = True,
    *,
    claimed: Sequence[tuple[int, int]] = (),
) -> Iterator[Finding]:
    """Yield every phone number (and unexplained long digit run) in ``view``.

    Args:
        claimed: view spans already found as a kind that outranks a phone when findings
            merge (an ID, a card, a messenger ID...). A candidate wholly inside one is
            skipped: whatever this yielded there would merge into that span unchanged,
            and asking libphonenumber about every card and ID number is most of its cost.
    """
    text = view.digits
    region = HOME_REGION[locale]
    claims = _Claims(claimed)
    # Below this many digits and without a ``+``, neither the matcher nor the guard can
    # find anything in a candidate or in any part of it.
    quiet = min(GUARD_DIGITS, _fewest_valid_digits(region))
    for candidate in _CANDIDATE.finditer(text):
        c_start, c_end = candidate.span()
        if claims.hold(c_start, c_end):
            continue  # and so is every piece cut from it below
        group = candidate.group()
        if _is_reference(text, c_start, group):
            continue
        cut = time_inside(text, c_start, c_end)
        if cut is not None:
            # A time after the number is not part of it: ``1234567 (10:20に聞いた)``.
            c_end = cut
            group = text[c_start:c_end]
        if _digit_count(group) < quiet and "+" not in group:
            # Every piece checked below lies inside it: too short for the matcher and
            # the guard alike. (Trimming keeps every digit and any ``+``.)
            continue
        whole = _trim(text, c_start, c_end)
        whole_piece = text[whole[0] : whole[1]]
        if claims.hold(*whole):
            continue  # and so is every piece inside it
        if is_harmless_shape(whole_piece):
            # A year range, a date or a time. Every piece cut from it below (a leading
            # amount or a trailing quantity dropped at a space) is one too, or has fewer
            # than six digits: skipped either way, and the matcher is never asked.
            continue
        start, end = _chunks_to_check(view, c_start, c_end)
        if is_amount_range(whole_piece) and (
            start == end or is_quantity_after(view.norm, whole[1])
        ):
            # The whole candidate is a rising range of amounts beside its unit or sign
            # (``1500000-3000000元``, ``9000000 - 18000000元``): money, and the matcher
            # (30-50 µs) is not asked. Written with spaces, only its second amount is
            # dropped as a quantity, and the matcher would read it as a service number.
            continue
        start, end = _trim(text, start, end)
        first: PhoneNumberMatch | None = None
        skip = _skipped(text, start, end, claims)
        if (start, end) != whole and not (skip and _skipped(text, *whole, claims)):
            # A currency sign or a unit beside a real phone number does not make it an
            # amount: "$ 090-1234-5678" is a phone. Only asked when trimming changed
            # something, and when the answer matters (a year range before 年 is skipped
            # trimmed or whole), so plain amounts and years cost nothing more.
            found = _phone_matches(whole_piece, region, leniency)
            first = next(found, None)
            if first is not None:
                start, end = whole
                skip = _skipped(text, start, end, claims)
        if skip:
            continue
        piece = text[start:end]
        # When the whole candidate held a phone, the matcher already began on this very
        # piece: its first match is kept and the rest drawn from the same run.
        if first is not None:
            matches: Iterable[PhoneNumberMatch] = [first, *found]
        elif guard and _guard_decides(piece, region):
            matches = ()
        else:
            # A piece the guard would remove but did not decide about has a part that may
            # be valid, or one that only the matcher can tell about: asked straight away.
            grouped = not (guard and _digit_count(piece) >= GUARD_DIGITS)
            matches = _phone_matches(piece, region, leniency, grouped=grouped)
        covered = [(start + match.start, start + match.end) for match in matches]
        if not guard:
            yield from (Finding(s, e, "phone") for s, e in covered)
            continue
        pos = start
        for m_start, m_end in [*covered, (end, end)]:
            rest_start, rest_end = _trim(text, pos, m_start)
            digits = _digit_count(text[rest_start:rest_end])
            if digits >= GUARD_DIGITS and not is_harmless_shape(text[rest_start:rest_end]):
                yield Finding(_bracket_start(text, rest_start, rest_end), rest_end, "phone")
            elif 0 < digits <= _PREFIX_DIGITS and m_start < end:
                # A trunk prefix or country code the matcher left out (``8 (912) ...``).
                m_start = rest_start
            if m_start < m_end:
                yield Finding(_bracket_start(text, m_start, m_end), m_end, "phone")
            pos = m_end
