"""Place names below province level: cities, counties, districts, towns, crossings.

One Aho-Corasick automaton (``ahocorasick-rs``), built once at import, holds every name
of the gazetteers (gazetteer_data.py, generated from published division codes) and of
the curated North Korea and border list (gazetteer_curated.py), and every name that is
*kept*: provinces and countries (``吉林省``, ``東京都``, ``함경북도``, ``吉林``). A single
pass over the note finds the leftmost-longest names, so ``吉林省`` is read as the kept
province and never as the city ``吉林市`` cut short, and ``天津市`` never yields ``津市``.

A name found is removed only when the characters around it let it be a name:

- Hangul: it begins a word (no syllable before it); a bare name with no 시/군/구/읍/면
  also ends one, or is followed by a particle (``혜산에서``, but not ``청진기``);
- Latin: a whole word, in any letter case (``Hyesan``, ``HYESAN``);
- katakana: not inside a longer katakana word;
- a two-character name (``港区``, ``北区``, ``森町``) stands after a boundary or a kept
  name (``東京都港区``), not inside a longer word (``関西区域``);
- a name ending in 市 or 区 is not the start of a compound (``市場``, ``区域``).

Names that are also common words need a place suffix (gazetteer_curated.GUARDED).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

import ahocorasick_rs

from bot.scrub import gazetteer_curated as curated
from bot.scrub import gazetteer_data as data
from bot.scrub.normalize import View
from bot.scrub.spans import Finding

__all__ = ["KEPT_NAMES", "PLACE_NAMES", "find_places"]

# How a match is checked (see the module docstring).
_KEEP: Final = 0
_CJK: Final = 1
_SHORT: Final = 2
_HANGUL: Final = 3
_HANGUL_BARE: Final = 4
_LATIN: Final = 5
_KANA: Final = 6

_GUARD_SUFFIXES: Final = (
    "市",
    "县",
    "縣",
    "郡",
    "区",
    "區",
    "口岸",
    "站",
    "駅",
    "시",
    "군",
    "현",
    "역",
    "세관",
)
_KR_UNIT_ENDS: Final = ("시", "군", "구", "읍", "면")


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def _is_katakana(ch: str) -> bool:
    return "\u30a1" <= ch <= "\u30fa" or ch == "ー"


def _rule(name: str, curated_name: bool) -> int:
    if name.isascii():
        return _LATIN
    if all(_is_katakana(ch) for ch in name):
        return _KANA
    if _is_hangul(name[0]):
        return _HANGUL if name.endswith(_KR_UNIT_ENDS) else _HANGUL_BARE
    if len(name) <= 2 and not curated_name:
        return _SHORT
    return _CJK


def _latin_forms(name: str) -> set[str]:
    return {name, name.lower(), name.upper(), name.replace("ŏ", "o").replace("ŭ", "u")}


def _removed_names() -> set[str]:
    names = set(data.CN_PLACES) | set(data.CN_CITY_STEMS) | set(data.JP_PLACES)
    names |= set(data.KR_PLACES)
    for row in curated.PLACES:
        names.update(row)
    names.update(name + suffix for name in curated.GUARDED for suffix in _GUARD_SUFFIXES)
    for name in curated.ROMANISED:
        names |= _latin_forms(name)
    # Chinese prefecture-level cities that are also words or surnames (中山, 朝阳, 大同,
    # 来宾, 安康, 白银, 普洱): only with 市 (from CN_PLACES), never bare.
    return names - set(_AMBIGUOUS_STEMS)


_AMBIGUOUS_STEMS: Final = (
    "中山",
    "朝阳",
    "白山",
    "黑河",
    "普洱",
    "安康",
    "长治",
    "大同",
    "白银",
    "开封",
    "武威",
    "北海",
    "来宾",
    "中卫",
    "吉安",
    "三明",
    "玉林",
    "海东",
    "定西",
    "天水",
    "铜仁",
    "通辽",
    "赤峰",
    "阿里",
    "玉树",
    "金昌",
    "乌海",
    "巴中",
    "三沙",
    "东方",
    "河源",
    "云浮",
    "河池",
    "红河",
)


def _kept_names() -> set[str]:
    names = set(data.CN_PROVINCES) | set(data.JP_PREFECTURES) | set(data.KR_PROVINCES)
    names.update(curated.PROVINCES)
    # 서울시, 부산시: the short forms of the metropolitan cities.
    names.update(p + "시" for p in data.KR_PROVINCES if not p.endswith(("도", "시")))
    names.update(
        {"中国", "中國", "日本", "韓国", "韩国", "한국", "중국", "일본", "북한", "北朝鮮"}
    )
    names.update({"朝鲜", "北韓", "조선", "大韓民国", "대한민국", "北海道"})
    return names


PLACE_NAMES: Final = frozenset(_removed_names() - _kept_names())
KEPT_NAMES: Final = frozenset(_kept_names())


def _build() -> tuple[ahocorasick_rs.AhoCorasick, tuple[int, ...]]:
    """The automaton over every name, and how each name's matches are checked."""
    # A two-character name of the curated list (延吉, 恵山) is a place wherever it
    # stands (在延吉, 恵山の); one of the gazetteers (港区, 森町) only after a boundary.
    bare = {name for row in curated.PLACES for name in row}
    names = sorted(PLACE_NAMES | KEPT_NAMES)
    rules = tuple(_KEEP if name in KEPT_NAMES else _rule(name, name in bare) for name in names)
    automaton = ahocorasick_rs.AhoCorasick(
        names, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
    )
    return automaton, rules


_AUTOMATON, _RULES = _build()

# Particles and words after which a bare Korean name still reads as the place.
_KO_AFTER: Final = re.compile(
    r"(?:에서|에는|에도|에|으로|로|의|은|는|이|가|을|를|과|와|도|까지|부터|쪽|근처|부근|일대|"
    r"지역|출신|시내|시|군|역|세관|국경|방면|방향|까지의|만|에서는)"
)
# A suffix that begins a compound word when followed by these (市場, 区域, 区間).
_COMPOUND_AFTER: Final = {"市": "場", "区": "域間分画別", "區": "域間分畫別"}
# After these a two-character name is the next level of an address (東京都港区).
_LEVEL_ENDS: Final = frozenset("都道府県省市州郡区")


def _accepted(text: str, start: int, end: int, rule: int, kept_end: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if rule == _LATIN:
        return not (before.isascii() and before.isalpha()) and not (
            after.isascii() and after.isalpha()
        )
    if rule == _KANA:
        return not _is_katakana(before) and not _is_katakana(after)
    if rule in (_HANGUL, _HANGUL_BARE):
        if _is_hangul(before):
            return False
        return rule == _HANGUL or not _is_hangul(after) or _KO_AFTER.match(text, end) is not None
    if after and after in _COMPOUND_AFTER.get(text[end - 1], ""):
        return False
    if rule == _SHORT:
        inside_word = "\u4e00" <= before <= "\u9fff" or _is_katakana(before)
        return not inside_word or before in _LEVEL_ENDS or kept_end == start
    return True


# The ward of a designated city after it (横浜市港北区), the district (郡) before a town
# or village (長生郡白子町): the gazetteer lists neither on its own.
_WARD_AFTER: Final = re.compile(r"[\u4e00-\u9fffヶケ々]{1,4}区")
_COUNTY_BEFORE: Final = re.compile(r"[\u4e00-\u9fff々]{1,4}郡\Z")


def _widened(text: str, start: int, end: int) -> tuple[int, int]:
    if text[end - 1] == "市" and (ward := _WARD_AFTER.match(text, end)) is not None:
        end = ward.end()
    if text[end - 1] in "町村" and (county := _COUNTY_BEFORE.search(text, 0, start)) is not None:
        start = county.start()
    return start, end


def find_places(view: View, locale: str) -> Iterator[Finding]:  # noqa: ARG001
    """Yield place names below province level; province and country names are kept.

    Every language's names are looked for whatever the locale: a note in Korean often
    names a Chinese town in Chinese characters. Names one space apart (``천안시 동남구``,
    ``선양 서탑``) are one place.
    """
    text = view.norm
    kept_end = -1
    pending: tuple[int, int] | None = None
    for index, start, end in _AUTOMATON.find_matches_as_indexes(text):
        rule = _RULES[index]
        if rule == _KEEP:
            kept_end = end
            continue
        if not _accepted(text, start, end, rule, kept_end):
            continue
        if rule in (_CJK, _SHORT):
            start, end = _widened(text, start, end)
        if (
            pending is not None
            and start - pending[1] <= 1
            and not text[pending[1] : start].strip()
        ):
            pending = (pending[0], max(end, pending[1]))
            continue
        if pending is not None:
            yield Finding(*pending, "place")
        pending = (start, end)
    if pending is not None:
        yield Finding(*pending, "place")
