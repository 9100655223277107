"""Japanese notes: places below prefecture level and the addresses they open (issue 11).

Each row is a sentence a relative or a volunteer might write in Japanese; the rules alone
(no NER layer) must remove what is listed and leave the rest as typed. The property tests
plant places from the gazetteers (North Korean, Chinese and Japanese towns, stations,
wards, the route through Southeast Asia) in many sentence frames.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.scrub import gazetteer_curated as curated
from bot.scrub import gazetteer_data as data
from bot.scrub import scrub
from bot.scrub.placenames import KEPT_NAMES, PLACE_NAMES

# (text, what must go, what must stay), one family of frames per block.
REMOVED: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    # Chinese places in Japanese kanji, which differ from the simplified list.
    ("哈爾浜の朝鮮族の教会にいるそうです。", ("哈爾浜",), ("朝鮮族",)),
    ("遼寧省の瀋陽で働いていました。", ("瀋陽",), ("遼寧省",)),
    ("牡丹江から綏芬河を抜けてロシアへ行くつもりです。", ("牡丹江", "綏芬河"), ("ロシア",)),
    ("煙台から船で行けると言われました。", ("煙台",), ("船で",)),
    ("西双版納まで来ています。", ("西双版納",), ("まで来て",)),
    ("圏河口岸の監視が厳しくなりました。", ("圏河口岸",), ("監視",)),
    ("黒竜江省の鶏西市にいます。", ("鶏西市",), ("黒竜江省",)),
    # North Korean towns and counties in kanji and katakana, with 郡 or 駅.
    ("茂山郡の出身です。", ("茂山郡",), ("出身",)),
    ("ハムフンから来た人です。", ("ハムフン",), ("来た人",)),
    ("沙坨子の対岸がセッピョルです。", ("沙坨子", "セッピョル"), ("対岸",)),
    ("延吉駅前で待っています。", ("延吉駅",), ("待って",)),
    # The route south and north in katakana, with or without the long-vowel mark.
    ("今はラオスのルアンナムターにいます。", ("ルアンナムター",), ("ラオス",)),
    ("ボーテンを越えてフアイサーイの宿にいます。", ("ボーテン", "フアイサーイ"), ("宿",)),
    ("チェンセーンから船でメーサイの方へ。", ("チェンセーン", "メーサイ"), ("船で",)),
    ("ウラジオストックへ抜ける道はもうありません。", ("ウラジオストック",), ("道は",)),
    ("ルアンナムタの近くです。", ("ルアンナムタ",), ("近く",)),
    ("ザミンウードで捕まる人が多い。", ("ザミンウード",), ("捕まる",)),
    # Japanese neighbourhoods, stations and the wards of designated cities.
    ("鶴橋で焼肉屋をしています。", ("鶴橋",), ("焼肉屋",)),
    ("大阪の生野に住んでいる在日3世です。", ("生野",), ("大阪", "3世")),
    ("新大久保の韓国料理屋で相談しました。", ("新大久保",), ("韓国料理屋",)),
    ("品川駅の改札で待ち合わせましょう。", ("品川駅",), ("改札",)),
    ("高槻駅まで迎えに行きます。", ("高槻駅",), ("迎え",)),
    ("パク・ミョンチョルさんは陽川区の教会に通っています。", ("陽川区",), ("教会",)),
    ("港北区に引っ越しました。", ("港北区",), ("引っ越し",)),
    # A county and the town or village in it, an island before its village.
    ("千葉県印旛郡本埜村に住んでいます。", ("印旛郡本埜村",), ("千葉県",)),
    ("三宅島三宅村の駅前で会いました。", ("三宅島三宅村",), ("駅前",)),
    # Border towns whose names are words, where the frame makes them the town.
    ("龍井のバスターミナルにいるって。", ("龍井",), ("バスターミナル",)),
    ("河口から国境を越えようとしています。", ("河口",), ("国境",)),
    ("三合の近くで夜中に川を渡ったそうです。", ("三合",), ("夜中",)),
    # Addresses: the lot after the town, a block in the town's name, a housing estate.
    ("京都市南区東九条南岩本町22←祖母の実家です。", ("京都市南区東九条南岩本町22",), ("祖母",)),
    ("新潟市中央区東堀通7番町1025に住んでいました。", ("新潟市中央区東堀通7番町1025",), ()),
    ("蘆原区上渓洞1095 住公9団地914棟1203号です。", ("住公9団地914棟1203号",), ("です",)),
    # The flat as a fourth part of a block number; the people's unit after a lot in
    # the North; 単元 and 階 after a Chinese street number.
    ("大阪市生野区桃谷2-3-14-201に送ってください。", ("桃谷2-3-14-201",), ("送って",)),
    ("会寧市五山徳洞5班に住んでいました。", ("五山徳洞5班",), ("住んで",)),
    ("丹東市元宝区興東路8号3単元502室です。", ("興東路8号3単元502室",), ("です",)),
    ("長春市人民大街12号3階にいます。", ("人民大街12号3階",), ("います",)),
    # Border words made places by their unit, a relative's house, a list of places,
    # a place called so, a crossing; a place's other spelling in brackets; a ward's town.
    ("金策市に住んでいました。", ("金策市",), ("住んで",)),
    ("龍井の実家に戻りました。", ("龍井",), ("実家",)),
    ("清津・金策・咸興のあたりです。", ("清津", "金策", "咸興"), ("あたり",)),
    ("平城というところにいました。", ("平城",), ("というところ",)),
    ("河口からハノイへ渡るつもりです。", ("河口", "ハノイ"), ("渡る",)),
    ("水原（スウォン）に住んでいます。", ("水原", "スウォン"), ("住んで",)),
    ("今は芒市にいます。", ("芒市",), ("今は",)),
    ("足立区西新井町のあたりです。", ("足立区西新井町",), ("あたり",)),
    # Birthdates with の after the year, and a year of two digits between dots.
    ("1958年の3月21日に生まれました。", ("1958年の3月21日",), ("生まれました",)),
    ("48.11.2生まれです。", ("48.11.2",), ("生まれ",)),
    # North Korean districts and workers' districts, and the unit after a city.
    ("兄は清津市の水南区域にいます。", ("水南区域",), ("兄は",)),
    ("茂山郡の上倉労働者区に住んでいた。", ("上倉労働者区",), ("住んでいた",)),
    ("会寧市遊仙洞の出身です。", ("遊仙洞",), ("の出身",)),
    ("水原市の八達区に住んでいます", ("八達区",), ("住んで",)),
    # Towns on the routes out the lists lacked.
    ("樺甸を経由して来ました。", ("樺甸",), ("経由",)),
    ("キャフタから国境を越えた", ("キャフタ",), ("国境",)),
    ("サパの近くで2泊した", ("サパ",), ("2泊",)),
    ("Suifenheに向かった", ("Suifenhe",), ("に向かった",)),
    # A Juche-era birthdate goes whole.
    ("生まれ：主体38年3月1日", ("主体38年3月1日",), ("生まれ",)),
]


@pytest.mark.parametrize(("text", "removed", "kept"), REMOVED)
def test_removes_the_place_and_keeps_the_rest(
    text: str, removed: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    result = scrub(text, "ja")
    for span in removed:
        assert span not in result.text
    for span in kept:
        assert span in result.text


# Sentences that must come back byte for byte: prefectures and provinces, the words a
# border town's name also is, generic stations and counties, counts after 町.
CLEAN = [
    "東京都と大阪府と遼寧省と黒竜江省の支援団体です。",
    "大家さんは朝鮮族で、金曜日に龍井茶をくれました。",
    "河口付近は流れが速いので危ない、とブローカーが言っていました。",
    "河口で魚を釣っていました。",
    "金策に困っています。",
    "高原の町で育ちました。",
    "三合のお米を炊きました。",
    "最寄り駅まで歩いて10分です。",
    "各駅停車で行きました。",
    "地下鉄駅の近くです。",
    "郡部の病院に入院しています。",
    "日照時間が短い土地です。",
    "隣町3つ先まで行きました。",
    "1町2反の田んぼがあります。",
    # Whereabouts, units and dates in the new frames that hold no place or birthdate.
    "金策市場で買い物をしました。",
    "平城京の時代の話です。",
    "市場の近くです。",
    "2023年の5月に会いました。",
    "バージョン3.2.1です。",
    "河口で船を渡しています。",
    "区役所で相談しました。",
    # Areas that are no district; the unit word alone after a city.
    "国境区域は警備が厳しいです。",
    "立入禁止区域に入ってしまった。",
    "この地区は危ないです。",
    "市の学区が変わりました。",
    # Dates of receipt, of an appointment or of a night.
    "受付日：2024年11月5日",
    "約束の日は2025年1月20日、朝9時です。",
    "2019年4月18日の夜に川を越えました。",
]


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        # A day of birth goes without its year too: with an age it gives the whole date.
        ("誕生日は3月8日ですが、年は分かりません。", "3月8日"),
        # A morning or a night does not make a birth an event.
        ("1948年5月23日の朝に生まれたそうです。", "1948年5月23日"),
    ],
)
def test_days_of_birth_go(text: str, gone: str) -> None:
    assert gone not in scrub(text, "ja").text


@pytest.mark.parametrize("text", CLEAN)
def test_ordinary_sentences_come_back_unchanged(text: str) -> None:
    assert scrub(text, "ja").text == text


# --- planted places ----------------------------------------------------------------
def _han(name: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in name)


def _katakana(name: str) -> bool:
    return all("\u30a1" <= ch <= "\u30fa" or ch == "ー" for ch in name)


_JA_KANJI = str.maketrans({pair[0]: pair[1] for pair in curated.JA_KANJI.split()})
# North Korean and Chinese towns of the curated list in Japanese kanji, Chinese cities
# and counties with their suffix in Japanese kanji, and the kana of the route.
_CURATED_KANJI = sorted(
    form
    for row in curated.PLACES
    for name in row
    if _han(name) and (form := name.translate(_JA_KANJI)) in PLACE_NAMES
)
_CN_JA = sorted(
    form
    for name in data.CN_PLACES
    if name.endswith(("市", "县")) and (form := name.translate(_JA_KANJI)) in PLACE_NAMES
)
_KANA = sorted(
    {name for name in curated.JA_KANA if name in PLACE_NAMES}
    | {name for row in curated.PLACES for name in row if _katakana(name)}
)
_JAPANESE = sorted(
    (set(curated.JA_NEIGHBOURHOODS) | set(curated.JA_WARDS)) - KEPT_NAMES - set(curated.JA_WORDS)
)
_FRAMES = (
    "{}に住んでいます。",
    "母は{}の出身です。",
    "{}駅の前で会いました。",
    "今は{}にいるそうです。",
    "昨日、{}から電話がありました。",
    "{}の近くで川を渡ったそうです。",
    "姉は{}で働いていました。",
)


@settings(max_examples=80, deadline=None)
@given(place=st.sampled_from(_CURATED_KANJI + _CN_JA), frame=st.sampled_from(_FRAMES))
def test_a_planted_chinese_or_north_korean_town_in_kanji_never_survives(
    place: str, frame: str
) -> None:
    assert place not in scrub(frame.format(place), "ja").text


@settings(max_examples=80, deadline=None)
@given(place=st.sampled_from(_KANA), frame=st.sampled_from(_FRAMES))
def test_a_planted_town_in_katakana_never_survives(place: str, frame: str) -> None:
    assert place not in scrub(frame.format(place), "ja").text


@settings(max_examples=80, deadline=None)
@given(place=st.sampled_from(_JAPANESE), frame=st.sampled_from(_FRAMES))
def test_a_planted_japanese_neighbourhood_or_ward_never_survives(place: str, frame: str) -> None:
    assert place not in scrub(frame.format(place), "ja").text


# A town whose name is also a Japanese word goes in a frame that makes it the town.
_CUED_FRAMES = (
    "母は{}の出身です。",
    "{}の近くで川を渡ったそうです。",
    "{}のバスターミナルにいます。",
)


@pytest.mark.parametrize("place", [*curated.JA_WORDS, "河口", "三合"])
@pytest.mark.parametrize("frame", _CUED_FRAMES)
def test_a_town_that_is_also_a_word_goes_in_a_frame_of_place(place: str, frame: str) -> None:
    assert place not in scrub(frame.format(place), "ja").text


def test_every_planted_family_has_places() -> None:
    """The samples above come from the data, not from a list typed for the test."""
    assert len(_CURATED_KANJI) > 100
    assert len(_CN_JA) > 1000
    assert len(_KANA) > 100
    assert len(_JAPANESE) > 100


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # The Chinese quarter of a city, and a border town before the relative who lives there.
        ("横浜の中華街の近くに支援者の事務所があります", "中華街", "の近くに支援者の事務所"),
        ("延吉の伯母が写真を持っています", "延吉", "の伯母が写真を持っています"),
        ("集安の叔父に聞きました", "集安", "の叔父に聞きました"),
    ],
)
def test_a_quarter_or_the_town_of_a_relative_goes(text: str, gone: str, kept: str) -> None:
    out = scrub(text, "ja").text
    assert gone not in out, (text, out)
    assert kept in out, (text, out)


@pytest.mark.parametrize(
    "text", ["中華料理が好きです", "母の伯母が来ました", "中華そばの店で働いています"]
)
def test_words_near_a_quarter_stay(text: str) -> None:
    assert scrub(text, "ja").text == text
