"""What makes a run of digits harmless: quantities, money, years, times, dates without a day.

Triage needs these numbers (a broker demanding ``3,000,000円``, a crossing in
``2019-2020``, a grandmother aged ``84``), so the number detectors ask this module before
they call a digit run an identifier.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["FULL_DATE", "is_harmless_shape", "is_money_before", "is_quantity_after"]

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


def is_harmless_shape(candidate: str) -> bool:
    """Whether the whole digit run reads as a year, a year range, a date or a time."""
    return _HARMLESS.fullmatch(candidate) is not None


def is_quantity_after(text: str, end: int) -> bool:
    """Whether a unit of quantity, money or time follows ``text[:end]``."""
    return _QUANTITY_AFTER.match(text, end) is not None


def is_money_before(text: str, start: int) -> bool:
    """Whether a currency sign or code precedes ``text[start:]``."""
    return _CURRENCY_BEFORE.search(text, max(0, start - 8), start) is not None
