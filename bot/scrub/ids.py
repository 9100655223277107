"""Identity documents and cards: check digits are verified wherever the format has one.

- Chinese resident identity number: 18 characters, ISO 7064 MOD 11-2 check character.
  A run of 17 digits ending in ``X`` is taken even when its check fails: ``X`` gives it away.
- Korean resident registration number ``YYMMDD-NNNNNNN`` (the check digit was dropped in
  2020, so only the date and the sex digit are checked), also half-masked (``1******``).
- Japanese My Number: 12 digits with its check digit.
- Bank cards: 13 to 19 digits passing Luhn.
- Passport numbers: after a label in any of the three languages, and unlabelled in the
  shapes Japan, Korea and China issue (``TK1234567``, ``M12345678``, ``M123A4567``, ``E12345678``).
- Japanese residence cards and special permanent resident certificates (``AB12345678CD``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from bot.scrub.normalize import View
from bot.scrub.numbers import is_harmless_shape, is_plain_number
from bot.scrub.scan import finditer_at, starts
from bot.scrub.spans import Finding

__all__ = ["china_id_valid", "find_ids", "luhn_valid", "my_number_valid"]

_CN_WEIGHTS: Final = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
# Each pattern opens with the character class its lookbehind guards, and the lookbehind
# then looks one character further back: the same matches, but the engine skips ahead
# to that class instead of trying the lookbehind at every position.
_CN_ID: Final = re.compile(
    r"[1-9](?<![0-9A-Za-z][1-9])[0-9]{5}[ -]?"
    r"(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])"
    r"[ -]?[0-9]{3}[0-9Xx](?![0-9A-Za-z])"
)
_RRN: Final = re.compile(
    r"[0-9](?<![0-9][0-9])[0-9](?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])"
    r"(?: ?[-~] ?[0-9][0-9*xX●○]{6}|[1-8][0-9]{6})(?![0-9])"
)
_MY_NUMBER: Final = re.compile(
    r"[0-9](?<![0-9][0-9])(?<![0-9][ -][0-9])[0-9]{3}[ -]?[0-9]{4}[ -]?[0-9]{4}(?![ -]?[0-9])"
)
# Cards are written unbroken or in the groups printed on them (4-4-4-4[-3], 4-6-5, 4-6-4),
# and begin with 2-6 (Mastercard, Amex/JCB/Diners, Visa, Mastercard, Discover/UnionPay):
# that keeps a phone number with a country code from passing Luhn by chance.
_CARD: Final = re.compile(
    r"[2-6](?<![0-9+][2-6])(?:[0-9]{12,18}"
    r"|[0-9]{3}([ -])[0-9]{4}\1[0-9]{4}\1[0-9]{4}(?:\1[0-9]{1,3})?"
    r"|[0-9]{3}([ -])[0-9]{6}\2[0-9]{4,5})(?![0-9])"
)
# 여행증명서 and 旅行证 are the travel documents issued in place of a passport; 려권 is
# how the North spells 여권.
_PASSPORT_WORDS: Final = (
    r"旅券番号|旅券|パスポート番号|パスポート|여권 ?번호|여권|려권 ?번호|려권|여행증명서|"
    r"护照号码|护照号|护照|護照號碼|護照|旅行证|"
    r"passport(?: ?(?:no\.?|number|#))?"
)
# North Korea's citizen card (공민증, 公民证): its number is taken after its label as a
# passport's is. Resident numbers are found by their check (above), so after their
# label only a part of one is taken (주민번호 앞자리 781105, 身份证后四位 1234).
_CITIZEN_WORDS: Final = r"공민증|公民证|公民証"
_RESIDENT_WORDS: Final = r"주민 ?등록 ?번호|주민 ?번호|身份证(?:号码|号)?"
_PASSPORT_GAP: Final = (
    r"(?:[\s:：=＝\-「『\"'(（【\[]|の|は|が|是|为|는|은|이|가|"
    r"番号|号码|号|번호|넘버|ナンバー|No\.?)"
)
# Part of a number, as people give what they remember or what is safe to type (여권번호
# 끝자리 5678, 앞자리 M1234, 护照号码后四位5678, 护照尾号5678, 旅券番号の下4桁は5678).
_PASSPORT_PART: Final = (
    r"(?:앞|뒷|뒤|끝|마지막) ?(?:[0-9] ?)?(?:자리|번호)|尾号|"
    r"[前后末尾][0-9一二三四五六七八九几]?位|[上下末尾][0-9一二三四五]?桁"
)
# The shapes of a passport number: letters and digits, the Korean shape with a letter
# inside, and the groups of the printed page or of memory (M1234 5678, E 1234 5678,
# E1234-5678, 836 123 456), whose digits _grouped_passport then counts.
_PASSPORT_NUMBER: Final = (
    r"[A-Za-z]{0,2}[ -]?[0-9]{6,9}|[A-Za-z][ -]?[0-9]{3}[A-Za-z][0-9]{4}"
    r"|[A-Za-z]{0,2}[ -]?[0-9]{2,6}(?:[ -][0-9]{2,6}){1,2}"
)
_PASSPORT_LABEL: Final = re.compile(
    rf"(?P<resident>{_RESIDENT_WORDS}){_PASSPORT_GAP}{{0,6}}"
    rf"(?:{_PASSPORT_PART}){_PASSPORT_GAP}{{0,3}}(?P<resident_part>[0-9]{{3,7}})(?![0-9])"
    rf"|(?:(?P<citizen>{_CITIZEN_WORDS})|{_PASSPORT_WORDS})"
    rf"(?:{_PASSPORT_GAP}{{0,6}}"
    rf"(?:(?:{_PASSPORT_PART}){_PASSPORT_GAP}{{0,3}}(?P<part>[A-Za-z]{{0,2}}[0-9]{{3,9}})"
    rf"|(?P<id>{_PASSPORT_NUMBER}))"
    # Or the first number after a short phrase in the same sentence (여권인데 번호가
    # 1234567, 여권상 번호 1234567, 护照上写的是 1234567, 朝鲜护照 第1234567号).
    # A phone number's word in between makes the number a phone's.
    rf"|(?:(?!전화|폰|电话|手机|電話|携帯)[^0-9A-Za-z\n。.!?！？]){{1,12}}(?P<far>{_PASSPORT_NUMBER}))"
    r"(?![0-9A-Za-z])",
    re.IGNORECASE,
)
# A number before the word, tied to it by a particle or a bracket, over "my" and the
# issuing country (1234567 이게 여권번호예요, 1234567是护照号码, e12345678是她的护照号,
# 1234567 (여권), 1234567이 북한 여권이에요): searched back from each passport word.
_PASSPORT_BEFORE: Final = re.compile(
    rf"(?<![0-9A-Za-z])(?P<id>{_PASSPORT_NUMBER})"
    r" ?(?:[(（【]|이게|이건|이|가|는|은|就是|是|为|が|は)"
    r" ?(?:제|내|우리|그|엄마|我的|她的|他的|我|她|他|私の|母の)?"
    r" ?(?:북한|중국|한국|일본|朝鲜|中国|韩国|日本|北朝鮮|韓国)?(?:의|的|の)? ?(?:새 ?|旧|新)?$",
    re.IGNORECASE,
)
_PASSPORT_BEFORE_REACH: Final = 24
_PASSPORT_WORD: Final = re.compile(_PASSPORT_WORDS, re.IGNORECASE)
_DIGIT_GROUPS: Final = re.compile(r"[0-9]+")
_MAX_PASSPORT_DIGITS: Final = 9
_MIN_LONG_GROUP: Final = 3
_YEAR: Final = re.compile(r"(?:19|20)[0-9]{2}")

# Where a label can begin (scan.py): the first character of each word, unflagged (no
# other character folds to p), so that the engine skips ahead to them.
_PASSPORT_START: Final = re.compile("[旅パ여려护護pP공公주身]")
# 주, 공 and 公 open many other words (주세요, 공장, 公司): a start there only before the
# second character of a citizen or resident word, checked on the few starts found.
_SECOND_CHAR: Final = {"공": "민", "公": "民", "주": "민", "身": "份"}
_PASSPORT_FIRSTS: Final = frozenset("旅パ여려护護pP")


def _label_starts(text: str) -> list[int]:
    found = []
    for start in starts(_PASSPORT_START, text):
        second = _SECOND_CHAR.get(text[start])
        if second is None or text.startswith(second, start + 1):
            found.append(start)
    return found


# The Korean shape (``M123A4567``) is distinctive enough to be taken with a space after
# its letter too (``M 123A4567``), as people copy it from the printed page.
# Japan's residence card and special permanent resident certificate number (在留カード,
# 特別永住者証明書): two letters, eight digits, two letters (``AB12345678CD``), also
# with a space between the groups. Both shapes open with a capital letter: one scan.
_LETTERED_ID: Final = re.compile(
    r"[A-Z](?<![A-Za-z0-9][A-Z])(?:"
    r"(?P<residence>[A-Z] ?[0-9]{8} ?[A-Z]{2})"
    r"|[A-Z]?[0-9]{7,8}| ?[0-9]{3}[A-Z][0-9]{4})(?![A-Za-z0-9])"
)
_NOT_DIGIT: Final = re.compile(r"[^0-9Xx]")
# Each pattern above but the passport ones opens at the first digit of a run and holds at
# least twelve digits or mask characters, with at most three separators between two of
# them. A note is scanned once for where that can begin, and the four patterns are tried
# there only (scan.py), instead of each being tried at every digit of the note.
_LONG_NUMBER: Final = re.compile(r"[0-9](?<![0-9][0-9])(?=(?:[ \-~]{0,3}[0-9*xX●○]){11})")


def china_id_valid(number: str) -> bool:
    """Whether an 18-character Chinese resident identity number has a valid check character."""
    digits = _NOT_DIGIT.sub("", number).upper()
    if len(digits) != 18 or not digits[:17].isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:17], _CN_WEIGHTS, strict=True))
    return "10X98765432"[total % 11] == digits[17]


def my_number_valid(number: str) -> bool:
    """Whether a 12-digit Japanese My Number (individual number) has a valid check digit."""
    digits = [int(d) for d in number if d.isdigit()]
    if len(digits) != 12:
        return False
    body = digits[:11][::-1]  # P1 is the digit just left of the check digit
    total = sum(p * (n + 1 if n <= 6 else n - 5) for n, p in enumerate(body, start=1))
    remainder = total % 11
    return digits[11] == (0 if remainder <= 1 else 11 - remainder)


_LUHN_DOUBLED: Final = (0, 2, 4, 6, 8, 1, 3, 5, 7, 9)


def luhn_valid(number: str) -> bool:
    """Whether a digit string passes the Luhn check used by payment cards."""
    digits = [int(d) for d in number if d.isdigit()]
    if len(digits) < 13:
        return False
    # From the check digit leftwards, every second digit is doubled (less 9 above 9).
    total = sum(digits[-1::-2]) + sum(_LUHN_DOUBLED[digit] for digit in digits[-2::-2])
    return total % 10 == 0


def _grouped_passport(value: str) -> bool:
    """Whether a passport number written in groups is one: 6 to 9 digits in all (7 with
    no letter: 100 200 is money), one group of three or more (10 20 30 is a list), and
    not years or a date (여권 2015 2025: issued and expiring; 2020 03 15)."""
    groups = _DIGIT_GROUPS.findall(value)
    lettered = any(ch.isalpha() for ch in value)
    count = sum(len(group) for group in groups)
    if not (6 if lettered else 7) <= count <= _MAX_PASSPORT_DIGITS:
        return False
    if max(len(group) for group in groups) < _MIN_LONG_GROUP:
        return False
    if not lettered and is_harmless_shape(value.replace(" ", "-")):
        return False
    return not all(_YEAR.fullmatch(group) for group in groups)


_DIGITS_APART: Final = re.compile(r"[0-9][ -][0-9]")


def _passport_number(text: str, start: int, end: int) -> bool:
    """Whether a number found by a passport's word can be its number: not a count,
    money or a date, and when written in groups, 6 to 9 digits that are not years."""
    value = text[start:end]
    if _DIGITS_APART.search(value) is not None and not _grouped_passport(value):
        return False
    return is_plain_number(text, start, end)


def _labelled_number(text: str, match: re.Match[str]) -> Finding | None:
    group = next(g for g in ("resident_part", "part", "far", "id") if match[g] is not None)
    if not _passport_number(text, match.start(group), match.end(group)):
        return None
    is_passport = match["citizen"] is None and match["resident"] is None
    return Finding(
        match.start(group), match.end(group), "passport" if is_passport else "id_number"
    )


def _passports_before_word(text: str, labels: list[int]) -> Iterator[Finding]:
    for start in labels:
        if text[start] not in _PASSPORT_FIRSTS or _PASSPORT_WORD.match(text, start) is None:
            continue
        match = _PASSPORT_BEFORE.search(text, max(0, start - _PASSPORT_BEFORE_REACH), start)
        if match is not None and _passport_number(text, match.start("id"), match.end("id")):
            yield Finding(match.start("id"), match.end("id"), "passport")


def find_ids(view: View, locale: str) -> Iterator[Finding]:  # noqa: ARG001
    """Yield identity numbers, passport numbers and card numbers."""
    text = view.digits
    longs = starts(_LONG_NUMBER, text)
    for match in finditer_at(_CN_ID, text, longs):
        value = match.group()
        if china_id_valid(value) or value[-1] in "Xx":
            yield Finding(match.start(), match.end(), "id_number")
    for match in finditer_at(_RRN, text, longs):
        yield Finding(match.start(), match.end(), "id_number")
    for match in finditer_at(_MY_NUMBER, text, longs):
        if my_number_valid(match.group()):
            yield Finding(match.start(), match.end(), "id_number")
    for match in finditer_at(_CARD, text, longs):
        if luhn_valid(match.group()):
            yield Finding(match.start(), match.end(), "card")
    labels = _label_starts(text)
    for match in finditer_at(_PASSPORT_LABEL, text, labels):
        found = _labelled_number(text, match)
        if found is not None:
            yield found
    yield from _passports_before_word(text, labels)
    for match in _LETTERED_ID.finditer(text):
        kind = "id_number" if match["residence"] else "passport"
        yield Finding(match.start(), match.end(), kind)
