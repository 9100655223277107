"""GPS coordinates and street-level address parts.

Province-level names stay (``吉林省``, ``東京都``, ``경기도``): triage needs them and the
domain allows them. Below that, an address is found by its street-level anchor (a
number with 丁目/番地/号, 路/街/号/栋/单元, 로/길/번지/동/호) and widened to the left over
the city, ward and town names written before it, and to the right over the building,
room and postcode written after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from bot.scrub.normalize import View
from bot.scrub.numbers import is_harmless_shape, is_quantity_after
from bot.scrub.scan import (
    back_over,
    finditer_at,
    first_char_class,
    merged,
    starts,
)
from bot.scrub.spans import Finding

__all__ = ["find_addresses", "find_coordinates", "find_postcodes"]

# --- coordinates -------------------------------------------------------------------
_HEMI_WORD: Final = r"(?:北纬|北緯|북위|南纬|南緯|남위|东经|東経|東經|동경|西经|西経|西經|서경)"
_COMPONENT: Final = (
    "(?:(?P<PFXw>"
    + _HEMI_WORD
    # A hemisphere letter is a word of its own: the S of GPS is not south.
    + ") ?|(?<![A-Za-z])(?P<PFXl>[NSEWnsew]) ?)?(?P<PFXn>[-+]?[0-9]{1,3}(?:\\.[0-9]+)?)"
    "(?: ?(?P<PFXd>°|度|도)(?: ?[0-9]{1,2}(?:\\.[0-9]+)? ?(?:'|′|分|분)"
    "(?: ?[0-9]{1,2}(?:\\.[0-9]+)? ?(?:\"|″|′′|''|秒|초))?)?)?"
    "(?: ?(?P<PFXh>[NSEWnsew北南东東西]))?"
)
# An axis label may stand before the second number (위도 41.4035 경도 128.1789,
# 緯度は35.68、経度は139.76, lat 41.40 lon 128.17, 经度128.17，纬度41.40); a label
# before the first is one of the labels below. (Not "long": 2.5 long 3.5 is a size.)
_LAT_WORD: Final = r"위도|緯度|纬度|latitude|lat"
_AXIS_WORD: Final = rf"경도|経度|經度|经度|longitude|lon|lng|{_LAT_WORD}"
_AXIS_LABEL: Final = rf"(?P<axis>(?i:{_AXIS_WORD}))(?:[ :：=＝]|は|는|은|是|为|為){{0,3}}"
_LAT_LABEL: Final = re.compile(_LAT_WORD, re.IGNORECASE)
_PAIR: Final = re.compile(
    r"(?<![0-9.])"
    + _COMPONENT.replace("PFX", "a")
    + rf"(?: ?[,，、/ ;] ?|(?=(?i:{_AXIS_WORD})))(?:{_AXIS_LABEL})?"
    + _COMPONENT.replace("PFX", "b")
    + r"(?![0-9])"
)
# Where a pair can begin (scan.py): the same lookbehind, then a hemisphere word or
# letter, a sign or a digit.
# The class comes first and the lookbehind looks one character further back, so that
# the engine skips ahead to the class instead of trying the lookbehind everywhere.
_HEMI_FIRST: Final = first_char_class(_HEMI_WORD[3:-1])[1:-1]
_PAIR_FIRST: Final = _HEMI_FIRST + r"NSEWnsew+\-0-9"
# What may follow a component's number and mark it: a degree sign or a hemisphere.
_MARKS: Final = "°度도NSEWnsew北南东東西"
# Every character a component can hold; a pair holds a separator or an axis label after
# a run of them. Checking that ahead leaves out many numbers followed by a word. (Asking
# for the second component's first character too costs more in backtracking than the
# few numbers it leaves out save: measured with callgrind.)
_COMPONENT_CHARS: Final = (
    "".join(sorted(set(_HEMI_WORD[3:-1].replace("|", ""))))
    + " NSEWnsew+\\-0-9.°度도'′分분\"″秒초北南东東西"
)
# The first letters of the axis labels, in both cases.
_AXIS_FIRST: Final = "".join(sorted({word[0] for word in _AXIS_WORD.upper().split("|")} | {"l"}))
_PAIR_START: Final = re.compile(
    rf"[{_PAIR_FIRST}](?<![0-9.][{_PAIR_FIRST}])"
    rf"(?=[{_COMPONENT_CHARS}]*[,，、/ ;{_AXIS_FIRST}])"
    # A pair is kept only if its first component has decimals or a mark (below): so it
    # opens with a hemisphere word or letter, or its number (one to three digits) has a
    # decimal point or a degree or hemisphere sign after it. Looked at ahead, so that a
    # trigger never covers the start of the next pair (``37 E37 E37``).
    rf"(?:(?<=[{_HEMI_FIRST}NSEWnsew])"
    rf"|(?<=[-+])(?=[0-9]{{1,3}}(?:\.[0-9]| ?[{_MARKS}]))"
    rf"|(?<=[0-9])(?=[0-9]{{0,2}}(?:\.[0-9]| ?[{_MARKS}])))"
)
_COORD_LABEL: Final = re.compile(
    r"(?:座標|位置|緯度|経度|經度|纬度|经度|坐标|좌표|위치|위도|경도|(?i:gps|coordinates?|lat|lon|lng))"
    r"[^\n]{0,6}$"
)


def _decimals(number: str) -> int:
    return len(number.partition(".")[2])


def find_coordinates(view: View, locale: str) -> Iterator[Finding]:  # noqa: ARG001
    """Yield latitude/longitude pairs: precise decimals, or marked by degrees or hemispheres."""
    text = view.norm
    for match in finditer_at(_PAIR, text, starts(_PAIR_START, text)):
        lat, lon = float(match["an"]), float(match["bn"])
        if match["axis"] is not None and _LAT_LABEL.fullmatch(match["axis"]):
            lat, lon = lon, lat  # longitude first
        if not (abs(lat) <= 90 and abs(lon) <= 180):
            continue
        marked = all(
            match[f"{p}w"] or match[f"{p}l"] or match[f"{p}d"] or match[f"{p}h"] for p in "ab"
        )
        precise = _decimals(match["an"]) >= 3 and _decimals(match["bn"]) >= 3
        labelled = (
            _decimals(match["an"]) >= 1
            and _decimals(match["bn"]) >= 1
            and (
                match["axis"] is not None
                or _COORD_LABEL.search(text, max(0, match.start() - 12), match.start()) is not None
            )
        )
        if marked or precise or labelled:
            yield Finding(match.start(), match.end(), "coordinates")


# --- addresses ---------------------------------------------------------------------
_NUM_CHARS: Final = "0123456789〇一二三四五六七八九十百"
_NUM: Final = rf"[{_NUM_CHARS}]+"
# In the anchors a number is always followed by a character that is not a digit (space,
# 丁目, 号, ...), so giving characters back never helps a match: possessive (``++``)
# fails fast on the digit runs that are not addresses, with the same matches.
_NUM_P: Final = rf"[{_NUM_CHARS}]++"
_JA_ANCHOR: Final = re.compile(
    rf"{_NUM_P} ?丁目(?: ?{_NUM_P} ?(?:番地?|-))?(?: ?{_NUM_P} ?(?:号|-)?)?"
    rf"|{_NUM_P} ?番地(?: ?{_NUM_P} ?号?)?|{_NUM_P} ?番 ?{_NUM_P} ?号"
    # A housing estate's block and flat (住公9団地914棟1203号, 桜ヶ丘団地3号棟).
    rf"|{_NUM_P} ?団地 ?{_NUM_P} ?(?:号棟|棟)(?: ?{_NUM_P} ?号室?)?"
    # The lot number right after the town (東九条南岩本町22), unless a unit makes a
    # count or a date of it (町3つ, 町10年).
    r"|(?<=町)[0-9]{1,4}(?![0-9]|[年月日時分秒人歳才円万個回件本枚台軒度反つヶか%％:：.,/-])"
    # The flat's number may follow as a fourth part (千代4-1-27-305).
    rf"|(?<=[\u4e00-\u9fffァ-ヶヶ])[0-9]{{1,4}}-[0-9]{{1,4}}(?:-[0-9]{{1,4}}){{0,2}}(?![0-9])"
)
_ZH_ANCHOR: Final = re.compile(
    rf"(?:路|街|道|巷|弄|胡同|大街|大道) ?{_NUM_P} ?(?:号|號)(?:院|楼|樓)?"
    # A Korean address written in Chinese: the neighbourhood (洞) and its lot number.
    # In the North the lot gives way to the people's unit (水北洞12班); a Chinese note
    # writes the house number after it (号).
    r"|洞 ?[0-9]{1,4}(?:-[0-9]{1,4})?(?:班|号|號)?(?![0-9])"
    # A village and its team (柳洞村三组, 光明村 8组12号), the smallest unit of a rural
    # address, and the house number in it.
    rf"|(?:(?<=村)|(?<=村 )){_NUM_P}(?:组|队)(?: ?{_NUM_P} ?号)?"
    r"|(?:路|街|道|巷) ?[A-Za-z0-9]{1,4} ?座"
    rf"|{_NUM_P} ?(?:栋|幢|棟|号楼|號樓)(?: ?{_NUM_P} ?单元)?(?: ?{_NUM_P} ?(?:室|号|户))?"
    rf"|{_NUM_P} ?单元 ?{_NUM_P} ?(?:室|号)?|{_NUM_P} ?(?:号|號)(?:院|楼) ?{_NUM_P} ?(?:室|号)?"
)
_KO_ANCHOR: Final = re.compile(
    # Not the road of a street named 로N가 (을지로6가 18-21: the street comes below).
    r"[가-힣0-9]{1,12}(?:로|길|거리) ?(?:지하 ?)?[0-9]++(?:-[0-9]++)?(?!가)"
    r"(?:번길 ?[0-9]+(?:-[0-9]+)?)?"
    # The lot, or in North Korea the people's unit (천마동 23반, 23인민반).
    r"|[가-힣0-9]{1,10}동 ?[0-9]+(?:-[0-9]+)?(?: ?번지| ?(?:인민)?반(?![가-힣]))?"
    r"|[0-9]+(?:-[0-9]+)? ?번지"
    r"|[0-9]+ ?동 ?[0-9]+ ?호"
    r"|[가-힣]{1,10}[0-9]{1,3}가 ?(?:지하 ?)?[0-9]+(?:-[0-9]+)?"
    # A flat's number alone (``1203호``): three or four digits, not a line or a car.
    r"|[0-9]{3,4} ?호(?![선차기실])"
    # A Japanese block number after a town written in Hangul (사쿠라모토 2-14-3), and a
    # Chinese street number in Hangul (류웨이루 45호: 路 is 루, 号 is 호).
    r"|[가-힣]{2,10} [0-9]{1,2}-[0-9]{1,3}-[0-9]{1,3}(?![0-9-])"
    r"|[가-힣]{1,10}루 ?[0-9]{1,4} ?호"
    # A Chinese lane or alley in Hangul (신흥골목 17호, 하남가 5호: 街 is 가), numbered
    # with 호 like any Chinese street.
    r"|[가-힣]{0,10}(?:골목|후통)(?<=[가-힣]) ?[0-9]{1,4} ?호"
    r"|[가-힣]{1,10}(?:다제|가) ?[0-9]{1,4} ?호"
    # A Japanese block in Hangul (丁目 is 초메, 番 반, 号 고): 니시신주쿠 2초메 8-1.
    r"|[가-힣]{1,10} ?[0-9]{1,2} ?초메(?: ?[0-9]{1,4} ?반(?:지)? ?[0-9]{1,4} ?[고호]?"
    r"| ?[0-9]{1,4}(?:-[0-9]{1,4}){0,2})?"
    # A rural lot after the village (리), also on a hill (산): 송평리 산 12-3.
    r"|[가-힣]{1,10}[리동] ?산 ?[0-9]+(?:-[0-9]+)?(?: ?번지)?"
    r"|[가-힣]{1,10}리 ?[0-9]+-[0-9]+"
)
# Where an anchor can begin (scan.py). Every alternative but two ends its first number
# with a street word: find the words, then walk back over the number or the name before
# them. The other two open with a street word (Chinese) or a digit after a kanji or
# katakana character (Japanese ``町1-2``).
# 番 is a street word only before 地 or a number (``3番地``, ``3番5号``), not in 番号.
_JA_WORD: Final = re.compile(rf"丁目|番(?=地| ?[{_NUM_CHARS}])|団地(?= ?[{_NUM_CHARS}])")
_JA_WORD_FIRST: Final = "丁番団"  # the characters it opens with, for _positions
# ``町22``: the digit right after 町, found at the 町 (a lookbehind opening the pattern
# would be tried at every position).
_JA_TOWN_LOT: Final = re.compile(r"町(?=[0-9])")
# ``町1-2``: found at its hyphen (a note holds far fewer hyphens than digits), then the
# one to four digits before it, after a kanji or katakana character, are walked back over.
_JA_DASH_AFTER: Final = r"[\u4e00-\u9fffァ-ヶヶ]"
_JA_DASHED: Final = re.compile(
    "-(?:" + "|".join(f"(?<={_JA_DASH_AFTER}[0-9]{{{n}}}-)" for n in range(1, 5)) + ")(?=[0-9])"
)
_ZH_WORD: Final = "栋幢棟号號单组队"
_ZH_STREET: Final = "路街道巷弄胡大洞"
_KO_ROAD: Final = re.compile(r"(?:로|길|거리)(?= ?(?:지하 ?)?[0-9])")
_KO_DONG: Final = re.compile(r"동(?= ?[0-9])")
_KO_BEONJI: Final = re.compile(r"번지")
# The space before a Japanese block number, and the 루 of a Chinese street (scan.py).
_KO_BLOCK_AT: Final = re.compile(r" (?<=[가-힣] )(?=[0-9]{1,2}-[0-9])")
_KO_RU: Final = re.compile(r"루(?= ?[0-9])")
# A lot on a hill (산 12-3) and a rural lot after its village (송평리 12-3), found at 산 and
# at the 리 before a hyphenated number.
_KO_HILL: Final = re.compile(r"[산리](?:(?<=산)(?= ?[0-9])|(?<=리)(?= ?[0-9]+-[0-9]))")
_KO_CHOME: Final = re.compile(r"초메")
# ``(?<=[0-9])호|(?<=[0-9] )호`` opened with its literal, so that the engine skips ahead
# to 호 instead of trying both lookbehinds at every position (tests/scrub/test_scan.py).
_KO_HO: Final = re.compile(r"호(?:(?<=[0-9]호)|(?<=[0-9] 호))")
_KO_GA: Final = re.compile(r"가(?<=[0-9]가)(?= ?(?:지하 ?)?[0-9])")
_KO_GA_SPACED: Final = re.compile(r"가 (?:지하 ?)?[0-9]")
_HANGUL: Final = "".join(map(chr, range(0xAC00, 0xD7A4)))
_HANGUL_DIGITS: Final = frozenset(_HANGUL + "0123456789")
_HANGUL_ONLY: Final = frozenset(_HANGUL)
_DIGITS: Final = "0123456789"
# A street named "X가" without a number is an address only after a city or ward name.
_KO_GA_STREET: Final = re.compile(r"[가-힣]{1,10}가 (?:지하 ?)?[0-9]+(?:-[0-9]+)?")
_KO_ANCHOR_END: Final = re.compile(
    r"(?=$|[\s,.)(\]!?、。]|-|번지|호|층|에|의|로|으로|까지|부터|쪽|근처|앞|옆)"
)

# The building may be written in Hangul in a Korean note (荒川3-41-8 메종히가시 205), and
# the flat with 室 in a Chinese one (仁溪洞1023-5号302室).
_JA_RIGHT: Final = re.compile(
    r"(?: ?(?:[ぁ-ゖァ-ヶー\u4e00-\u9fffA-Za-z가-힣]{1,12} ?)?"
    r"[0-9]{1,4} ?(?:号室|号|室|F|階|호)?(?![0-9年月日人歳년월일살세명개]))?"
)
# The building, entrance (门), floor and flat after the anchor, then a flat's number
# alone (8栋 1602) unless a unit of money, time or count follows it, then a postcode.
_ZH_RIGHT: Final = re.compile(
    # 単元 and 階 as a Japanese note copies a Chinese address (2単元301室, 15号２階).
    rf"(?: ?{_NUM} ?(?:栋|幢|号楼|单元|単元|室|层|楼|户|门|階|号(?![线车码])))*"
    r"(?: ?[0-9]{3,4}(?![0-9]|[.,:：/][0-9]|[年月日号元块万千岁人个点分秒]))?"
    r"(?: ?[0-9]{6}(?![0-9]))?"
)
_KO_RIGHT: Final = re.compile(
    # A flat's number alone after the entrance (2단원 301).
    # The floor or the flat may stand after a comma (고잔로 12, 3층).
    r"호?(?: ?[0-9]+ ?단원(?: ?[0-9]{3,4}(?! ?[0-9호실]))?)?(?: ?[0-9]+ ?동)?"
    r"(?:[,，]?(?= ?[0-9]+ ?[호실층]) ?[0-9]+ ?[호실])?(?:[,，]? ?(?:지하 ?)?[0-9]+ ?층)?"
    r"(?: ?\([가-힣0-9 ,.\-]{1,30}\))?"
    # The building and the flat after the street number (해피빌라 B01호, 주공7단지 712동 1502호),
    # its name masked in jamo as often as not (ㅇㅇ빌라).
    r"(?: [가-힣ㄱ-ㅎ\u1100-\u11ffA-Za-z0-9○◯●＊*]{2,14}(?: [0-9]{1,4} ?동)?"
    r" (?:[A-Z]?[0-9]{1,4} ?[호실]|(?:지하 ?)?[0-9]{1,2} ?층))?"
)
# A building after the street number, which opens with a syllable that is also a unit
# (88 주공아파트, 52-3 원룸): the number is no amount.
_KO_BUILDING_AFTER: Final = re.compile(
    r" [가-힣ㄱ-ㅎ\u1100-\u11ffA-Za-z0-9]{0,10}(?:아파트|빌라|맨션|오피스텔|원룸|투룸|주택|빌딩"
    r"|하우스|타운|단지|상가|주공|연립|기숙사|고시원)"
    # or any word before a floor or a flat (427 위워크 5층)
    r"| [가-힣A-Za-z0-9]{1,14} (?:지하 ?)?[0-9]{1,4} ?[호층]"
)

# Province-level names are kept: a span widened to the left stops right after them.
_JA_PREFECTURE: Final = re.compile(
    r"北海道|東京都|(?:大阪|京都)府|"
    r"(?:青森|岩手|宮城|秋田|山形|福島|茨城|栃木|群馬|埼玉|千葉|神奈川|新潟|富山|石川|福井|山梨|長野|"
    r"岐阜|静岡|愛知|三重|滋賀|兵庫|奈良|和歌山|鳥取|島根|岡山|広島|山口|徳島|香川|愛媛|高知|福岡|"
    r"佐賀|長崎|熊本|大分|宮崎|鹿児島|沖縄)県|住所|現住所|住まい"
)
_ZH_PROVINCE: Final = re.compile(
    r"[\u4e00-\u9fff]{1,7}?(?:省|自治区|自治區|特别行政区|特別行政區)|(?:北京|上海|天津|重庆|重慶)市"
    r"|(?:住址|地址)(?:是|为)?|住在|位于|位於"
)
# A Japanese address copied into a Chinese note stops after the Chinese label too
# (日本那边的地址是大阪市生野区…).
_JA_PREFECTURE_IN_ZH: Final = re.compile(rf"{_JA_PREFECTURE.pattern}|{_ZH_PROVINCE.pattern}")
# The place-name characters a span is widened over, up to the position it started from
# (searched with that position as ``endpos``, so ``\Z`` stands there): the leftmost
# match begins where the run of them ending there begins.
# Words of these characters, one space allowed between them (``東京都 新宿区 西新宿 2丁目``);
# possessive, so a run that does not reach the anchor fails at once.
# A block number inside a town's name (東堀通7番町, 北3条西) is part of the run.
_JA_PLACE_RUN: Final = re.compile(
    r"(?:(?:[\u4e00-\u9fffァ-ヶー々ヶヵ]|[0-9](?=[0-9]{0,2}[番条線]))++ ?)*+\Z"
)
# Chinese address parts may stand a space apart (延吉市建工街道天池路 恒大小区 8栋) when
# the part before the space ends in a unit (市, 区, 街道, 路, 小区, 村).
_ZH_PLACE_RUN: Final = re.compile(
    r"(?:(?:(?![的在住是了我他她你们从到去把])[\u4e00-\u9fff])*"
    r"(?:[市区县镇乡村路街道巷院园洞]|小区|社区|大厦|公寓) )*"
    r"(?:(?![的在住是了我他她你们从到去把])[\u4e00-\u9fff])*\Z"
)
# Units of a Korean address, and the apartment complex or building before a flat.
_KO_UNIT: Final = re.compile(
    r"[가-힣0-9A-Za-z]{1,12}(?:시|군|구|읍|면|동|리|구역|[로노]동자구|아파트|빌라|맨션|오피스텔|타운|마을|단지)"
)
_KO_PROVINCE: Final = re.compile(r".*(?:도|특별시|광역시|특별자치시|특별자치도)")
_MAX_LEFT: Final = 24
_KANA_WINDOW: Final = 16
_PLACE_CHARS: Final = re.compile(r"[ぁ-ゖァ-ヶー\u4e00-\u9fffA-Za-z]*")


def _extend_left_cjk(text: str, start: int, run: re.Pattern[str], keep: re.Pattern[str]) -> int:
    """Move ``start`` left over place-name characters, stopping after a kept name."""
    place = run.search(text, max(0, start - _MAX_LEFT), start)
    pos = start if place is None else place.start()
    cut = pos
    for match in keep.finditer(text, pos, start):
        cut = match.end()
    if cut == pos:
        # Town names written partly in kana or Latin letters (いすみ市, 松が谷, JPタワー)
        # stop the walk early; a kept name close enough to the left shows where it began.
        for match in keep.finditer(text, max(0, pos - _KANA_WINDOW), pos):
            if _PLACE_CHARS.fullmatch(text, match.end(), pos):
                cut = match.end()
    while cut < start and text[cut] == " ":
        cut += 1  # the space after a kept prefecture stays with it
    return cut


def _extend_left_ko(text: str, start: int) -> int:
    """Move ``start`` left over space-separated Korean units (시/군/구/읍/면/동/리), and
    over a Chinese street in Hangul (하남가: 街 is 가) right after a city or district."""
    pos = start
    while True:
        head = text[:pos].rstrip(" ")
        space = head.rfind(" ")
        token = head[space + 1 :]
        if _KO_STREET_GA.fullmatch(token) and _KO_CITY_BEFORE.search(head, 0, space + 1):
            pos = space + 1
            continue
        if not token or not _KO_UNIT.fullmatch(token) or _KO_PROVINCE.fullmatch(token):
            return pos
        pos = space + 1


_KO_STREET_GA: Final = re.compile(r"[가-힣]{1,5}가")
_KO_CITY_BEFORE: Final = re.compile(r"[가-힣]{1,8}[시구현진] ?\Z")


def _positions(text: str, chars: str) -> list[int]:
    """Every position of any of ``chars`` in ``text``, ascending.

    The street words and signs are rare in a note, most of all in another language's
    note: a ``str.find`` per character skips ahead several times faster than a regex
    scanning for a class of them.
    """
    found: list[int] = []
    for char in chars:
        pos = text.find(char)
        while pos >= 0:
            found.append(pos)
            pos = text.find(char, pos + 1)
    found.sort()
    return found


def ja_dashed_starts(text: str) -> list[int]:
    """Where ``町1-2`` can begin: the first digit before each hyphen ``_JA_DASHED`` finds."""
    found = []
    for hyphen in starts(_JA_DASHED, text):
        pos = hyphen
        while text[pos - 1] in _DIGITS:
            pos -= 1
        found.append(pos)
    return found


def _ja_starts(text: str) -> list[int]:
    words = [m.start() for m in finditer_at(_JA_WORD, text, _positions(text, _JA_WORD_FIRST))]
    return merged(
        back_over(text, words, _NUM_CHARS, space=True),
        ja_dashed_starts(text),
        [town + 1 for town in starts(_JA_TOWN_LOT, text)],
    )


def _zh_starts(text: str) -> list[int]:
    words = _positions(text, _ZH_WORD)
    return merged(back_over(text, words, _NUM_CHARS, space=True), _positions(text, _ZH_STREET))


def _numbers_before(text: str, marks: list[int]) -> list[int]:
    """Where the word before a number and its mark ends (니시신주쿠 2초메)."""
    found: list[int] = []
    for pos in marks:
        pos -= text[pos - 1 : pos] == " "
        while pos > 0 and text[pos - 1] in _DIGITS:
            pos -= 1
        found.append(pos - (text[pos - 1 : pos] == " "))
    return found


def _streets_before(text: str, ho: list[int]) -> list[int]:
    """Where the street word before a number and its 호 ends (신흥골목 17호, 하남가 5호)."""
    found: list[int] = []
    for pos in ho:
        pos -= text[pos - 1] == " "
        while pos > 0 and text[pos - 1] in _DIGITS:
            pos -= 1
        found.append(pos - (text[pos - 1 : pos] == " "))
    return found


def _ko_starts(text: str) -> list[int]:
    dong = starts(_KO_DONG, text)
    ho = starts(_KO_HO, text)
    blocks = [m.start() for m in _KO_BLOCK_AT.finditer(text)]
    return merged(
        back_over(text, blocks, _HANGUL_ONLY, reach=11),
        back_over(text, starts(_KO_RU, text), _HANGUL_ONLY, reach=10),
        back_over(text, _streets_before(text, ho), _HANGUL_ONLY, reach=12),
        back_over(text, starts(_KO_HILL, text), _HANGUL_ONLY, reach=12, space=True),
        back_over(text, _numbers_before(text, starts(_KO_CHOME, text)), _HANGUL_ONLY, reach=11),
        back_over(text, starts(_KO_ROAD, text), _HANGUL_DIGITS, reach=12),
        back_over(text, dong, _HANGUL_DIGITS, reach=10),
        back_over(text, dong, _DIGITS, space=True),
        back_over(text, starts(_KO_BEONJI, text), _DIGITS + "-", space=True),
        back_over(text, ho, _DIGITS, space=True),
        back_over(text, starts(_KO_GA, text), _HANGUL_DIGITS, reach=13),
    )


def _korean(view: View) -> Iterator[Finding]:
    text = view.digits
    anchors = list(finditer_at(_KO_ANCHOR, text, _ko_starts(text)))
    ga_streets = back_over(text, starts(_KO_GA_SPACED, text), _HANGUL_ONLY, reach=10)
    for match in finditer_at(_KO_GA_STREET, text, ga_streets):
        token_start = text.rfind(" ", 0, match.start()) + 1
        if _extend_left_ko(text, token_start) < token_start:
            anchors.append(match)
    for match in anchors:
        if not _KO_ANCHOR_END.match(text, match.end()) or (
            is_quantity_after(text, match.end())
            and not _KO_BUILDING_AFTER.match(text, match.end())
        ):
            continue
        token_start = text.rfind(" ", 0, match.start()) + 1
        start = _extend_left_ko(text, token_start)
        right = _KO_RIGHT.match(text, match.end())
        yield Finding(start, right.end() if right else match.end(), "address")


def _cjk(
    view: View,
    anchors: Iterator[re.Match[str]],
    right_pattern: re.Pattern[str],
    run: re.Pattern[str],
    keep: re.Pattern[str],
) -> Iterator[Finding]:
    text = view.digits
    for match in anchors:
        if is_quantity_after(text, match.end()) or is_harmless_shape(match.group()):
            continue
        if match.group().startswith("0"):
            continue  # a phone number after a word (用02-212-3456): no block number has 0
        start = _extend_left_cjk(text, match.start(), run, keep)
        right = right_pattern.match(text, match.end())
        yield Finding(start, right.end() if right else match.end(), "address")


# Postcodes: Japanese after the postal mark (``〒123-4567``, ``〒1234567``), and every
# language's after its label (Chinese six digits, Korean five).
_POSTCODE: Final = re.compile(
    r"〒 ?[0-9]{3} ?-? ?[0-9]{4}(?![0-9])"
    r"|(?:郵便番号|邮编|邮政编码|郵遞區號|우편번호|우편 번호)[\s:：は是는은]{0,3}"
    r"(?P<code>[0-9]{3}-?[0-9]{4}|[0-9]{5,6})(?![0-9])"
)
_POSTCODE_START: Final = "〒郵邮우"


def find_postcodes(view: View, locale: str) -> Iterator[Finding]:  # noqa: ARG001
    """Yield postcodes: after the postal mark, or the code after a postcode label."""
    text = view.digits
    for match in finditer_at(_POSTCODE, text, _positions(text, _POSTCODE_START)):
        start = match.start("code") if match["code"] else match.start()
        yield Finding(start, match.end(), "address")


def find_addresses(view: View, locale: str) -> Iterator[Finding]:
    """Yield street-level address spans, widened over the place names around them.

    Every language's street patterns run whatever the locale: a supporter writing in
    Japanese may well copy a Chinese address.
    """
    text = view.digits
    ja = finditer_at(_JA_ANCHOR, text, _ja_starts(text))
    ja_keep = _JA_PREFECTURE_IN_ZH if locale == "zh_Hans" else _JA_PREFECTURE
    yield from _cjk(view, ja, _JA_RIGHT, _JA_PLACE_RUN, ja_keep)
    zh = finditer_at(_ZH_ANCHOR, text, _zh_starts(text))
    yield from _cjk(view, zh, _ZH_RIGHT, _ZH_PLACE_RUN, _ZH_PROVINCE)
    yield from _korean(view)
    yield from find_postcodes(view, locale)
