"""What makes a run of digits harmless: quantities, money, years, times, dates without a day.

Triage needs these numbers (a broker demanding ``3,000,000円``, a crossing in
``2019-2020``, a grandmother aged ``84``), so the number detectors ask this module before
they call a digit run an identifier.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "FULL_DATE",
    "VERSION",
    "is_amount_range",
    "is_harmless_shape",
    "is_money_before",
    "is_plain_number",
    "is_quantity_after",
    "time_inside",
]

# Words that make the number before them a quantity, an amount or a point in time.
_UNITS: Final = (
    "円|元|圆|圓|块|塊|万|萬|億|亿|千|百|十|원|엔|위안|달러|불|ドル|美元|日元|韩元|人民币|ユーロ|欧元|"
    "年|月|日|号线|人|名|歳|才|岁|歲|살|세|명|개|個|个|件|回|次|倍|割|%|パーセント|퍼센트|"
    "km|kg|cm|mm|m\\b|キロ|킬로|公里|公斤|時|分|秒|시|분|초|世|代|位|番目|등|위|층|階|楼|"
    "泊|晩|週|周|週間|주|개월|ヶ月|か月|カ月|个月|天|小时|時間|시간|년|월|일"
)
_QUANTITY_AFTER: Final = re.compile(rf" ?(?:{_UNITS})")
_CURRENCY_BEFORE: Final = re.compile(r"(?:[¥$₩€£]|RMB|CNY|JPY|KRW|USD|US\$|人民币|日元|韩元) ?$")

_YEAR: Final = r"(?:1[89]|20)\d\d"
_MONTH: Final = r"(?:0?[1-9]|1[0-2])"
_DAY: Final = r"(?:0?[1-9]|[12]\d|3[01])"
_YM: Final = rf"{_YEAR}(?:[-./]{_MONTH})?"
# ``(?<![0-9])(?:{_YEAR}(?P<s1>...)...|{_YEAR}(?P<m2>...)...)(?![0-9])`` with the year
# taken out of the alternation and the lookbehind moved after the year's first digit,
# so that the engine skips ahead to a 1 or a 2 (tests/scrub/test_scan.py compares them).
FULL_DATE: Final = re.compile(
    r"(?:1(?<![0-9]1)[89]|2(?<![0-9]2)0)\d\d"
    rf"(?:(?P<s1>[-./])(?P<m1>{_MONTH})(?P=s1)(?P<d1>{_DAY})"
    rf"|(?P<m2>0[1-9]|1[0-2])(?P<d2>0[1-9]|[12]\d|3[01]))(?![0-9])"
)
_HARMLESS: Final = re.compile(
    rf"(?:{_YM}(?: ?- ?(?:{_YM}|{_MONTH}|\d\d))?"  # 2019, 2019-2020, 2019.3-2020.5
    rf"|{_YEAR}(?:[ ,]+{_YEAR})+"  # a list of years
    rf"|{FULL_DATE.pattern}"  # a full date: the birthdate rules decide about it
    r"|\d{1,2}[.:]\d\d(?: ?- ?\d{1,2}[.:]\d\d)?"  # times
    r"|\d+\.\d+"  # decimals
    r")"
)


# A range of two amounts or counts (``1500000-3000000``, with ``~`` or ``〜`` read as ``-``
# in the view): nobody writes one with a leading zero or with more than ten digits a side.
_AMOUNT_RANGE: Final = re.compile(r"(?P<a>[1-9][0-9]{0,9}) ?- ?(?P<b>[1-9][0-9]{0,9})")
# A time after a separator, inside a run of digits that a phone candidate took in:
# ``TK1234567（10:20に聞いた）`` reads ``1234567(10`` as one candidate.
_TIME_INSIDE: Final = re.compile(r"[ \-./()]{1,3}(?=[0-9]{1,2}:[0-9]{2}(?![0-9]))")
#: An app or software version (``11.9.2``, ``v8.0.49``): never an account or a phone.
VERSION: Final = re.compile(r"[vV]?[0-9]{1,3}(?:\.[0-9]{1,4}){1,3}")


def is_amount_range(candidate: str) -> bool:
    """Whether ``candidate`` is a rising range of two amounts of about the same size.

    Only asked when a unit or a currency sign stands beside it (``1500000-3000000元``):
    a phone number split once is not rising (``1588-1234``) or opens with ``0``.
    """
    match = _AMOUNT_RANGE.fullmatch(candidate)
    if match is None:
        return False
    low, high = match["a"], match["b"]
    return abs(len(low) - len(high)) <= 1 and int(low) < int(high)


# An opening bracket after a complete number (seven digits or more before it): what the
# bracket holds is a remark (``2385144799（1500000-3000000円に聞いた）``), not the rest of
# the number. Area codes in brackets come after fewer digits (``+81 (0)90``, ``03(1234)``).
_COMPLETE_DIGITS: Final = 7
_NO_DIGITS: Final = str.maketrans("", "", "0123456789")


def time_inside(text: str, start: int, end: int) -> int | None:
    """Where a number in ``text[start:end]`` ends and a remark begins: a time after a
    separator (the time itself may run on past ``end``), or an opening bracket after a
    complete number."""
    cut = None
    match = _TIME_INSIDE.search(text, start, end + 8)
    if match is not None and start < match.start() < end:
        cut = match.start()
    bracket = text.find("(", start, end)
    while bracket != -1 and (cut is None or bracket < cut):
        before = text[start:bracket]
        if len(before) - len(before.translate(_NO_DIGITS)) >= _COMPLETE_DIGITS:
            return bracket - 1 if text[bracket - 1] == " " else bracket
        bracket = text.find("(", bracket + 1, end)
    return cut


def is_harmless_shape(candidate: str) -> bool:
    """Whether the whole digit run reads as a year, a year range, a date or a time."""
    return _HARMLESS.fullmatch(candidate) is not None


def is_quantity_after(text: str, end: int) -> bool:
    """Whether a unit of quantity, money or time follows ``text[:end]``."""
    return _QUANTITY_AFTER.match(text, end) is not None


def is_money_before(text: str, start: int) -> bool:
    """Whether a currency sign or code precedes ``text[start:]``."""
    return _CURRENCY_BEFORE.search(text, max(0, start - 8), start) is not None


def is_plain_number(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, met after an account's or a document's label, can be
    its number: no unit after it, no currency before it, not a year, date or time."""
    value = text[start:end]
    if is_quantity_after(text, end) or is_money_before(text, start):
        return False
    return not (value.isdigit() and is_harmless_shape(value))
