"""Triggers rewritten for speed find exactly what the patterns first written found."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.scrub import dates, ja_frames, name_cues, names, placenames, places
from bot.scrub.scan import back_over, before, finditer_at, starts
from bot.scrub.surnames import CHINESE_GIVEN


def _same(pattern: re.Pattern[str], text: str, candidates: list[int]) -> None:
    expected = [m.span() for m in pattern.finditer(text)]
    assert [m.span() for m in finditer_at(pattern, text, candidates)] == expected


_KO_ALPHABET = "김민준박영수 할머니님씨선생아야,.!?·/(\n 12"


@settings(max_examples=1000)
@given(st.text(alphabet=_KO_ALPHABET, max_size=60))
def test_korean_marks_and_title_frames_match_as_first_written(text: str) -> None:
    marks = re.compile(
        rf"(?P<title> (?={name_cues._KO_TITLE_FIRST}))"
        r"|(?P<close>[.!?\n])|(?P<mark>[,·/(])"
        r"|(?P<call>[아야](?<=[가-힣][아야])(?=[\s,.!?~]|$))"
    )
    first: dict[str, list[int]] = {"title": [], "close": [], "mark": [], "call": []}
    for found in marks.finditer(text):
        first[found.lastgroup or ""].append(found.start())
    assert starts(name_cues._KO_TITLE_MARK, text) == first["title"]
    assert starts(name_cues._KO_CLOSE_MARK, text) == first["close"]
    assert starts(name_cues._KO_LIST_MARK, text) == first["mark"]
    assert starts(name_cues._KO_CALL_MARK, text) == first["call"]
    titles = name_cues._hangul_word_starts(text, first["title"], 5)
    _same(name_cues._KO_BEFORE_TITLE, text, titles)


_JA_ALPHABET = "佐藤家田中の家はがもから 1２歳3丁目番地団町-号"


@settings(max_examples=1000)
@given(st.text(alphabet=_JA_ALPHABET, max_size=60))
def test_japanese_triggers_match_as_first_written(text: str) -> None:
    houses = starts(name_cues._JA_HOUSE_AT, text)
    near = back_over(text, houses, name_cues._JA_NAME_CHARS, reach=3)
    _same(name_cues._JA_HOUSE, text, near)
    kana_person = re.compile(r"から|[はがも](?= ?[0-9０-９]{1,3} ?歳)")
    assert starts(name_cues._KANA_PERSON_AT, text) == starts(kana_person, text)
    town_lot = re.compile(r"(?<=町)[0-9]")
    assert [town + 1 for town in starts(places._JA_TOWN_LOT, text)] == starts(town_lot, text)
    _same(places._JA_ANCHOR, text, places._ja_starts(text))


_ZH_ALPHABET = "日本名字真全叫做朝鲜中文英爱王丽华，。 路街道号栋单元〒郵邮우123"


@settings(max_examples=1000)
@given(st.text(alphabet=_ZH_ALPHABET, max_size=60))
def test_chinese_triggers_match_as_first_written(text: str) -> None:
    labels = re.compile(
        "名字|姓名|真名|全名|(?<!日)本名|名叫|叫做|称呼|原名|化名|小名"
        "|(?:朝鲜|韩国|日本|中文)名字?|汉名"
    )
    assert starts(names._ZH_LABEL_AT, text) == starts(labels, text)
    clause = re.compile(rf"(?:^|[，,。！!？?、；;：:\s…])(?=[{''.join(sorted(CHINESE_GIVEN))}])")
    opens = [0] if text[:1] in CHINESE_GIVEN else []
    marks = [m.end() for m in name_cues._ZH_CLAUSE_MARK.finditer(text)]
    assert opens + marks == [m.end() for m in clause.finditer(text)]
    for chars in (places._ZH_WORD, places._ZH_STREET, places._POSTCODE_START):
        assert places._positions(text, chars) == starts(re.compile(f"[{chars}]"), text)
    _same(places._ZH_ANCHOR, text, places._zh_starts(text))


_ZH_DATE_PIECES = ("一九五六", "1958", "二〇〇一", "年", " ", "闰", "腊月", "八月", "十二", "初三")


@settings(max_examples=1000)
@given(st.lists(st.sampled_from((*_ZH_DATE_PIECES, "日", "个", "五", "9")), max_size=12))
def test_chinese_word_dates_tried_before_their_year_match_finditer(pieces: list[str]) -> None:
    text = "".join(pieces)
    _same(dates._ZH_WORD_DATE, text, dates._zh_word_date_starts(text))


_ROMAN_PIECES = ("Kim", "Lee", "Tanaka", " ", "Young", "-chul", "Yuki", "叫", "Somchai", "KIM")


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_ROMAN_PIECES), max_size=10))
def test_chinese_latin_names_tried_at_capitals_match_finditer(pieces: list[str]) -> None:
    text = "".join(pieces)
    _same(name_cues._ROMAN_NAME, text, starts(name_cues._ROMAN_AT, text))


_TOWN_PIECES = (
    *("街", "道", "小", "区", "社", "镇", "乡", "村", "屯", "郡", "路", "洞", "的", " "),
    *("沟", "域", "劳", "动者", "劳动者"),
)


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_TOWN_PIECES), max_size=12))
def test_chinese_town_units_match_as_first_written(pieces: list[str]) -> None:
    text = "".join(pieces)
    first = re.compile("街道|小区|社区|区域|劳动者区|[镇乡村屯沟郡街路洞区]")
    found = [m.span() for m in placenames._ZH_TOWN_UNIT.finditer(text)]
    assert found == [m.span() for m in first.finditer(text)]


_KO_LIST_PIECES = (
    *("김", "민준", "박영수", "할머니", "가나다라마", "1"),
    *(" ", ",", "·", "/", "(", ")"),
)


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_KO_LIST_PIECES), max_size=12))
def test_korean_names_before_list_marks_match_as_first_tried(pieces: list[str]) -> None:
    text = "".join(pieces)
    near = before(starts(name_cues._KO_LIST_MARK, text), 5)
    expected = [m.span() for m in finditer_at(name_cues._KO_BEFORE_MARK, text, near)]
    found = finditer_at(name_cues._KO_BEFORE_MARK, text, name_cues._ko_list_names(text))
    assert [m.span() for m in found] == expected


_JA_FIELD_PIECES = (
    *("母", "祖母", "子ども", "担当", "担当者", "連絡係", ":", " ", "良子", "金井", "ミンジ"),
    *("、", "。", "\n", "ボランティア ", "1"),
)


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_JA_FIELD_PIECES), max_size=12))
def test_japanese_fields_tried_before_colons_match_finditer(pieces: list[str]) -> None:
    text = "".join(pieces)
    near = before(starts(ja_frames._COLON, text), ja_frames._FIELD_REACH)
    _same(ja_frames._FIELD, text, near)


_JA_CONTACT_PIECES = (
    *("健二", "ミキ", "から", "に", "と", "か", "ら"),
    *("会っ", "聞い", "電話", "言われ"),
)


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_JA_CONTACT_PIECES), max_size=12))
def test_japanese_contact_verbs_found_as_first_written(pieces: list[str]) -> None:
    text = "".join(pieces)
    first = re.compile(
        r"[かにと](?:(?<=か)ら|(?<=に))"
        r"(?:会[っいうえわお]|聞[いきくけか]|電話|連絡|頼[んまみむめ]|相談|言われ|教わ|紹介さ|手紙)"
        r"|と(?:会[っいうえわお]|電話|連絡)"
    )
    found = starts(ja_frames._CONTACT_AT, text)
    walked = [at - ja_frames._PARTICLE_LENGTH.get(text[at - 1], 0) for at in found]
    assert walked == starts(first, text)


_JA_HONORED_PIECES = (
    *("沈", "佐々木", "ソムサック", "ジョン・ソンミ", "ー", "の", " ", "(", ")", "シェン"),
    *("しん", "Somsak", "さん", "様", "さま", "氏", "先生"),
)


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_JA_HONORED_PIECES), max_size=10))
def test_japanese_honored_spellings_tried_before_marks_match_finditer(pieces: list[str]) -> None:
    text = "".join(pieces)
    marks = starts(ja_frames._HONORED_AT, text)
    near = back_over(text, marks, ja_frames._HONORED_CHARS, reach=12)
    _same(ja_frames._HONORED_SPELLING, text, near)


_ROMAN_ZH_PIECES = ("Wang", "Li", "Zhang", " ", "Xiao", "Ming", "ming", "叫", "Kim", "a", "LI")


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_ROMAN_ZH_PIECES), max_size=10))
def test_chinese_romanised_names_tried_at_capitals_match_finditer(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert all("A" <= surname[0] <= "Z" for surname in name_cues._ROMAN_ZH_SURNAMES)
    _same(name_cues._ROMAN_ZH_NAME, text, starts(name_cues._ROMAN_AT, text))


_KANA_PIECES = (
    *("김영남", "박", "ヨシダ", "・", "ミチコ", "ー"),
    *("(", ")", "（", "さとう", "佐藤", " "),
)


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_KANA_PIECES), max_size=10))
def test_hangul_words_and_kana_names_match_as_first_written(pieces: list[str]) -> None:
    text = "".join(pieces)
    hangul = re.compile(r"(?<![가-힣])[가-힣]{3,4}(?![가-힣])")
    found = [m.span() for m in name_cues._JA_HANGUL_WORD.finditer(text)]
    assert found == [m.span() for m in hangul.finditer(text)]
    _same(name_cues._ZH_KANA_NAME, text, starts(name_cues._ZH_KANA_AT, text))


@settings(max_examples=1000)
@given(st.text(alphabet="남편 Ri Kwang Nam이 KAKAO", max_size=40))
def test_korean_latin_names_after_a_word_found_as_first_written(text: str) -> None:
    first = re.compile(r"(?<= )[A-Z](?<=[가-힣] [A-Z])")
    assert starts(name_cues._KO_LATIN_AFTER_AT, text) == starts(first, text)


@settings(max_examples=1000)
@given(st.text(alphabet="지안가나다라마바사(（集 1", max_size=30), st.integers(0, 30))
def test_hangul_before_a_bracket_searched_near_its_end_as_from_the_start(
    text: str, end: int
) -> None:
    end = min(end, len(text))  # where a place starts, inside the note
    pattern = placenames._HANGUL_BEFORE_BRACKET
    near = max(0, end - placenames._HANGUL_BEFORE_BRACKET_REACH)
    found = pattern.search(text, near, end)
    first = pattern.search(text, 0, end)
    assert (found and found.span()) == (first and first.span())


@settings(max_examples=1000)
@given(st.text(alphabet="김철민 12세살요 만", max_size=30))
def test_korean_age_digits_found_at_the_unit_as_first_written(text: str) -> None:
    assert name_cues._ko_age_digits(text) == starts(re.compile(r"[0-9](?= ?[세살])"), text)
