"""Trying a pattern only where it can begin gives exactly ``finditer``'s matches."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.scrub import contacts, dates, ids, names, numbers, phones, places
from bot.scrub.normalize import build_view
from bot.scrub.scan import (
    back_over,
    before,
    finditer_at,
    first_char_class,
    merged,
    opening_pairs,
    starts,
)

_ALPHABET = (
    "abcあいさん様佐藤美咲私はと申しますです 0123@.-_:IDLINEwww.t.me/NE,°北纬生日月DOB"
    "ıK★ at(dot)com"
)


def _same(pattern: re.Pattern[str], text: str, candidates: list[int]) -> None:
    expected = [m.span() for m in pattern.finditer(text)]
    assert [m.span() for m in finditer_at(pattern, text, candidates)] == expected


@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_contact_patterns_tried_at_their_starts_match_finditer(text: str) -> None:
    _same(contacts._EMAIL, text, contacts.email_starts(text, contacts._AT, contacts._AT_GAP))
    disguised = contacts.email_starts(text, contacts._AT_ANY, contacts._AT_DISGUISED_GAP)
    _same(contacts._EMAIL_DISGUISED, text, disguised)
    _same(contacts._URL, text, list(contacts.url_starts(text)))
    _same(contacts._MESSENGER, text, contacts.messenger_starts(text))


@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_name_frames_tried_before_their_anchors_match_finditer(text: str) -> None:
    honorifics = starts(names._JA_HONORIFIC_AT, text)
    _same(names._JA_HONORIFIC, text, names.ja_name_starts(text, honorifics))
    intro = merged(
        starts(names._JA_PRONOUN_AT, text),
        names.ja_name_starts(text, starts(names._JA_INTRO_VERB_AT, text)),
    )
    _same(names._JA_INTRO, text, list(intro))


@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_coordinate_and_birthday_patterns_tried_at_their_starts_match_finditer(text: str) -> None:
    _same(_QUALIFIED_PAIR, text, starts(places._PAIR_START, text))
    _same(dates._LABELLED_MD, text, starts(dates._LABEL_START, text))


_STREETS = (
    "0123456789 -一二三十〇町タ丁目番地号號路街道大胡同栋单元室座Ab로길거리동번지가호지하서울"
)


def _backtracking(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The anchor as first written, without possessive quantifiers."""
    return re.compile(pattern.pattern.replace("]++", "]+"))


@given(st.text(alphabet=_STREETS, max_size=80))
def test_address_anchors_tried_at_their_starts_match_finditer(text: str) -> None:
    for anchor, candidates in (
        (places._JA_ANCHOR, places._ja_starts),
        (places._ZH_ANCHOR, places._zh_starts),
        (places._KO_ANCHOR, places._ko_starts),
    ):
        _same(_backtracking(anchor), text, list(candidates(text)))
    ga = back_over(text, starts(places._KO_GA_SPACED, text), places._HANGUL_ONLY, reach=10)
    _same(places._KO_GA_STREET, text, list(ga))


def test_host_characters_are_the_case_folded_class() -> None:
    folded = re.compile(r"[A-Za-z0-9.\-]", re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        assert (folded.match(ch) is not None) == (ch in contacts._HOST_CHARS), hex(code)


def test_local_part_characters_are_those_case_folding_lets_in() -> None:
    flagged = re.compile(r"[A-Za-z0-9._%+\-]", re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        assert (flagged.match(ch) is not None) == (ch in contacts._LOCAL_CHARS), hex(code)


# Addresses written plainly and in disguise, run into each other and into words.
_EMAIL = st.tuples(
    st.sampled_from(["", " ", "、", "x", ".", "メールは"]),
    st.sampled_from(["taro.yamada", "a", "x_y-z", "data", "Kim", "ı", "K9"]),
    st.sampled_from(["", " ", " (", "(", " [ ", " "]),
    st.sampled_from(["@", "at", "アット", "골뱅이", "★", "#", "AT"]),
    st.sampled_from(["", " ", ") ", " ] ", ")"]),
    st.sampled_from(["gmail", "example", "naver", "qq", "x"]),
    st.sampled_from([".com", " dot com", ".co.jp", "点com", "", ".", " ドット jp"]),
).map("".join)
_EMAILS = st.lists(_EMAIL, min_size=1, max_size=3).map("".join)


@settings(max_examples=1000)
@given(_EMAILS)
def test_emails_tried_where_their_local_part_begins_match_finditer(text: str) -> None:
    _same(contacts._EMAIL, text, contacts.email_starts(text, contacts._AT, contacts._AT_GAP))
    disguised = contacts.email_starts(text, contacts._AT_ANY, contacts._AT_DISGUISED_GAP)
    _same(contacts._EMAIL_DISGUISED, text, disguised)


def test_back_over() -> None:
    assert list(back_over("ab12 X34Y", [5, 8], "0123456789", space=True)) == [2, 3, 4, 5, 6, 7, 8]
    assert list(back_over("aaaaX", [4], "a", reach=2)) == [2, 3, 4]


def test_name_reach_covers_the_longest_name() -> None:
    widest = re.compile(rf"(?:{names._JA_NAME}) ?").fullmatch("ア" * 10 + "・" + "ア" * 10 + " ")
    assert widest is not None
    assert len(widest.group()) <= names._JA_NAME_REACH
    assert re.compile(rf"(?:{names._JA_NAME}) ?").fullmatch("ア" * 23) is None
    # Without katakana, a name and its space fit in the short reach.
    name = re.compile(rf"(?:{names._JA_NAME}) ?")
    longest = "佐" * 6 + " " + "み" * 5 + " "
    assert name.fullmatch(longest) is not None
    assert len(longest) == names._JA_SHORT_REACH
    assert name.fullmatch("佐" * 6 + " " + "み" * 6) is None
    assert name.fullmatch("佐" * 7 + " " + "み" * 5) is None


def test_before_and_first_char_class() -> None:
    assert list(before([3, 4, 10], 2)) == [1, 2, 3, 4, 8, 9, 10]
    assert first_char_class(r"ab|\bcd|あい") == "[acあ]"
    with pytest.raises(ValueError, match="literal"):
        first_char_class("(?:a)|b")


@pytest.mark.parametrize(
    "alternation", [contacts._APPS, dates._LABEL[3:-1], r"ab|Kc|\bs|i|z|あ"], ids=repr
)
def test_a_folded_first_char_class_lets_in_what_the_flag_would(alternation: str) -> None:
    folded = re.compile(first_char_class(alternation, fold=True))
    flagged = re.compile(first_char_class(alternation), re.IGNORECASE)
    differ = [
        hex(code)
        for code in range(sys.maxunicode + 1)
        if (folded.match(chr(code)) is None) != (flagged.match(chr(code)) is None)
    ]
    assert differ == []


# The ID patterns as first written, lookbehind first (ids.py moves each lookbehind after
# the character class it guards, so that the engine can skip ahead to that class).
_IDS_AS_WRITTEN = {
    "_CN_ID": r"(?<![0-9A-Za-z])[1-9][0-9]{5}[ -]?"
    r"(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])"
    r"[ -]?[0-9]{3}[0-9Xx](?![0-9A-Za-z])",
    "_RRN": r"(?<![0-9])[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])"
    r" ?[-~] ?[0-9][0-9*xX●○]{6}(?![0-9])"
    r"|(?<![0-9])[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[1-8][0-9]{6}(?![0-9])",
    "_MY_NUMBER": r"(?<![0-9])(?<![0-9][ -])[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}(?![ -]?[0-9])",
    "_CARD": r"(?<![0-9+])(?:[2-6][0-9]{12,18}"
    r"|[2-6][0-9]{3}([ -])[0-9]{4}\1[0-9]{4}\1[0-9]{4}(?:\1[0-9]{1,3})?"
    r"|[2-6][0-9]{3}([ -])[0-9]{6}\2[0-9]{4,5})(?![0-9])",
    "_LETTERED_ID": r"(?<![A-Za-z0-9])(?:[A-Z]{2} ?[0-9]{8} ?[A-Z]{2}"
    r"|[A-Z]{1,2}[0-9]{7,8}|[A-Z] ?[0-9]{3}[A-Z][0-9]{4})(?![A-Za-z0-9])",
}


@given(st.text(alphabet="01234567890123456789 -~*xX●+ABMaz年", max_size=60))
def test_id_patterns_match_as_first_written(text: str) -> None:
    for name, written in _IDS_AS_WRITTEN.items():
        expected = [m.span() for m in re.finditer(written, text)]
        assert [m.span() for m in getattr(ids, name).finditer(text)] == expected, name


# Long digit runs with the separators and masks the ID patterns allow, so that matches
# are common enough to be tested.
_LONG_IDS = st.lists(
    st.one_of(
        st.text(alphabet="0123456789", min_size=1, max_size=19),
        st.sampled_from([" ", "-", " - ", "~", "x", "X", "●", "*", "+", "年", "A", "  "]),
    ),
    max_size=12,
).map("".join)


@settings(max_examples=500)
@given(st.one_of(_LONG_IDS, st.text(alphabet="0123456789 -~*xX●+A年", max_size=60)))
def test_id_patterns_tried_where_a_long_number_begins_match_finditer(text: str) -> None:
    longs = starts(ids._LONG_NUMBER, text)
    for pattern in (ids._CN_ID, ids._RRN, ids._MY_NUMBER, ids._CARD):
        _same(pattern, text, longs)


_N = r"[0-9〇一二三四五六七八九十]"
_MD_CJK = rf"{_N}{{1,2}} ?(?:月|월) ?{_N}{{1,3}} ?(?:日|号|號|일)"
# Patterns of the other number detectors as first written, lookbehind first (each now
# opens with the class or literals its lookbehind guards).
_NUMBERS_AS_WRITTEN = {
    (phones, "_CANDIDATE"): r"(?<![0-9])(?:\+ ?)?\(?[0-9](?:[ \-./()]{0,3}[0-9]){5,}\)?",
    (numbers, "FULL_DATE"): r"(?<![0-9])(?:(?:1[89]|20)\d\d([-./])(?:0?[1-9]|1[0-2])\1"
    r"(?:0?[1-9]|[12]\d|3[01])|(?:1[89]|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))"
    r"(?![0-9])",
    (dates, "_CJK_FULL"): r"(?<![0-9])(?:(?:1[89]|20)[0-9]{2}|[0-9]{2}|"
    rf"(?:明治|大正|昭和|平成|令和) ?(?:元|{_N}{{1,3}})) ?(?:年|년) ?{_MD_CJK}",
    (dates, "_ERA_DOTTED"): r"(?<![A-Za-z0-9])(?:[MTSHR]|明治|大正|昭和|平成|令和) ?"
    r"[0-9]{1,2}[./][0-9]{1,2}[./][0-9]{1,2}(?![0-9])",
    (dates, "_MD_THEN_BIRTH"): rf"({_MD_CJK}|[0-9]{{1,2}}/[0-9]{{1,2}}) ?"
    r"(?:生まれ|生|出生|出生的|에 태어|생)",
}


_NUMBER_ALPHABET = (
    "0123456789012191820 +-.()/年月日号일월년 明治昭和平成令元MTSHRa生に一十〇出에 태어생"
)


@settings(max_examples=1000)
@given(st.text(alphabet=_NUMBER_ALPHABET, max_size=60))
def test_number_patterns_match_as_first_written(text: str) -> None:
    for (module, name), written in _NUMBERS_AS_WRITTEN.items():
        expected = [m.span() for m in re.finditer(written, text)]
        assert [m.span() for m in getattr(module, name).finditer(text)] == expected, name


# Full dates in kanji, era and Korean forms, among years without a day.
_SPACE = st.sampled_from(["", " "])
_CJK_DATE = st.tuples(
    st.sampled_from(["", "、", "1", "の", "3 "]),
    st.sampled_from(["2019", "19", "平成", "令和", "昭和 ", "1999", "123"]),
    st.sampled_from(["", "元", "三十一", "5", "十二"]),
    _SPACE,
    st.sampled_from(["年", "년", "月"]),
    _SPACE,
    st.sampled_from(["5", "十二", "3", "123"]),
    _SPACE,
    st.sampled_from(["月", "월", ""]),
    _SPACE,
    st.sampled_from(["3", "二十", "1", ""]),
    _SPACE,
    st.sampled_from(["日", "号", "일", "生"]),
).map("".join)
_CJK_DATES = st.lists(_CJK_DATE, min_size=1, max_size=4).map("".join)


@settings(max_examples=1000)
@given(st.one_of(_CJK_DATES, st.text(alphabet=_NUMBER_ALPHABET, max_size=60)))
def test_kanji_dates_tried_before_their_year_word_match_finditer(text: str) -> None:
    years = before(starts(dates._YEAR_THEN_DAY, text), dates._CJK_FULL_REACH)
    _same(dates._CJK_FULL, text, years)


def test_kanji_date_reach_covers_the_longest_year() -> None:
    longest = re.compile(rf"(?:{dates._YEAR}) ?").fullmatch("平成 三十一 ")
    assert longest is not None
    assert len(longest.group()) == dates._CJK_FULL_REACH


_CONTACT_ALPHABET = "aAtTpPsShHfFwW:/.@ *★#アット골뱅艾特圈旅券パスポート여권护照護 0123-_İıſK"


@settings(max_examples=500)
@given(st.text(alphabet=_CONTACT_ALPHABET, max_size=60))
def test_contact_triggers_match_as_first_written(text: str) -> None:
    at_any = re.compile(r"@|at|アット|あっとまーく|골뱅|艾特|圈a|[*★☆#]", re.IGNORECASE)
    assert starts(contacts._AT_ANY, text) == starts(at_any, text)
    scheme = re.compile(r"(?:https?|ftp)://|www\.", re.IGNORECASE)
    assert starts(contacts._URL_SCHEME, text) == starts(scheme, text)
    host_run = re.compile(r"[A-Za-z0-9.\-]+", re.IGNORECASE)
    letter_after_dot = re.compile(r"\.[A-Za-z]", re.IGNORECASE)
    with_dot = [m.start() for m in host_run.finditer(text) if letter_after_dot.search(m.group())]
    assert contacts.host_run_starts(text) == with_dot
    handle = re.compile(
        r"(?<![A-Za-z0-9._%+\-@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,30}[A-Za-z0-9_])?"
    )
    assert [m.span() for m in contacts._HANDLE.finditer(text)] == [
        m.span() for m in handle.finditer(text)
    ]
    _same(ids._PASSPORT_LABEL, text, starts(ids._PASSPORT_START, text))
    pair_start = re.compile(
        r"(?<![0-9.])(?:" + first_char_class(places._HEMI_WORD[3:-1]) + r"|[NSEWnsew+\-0-9])"
    )
    padded = text + "北纬N.1"
    assert set(starts(places._PAIR_START, padded)) <= set(starts(pair_start, padded))


# The pairs the detector tries, as a plain pattern: ``_PAIR`` where its first component
# opens with a hemisphere word or letter, or has decimals or a mark after its number
# (a pair whose first component has none is never kept).
_FIRST_COMPONENT_QUALIFIES = re.compile(
    rf"[{places._HEMI_FIRST}NSEWnsew]|[-+]?[0-9]{{1,3}}(?:\.[0-9]| ?[{places._MARKS}])"
)
_QUALIFIED_PAIR = re.compile(
    r"(?<![0-9.])(?="
    + _FIRST_COMPONENT_QUALIFIES.pattern
    + ")"
    + places._PAIR.pattern.removeprefix(r"(?<![0-9.])")
)
_PAIR_ALPHABET = "0123456789 .,，、/;-+NSEWnse北纬东经南緯東経度°'′\"″分秒도북위동경ab年"


_COMPONENT = st.tuples(
    st.sampled_from(["", "北纬", "N", "n ", "동경 ", "-", "+", "1"]),
    st.sampled_from(["37", "126", "5", "1234", "0"]),
    st.sampled_from(["", ".5665", ".5", ".97800", "."]),
    st.sampled_from(["", "°", " 度", "도 33′", "° 12' 30\"", "分"]),
    st.sampled_from(["", "N", " E", "北", "s"]),
).map("".join)
_PAIRS = st.lists(
    st.one_of(
        _COMPONENT,
        st.sampled_from([", ", ",", "，", "、", " / ", ";", " ", "年", "ab", "2019"]),
    ),
    min_size=1,
    max_size=8,
).map("".join)


@settings(max_examples=1500)
@given(st.one_of(_PAIRS, st.text(alphabet=_PAIR_ALPHABET, max_size=60)))
def test_coordinate_pairs_tried_at_their_starts_match_finditer(text: str) -> None:
    _same(_QUALIFIED_PAIR, text, starts(places._PAIR_START, text))
    # Every pair the detector keeps begins where the qualification holds.
    for match in places._PAIR.finditer(text):
        kept = list(places.find_coordinates(build_view(text[match.start() : match.end()]), "ja"))
        if kept == [(0, match.end() - match.start(), "coordinates")]:
            assert _FIRST_COMPONENT_QUALIFIES.match(text, match.start()), text


_JA_NAME_ALPHABET = (
    "佐藤美咲田中さん様さま氏君くんちゃん先生殿私わたしくぼ俺こちら"
    "と申しますい言す者は です。！、 \nお名前氏本フルネーム義ア"
)


@settings(max_examples=1000)
@given(st.text(alphabet=_JA_NAME_ALPHABET, max_size=40))
def test_japanese_name_triggers_match_as_first_written(text: str) -> None:
    for name, words in (
        ("_JA_HONORIFIC_AT", names._JA_HONORIFICS),
        ("_JA_PRONOUN_AT", names._JA_PRONOUNS),
        ("_JA_INTRO_VERB_AT", names._JA_INTRO_VERBS),
    ):
        assert starts(getattr(names, name), text) == starts(re.compile(f"(?={words})"), text)
    kanji = names._KANJI
    bare = re.compile(
        rf"(?:^|(?<=[。！？!?\n、 ]))(?P<name>{kanji}{{2,5}}|{kanji}{{1,3}} {kanji}{{1,3}})です"
    )
    assert [m.span("name") for m in names._JA_BARE.finditer(text)] == [
        m.span("name") for m in bare.finditer(text)
    ]
    label = re.compile(
        r"(?:お?名前|氏名|本名|フルネーム|名義)(?:は|が|:|：|、| |「){1,3}"
        rf"(?P<name>{names._JA_NAME})"
    )
    assert [m.span("name") for m in names._JA_LABEL.finditer(text)] == [
        m.span("name") for m in label.finditer(text)
    ]


@settings(max_examples=1000)
@given(st.text(alphabet=_NUMBER_ALPHABET + "番地号丁目", max_size=60))
def test_birthdays_and_street_numbers_tried_at_their_starts_match_finditer(text: str) -> None:
    births = back_over(text, starts(dates._BIRTH_WORD, text), dates._MD_CHARS, reach=11)
    _same(dates._MD_THEN_BIRTH, text, list(births))
    _same(places._JA_ANCHOR, text, list(places._ja_starts(text)))


_KO_ZH_ALPHABET = (
    "김민준씨님앗 저는나이름은라고합니다名字姓叫做我他人中介联系负责是王芳李娜 ：、。"
)


@settings(max_examples=1000)
@given(st.text(alphabet=_KO_ZH_ALPHABET, max_size=40))
def test_korean_and_chinese_name_frames_match_as_first_written(text: str) -> None:
    honorific = re.compile(r"(?<![가-힣])(?P<name>[가-힣]{1,4}) ?(?P<hon>씨|님)(?!앗)")
    assert [m.span("name") for m in names._KO_HONORIFIC.finditer(text)] == [
        m.span("name") for m in honorific.finditer(text)
    ]
    _same(names._KO_HONORIFIC, text, names.ko_honorific_starts(text))
    assert max(len(word) for word in names._ZH_CALLER.split("|")) == names._ZH_CALLER_REACH
    labels = merged(
        starts(names._ZH_LABEL_AT, text),
        before(starts(names._ZH_CALL_AT, text), names._ZH_CALLER_REACH),
    )
    _same(names._ZH_LABEL, text, list(labels))


_KO_INTRO_ALPHABET = "김민준저는전나난제가이름은라고합니다해요하는불러부릅 "


@settings(max_examples=1000)
@given(st.text(alphabet=_KO_INTRO_ALPHABET, max_size=40))
def test_korean_introductions_tried_at_their_starts_match_finditer(text: str) -> None:
    intros = merged(
        starts(names._KO_INTRO_AT, text),
        before(starts(names._KO_SAID_AT, text), names._KO_INTRO_REACH),
    )
    _same(names._KO_INTRO, text, list(intros))


# Long names in every script the Japanese frames allow, right before their honorific or
# verb: kanji, kana given names, katakana with ・, spaces.
_JA_LONG_NAMES = st.lists(
    st.sampled_from(
        [
            "佐藤",
            "美咲",
            "み",
            "くみ子",
            "マリア",
            "アンナ",
            "・",
            " ",
            "ー",
            "さん",
            "様",
            "と申します",
            "私は",
            "です",
            "。",
            "3",
        ]
    ),
    max_size=16,
).map("".join)


@settings(max_examples=1000)
@given(st.one_of(_JA_LONG_NAMES, st.text(alphabet=_JA_NAME_ALPHABET + "マリア・ー", max_size=50)))
def test_japanese_names_tried_where_they_can_begin_match_finditer(text: str) -> None:
    honorifics = starts(names._JA_HONORIFIC_AT, text)
    _same(names._JA_HONORIFIC, text, names.ja_name_starts(text, honorifics))
    verbs = names.ja_name_starts(text, starts(names._JA_INTRO_VERB_AT, text))
    _same(names._JA_INTRO, text, merged(starts(names._JA_PRONOUN_AT, text), verbs))


@settings(max_examples=1000)
@given(st.text(alphabet="町アあ0123456789- 가지하동호a", max_size=40))
def test_street_triggers_found_at_their_hyphen_or_syllable_match_as_first_written(
    text: str,
) -> None:
    dashed = re.compile(r"[0-9](?<=[\u4e00-\u9fffァ-ヶヶ][0-9])(?=[0-9]{0,3}-[0-9])")
    assert places.ja_dashed_starts(text) == starts(dashed, text)
    ga = re.compile(r"[0-9]가(?= ?(?:지하 ?)?[0-9])")
    assert starts(places._KO_GA, text) == [m.start() + 1 for m in ga.finditer(text)]
    ho = re.compile(r"(?<=[0-9])호|(?<=[0-9] )호")
    assert starts(places._KO_HO, text) == starts(ho, text)


def _runs_of(*pieces: str) -> st.SearchStrategy[str]:
    """Texts made of one to ten of ``pieces``, run together."""
    return st.lists(st.sampled_from(pieces), min_size=1, max_size=10).map("".join)


# Addresses on the web among decimals and sentences run together at their full stops.
_URLS = _runs_of(
    *("https://", "http://", "www.", "t.me/", "line.me/", "bit.ly", "example"),
    *(".com", ".co.jp", ".kr", "/path?q=1", "1.5", "어요.1978", ".", "。", " "),
    *("a-b", "Kr", ".K", "3.", "x.y", "、", "@"),
)


@settings(max_examples=1000)
@given(_URLS)
def test_urls_tried_at_a_scheme_or_a_host_run_match_finditer(text: str) -> None:
    _same(contacts._URL, text, list(contacts.url_starts(text)))


def test_app_prefixes_are_literal_characters() -> None:
    for word in contacts._APPS.split("|"):
        head = word.removeprefix(r"\b")[:2]
        assert not any(ch in "\\()[]?*+{}.|^$ " for ch in head), word


# Messenger labels and IDs among Latin words and addresses.
_MESSENGERS = _runs_of(
    *("微信", "WeChat", "wechat", "we chat", "LINE", "line", "ID", "id", "Id", "QQ号"),
    *("kakao talk", "カカオ", "카톡", "Telegram", "tg", "v信", "VX", "user name"),
    *(" ", "：", ": ", "は", "是", "abc123", "taro_99", "wait", "kim@naver.com"),
    *("ıd", "K", "signal", "Skype", "imo", "info", "、"),
    *("(", ")", "의", "的", "아이디", "카카오톡", "Kakao", "ſignal", "whats app"),
)


@settings(max_examples=1000)
@given(_MESSENGERS)
def test_messenger_labels_tried_where_an_app_word_opens_match_finditer(text: str) -> None:
    _same(contacts._MESSENGER, text, contacts.messenger_starts(text))
    _same(contacts._APP_AFTER_ID, text, starts(contacts._APP_AFTER_START, text))


@pytest.mark.parametrize(
    "alternation", [contacts._APPS, contacts._APP_NAMES, r"ab|Kc|\bst|iD|zz|あい"], ids=repr
)
def test_opening_pairs_let_in_every_pair_the_flag_would(alternation: str) -> None:
    heads = [word.removeprefix(r"\b")[:2] for word in alternation.split("|")]
    flagged = re.compile("|".join(heads), re.IGNORECASE)
    firsts = re.compile("[" + "".join(head[0] for head in heads) + "]", re.IGNORECASE)
    seconds = re.compile("[" + "".join(head[1] for head in heads) + "]", re.IGNORECASE)
    everything = [chr(code) for code in range(sys.maxunicode + 1)]
    pairs = [
        first + second
        for first in filter(firsts.match, everything)
        for second in [*filter(seconds.match, everything), "x", "0", " ", "信", ""]
    ]
    trigger = re.compile(opening_pairs(alternation))
    assert [pair for pair in pairs if flagged.fullmatch(pair) and not trigger.match(pair)] == []
    # Two Latin letters that open no alternative are left out.
    assert [
        p for p in pairs if p.isascii() and trigger.match(p) and not flagged.fullmatch(p)
    ] == []


@pytest.mark.parametrize("alternation", ["a|bc", "(?:ab)|cd", "ab?c|de", "a.b|cd"])
def test_opening_pairs_need_two_literals(alternation: str) -> None:
    with pytest.raises(ValueError, match="two literals"):
        opening_pairs(alternation)
