"""Structured kinds (issue 11): the families the natural corpus missed, in all three
languages, and the harmless text around them that must stay. Rules only."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.scrub import Scrubber

_RULES = Scrubber()

# (locale, sentence, [(secret, kind)], what must stay), one or more per family.
_CASES = [
    # Japanese residence cards and special permanent resident certificates: two letters,
    # eight digits, two letters, with or without spaces; never taken apart as a phone.
    (
        "ja",
        "在留カード番号 AB48201937CD　期限は2027年3月",
        [("AB48201937CD", "id_number")],
        ["2027年3月"],
    ),
    ("ja", "特別永住者証明書の番号はXY 12345678 ZQです", [("XY 12345678 ZQ", "id_number")], []),
    (
        "ko",
        "재류카드 번호 CD 87654321 EF 이고 2030년까지예요",
        [("CD 87654321 EF", "id_number")],
        ["2030년"],
    ),
    (
        "zh_Hans",
        "在留卡号码AB48291736CD，我在日本住了15年",
        [("AB48291736CD", "id_number")],
        ["15年"],
    ),
    # nicknames after a label: quoted, or bare up to the first particle or punctuation
    ("ko", "카페 닉네임이 '봄날의햇살' 이에요", [("봄날의햇살", "handle")], ["이에요"]),
    ("ko", "운영자 닉네임 하늘바라기", [("하늘바라기", "handle")], ["운영자"]),
    (
        "ko",
        "닉네임은 달빛소나타예요. 아직 활동해요",
        [("달빛소나타", "handle")],
        ["예요", "활동해요"],
    ),
    ("ko", "닉네임이 하늘바라기인데 요즘 글을 안 써요", [("하늘바라기", "handle")], ["인데"]),
    ("ko", "카페 닉네임은 곰돌이, 아직 활동해요", [("곰돌이", "handle")], ["아직 활동해요"]),
    (
        "ja",
        "掲示板のニックネーム「さくら姫」で投稿しています",
        [("さくら姫", "handle")],
        ["掲示板"],
    ),
    ("ja", "ニックネームはサクラヒメです", [("サクラヒメ", "handle")], ["です"]),
    ("ja", "ハンドルネーム：yuki_nk で書き込んでいました", [("yuki_nk", "handle")], ["書き込"]),
    ("zh_Hans", '她在论坛的昵称"小花猫"，发过很多帖子', [("小花猫", "handle")], ["论坛"]),
    ("zh_Hans", "网名叫北方的雪，经常发帖", [("北方的雪", "handle")], ["经常发帖"]),
    ("zh_Hans", "微博名长白山下的雪", [("长白山下的雪", "handle")], ["微博名"]),
    # coordinates after latitude and longitude labels, in either order (the label between
    # the numbers goes with them), and the N/E and degree forms
    (
        "ko",
        "위도 41.4035 경도 128.1789 / 산속",
        [("41.4035", "coordinates"), ("128.1789", "coordinates")],
        ["위도", "산속"],
    ),
    (
        "ja",
        "緯度は35.6895、経度は139.6917です",
        [("35.6895", "coordinates"), ("139.6917", "coordinates")],
        ["緯度", "です"],
    ),
    (
        "ja",
        "緯度 41度24分 経度 128度10分",
        [("41度24分", "coordinates"), ("128度10分", "coordinates")],
        [],
    ),
    (
        "zh_Hans",
        "经度128.1789，纬度41.4035，我就在那附近",
        [("128.1789", "coordinates"), ("41.4035", "coordinates")],
        ["附近"],
    ),
    (
        "ko",
        "lat: 41.40, lon: 128.17 이쪽이에요",
        [("41.40", "coordinates"), ("128.17", "coordinates")],
        ["이쪽"],
    ),
    ("ko", "위도/경도: 41.40, 128.17", [("41.40, 128.17", "coordinates")], ["위도/경도"]),
    ("ja", "N 41.4035 / E 128.1789 あたり", [("N 41.4035 / E 128.1789", "coordinates")], []),
    # the S of GPS is not a hemisphere: the pair after it is still labelled
    ("ja", "GPS 41.40, 128.17 でした", [("41.40, 128.17", "coordinates")], ["GPS"]),
    ("ko", "Lat/Long: 41.40, 128.17", [("41.40, 128.17", "coordinates")], ["Lat/Long"]),
    ("zh_Hans", "41.4035°N 128.1789°E附近", [("41.4035°N 128.1789°E", "coordinates")], ["附近"]),
]

# Sentences in which nothing may change: the labels without a value, app versions and
# platform names, numbers that merely resemble the shapes above.
_CLEAN = [
    ("ko", "닉네임이 뭐였는지 기억이 안 나요"),
    ("ko", "닉네임이 바뀌었어요. 예전 닉네임 바꿨어요"),
    ("ko", "버전 정보: 텔레그램 iOS 11.2.1, 아이폰 12 미니"),
    ("ko", "카톡 PC 버전이랑 안드로이드 버전이 달라요"),
    ("ko", "위도가 높은 곳이라 겨울에 41도 아래로 떨어져요"),
    ("ja", "ニックネームは覚えていません"),
    ("ja", "ニックネームを変えたそうです。LINE for Android 13.4.0 です"),
    ("ja", "緯度が高いので冬は寒いです"),
    ("zh_Hans", "网名是什么我忘了，昵称也改了好几次"),
    ("zh_Hans", "她的网名很好听"),
    ("zh_Hans", "微信 Windows 版 3.9.8 和 Telegram Desktop 4.8 都装了"),
    ("zh_Hans", "经纬度我也不知道，大概在北纬40度左右"),
]


def _assert_removed(
    locale: str, text: str, secrets: list[tuple[str, str]], kept: list[str]
) -> None:
    spans = _RULES.find(text, locale)
    for secret, kind in secrets:
        start = text.index(secret)
        covering = [s for s in spans if s[0] <= start and start + len(secret) <= s[1]]
        assert covering, (secret, spans)
        assert covering[0][2] == kind, (secret, covering)
    out = _RULES.scrub(text, locale).text
    for word in kept:
        assert word in out, (word, out)


@pytest.mark.parametrize(("locale", "text", "secrets", "kept"), _CASES)
def test_structured_families_are_removed_as_their_kind(
    locale: str, text: str, secrets: list[tuple[str, str]], kept: list[str]
) -> None:
    _assert_removed(locale, text, secrets, kept)


@pytest.mark.parametrize(("locale", "text"), _CLEAN)
def test_clean_sentences_near_the_structured_families_come_back_unchanged(
    locale: str, text: str
) -> None:
    assert _RULES.scrub(text, locale).text == text


# A residence card number in every language's sentence frames, with each spacing.
_RESIDENCE_FRAMES = {
    "ja": ["在留カード番号は{c}です", "特別永住者証明書 {c}（更新済み）"],
    "ko": ["재류카드 번호 {c} 입니다", "특별영주자증명서는 {c}예요"],
    "zh_Hans": ["在留卡号码{c}，", "特别永住者证明书：{c}"],
}
_LETTERS = st.text(alphabet="ABCDEFGHJKLMNPRSTUVWXYZ", min_size=2, max_size=2)


@given(
    locale=st.sampled_from(sorted(_RESIDENCE_FRAMES)),
    head=_LETTERS,
    digits=st.text(alphabet="0123456789", min_size=8, max_size=8),
    tail=_LETTERS,
    spaced=st.booleans(),
    frame=st.integers(0, 1),
)
def test_a_residence_card_number_never_survives(
    locale: str, head: str, digits: str, tail: str, spaced: bool, frame: int
) -> None:
    card = f"{head} {digits} {tail}" if spaced else f"{head}{digits}{tail}"
    text = _RESIDENCE_FRAMES[locale][frame].format(c=card)
    _assert_removed(locale, text, [(card, "id_number")], [])
