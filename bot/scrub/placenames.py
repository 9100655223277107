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
from bot.scrub.name_cues import KO_JA_SYLLABLES
from bot.scrub.normalize import View
from bot.scrub.scan import before, finditer_at, starts
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
_LOCATIVE: Final = 7
_JA_STEM: Final = 8
_KO_CUED: Final = 9

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


def _words(text: str) -> list[str]:
    return text.split()


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


# A Chinese name in Japanese kanji (瀋陽 of 沈阳, 綏芬河 of 绥芬河): gazetteer_curated.JA_KANJI.
_JA_KANJI: Final = str.maketrans({pair[0]: pair[1] for pair in curated.JA_KANJI.split()})


def _ja_forms(names: set[str]) -> set[str]:
    """The Japanese spellings of Chinese names, where they differ (瀋陽, and 黒竜江省
    beside 黒龍江省: Japanese writes the dragon both ways)."""
    forms = {name.translate(_JA_KANJI) for name in names}
    forms |= {form.replace("龍", "竜") for form in forms if "龍" in form}
    return forms - names


def _kana_forms(name: str) -> set[str]:
    """A katakana name as people type it, with or without the long-vowel mark and the
    small ッ (ウラジオストク, ウラジオストック; ルアンナムター, ルアンナムタ)."""
    if not all(_is_katakana(ch) for ch in name):
        return {name}
    bare = name.replace("ー", "")
    return {name, bare, name.replace("ッ", ""), bare.replace("ッ", "")}


def _removed_names() -> set[str]:
    names = set(data.CN_PLACES) | set(data.CN_CITY_STEMS) | set(data.JP_PLACES)
    names |= set(data.KR_PLACES)
    # 용인, 수원, 천안: Korean cities as people write them, without 시, unless the stem is
    # also a common word (below) or a guarded one (순천, only with its suffix).
    names.update(set(data.KR_CITY_STEMS) - set(_KO_AMBIGUOUS_STEMS) - set(curated.GUARDED))
    names.update(_KO_COUNTY_STEMS)
    for row in curated.PLACES:
        names.update(row)
    names.update(name + suffix for name in curated.GUARDED for suffix in _GUARD_SUFFIXES)
    for name in curated.ROMANISED:
        names |= _latin_forms(name)
    names |= _ja_forms(names - set(data.JP_PLACES))
    names.update(curated.JA_WARDS)
    names.update(form for name in curated.JA_KANA for form in _kana_forms(name))
    names.update(form for row in curated.PLACES for name in row for form in _kana_forms(name))
    # Chinese prefecture-level cities that are also words or surnames (中山, 朝阳, 大同,
    # 来宾, 安康, 白银, 普洱): only with 市 (from CN_PLACES), never bare.
    return names - set(_AMBIGUOUS_STEMS) - _ja_forms(set(_AMBIGUOUS_STEMS))


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


# Korean city stems that are everyday words: 고양(이) "cat", 공주 "princess", 구리
# "copper", 구미 "appetite", 경주 "race", 광명 "light", 동해 "the East Sea", 사천
# "Sichuan", 상주 "residing", 양산 "parasol", 양주 "liquor", 이천 "two thousand"
# (이천 원), 전주 "last week", 진주 "pearl", 청주 "rice wine", 화성 "Mars". Only with 시.
_KO_AMBIGUOUS_STEMS: Final = (
    "고양",
    "공주",
    "구리",
    "구미",
    "경주",
    "광명",
    "동해",
    "사천",
    "상주",
    "양산",
    "양주",
    "이천",
    "전주",
    "진주",
    "청주",
    "화성",
)
# Those stems (but 동해 "the East Sea", 사천 "Sichuan", a province, and 이천 "two
# thousand") and the guarded names in Hangul that are words (무산 "fell through", 개성
# "personality") are places in a frame of place: before 쪽, 근처, 출신 and the like, before
# a verb of living or working there (화성에 공장 다니면서, 구미에서 살아요), or before the
# next unit down (광명 철산동).
_KO_CUED_NAMES: Final = frozenset(
    {*_KO_AMBIGUOUS_STEMS, "무산", "개성", "순천", "정주", "청도", "백산", "경성", "림강"}
    - {"동해", "사천", "이천"}
)
# Counties as people write them, without 군 (화천, 철원): the county stems that are no
# everyday words (예산 "budget", 음성 "voice", 영광 "glory", 고령 "old age" are left out).
_KO_COUNTY_STEMS: Final = _words(
    "가평 강진 강화 거창 고창 고흥 괴산 구례 군위 기장 단양 담양 무주 "
    "부안 부여 산청 서천 순창 양구 양평 연천 영덕 영암 영월 예천 옥천 "
    "옹진 완도 완주 울릉 울진 의령 임실 장흥 증평 진천 창녕 철원 청송 "
    "청양 칠곡 태안 평창 함안 함양 합천 해남 홍성 홍천 화순 화천 횡성"
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
    # The border river and mountain named like the town beside them (图们江, 长白山): the
    # feature runs hundreds of kilometres and gives no one away; the town alone still goes.
    names.update({"图们江", "圖們江", "図們江", "长白山", "長白山", "珲春河", "琿春河"})
    # The border rivers under their other names, which the Japanese model reads as a person.
    names.update({"豆満江", "豆滿江", "豆满江", "鴨緑江", "鸭绿江", "鴨綠江", "두만강", "압록강"})
    # The old provinces before the North and the South split them (황해도 사투리, 경상도
    # 출신), and 제주도 as people say it: as kept as 강원도.
    names.update({"황해도", "평안도", "함경도", "경상도", "전라도", "충청도", "제주도"})
    names |= _ja_forms(set(data.CN_PROVINCES) | set(curated.PROVINCES))
    return names


# The names removed as a word of their own in every language. The curated names that are
# everyday Japanese words (金策, 高原) are removed so in Korean and Chinese notes only;
# a Japanese note needs a frame of place around them (_ja_cued, below).
PLACE_NAMES: Final = frozenset(_removed_names() - _kept_names() - set(curated.JA_WORDS))
KEPT_NAMES: Final = frozenset(_kept_names())
_JA_WORD_PLACES: Final = frozenset(curated.JA_WORDS) & _removed_names()


# County-level city and county names that are also everyday words: even after 在 or 到
# they mostly are the word (在公安局, 和平地, 比如). Found by comparing the stems with
# the frequent words of jieba's dictionary that it does not tag as place names.
_ZH_WORD_STEMS: Final = frozenset(
    _words(
        "资源 合作 和平 武功 比如 南部 东方 公安 通道 共和 友谊 中方 凤凰 延长 新兴 太康 万年 "
        "光泽 会同 大名 富裕 清水 长子 平定 梁山 洞口 太和 温泉 石门 大同 大方 互助 建平 威信 "
        "金平 莲花 平和 宁远 黄龙 龙泉 古田 文昌 白银 三门 永和 五峰 台前 新民 灯塔 安宁 阳春 "
        "江山 长乐 开平 高平 平安 东阳 沙河 河间 宁安 海伦 磐石 公主岭 南宫"
    )
)


# District stems that are everyday words or generic place words (和平 "peace", 港口
# "port", 城北 "north of town", 钟楼 "bell tower"): found among the frequent words of
# jieba 0.42.1's dictionary that it does not tag as place names; a district of a big city
# known by a name that is no word (静安, 城阳, 萧山) stays.
_ZH_DISTRICT_WORDS: Final = frozenset(
    _words(
        "七星 三元 东风 二七 二道 元宝 八步 六合 前进 前锋 南岸 友好 双城 双塔 双桥 古塔 "
        "名山 向阳 和平 回民 城中 城北 城厢 复兴 大同 大观 天元 天心 天涯 太和 安定 安居 宏伟 "
        "官渡 宝塔 宝山 小店 工农 市北 市南 平安 平房 建华 振兴 文峰 新兴 新华 明山 月湖 江岸 "
        "洪山 海棠 清新 港口 爱民 玉泉 白云 白塔 白银 盐田 盘龙 石鼓 石龙 碑林 秀峰 秀英 红塔 "
        "红旗 红星 红桥 老城 老边 芙蓉 莲池 裕华 解放 路北 路南 运河 金台 金山 金平 金水 金牛 "
        "钟楼 钢城 阳明 雨花 高明 鸡冠 鹿城 麒麟 龙凤 龙华 牧野 船山 北辰 斗门 花溪 竞秀 迎泽 "
        "惠农 凌河 华龙 东宝 仁和 集美 未央 自流井 下花园 元宝山 同安 思明 市中 朝天"
    )
)


def _locative_names() -> set[str]:
    """Names that are places only where a sentence puts them as one (在集安, 从河口走,
    蛟河那边, 青岛城阳那边): the stems of county-level cities, counties and city districts
    (梅河口 of 梅河口市, 城阳 of 城阳区), which people write without the suffix, and the
    guarded and curated names that are words."""
    stems = {
        name[:-1] for name in data.CN_PLACES if name.endswith(("市", "县")) and len(name) >= 3
    }
    stems |= {
        name[:-1] for name in data.CN_PLACES if name.endswith("区") and len(name) >= 3
    } - _ZH_DISTRICT_WORDS
    guarded = {name for name in curated.GUARDED if all(_is_han(ch) for ch in name)}
    names = stems | guarded | set(curated.ZH_LOCATIVE)
    names |= _ja_forms(names)
    return names - PLACE_NAMES - KEPT_NAMES - _ZH_WORD_STEMS - set(_AMBIGUOUS_STEMS)


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


LOCATIVE_NAMES: Final = frozenset(_locative_names())


# Japanese cities and wards as people write them, without 市 or 区 (枚方, 舞鶴, 下関,
# 品川駅): the stems of two characters or more, in Japanese notes only, as a word of
# their own. Left out: stems that are everyday words or that Sudachi's dictionary
# splits into words (中央, 国立, 日向, 行方 "whereabouts", 春日, 養父 "foster father", 大和,
# 三次, 大府), and stems in kana that are words or given names (さくら, みどり, みよし).
_JA_WORD_STEMS_LIST: Final = (
    "あま あわら いすみ いなべ うきは えびの かほく さくら さぬき たつの つがる にかほ みどり "
    "みやま みよし むつ 三次 下野 中央 中間 二戸 八幡 出水 北上 北斗 南九州 南国 取手 古河 "
    "和光 国立 大府 大東 大洲 御所 日光 日向 日進 春日 朝来 本宮 横手 瀬戸内 甲斐 直方 相生 "
    "矢板 石垣 笛吹 総社 胎内 行方 裾野 西海 見附 観音寺 銚子 養父 高砂 黒石 大和"
)
_JA_WORD_STEMS: Final = frozenset(_JA_WORD_STEMS_LIST.split())
# After a stem, a kanji that makes it part of the place (品川駅, 下関港, 枚方周辺).
_JA_STEM_AFTER: Final = frozenset("駅港空周近付出在方面辺内郊側")
_JA_HONORIFICS: Final = ("さん", "様", "さま", "氏", "君", "くん", "ちゃん", "先生")


def _ja_stems() -> frozenset[str]:
    stems = {
        name[:-1] for name in data.JP_PLACES if name.endswith(("市", "区")) and len(name) >= 3
    }
    taken = PLACE_NAMES | KEPT_NAMES | LOCATIVE_NAMES | _JA_WORD_PLACES
    stems.update(curated.JA_NEIGHBOURHOODS)
    return frozenset(stems - taken - _JA_WORD_STEMS - set(_AMBIGUOUS_STEMS))


JA_STEM_NAMES: Final = _ja_stems()


def _ja_stem_accepted(text: str, start: int, end: int, kept_end: int) -> bool:
    """A Japanese city stem stands as a word of its own, or after a prefecture."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    inside_before = ("\u4e00" <= before <= "\u9fff" or _is_katakana(before)) and not (
        before in _LEVEL_ENDS or kept_end == start
    )
    inside_after = ("\u4e00" <= after <= "\u9fff" and after not in _JA_STEM_AFTER) or (
        _is_katakana(after)
    )
    # 中野さん, 三浦様: a family name that is also a city's.
    person = text.startswith(_JA_HONORIFICS, end)
    return not inside_before and not inside_after and not person


def _ja_stem_in(text: str, start: int, end: int, locale: str, ends: tuple[int, int]) -> bool:
    """A Japanese city stem or neighbourhood (尼崎, 梅田, 生野) counts in a Japanese note as
    a word of its own; a Chinese note names it where it puts a place (住在尼崎, 离梅田)
    or right after another (大阪生野)."""
    if locale == "ja":
        return _ja_stem_accepted(text, start, end, ends[0])
    # 新潟县的佐渡: a province or prefecture kept, then 的.
    # The kept name may end before its unit (新潟 of 新潟县, which no list spells so).
    of_province = ends[0] in (start - 1, start - 2) and text[start - 2 : start] in _LEVEL_OF
    return locale == "zh_Hans" and (
        _in_locative_frame(text, start, end) or _after_place(text, start, ends[1]) or of_province
    )


_LEVEL_OF: Final = frozenset(("县的", "省的", "道的", "都的", "府的"))


# Border towns whose names are also words (集安, 臨江, 龍井, 河口, 三合): in Chinese they
# need a verb of place (above); a Japanese sentence marks a place with a particle or a
# word of whereabouts after it (集安で, 河口から, 臨江の近く). Never before a kanji
# (龍井茶 is a tea).
# 河口 ("river mouth") and 三合 (three gō, a measure of rice) are Japanese words too.
# The stems of Chinese county-level cities of three characters (綏芬河, 梅河口) are
# rarely words: the same frame marks them.
_JA_CUED: Final = frozenset(("河口", "三合", *curated.JA_WORDS))
_JA_GUARDED: Final = frozenset(
    name
    for name in (
        *curated.GUARDED,
        *curated.ZH_LOCATIVE,
        *_ja_forms(set(curated.GUARDED) | set(curated.ZH_LOCATIVE)),
        *(stem for stem in LOCATIVE_NAMES if len(stem) >= 3),
    )
    if all(map(_is_han, name)) and name not in _JA_CUED
)
# What a place has after it in Japanese: a word of whereabouts, or what is found there.
_JA_THERE: Final = (
    r"の(?:近く|駅|方|周辺|辺り|あたり|郊外|町|街|市内|バス|ターミナル|空港|港|宿|ホテル|施設|"
    r"教会|市場|病院|国境|税関|対岸|親戚|実家|伯母|叔母|伯父|叔父|祖父|祖母|いとこ)"
    r"|周辺|付近|近く|方面|出身|在住|にいる|経由"
    r"|ってところ|というところ|という(?:町|村|所|街)"
)
_JA_LOCATIVE_AFTER: Final = re.compile(rf"(?:で|に|から|まで|へ|を|{_JA_THERE}|です)")
# A word that is a place only in a frame no other sense has (河口付近は流れが速い is the
# river's mouth): what is found in a town after it, or a word of whereabouts or a
# particle and, a few characters on, crossing a border (河口から国境を越える).
_JA_CUE_AFTER: Final = re.compile(
    r"の(?:駅|港|宿|ホテル|施設|教会|市場|病院|バス|ターミナル|税関|口岸|市内)|の?(?:出身|在住)"
    r"|にいる|に住|で暮ら|の(?:親戚|実家)|経由|ってところ|というところ|という(?:町|村|所|街)"
    # A city's or a county's unit right after the name (金策市), not 市場 or 市民.
    r"|[市郡](?![場民長内])"
    r"|(?:の近く|の辺り|のあたり|周辺|付近|近く|方面|で|から|まで|に|を|へ)"
    r"[^。、\n]{0,8}?(?:国境|越境|口岸|川を渡|[へに]渡|ベトナム|ラオス)"
)


def _ja_locative(text: str, start: int, end: int, kept_end: int) -> bool:
    """A guarded border town in a Japanese sentence, marked as a place."""
    return (
        text[start:end] in _JA_GUARDED
        and _ja_stem_accepted(text, start, end, kept_end)
        and _JA_LOCATIVE_AFTER.match(text, end) is not None
    )


def _ja_cued(text: str, start: int, end: int, kept_end: int) -> bool:
    """A border town whose name is an everyday Japanese word (河口 "river mouth", 金策
    "raising money"), in a frame that makes it the town."""
    unit = text[end : end + 1] in ("市", "郡")  # 金策市: the unit is the town's own
    return (
        text[start:end] in _JA_CUED
        and (unit or _ja_stem_accepted(text, start, end, kept_end))
        and _JA_CUE_AFTER.match(text, end) is not None
    )


# Places listed with a middle dot or a comma (恵山・普天・三池淵): a word that is a
# place only in a frame is one between two places.
_JA_LIST_MARKS: Final = "・、"


def _ja_listed(text: str, start: int, end: int, previous: tuple[int, int] | None) -> bool:
    return (
        previous is not None
        and previous[1] == start - 1
        and text[start - 1] in _JA_LIST_MARKS
        and text[end : end + 1] in _JA_LIST_MARKS
    )


def _build() -> tuple[ahocorasick_rs.AhoCorasick, tuple[int, ...]]:
    """The automaton over every name, and how each name's matches are checked."""
    # A two-character name of the curated list (延吉, 恵山) is a place wherever it
    # stands (在延吉, 恵山の); one of the gazetteers (港区, 森町) only after a boundary.
    bare = {name for row in curated.PLACES for name in row}
    names = sorted(
        PLACE_NAMES
        | KEPT_NAMES
        | LOCATIVE_NAMES
        | JA_STEM_NAMES
        | _JA_WORD_PLACES
        | _KO_CUED_NAMES
    )
    rules = tuple(
        _KEEP
        if name in KEPT_NAMES
        else _KO_CUED
        if name in _KO_CUED_NAMES
        else _LOCATIVE
        if name in LOCATIVE_NAMES
        else _JA_STEM
        if name in JA_STEM_NAMES
        else _rule(name, name in bare)
        for name in names
    )
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
# 大連休 (Japanese "long holidays") holds 大連 (Dalian) before 休.
_COMPOUND_AFTER: Final = {"市": "場", "区": "域間分画別", "區": "域間分畫別", "連": "休"}
# After these a two-character name is the next level of an address (東京都港区).
_LEVEL_ENDS: Final = frozenset("都道府県省市州郡区")


# The frame of place a cued Korean name needs (_KO_CUED_NAMES).
_KO_PLACE_FRAME: Final = re.compile(
    r" ?(?:쪽|근처|부근|일대|시내|방면|출신|터미널|역(?![가-힣]))"
    r"|(?:에서|에|으로|로) (?:살|사는|산다|사시|일하|일해|지내|있|공장|회사|다니|이사)"
    r"|에서 (?:왔|일하|일해|일했|만나)"
    r"| [가-힣]{1,5}[동읍면리구](?:[^가-힣]|$|에|의|에서)"
)
# A place written before 거 ("the one of", a brand: 남양 거 말고) names a product.
_KO_PRODUCT_AFTER: Final = re.compile(r" 거(?:[^가-힣]|$|말고|는|도|로|나)")


def _accepted(text: str, start: int, end: int, rule: int, kept_end: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if rule == _KO_CUED:
        return not _is_hangul(before) and _KO_PLACE_FRAME.match(text, end) is not None
    if rule == _HANGUL_BARE and _KO_PRODUCT_AFTER.match(text, end) is not None:
        return False
    if rule == _LATIN:
        # Not inside a word, nor inside an account name (ks_yanbian520, dandong88).
        return not (before.isascii() and (before.isalnum() or before == "_")) and not (
            after.isascii() and (after.isalnum() or after == "_")
        )
    if rule == _KANA:
        return not _is_katakana(before) and not _is_katakana(after)
    if rule in (_HANGUL, _HANGUL_BARE):
        if _is_hangul(before):
            return False
        return (
            rule == _HANGUL
            or not _is_hangul(after)
            or _KO_AFTER.match(text, end) is not None
            or _ko_widened(text, end) > end
        )
    if after and after in _COMPOUND_AFTER.get(text[end - 1], ""):
        return False
    if text[end - 1 : end + 1] == "先生":
        return False  # 罗先生 is Mr Luo, not Rason (罗先)
    if rule == _LOCATIVE:
        return _in_locative_frame(text, start, end)
    if rule == _SHORT:
        inside_word = "\u4e00" <= before <= "\u9fff" or _is_katakana(before)
        return (
            not inside_word
            or before in _LEVEL_ENDS
            or kept_end == start
            or _in_locative_frame(text, start, end)
        )
    return True


# A Chinese sentence puts a place after a verb of place or motion (在, 从, 到, 去, 回,
# 住, 往, 离, 经过) or before a word of whereabouts (那边, 一带, 附近, 站, 口岸).
_LOCATIVE_BEFORE: Final = frozenset("在从到去回往住离经过由自至近于")
_PLACE_AFTER: Final = re.compile(
    "那边|这边|那里|这里|那儿|一带|附近|方向|方面|地区|市区|郊区|县城|城里|[东西南北]?站|口岸|港|机场"
    "|[市县](?![场长民委])"
)


# The verb of place and the name's first character may make a word of their own
# instead (离开原来的地方 is no 开原, 平安到达日本 no 达日), and 门 after a name makes a
# landmark of it (天安门).
_VERB_WORDS: Final = frozenset(
    _words(
        "到达 到底 到处 到来 在乎 在意 在于 从而 从事 从来 去世 回来 回去 回答 回家 往往 住院 "
        "离开 经济 经过 过去 由于 自从 至少 近来 于是"
    )
)


# After these 到 is no verb of place but of meeting: 见到金秀云 names a person.
_MEETING_VERBS: Final = frozenset(_words("见到 找到 遇到 碰到 看到 想到 听到 等到 联系到"))


def _in_locative_frame(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    if (
        before in "(（"
        and text[end : end + 1] in ")）"
        and _is_hangul(text[start - 2 : start - 1])
    ):
        return True  # 지안(集安): the Chinese spelling of the Hangul word before it
    if before + text[start] in _VERB_WORDS or text[end : end + 1] == "门":
        return False
    if text[max(start - 2, 0) : start] in _MEETING_VERBS:
        return False
    if before == "了" and text[start - 2 : start - 1] in _MOTION_BEFORE_LE:
        return True  # 到了万象, 去了安山
    return before in _LOCATIVE_BEFORE or _PLACE_AFTER.match(text, end) is not None


# Verbs of motion whose place follows 了 (到了万象, 回了老家): a place after them is one.
_MOTION_BEFORE_LE: Final = frozenset("到去回住搬跑逃")


def _matches(text: str, *, zh: bool = False) -> Iterator[tuple[int, int, int]]:
    """The automaton's leftmost-longest matches, less the names that only a locative
    frame makes places, where none stands: the search starts again one character on,
    so that such a name hides no place that overlaps it (从江 in 从江华县)."""
    offset = 0
    last_end = -1
    while True:
        for index, start, end in _AUTOMATON.find_matches_as_indexes(text[offset:]):
            start, end = start + offset, end + offset
            # A Japanese particle after a guarded border town marks it too (集安で);
            # find_places accepts that frame in Japanese notes only.
            if _RULES[index] == _LOCATIVE and not (
                _in_locative_frame(text, start, end)
                or _ja_locative(text, start, end, -1)
                or _ja_cued(text, start, end, -1)
                or (zh and _after_place(text, start, last_end))
            ):
                offset = start + 1
                break
            last_end = end
            yield index, start, end
        else:
            return


# In a Chinese note a name that is a place only in a frame is one right after a province,
# a country or another place (韩国安山, 青岛城阳), or next in a list of them (珲春 图们 龙井).
_PLACE_LIST_MARKS: Final = frozenset((" ", "、", "和", "或", "跟"))


def _after_place(text: str, start: int, place_end: int) -> bool:
    between = text[place_end:start]
    # The name before may still take its suffix (长沙县房山): the automaton ends it before.
    return place_end >= 0 and (
        start == place_end or between in _PLACE_LIST_MARKS or between in _PLACE_LEVELS
    )


_PLACE_LEVELS: Final = frozenset("市县区州旗")


# A town, a township or a village (镇, 乡, 村, 屯), or a North Korean county (郡, a unit
# Chinese uses for no place of its own) that no list holds: its name right after
# a place or a unit (龙井市智新镇明东村, 延吉市朝阳川镇), or two characters after a verb
# of place or naming, or standing alone (我们村叫八道村, 在光明村). Not a word that
# describes a village (度假村, 贫困村, 城中村), nor one before a word that makes it a
# role or a part (村长, 镇政府, 乡下).
# The units of a street or a subdistrict (公园路, 河南街道, 新林洞) count only right after a
# place (延吉市公园路附近): alone they are as often a road or a street of any town.
# Opened with a class of their first characters, so that the engine skips ahead to them.
# A district of a city (浦港区, 大同江区; 区域 as the North writes it) and a North Korean
# workers' district (五山德劳动者区) count, like a street, only right after a place; a
# market (水南市场) right after its town or its 的 (清津的水南市场).
_ZH_TOWN_UNIT: Final = re.compile(
    "[镇乡村屯沟郡街路洞小社区劳市](?:(?<=街)道|(?<=[小社])区|(?<=区)域|(?<=劳)动者区|(?<=市)场"
    "|(?<![小社劳市]))"
)
_ZH_STREET_UNITS: Final = frozenset(
    ("街道", "小区", "社区", "街", "路", "洞", "区", "区域", "劳动者区")
)
# Words that end in 区 and name a kind of area, not one (开发区, 郊区, 居民区).
_ZH_AREA_WORDS: Final = frozenset(
    _words(
        "开发 工业 经济 保税 风景 旅游 商业 住宅 居民 生活 边境 自治 行政 老城 新城 城 山 林 "
        "牧 矿 灾 军 学 校 园 景 片 街 禁 特 农 郊 辖 全 本 该 各 地 新 老 市 县 城郊 郊外 "
        "边远 山沟 贫困 市中 管辖 管理 服务 安置 隔离 禁止 危险 无人 高危 疫情 封控 管控 防控"
    )
)
_ZH_LEVEL_CHARS: Final = frozenset("省州市县区镇乡村旗盟")
_ZH_TOWN_BEFORE: Final = frozenset("叫在从到去回往住离是于自")
_ZH_TOWN_NOT_NAME: Final = frozenset("的了在是我你他她们这那个每各该某哪几些有与跟到去回从住叫说")
# Words that describe a village more than name one (本村, 小镇, 新村), unless a place
# comes right before (长白县新房子镇, 二道白河镇).
_ZH_TOWN_DESCRIBES: Final = frozenset("本全同邻外整一小大老新旧上下里和")
_ZH_TOWN_COMPOUND: Final = frozenset("民长委子庄干级政部办下口亲试兵落压守定静上边线费过头通渠")
# After a name that stands alone (no place or verb before it), what shows it is a place:
# the end of the clause, a particle, a word of whereabouts (八道村 在龙井下面).
_ZH_TOWN_AFTER_ALONE: Final = frozenset("的那这附一人在是")
_ZH_TOWN_WORDS: Final = frozenset(
    _words(
        "度假 养老 奥运 地球 贫困 示范 自然 行政 城中 空心 移民 文化 民俗 温泉 鱼米 温柔 民族 "
        "特色 旅游 边境 边防 隔壁 对面 附近 周边 本地 当地 老家 山里 偏远 落后 富裕 美丽 城市 "
        "城郊 郊区 山区 牧区 林区 农家 渔家 朝鲜 汉族 少数 重点 中心 试点 先进 模范 文明 生态 "
        "山沟 深山 穷乡 僻壤 家乡 故乡 异乡 他乡 城乡 乡镇 城镇 村镇 村屯 屯子 原来 以前 现在"
    )
)
# Words of the unit and the character before it (找农村 holds no 找农村): that character
# is no part of a name.
_ZH_UNIT_WORDS: Final = frozenset(
    _words(
        "农村 山村 乡村 渔村 本村 全村 同村 邻村 该村 各村 外村 整村 新村 老村 小村 荒村 孤村 "
        "城镇 乡镇 小镇 古镇 市镇 村镇 重镇 集镇 本镇 全镇 该镇 家乡 老乡 故乡 下乡 城乡 同乡 "
        "回乡 异乡 他乡 本乡 全乡 水乡 返乡 还乡 离乡 梦乡 思乡 醉乡 乡乡 村村 镇镇"
    )
)


def _zh_towns(text: str, place_ends: set[int]) -> Iterator[Finding]:
    found = set(place_ends)
    for match in _ZH_TOWN_UNIT.finditer(text):
        unit, end = match.span()
        if text[end : end + 1] in _ZH_TOWN_COMPOUND:
            continue
        if unit in found:
            # The unit of a place just found (西城 + 镇, 三池渊 + 郡): one span with it.
            found.add(end)
            yield Finding(unit - 1, end, "place")
            continue
        if text[unit - 1 : end] in _ZH_UNIT_WORDS:
            continue
        street = match.group() in _ZH_STREET_UNITS
        # A market is a town's (清津的水南市场); alone it is as often a kind (农贸市场).
        tied = street or match.group() == "市场"
        start = _zh_town_start(text, unit, end, found, street=street, tied=tied)
        if start is not None:
            found.add(end)
            yield Finding(start, end, "place")


def _zh_town_start(
    text: str, unit: int, end: int, place_ends: set[int], *, street: bool, tied: bool
) -> int | None:
    """Where the name of the town whose unit is at ``unit`` begins, or None."""
    for length in (2, 3, 4):
        start = unit - length
        if start < 0:
            return None
        stem = text[start:unit]
        if not all(map(_is_han, stem)) or any(ch in _ZH_LEVEL_CHARS for ch in stem):
            return None
        if any(ch in _ZH_TOWN_NOT_NAME for ch in stem) or stem in _ZH_TOWN_WORDS:
            return None
        if text[unit] in "区劳" and stem in _ZH_AREA_WORDS:
            return None
        before = text[start - 1] if start else ""
        after_place = (
            start in place_ends
            or before in _ZH_LEVEL_CHARS
            or (before == "道" and text[unit] == "郡")  # 两江道金亨稷郡
            # A town of a place, after 的 (珲春的敬信镇), not a street of any town.
            or (before == "的" and start - 1 in place_ends and not street)
            or (before == " " and start - 1 in place_ends)
        )
        if after_place:
            return start
        if tied:
            continue  # a longer name may still start right after a place (大同江区)
        if any(ch in _ZH_TOWN_DESCRIBES for ch in stem):
            return None
        after = text[end : end + 1]
        alone = not _is_han(before) and (not _is_han(after) or after in _ZH_TOWN_AFTER_ALONE)
        if length == 2 and (alone or before in _ZH_TOWN_BEFORE):
            return start
    return None


# A station, a port or a border crossing named after a place is a place too (延吉西站,
# 敦化站, 磨憨口岸, 新潟港), even after a kept name (吉林站).
# 港 before 区 or 町 is the next place down (東京都港区), not a port.
# A county's name written with 市 or 县 the gazetteer does not give it (嘉禾市 of 嘉禾县)
# takes the suffix too, unless it begins a word (市场, 县长).
_ZH_PLACE_SUFFIX: Final = re.compile(
    r"[市县]?(?:[东西南北]?站|口岸|港(?![币元区區町]))|[市县](?![场长民委])"
)


# The ward of a designated city after it (横浜市港北区), the district (郡) before a town
# or village (長生郡白子町): the gazetteer lists neither on its own.
_WARD_AFTER: Final = re.compile(r"[\u4e00-\u9fffヶケ々]{1,4}区")
_COUNTY_BEFORE: Final = re.compile(r"[\u4e00-\u9fff々]{1,4}郡\Z")
# The island before a village named after it (三宅島三宅村).
_ISLAND_BEFORE: Final = re.compile(r"[\u4e00-\u9fff々]{1,3}島\Z")


# The suffixes a bare Korean name takes as one word (옌지시, 왕칭현, 선양역, 혜산진): the
# suffix goes with the name when the word ends after it or a particle follows.
_KO_NAME_SUFFIX: Final = frozenset("시군현구역진향촌읍면")


# North Korea's districts of a city (구역) and workers' districts (로동자구: 남양로동자구).
# A port, an airport or a customs house named after the place (청진항, 선양공항) goes with it.
_KO_LONG_SUFFIX: Final = re.compile(
    # 투먼북역: the north station of a town.
    r"(?:구역|[로노]동자구|공항|세관|항|[동서남북]역)"
    r"(?=[^가-힣]|$|에|의|으로|로|까지|부터|근처|쪽|을|은|이|예요|였)"
)


# A workers' district is a place whatever its name (고건원로동자구에서): 로동자구 (노동자구
# in the South's spelling) ends no other word.
_KO_WORKERS_AT: Final = re.compile(r"동자구(?<=[로노]동자구)")


def _ko_workers_districts(text: str) -> Iterator[Finding]:
    for mark in starts(_KO_WORKERS_AT, text):
        start = mark - 1
        while start > max(0, mark - 7) and _is_hangul(text[start - 1]):
            start -= 1
        if start < mark - 1:
            yield Finding(start, mark + 3, "place")


def _ko_widened(text: str, end: int) -> int:
    if (long := _KO_LONG_SUFFIX.match(text, end)) is not None:
        return long.end()
    if end < len(text) and text[end] in _KO_NAME_SUFFIX:
        after = text[end + 1] if end + 1 < len(text) else ""
        if not _is_hangul(after) or _KO_AFTER.match(text, end + 1) is not None:
            return end + 1
    return end


# The next level down after a place or a province (혜산시 혜탄동, 안투현 밍웨진,
# 이바라키현 히타치시): a word that ends in a unit suffix right after a known name is a
# place too, though no list holds it.
# A market after a town is a place too (청진 수남시장, 연길 서시장).
_KO_NEXT_UNIT: Final = re.compile(
    r" ([가-힣]{1,6}(?:구역|[로노]동자구|시장|장마당)|[가-힣]{2,6}[시현구군진동읍면향촌리역])"
)
# Everyday words that end like a unit (남자친구, 외삼촌, 자원봉사활동, 가족사진).
_KO_UNIT_LOOKALIKES: Final = (
    "친구",
    "식구",
    "삼촌",
    "사촌",
    "활동",
    "운동",
    "사진",
    "지역",
    "역시",
    "당시",
    "거리",
    "자리",
    "우리",
    "이동",
    "행동",
    "도구",
    "입구",
    "출구",
    "가구",
    "연구",
    "요구",
    "소리",
    "머리",
    "다리",
    "요리",
    "관리",
    "처리",
    "정리",
    "사이",
    "동시",
    "혹시",
    "다시",
    "즉시",
    "사투리",  # 함경북도 사투리: the province's dialect
)


# After a Japanese city or ward in Hangul, a word of three syllables or more that are
# all kana sounds is the neighbourhood (아라카와구 미카와시마, 교토 우토로, 오사카 이쿠노).
_KO_KANA_SOUNDS: Final = KO_JA_SYLLABLES | frozenset(
    "교쿄료쇼쵸큐슈츄뇨효묘류규겐센텐칸산단탄난한만신진린쓰"
)
_KO_KANA_ENDS: Final = _KO_KANA_SOUNDS | frozenset("시구현")
_KO_KANA_WORD: Final = re.compile(
    r" ([가-힣]{3,6}?)(?=[^가-힣]|$|에서|에도|에는|에|의|으로|로|근처|쪽)"
)
_KO_JA_WORD_BEFORE: Final = re.compile(r"(?:^|(?<=[^가-힣]))([가-힣]{2,7}?)[시구현]?\Z")


def _ko_kana_after(text: str, end: int) -> Finding | None:
    if (
        text[end : end + 1] != " "
        or text[end - 1] not in _KO_KANA_ENDS
        or not all(ch in _KO_KANA_SOUNDS for ch in text[end + 1 : end + 3])
    ):
        return None  # the common case, settled without a pattern
    before = _KO_JA_WORD_BEFORE.search(text, max(0, end - 8), end)
    word = _KO_KANA_WORD.match(text, end)
    if before is None or word is None:
        return None
    kana = set(before.group(1)) | set(word.group(1))
    # 오사카 아이가: a word of two syllables and its particle.
    particle = len(word.group(1)) == 3 and word.group(1)[-1] in "가이는을를도와의"
    if particle or not kana <= _KO_KANA_SOUNDS:
        return None
    return Finding(word.start(1), word.end(1), "place")


def _ko_units_after(text: str, end: int) -> Iterator[Finding]:
    while _is_hangul(text[end - 1]):
        unit = _KO_NEXT_UNIT.match(text, end)
        if unit is None:
            if (kana := _ko_kana_after(text, end)) is not None:
                yield kana
            return
        after = text[unit.end()] if unit.end() < len(text) else ""
        if _is_hangul(after) and _KO_AFTER.match(text, unit.end()) is None:
            return
        if unit.group(1).endswith(_KO_UNIT_LOOKALIKES):
            return
        # 일본 오카야마현: after a country the next level is a province, kept; the walk
        # goes on below it (후쿠오카현 구루메).
        if unit.group(1) not in KEPT_NAMES:
            yield Finding(unit.start(1), unit.end(), "place")
        end = unit.end()


# A Japanese city, ward or station written in Hangul that no list holds (아사히카와시,
# 도시마구, 쓰루하시역): a stem of three syllables or more that are all kana sounds, then
# 시, 구 or 역, then the end of the word or a particle of place. Korean words of those
# sounds end otherwise (기다리시는 takes 는).
_KO_KANA_CITY: Final = re.compile(
    r"(?<![가-힣])(?P<stem>[가-힣]{3,7})[시구역](?=[^가-힣]|$|에서|에|의|로|으로|출신|근처|쪽)"
)


# Where such a name can end: its 시 or 구, tried at most eight characters back (scan.py).
_KO_KANA_CITY_END: Final = re.compile(r"[시구역](?<=[가-힣]{4})")


# A village, a neighbourhood or a town no list holds, named as where someone is from or
# lived (삼봉리 출신, 성후동에서 살았어요): a word of three syllables or more that ends in
# a unit, right before 출신 or a verb of living, growing up or being born there.
_KO_HOME_AT: Final = re.compile(
    r"[리동읍면역진](?<=[가-힣]{3})(?= ?출신|에서 (?:살|자라|자랐|태어|왔)|에 살)"
)


def _ko_home_units(text: str) -> Iterator[Finding]:
    for unit in starts(_KO_HOME_AT, text):
        end = unit + 1
        if text[unit] == "역" and text[unit - 1] != "구":
            continue  # a station is no home: only 구역, a district
        start = unit
        while start > max(0, unit - 6) and _is_hangul(text[start - 1]):
            start -= 1
        word = text[start:end]
        if len(word) >= 3 and not word.endswith(_KO_UNIT_LOOKALIKES):
            yield Finding(start, end, "place")


def _ko_kana_cities(text: str) -> Iterator[Finding]:
    ends = before(starts(_KO_KANA_CITY_END, text), 8)
    for match in finditer_at(_KO_KANA_CITY, text, ends):
        if all(syllable in KO_JA_SYLLABLES for syllable in match.group("stem")):
            yield Finding(match.start(), match.end(), "place")
            yield from _ko_units_after(text, match.end())


def _widened(text: str, start: int, end: int) -> tuple[int, int]:
    if text[end - 1] == "市" and (ward := _WARD_AFTER.match(text, end)) is not None:
        end = ward.end()
    if text[end - 1] in "町村" and (county := _COUNTY_BEFORE.search(text, 0, start)) is not None:
        start = county.start()
    if text[end - 1] == "村" and (island := _ISLAND_BEFORE.search(text, 0, start)) is not None:
        start = island.start()
    return start, end


# In a Japanese note: the station or the county after a place (延吉駅, 茂山郡), and the
# kanji after a two-character name that still leave it a name (丹東港, 延吉市内); any other
# makes a compound of it (日照時間 is no 日照).
_JA_PLACE_SUFFIX: Final = re.compile(r"[市区町村]?駅|郡(?![部内])")
_JA_NAME_AFTER: Final = frozenset("市区県郡町村州駅港空周近付出在方面辺内郊側口")
_JA_RUN: Final = frozenset(
    "".join(map(chr, range(0x4E00, 0xA000)))
    + "々ヶヵ"
    + "".join(map(chr, range(0x30A1, 0x30FB)))
    + "ー"
)
# What stands before 駅 or 郡 without naming one: 最寄り駅, 地下鉄駅, 同郡, 各駅.
_JA_NOT_STATIONS: Final = (
    "寄",
    "各",
    "同",
    "当",
    "本",
    "次",
    "隣",
    "前",
    "終着",
    "始発",
    "無人",
    "主要",
    "国境",
    "鉄",
    "鉄道",
    "停車",
    "貨物",
    "中心",
    "乗換",
    "乗継",
    "通過",
    "急行",
    "特急",
    "快速",
    "新幹線",
    "近隣",
    "途中",
    "目的",
    "到着",
    "出発",
    "ターミナル",
    "バス",
    "全",
    "該",
    "隣接",
)


def _ja_named_before(text: str, mark: int, reach: int) -> int:
    """Where a name of kanji or katakana written right before ``text[mark]`` begins
    (``mark`` itself if there is none of two characters or more, or a generic word)."""
    pos = mark
    while pos > max(mark - reach, 0) and text[pos - 1] in _JA_RUN:
        pos -= 1
    # The prefecture before the place stays (大阪府の is no part; 千葉県印旛郡: from 印).
    for level in "都道府県":
        cut = text.rfind(level, pos, mark)
        if cut >= 0 and text[pos : cut + 1] in KEPT_NAMES:
            pos = cut + 1
    name = text[pos:mark]
    if len(name) < 2 or name.endswith(_JA_NOT_STATIONS):
        return mark
    return pos


def _ja_compound(text: str, end: int) -> bool:
    after = text[end] if end < len(text) else ""
    return _is_han(after) and after not in _JA_NAME_AFTER


# A town or village after its county (印旛郡本埜村): the JIS list has today's only.
_JA_COUNTY_TOWN: Final = re.compile(r"[\u4e00-\u9fff々ヶ]{1,4}?[町村](?![\u4e00-\u9fff])")


# A North Korean city's district (会上区域) and workers' district (遊仙労働者区), which
# no list holds; not a kind of area (国境区域, 立入禁止区域, 経済特区).
_JA_DISTRICT: Final = re.compile("[駅郡区労](?:(?<=区)域|(?<=労)働者区|(?<=[駅郡]))")
_JA_NOT_DISTRICTS: Final = (
    "国境", "警備", "危険", "禁止", "特別", "管轄", "経済", "行政", "工業", "居住", "軍事",
    "商業", "住宅", "指定", "保護", "対象", "全", "一部", "地域", "この", "その",
)  # fmt: skip
# The next unit down right after a city or a county, as a Japanese note copies a North
# Korean or Korean address (恵山市春洞, 白岩郡の大沢里, 安山市の檀園区).
_JA_UNIT_AFTER_PLACE: Final = re.compile(
    r"[市郡](?:の)?(?P<name>[\u4e00-\u9fff]{1,3}?[洞里]|[\u4e00-\u9fff]{2,3}?区)"
    r"(?![\u4e00-\u9fff])"
)
_JA_UNIT_WORDS: Final = frozenset(
    ("郷里", "空洞", "地区", "学区", "管区", "選挙区", "市街区", "労働者区", "行政区", "特別区")
)


def _ja_city_district(text: str, start: int, mark: int) -> bool:
    """A district (区域) is a city's: the city before it (咸興市会上区域, 清津市の水南区域),
    or its name in katakana (スナム区域); 関西区域 is a region's area."""
    run = text[start:mark]
    return "市" in run or _is_katakana(run[0]) or text.endswith(("市の", "市 "), 0, start)


def _ja_stations_and_counties(text: str) -> Iterator[Finding]:
    """Any station (新大久保駅), county (茂山郡, 印旛郡本埜村) or North Korean district
    (会上区域, 遊仙労働者区) a Japanese note names, and the unit after a city."""
    for found in _JA_DISTRICT.finditer(text):
        mark = found.start()
        start = _ja_named_before(text, mark, 8)
        if start == mark or text[start:mark].endswith(_JA_NOT_DISTRICTS):
            continue
        if found.group() == "区域" and not _ja_city_district(text, start, mark):
            continue
        end = found.end()
        if text[mark] == "郡" and (town := _JA_COUNTY_TOWN.match(text, end)) is not None:
            end = town.end()
        yield Finding(start, end, "place")
    for unit in _JA_UNIT_AFTER_PLACE.finditer(text):
        if unit.group("name") not in _JA_UNIT_WORDS:
            yield Finding(*unit.span("name"), "place")


# A place's other spelling in brackets (安山（アンサン）, 芒市（マンシ）): one script, no
# digits; found on either side, both go.
_JA_SPELLING: Final = re.compile(
    r"\((?P<name>[ァ-ヺー・]{2,12}|[가-힣]{2,8}|[\u4e00-\u9fff]{2,6})\)"
)
_JA_BEFORE_SPELLING: Final = re.compile(r"(?:[\u4e00-\u9fff]{2,6}|[ァ-ヺー]{2,12})\Z")
# A town after a ward (新宿区百人町): the ward's town is part of the place.
_JA_TOWN_AFTER_WARD: Final = re.compile(r"[\u4e00-\u9fff々ヶ]{1,4}町(?![\u4e00-\u9fff])")
# A unit written after a romanised name (Musan-gun, Hyesan-si, Onsong County).
_LATIN_UNIT: Final = re.compile(
    r"-(?:gun|si|shi|ku|gu|dong|ri|eup|myeon|up|myon|machi|cho|mura)(?![A-Za-z])"
    r"| (?:County|City|District|Town)(?![A-Za-z])",
    re.IGNORECASE,
)
_HANGUL_BEFORE_BRACKET: Final = re.compile(r"(?<![가-힣])[가-힣]{1,6}[（(]\Z")
_HANGUL_BEFORE_BRACKET_REACH: Final = 7  # six syllables at most and the bracket


def find_places(view: View, locale: str) -> Iterator[Finding]:
    """Yield place names below province level (:func:`_places`), and in a Japanese note
    the other spelling of each in brackets."""
    text = view.norm
    found = list(_places(view, locale))
    yield from found
    if locale != "ja" or "(" not in text:
        return
    for place in found:
        after = _JA_SPELLING.match(text, place.end)
        if after is not None and after.group("name") not in KEPT_NAMES:
            yield Finding(*after.span("name"), "place")
        if text[place.start - 1 : place.start] == "(" and text[place.end : place.end + 1] == ")":
            spelled = _JA_BEFORE_SPELLING.search(text, max(0, place.start - 13), place.start - 1)
            if spelled is not None and spelled.group() not in KEPT_NAMES:
                yield Finding(spelled.start(), spelled.end(), "place")


def _places(view: View, locale: str) -> Iterator[Finding]:
    """Yield place names below province level; province and country names are kept.

    Every language's names are looked for whatever the locale: a note in Korean often
    names a Chinese town in Chinese characters. Names one space apart (``천안시 동남구``,
    ``선양 서탑``) are one place.
    """
    text = view.norm
    yield from _ko_kana_cities(text)
    if locale == "ko":
        yield from _ko_home_units(text)
        yield from _ko_workers_districts(text)
    if locale == "ja":
        yield from _ja_stations_and_counties(text)
    kept_end = -1
    place_end = -1
    ends: set[int] = set()
    pending: tuple[int, int] | None = None
    zh = locale == "zh_Hans"
    for index, start, end in _matches(text, zh=zh):
        rule = _RULES[index]
        if rule == _KEEP:
            kept_end = place_end = end
            suffix = _ZH_PLACE_SUFFIX.match(text, end)
            if suffix is not None and suffix.group()[0] not in "市县":
                yield Finding(start, suffix.end(), "place")  # 吉林站, not 吉林 + 市
            if (port := _KO_LONG_SUFFIX.match(text, end)) is not None and port.group() != "구역":
                yield Finding(start, port.end(), "place")  # 니가타항: the port, not the province
            yield from _ko_units_after(text, end)
            continue
        if locale == "ja" and text[start:end] in _JA_CUED:
            if not (_ja_cued(text, start, end, kept_end) or _ja_listed(text, start, end, pending)):
                continue
        elif rule == _JA_STEM:
            if not _ja_stem_in(text, start, end, locale, (kept_end, place_end)):
                continue
        elif (locale == "ja" and rule == _SHORT and _ja_compound(text, end)) or (
            not _accepted(text, start, end, rule, kept_end)
            and not (locale == "ja" and _ja_locative(text, start, end, kept_end))
            and not (zh and rule == _LOCATIVE and _after_place(text, start, place_end))
        ):
            continue
        if rule in (_CJK, _SHORT, _LOCATIVE):
            start, end = _widened(text, start, end)
            if (suffix := _ZH_PLACE_SUFFIX.match(text, end)) is not None:
                end = suffix.end()
        elif rule in (_HANGUL_BARE, _KO_CUED):
            end = _ko_widened(text, end)
        elif rule == _LATIN and (unit := _LATIN_UNIT.match(text, end)) is not None:
            end = unit.end()
        # The word and its bracket end at ``start``: searched from where they can begin
        # (the lookbehind still sees the character before), not from the note's start.
        near = max(0, start - _HANGUL_BEFORE_BRACKET_REACH)
        if rule == _LOCATIVE and (word := _HANGUL_BEFORE_BRACKET.search(text, near, start)):
            yield Finding(word.start(), word.end() - 1, "place")  # 지안(集安)
        if locale == "ja" and (suffix := _JA_PLACE_SUFFIX.match(text, end)) is not None:
            end = suffix.end()
        place_end = end
        ends.add(end)
        if (
            locale == "ja"
            and text[end - 1] == "区"
            and (town := _JA_TOWN_AFTER_WARD.match(text, end))
        ):
            end = town.end()
        if (
            pending is not None
            and start - pending[1] <= 1
            and not text[pending[1] : start].strip()
        ):
            pending = (pending[0], max(end, pending[1]))
            continue
        if pending is not None:
            yield Finding(*pending, "place")
            yield from _ko_units_after(text, pending[1])
        pending = (start, end)
    if pending is not None:
        yield Finding(*pending, "place")
        yield from _ko_units_after(text, pending[1])
    if locale == "zh_Hans":
        yield from _zh_towns(text, ends)
        if "叫" in text:
            yield from _zh_called_places(text)


# What a village or a place is called (村子叫柳洞, 那个地方叫三合): the name, up to the
# end of the clause, is the place, whatever its characters.
_ZH_CALLED_PLACE: Final = re.compile(
    "(?:村子|村|屯子|屯|镇子|镇|乡|地方|小区|街道|那边|那里)叫(?:做)?"
    r"(?P<name>[\u4e00-\u9fff]{2,4}?)(?=[，,。；;！!？?\s]|$|的|那)"
)
_ZH_CALLED_NOT_PLACE: Final = frozenset("的了是我你他她们这那个什么怎不没有人")


def _zh_called_places(text: str) -> Iterator[Finding]:
    for match in _ZH_CALLED_PLACE.finditer(text):
        if not any(ch in _ZH_CALLED_NOT_PLACE for ch in match.group("name")):
            yield Finding(*match.span("name"), "place")
