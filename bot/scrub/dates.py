"""Dates of birth: every full date (year, month and day), and a day after a birth label.

A full date is removed even without a label: in a case stub a day-exact date with a year
is most often a date of birth, and the month and year of an event are enough for triage.
Years alone, ``2023年5月`` and ``5月12日`` without a birth label are kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from bot.scrub.normalize import View
from bot.scrub.numbers import FULL_DATE
from bot.scrub.scan import back_over, before, finditer_at, first_char_class, starts
from bot.scrub.spans import Finding

__all__ = ["find_birthdates"]

_N: Final = r"[0-9〇一二三四五六七八九十]"
_ERA: Final = r"(?:明治|大正|昭和|平成|令和)"
_YEAR: Final = rf"(?:(?:1[89]|20)[0-9]{{2}}|[0-9]{{2}}|{_ERA} ?(?:元|{_N}{{1,3}}))"
_MD_CJK: Final = rf"{_N}{{1,2}} ?(?:月|월) ?{_N}{{1,3}} ?(?:日|号|號|일)"
# Each pattern opens with the class of its first character, and a lookbehind (when the
# pattern has one) looks one character further back: the engine then skips ahead to that
# class instead of trying the pattern at every position. The forms as first written
# (lookbehind, then ``_YEAR``, the era words, ``_MD_CJK``) are in tests/scrub/test_scan.py.
_ERA_TAIL: Final = r"(?:(?<=明)治|(?<=大)正|(?<=昭)和|(?<=平)成|(?<=令)和)"
_CJK_FULL: Final = re.compile(
    r"[0-9明大昭平令](?<![0-9][0-9明大昭平令])"
    r"(?:(?<=1)[89][0-9]{2}|(?<=2)0[0-9]{2}|(?<=[0-9])[0-9]"
    rf"|{_ERA_TAIL} ?(?:元|{_N}{{1,3}}))"
    rf" ?(?:年|년) ?の?(?:[음양]력 ?)?{_MD_CJK}"
)
# Every match of _CJK_FULL holds 年 or 년 followed by a month and a day, at most seven
# characters after its start (an era, a space, a year of three numerals, a space): it is
# tried only there (scan.py), not at every digit of a note full of years.
_YEAR_THEN_DAY: Final = re.compile(rf"[年년](?= ?の?(?:[음양]력 ?)?{_MD_CJK})")
_CJK_FULL_REACH: Final = 7
_ERA_DOTTED: Final = re.compile(
    r"[MTSHR明大昭平令](?<![A-Za-z0-9][MTSHR明大昭平令])(?:(?<=[MTSHR])|" + _ERA_TAIL[3:] + " ?"
    r"[0-9]{1,2}[./][0-9]{1,2}[./][0-9]{1,2}(?![0-9])"
)
# A Japanese era written in Hangul before the year (쇼와 14년 2월 11일), as Korean notes
# copy a Japanese family register: the era goes with the date.
_KO_ERA_BEFORE: Final = re.compile(
    # and the North's own era as Japanese writes it (主体38年3月1日).
    r"(?:쇼와|다이쇼|메이지|헤이세이|레이와|소화|대정|명치|평성|주체|主体) ?\Z"
)
_LABEL: Final = (
    r"(?:生年月日|誕生日|生まれ|出生年月日|出生日期|出生日|出生|生日|생년월일|생일|태어난 ?날|"
    r"출생일|생신|"
    r"DOB|D\.O\.B\.?|date of birth|birth ?day|birth date)"
)
_GAP: Final = r"(?:[\s:：=は是为는은이가の]|：){0,4}"
_LABELLED_MD: Final = re.compile(
    rf"{_LABEL}{_GAP}(?:[음양]력(?:으로)? ?)?"
    rf"(?P<date>{_MD_CJK}|[0-9]{{1,2}}[./-][0-9]{{1,2}}(?![0-9./-])"
    # A year of two digits before the month and day (生年月日: 78.11.05, 生日是52/10/3).
    r"|[0-9]{2}[./-][0-9]{1,2}[./-][0-9]{1,2}(?![0-9./-])"
    # The day, the month's English abbreviation and the year, as a passport prints them
    # (DOB 12 MAR 1958).
    r"|(?:0?[1-9]|[12][0-9]|3[01]) ?(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*"
    r" ?(?:1[89]|20)[0-9]{2}(?![0-9])"
    # Six digits after a birth label are a date (``생년월일: 480523``), as the first half
    # of a Korean resident number writes it.
    r"|[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])(?![0-9]))",
    re.IGNORECASE,
)
# A case-insensitive word list keeps the engine from skipping ahead: try it only where
# a label's first letter stands (scan.py).
_LABEL_START: Final = re.compile(first_char_class(_LABEL[3:-1], fold=True))
# A day of birth ends (after one space at most) where its birth word begins, and is
# made of these characters only: try it only where a run of them stands before a
# birth word (scan.py), at most _MD_REACH characters back.
# 生|出生|에 태어|생, opened with a character class so that the engine skips ahead to it.
_BIRTH_WORD: Final = re.compile(r"[生出에생](?:(?<=出)生|(?<=에) 태어|(?<=[生생]))")
_MD_CHARS: Final = frozenset("0123456789〇一二三四五六七八九十 月월日号號일/.")
_MD_REACH: Final = 11
_MD_THEN_BIRTH: Final = re.compile(
    rf"(?P<date>{_N}(?:{_N}? ?(?:月|월) ?{_N}{{1,3}} ?(?:日|号|號|일)"
    r"|(?<=[0-9])[0-9]?/[0-9]{1,2}"
    # A year of two digits, the month and the day between dots (52.3.9生まれ).
    r"|(?<=[0-9])[0-9]\.[0-9]{1,2}\.[0-9]{1,2}))"
    r" ?(?:生まれ|生|出生|出生的|에 태어|생)"
)


# A Chinese date written in words, often of the lunar calendar, with no 日 or 号 after
# the day: 一九五六年腊月十二, 1958年八月十五, 1960年正月初三. The year in digits or
# four numerals, the month by number or name (正月, 冬月, 腊月, 闰五月), the day as the
# lunar calendar counts it (初一 to 初十, 十一 to 三十, 廿三).
_ZH_DAY: Final = (
    r"(?:初[一二三四五六七八九十]|[二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?"
    r"|[一二三四五六七八九])"
)
_ZH_WORD_DATE: Final = re.compile(
    r"(?:(?:1[89]|20)[0-9]{2}|[〇零一二三四五六七八九]{4}|[〇零一二三四五六七八九]{2}) ?年 ?闰?"
    rf"(?:正|冬|腊|十[一二]|[一二三四五六七八九十])月{_ZH_DAY}(?:日|号)?"
    # not a count or a duration that follows a month (五月三个人, 八月十天)
    r"(?![一二三四五六七八九十个人次天周年岁])"
)
# Where such a date can begin (scan.py): its year is four characters (or two numerals:
# 五二年十月初三), then a space or not, then 年, so it begins two to five characters
# before a 年 and nowhere else.
_ZH_YEAR_AT: Final = re.compile("年")
_ZH_YEAR_LENGTHS: Final = (2, 4)


def _zh_word_date_starts(text: str) -> list[int]:
    return sorted(
        start
        for year in starts(_ZH_YEAR_AT, text)
        for length in _ZH_YEAR_LENGTHS
        for start in (year - length - 1, year - length)
        if start >= 0
    )


# A Korean date the patterns above do not read: a year of the North Korean calendar with
# the Gregorian one in brackets (주체37(1948)년 5월 23일), a lunar date whose day is
# counted in words (음력 정월 초사흘, 1952년 음력 3월 보름), and a date written with spaces
# after its dots (1978. 11. 5.). A lunar month and day without a year is a birthday only
# with a birth word after it (음력 3월 5일생): otherwise it may be a holiday (음력 8월 15일).
_KO_LUNAR_DAY: Final = (
    r"(?:초 ?[0-9]{1,2} ?일?|[0-9]{1,2} ?일"
    r"|초(?:하룻|이튿|사흗|나흗|닷샛|엿샛|이렛|여드렛|아흐렛)날"
    r"|초하루|초이틀|초사흘|초나흘|초닷새|초엿새|초이레|초여드레|초아흐레|초열흘날?|보름날?|그믐날?)"
)
_KO_DATE: Final = re.compile(
    r"(?P<year>(?:(?:1[89]|20)[0-9]{2}|[0-9]{2}) ?년 ?)?[음양]력(?:으로)? ?"
    r"(?P<year2>(?:(?:1[89]|20)[0-9]{2}|[0-9]{2}) ?년 ?)?"
    rf"(?:정월|동짓달|섣달|[0-9]{{1,2}} ?월) ?{_KO_LUNAR_DAY}(?P<birth> ?(?:생|출생|에 태어))?"
    rf"|주체 ?[0-9]{{1,3}}(?: ?\((?:19|20)[0-9]{{2}}\))? ?년 ?{_MD_CJK}"
    r"|(?<![0-9])(?:1[89]|20)[0-9]{2}\. ?(?:0?[1-9]|1[0-2])\. ?(?:0?[1-9]|[12][0-9]|3[01])\.?"
    r"(?![0-9])"
    # A dotted date with a year of two digits before 생 (48.03.05생), and the day after a
    # year of birth (48년생 3월 5일: the year alone stays, as in 1952년생).
    r"|(?<![0-9.])[0-9]{2}\.(?:0?[1-9]|1[0-2])\.(?:0?[1-9]|[12][0-9]|3[01])(?= ?생)"
    r"|(?:(?:1[89]|20)[0-9]{2}|[0-9]{2}) ?년생[,，]? ?(?:[음양]력 ?)?"
    rf"(?P<md>{_MD_CJK})"
    # The first half of a resident number is the date of birth (주민번호 앞자리 781105).
    r"|주민(?:등록)? ?번호 ?앞 ?(?:자리|6 ?자리|여섯 ?자리|번호)?[은는이가: ]{0,3}"
    r"(?P<rrn>[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01]))(?![0-9])"
)
# Where one can begin (scan.py): at 주체, at a year up to six characters before 음력 or
# 양력, and four characters before a dot followed by a space and a month.
# Opened with a class of the first characters, so that the engine skips ahead to them.
_KO_DATE_AT: Final = re.compile(
    r"[주음양.년](?:(?<=주)(?:체|민)|(?<=[음양])력|(?<=년)(?=생)"
    r"|(?<=\.)(?= [0-9]{1,2}\. ?[0-9]|[0-9]{1,2}\.[0-9]{1,2} ?생))"
)
_KO_DATE_REACH: Final = 6
_KO_BIRTH_LABEL_BEFORE: Final = re.compile(r"(?:생일|생신|생년월일|태어난 ?날)[은는이가: ]{0,3}\Z")


def _ko_dates(text: str) -> Iterator[Finding]:
    for match in finditer_at(_KO_DATE, text, before(starts(_KO_DATE_AT, text), _KO_DATE_REACH)):
        lunar = "력" in match.group()
        labelled = _KO_BIRTH_LABEL_BEFORE.search(text, max(0, match.start() - 12), match.start())
        if lunar and not (match["year"] or match["year2"] or match["birth"] or labelled):
            continue
        end = match.start("birth") if match["birth"] else match.end()
        part = "rrn" if match["rrn"] else "md" if match["md"] else 0
        yield Finding(match.start(part), end, "birthdate")


# A note dates what happened by day: a form's or a record's date (受付日：, 日期：, 접수일,
# [상담 기록 2026-11-28]), an appointment (約束の日は), a night or a morning or a time of day
# (2019年4月18日の夜, 2019년 11월 3일 밤에, 2024-01-19 21:47). Such a date is kept; a day of
# birth has none of these words around it, unless a birth is said right after it.
_EVENT_BEFORE: Final = re.compile(
    r"(?:受付日|記入日|作成日|相談日|面会日|予約日|送信日|約束の日|日付|期限"
    r"|日期|时间|時間|受理日|登记日|记录|預約|预约"
    r"|접수일|상담일|작성일|면담일|방문일|예약일|날짜|일시|기록)"
    r"(?:は|が|是|为|는|은|:|：| ){0,3}\Z"
)
_EVENT_AFTER: Final = re.compile(
    r"(?:の|に|、|,| )?(?:夜|朝|昼|夕方|晩|午前|午後|深夜|未明|[0-9]{1,2} ?時"
    r"|晚上|早上|夜里|凌晨|上午|下午|中午|傍晚|半夜"
    r"|밤|낮|아침|저녁|새벽|오전|오후|[0-9]{1,2} ?시(?!간)"
    r"|[0-9]{1,2}:[0-9]{2}(?![0-9]))"
)
# What makes it a birth after all (1948年5月23日の朝に生まれた, 새벽에 태어났어요, 早上出生).
_BORN_NEAR: Final = re.compile(
    r"[^。！？!?\n]{0,12}?(?:生まれ|生れ|誕生|出生|出世|生的|生于|태어|출생|낳)"
)


# A birth's own label before the date (出生日期：, 생년월일 기록): never an event.
_BORN_BEFORE: Final = re.compile(
    r"(?:出生|生年月日|誕生|生日|생년월일|생일|출생)[^。！？\n]{0,6}\Z"
)


def _event(text: str, start: int, end: int) -> bool:
    window = max(0, start - 12)
    return (
        bool(_EVENT_BEFORE.search(text, window, start) or _EVENT_AFTER.match(text, end))
        and not _BORN_NEAR.match(text, end)
        and not _BORN_BEFORE.search(text, window, start)
    )


def find_birthdates(view: View, locale: str) -> Iterator[Finding]:
    """Yield full dates and labelled days of birth."""
    text = view.digits
    for match in FULL_DATE.finditer(text):
        if not _event(text, match.start(), match.end()):
            yield Finding(match.start(), match.end(), "birthdate")
    years = before(starts(_YEAR_THEN_DAY, text), _CJK_FULL_REACH)
    for match in finditer_at(_CJK_FULL, text, years):
        if _event(text, match.start(), match.end()):
            continue
        era = _KO_ERA_BEFORE.search(text, max(0, match.start() - 5), match.start())
        yield Finding(match.start() if era is None else era.start(), match.end(), "birthdate")
    for match in _ERA_DOTTED.finditer(text):
        yield Finding(match.start(), match.end(), "birthdate")
    for match in finditer_at(_LABELLED_MD, text, starts(_LABEL_START, text)):
        # A day of birth without its year goes too (誕生日は3月8日, 생일은 3월 2일):
        # with an age said in the same note it gives the whole date.
        yield Finding(match.start("date"), match.end("date"), "birthdate")
    for match in finditer_at(_ZH_WORD_DATE, text, _zh_word_date_starts(text)):
        yield Finding(match.start(), match.end(), "birthdate")
    if locale == "ko":
        yield from _ko_dates(text)
    births = back_over(text, starts(_BIRTH_WORD, text), _MD_CHARS, reach=_MD_REACH)
    for match in finditer_at(_MD_THEN_BIRTH, text, births):
        yield Finding(match.start("date"), match.end("date"), "birthdate")
