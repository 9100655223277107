"""Structured kinds (issue 11): the families the natural corpus missed, in all three
languages, and the harmless text around them that must stay. Rules only."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from bot.scrub import Scrubber, scrub

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
    # messenger IDs a few words after the app, the sentence between them (round 4)
    ("ko", "일본 이모는 라인만 해요 hana.k0312", [("hana.k0312", "messenger_id")], ["일본 이모"]),
    (
        "ko",
        "카톡 아이디 알려드릴게요 songhee77 3시 이후에 연락 주세요",
        [("songhee77", "messenger_id")],
        ["3시"],
    ),
    ("zh_Hans", "加个微信吧 lihua_0312，晚上8点以后", [("lihua_0312", "messenger_id")], ["8点"]),
    ("zh_Hans", "微信搜索wang88添加就行", [("wang88", "messenger_id")], ["添加就行"]),
    ("ja", "LINE交換しましょう yuki_77 です", [("yuki_77", "messenger_id")], ["です"]),
    ("ko", "카톡 ID 적어드릴게요. minsu0412", [("minsu0412", "messenger_id")], ["적어드릴게요"]),
    # a second ID, listed or changed to
    (
        "ko",
        "카톡 아이디 mom0412 → 바꿨어요 mom_0412_new 로",
        [("mom0412", "messenger_id"), ("mom_0412_new", "messenger_id")],
        ["바꿨어요"],
    ),
    (
        "ko",
        "위챗 아이디 lee8899 또는 lee_8899 둘 다 돼요",
        [("lee8899", "messenger_id"), ("lee_8899", "messenger_id")],
        ["둘 다"],
    ),
    (
        "zh_Hans",
        "微信号是zhang123，后来改成zhang_456了",
        [("zhang123", "messenger_id"), ("zhang_456", "messenger_id")],
        ["后来改成"],
    ),
    # an ID before the app's name alone, tied by "my" or by a verb of adding
    ("ko", "abc123이 제 위챗이에요", [("abc123", "messenger_id")], ["위챗이에요"]),
    ("ko", "jiwoo_92 으로 카톡 추가해주세요", [("jiwoo_92", "messenger_id")], ["추가해주세요"]),
    ("zh_Hans", "chen1990是我的微信，加一下", [("chen1990", "messenger_id")], ["加一下"]),
    # ... or by "this is" and the app's 的 closing the clause (the app's account)
    (
        "zh_Hans",
        "sunok7788这个是kakao的，两个都在用",
        [("sunok7788", "messenger_id")],
        ["这个是kakao的，两个都在用"],
    ),
    # the apps' nicknames and other spellings
    ("ko", "위쳇 kim1234 으로 연락해요", [("kim1234", "messenger_id")], ["연락해요"]),
    ("ko", "웨이신 아이디는 park_77", [("park_77", "messenger_id")], ["웨이신"]),
    ("ko", "텔레 아이디 kim_ok99 예요", [("kim_ok99", "messenger_id")], ["예요"]),
    ("ko", "텔레그램 아뒤 freedom_nk", [("freedom_nk", "messenger_id")], []),
    ("ko", "텔레그램 사용자명 freedomnk", [("freedomnk", "messenger_id")], []),
    ("ko", "페북 kim.minsu.77 로 메시지 주세요", [("kim.minsu.77", "messenger_id")], ["메시지"]),
    ("ja", "ウィーチャット abc123 で連絡しています", [("abc123", "messenger_id")], ["連絡"]),
    ("zh_Hans", "卫星：abc123", [("abc123", "messenger_id")], []),
    ("zh_Hans", "加我卫星abc_123", [("abc_123", "messenger_id")], []),
    ("zh_Hans", "绿泡泡 wang_88", [("wang_88", "messenger_id")], []),
    ("zh_Hans", "加V abc123 备注家人", [("abc123", "messenger_id")], ["备注家人"]),
    ("zh_Hans", "V：abc123", [("abc123", "messenger_id")], []),
    ("zh_Hans", "TG号abc_de，微信《abc123》", [("abc_de", "messenger_id")], []),
    ("zh_Hans", "微信《abc123》", [("abc123", "messenger_id")], []),
    ("zh_Hans", "飞机 abc_de 上联系", [("abc_de", "messenger_id")], ["上联系"]),
    # passports copied in groups after a label; a number split once or twice
    ("ko", "여권번호: M1234 5678 이에요", [("M1234 5678", "passport")], ["이에요"]),
    ("ko", "여권 번호 M-1234-5678", [("M-1234-5678", "passport")], []),
    ("ko", "북한 여권 번호 836 123 456", [("836 123 456", "passport")], ["북한"]),
    ("zh_Hans", "护照号码：E 1234 5678", [("E 1234 5678", "passport")], []),
    ("zh_Hans", "护照号码为E1234-5678，下个月过期", [("E1234-5678", "passport")], ["下个月"]),
    ("ja", "旅券番号 TK 123 4567 です", [("TK 123 4567", "passport")], ["です"]),
    ("ja", "旅券番号TK-1234567です", [("TK-1234567", "passport")], ["です"]),
    ("ko", "여권번호 M-12345678 이에요", [("M-12345678", "passport")], ["이에요"]),
    # part of a passport number: what someone remembers is still the number
    ("ko", "여권번호 끝자리 5678 만 기억나요", [("5678", "passport")], ["기억나요"]),
    ("ko", "여권 번호 앞자리 M1234 까지만 알아요", [("M1234", "passport")], ["알아요"]),
    ("zh_Hans", "护照号码后四位5678", [("5678", "passport")], []),
    ("zh_Hans", "护照尾号是4321", [("4321", "passport")], []),
    ("ja", "旅券番号の下4桁は5678です", [("5678", "passport")], ["です"]),
    # the travel documents issued in place of a passport
    ("ko", "여행증명서 번호 836123456", [("836123456", "passport")], []),
    # The North's spelling of 여권, and a hyphen after the Korean shape's letter.
    ("ko", "조선 려권 번호 PS123456, 유효 2030년까지", [("PS123456", "passport")], ["2030년"]),
    ("ko", "려권번호 836123456", [("836123456", "passport")], []),
    ("ko", "여권 번호 M-123A4567 (10:20에 확인)", [("M-123A4567", "passport")], ["10:20"]),
    ("zh_Hans", "旅行证号码 836123456", [("836123456", "passport")], []),
    # a passport number after a short phrase, or before the word and tied to it
    ("ko", "북한 여권인데 번호가 1234567 이래요", [("1234567", "passport")], ["이래요"]),
    ("ko", "여권상 번호 7654321 이에요", [("7654321", "passport")], ["이에요"]),
    ("zh_Hans", "护照上写的是 1234567，我抄下来了", [("1234567", "passport")], ["抄下来"]),
    ("zh_Hans", "朝鲜护照 第1234567号", [("1234567", "passport")], ["朝鲜护照"]),
    ("zh_Hans", "护照编号：7654321", [("7654321", "passport")], []),
    ("ko", "1234567 이게 여권번호예요", [("1234567", "passport")], ["여권번호예요"]),
    ("zh_Hans", "e12345678是她的护照号", [("e12345678", "passport")], ["护照号"]),
    # grouped numbers in brackets, after a phrase, before the word; the issuing country
    ("ko", "여권(M1234 5678) 잃어버렸어요", [("M1234 5678", "passport")], ["잃어버렸어요"]),
    ("ko", "M1234 5678이 여권번호예요", [("M1234 5678", "passport")], ["여권번호예요"]),
    ("ko", "여권번호는요 E 1234 5678", [("E 1234 5678", "passport")], []),
    ("ko", "7654321 (여권)", [("7654321", "passport")], ["(여권)"]),
    ("ko", "7654321이 북한 여권이에요", [("7654321", "passport")], ["북한 여권"]),
    ("zh_Hans", "7654321是朝鲜护照", [("7654321", "passport")], ["朝鲜护照"]),
    ("ja", "7654321（旅券番号）", [("7654321", "passport")], ["（旅券番号）"]),
    # North Korea's citizen card, and a part of a resident number after its label
    ("ko", "공민증 번호 1234567 이었어요", [("1234567", "id_number")], ["이었어요"]),
    ("zh_Hans", "公民证号码 7654321", [("7654321", "id_number")], []),
    ("ko", "주민번호 앞자리 780512 이고 뒤는 몰라요", [("780512", "id_number")], ["뒤는"]),
    ("zh_Hans", "身份证后四位 1234", [("1234", "id_number")], []),
    # "this is" before the app, brackets of every width, the apps' nicknames before it
    ("ko", "minsu_88 이게 제 카톡 아이디예요", [("minsu_88", "messenger_id")], ["아이디예요"]),
    ("ko", "hope2020 (텔레)", [("hope2020", "messenger_id")], ["(텔레)"]),
    ("zh_Hans", "lihua0312（微信号）", [("lihua0312", "messenger_id")], ["（微信号）"]),
    ("zh_Hans", "lihua0312【VX】", [("lihua0312", "messenger_id")], ["【VX】"]),
    ("zh_Hans", "lihua_88是我的V信", [("lihua_88", "messenger_id")], ["我的V信"]),
    # WeChat's own IDs anywhere; an ID right after VX; QQ and video apps before a phrase
    ("ko", "wxid_a1b2c3d4 이게 제 위챗이에요", [("wxid_a1b2c3d4", "messenger_id")], []),
    ("zh_Hans", "她VXlihua0312，你加一下", [("lihua0312", "messenger_id")], ["你加一下"]),
    ("zh_Hans", "有事QQ联系 lihua_88", [("lihua_88", "messenger_id")], ["有事"]),
    ("zh_Hans", "抖音号发你了 lihua0312", [("lihua0312", "messenger_id")], ["发你了"]),
    # a word of letters alone is an ID when a word for "ID" stands between
    (
        "ko",
        "카톡 아이디 알려드릴게요 kimsunhee",
        [("kimsunhee", "messenger_id")],
        ["알려드릴게요"],
    ),
    ("ja", "LINEのIDは教えます、yukiko です", [("yukiko", "messenger_id")], ["教えます"]),
    ("ko", "카톡 아이디 알려드릴게요 KIM1234", [("KIM1234", "messenger_id")], []),
    ("zh_Hans", "微信账号发你了 88lihua", [("88lihua", "messenger_id")], ["发你了"]),
    # a QQ number (all digits) a few words after the app's name
    ("zh_Hans", "他的QQ号我记得是 1234567，你试试", [("1234567", "messenger_id")], ["你试试"]),
    ("ko", "큐큐 번호 알려드려요 7654321", [("7654321", "messenger_id")], ["알려드려요"]),
]

# Sentences in which nothing may change: the labels without a value, app versions and
# platform names, numbers that merely resemble the shapes above.
_CLEAN = [
    ("zh_Hans", "我用的是微信的，你呢？这个是微信的。"),
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
    # near the round-4 families: versions, flights, models, files, money, times, counts
    ("ko", "카톡 10.4.3 버전에서 안 돼요"),
    ("ko", "카톡 업데이트 ver.10.4.3 하니까 됨"),
    ("ja", "LINE ver13.2.0 で不具合が出ます"),
    ("zh_Hans", "微信 8.0.49 版本，转了5000元"),
    ("ko", "카톡으로 보냈어요. Galaxy S23 으로 찍은 사진"),
    ("ko", "위챗으로 얘기했어요. KE123편으로 갑니다"),
    ("ko", "카톡 못 써요. iPhone13이 고장나서"),
    ("zh_Hans", "微信联系的，航班号MU5035，下午3点到"),
    ("zh_Hans", "微信聊过，他用的是iPhone15"),
    ("zh_Hans", "微信说 covid19 检测阴性"),
    ("ko", "카톡으로 보낸 파일 이름이 scan_001.pdf 예요"),
    ("ko", "카톡 친구 200명, 위챗 페이로 5000위안 보냈어요"),
    ("ko", "카톡으로 2시에 연락해요. 2019-2021년에는 라인을 썼어요"),
    ("zh_Hans", "卫星电话没信号，坐飞机去了"),
    ("zh_Hans", "QQ群有300人，他发了3条微信"),
    ("ko", "여권 2019-2021년, 발급비 30만원, 사진 2매"),
    ("ko", "여권은 2015 2025 사이에 썼어요"),
    ("ko", "여권 뒷자리 3개만 기억나요"),
    ("zh_Hans", "护照办了3个月，费用1200元，有效期10年"),
    ("ja", "パスポートの申請に1万円、2冊目です。JL123便で行きます"),
    ("ko", "여권 발급비 150000원, 작년에 여권 만든 건 1500000명"),
    ("ko", "150000원이 여권 비용이에요"),
    ("ko", "주민번호 앞자리만 알아요. 공장에서 123456개 만들었어요"),
    ("zh_Hans", "护照 2023年 办的，公民证丢了 3年了，身份证办了 20天"),
    ("zh_Hans", "护照费用￥1200000"),
    ("zh_Hans", "QQ群有300人，QQ群 12345人，QQ音乐花了 120000元，QQ上聊了 2019年"),
    ("zh_Hans", "QQ音乐 vip3 会员"),
    ("ko", "여권 발급 대기 120 150 명, 여권 만든 게 2019 12 이었어요"),
    ("zh_Hans", "护照有效期 2020 2030"),
    ("ja", "パスポート 2019-2029 有効"),
    ("ko", "카톡 아이디 없어요 sorry"),
    # The apps' payment services are no accounts, whatever closes them.
    ("ja", "WeChat Payで払った、LINE Payで5000円送った"),
    ("ko", "카톡 Pay로 30만원 보냈어요"),
    ("zh_Hans", "微信 Wallet里有3000元"),
    ("ko", "카톡만 해요 thanks"),
    ("ko", "카톡으로 연락 주세요 3pm, 카톡 아이디 알려줄게 2019년에 만든 거"),
    ("ko", "카톡 아이디는 알려드릴게요 10분 뒤에"),
    ("ja", "LINEのIDです; without a digit it stays prose"),
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


# A passport number after its label in every language, unbroken or in two or three
# groups as it is copied from the printed page (M1234 5678, E 123 45678).
_PASSPORT_FRAMES = {
    "ja": ["旅券番号：{p}です", "パスポート番号は{p}"],
    "ko": ["여권번호 {p} 입니다", "여권 번호는 {p}이에요"],
    "zh_Hans": ["护照号码：{p}，", "护照号{p}"],
}


@given(
    locale=st.sampled_from(sorted(_PASSPORT_FRAMES)),
    letters=st.text(alphabet="EGMPSK", min_size=0, max_size=2),
    digits=st.text(alphabet="0123456789", min_size=7, max_size=9),
    cuts=st.lists(st.integers(3, 5), min_size=0, max_size=2),
    separator=st.sampled_from([" ", "-"]),
    after_letters=st.sampled_from(["", " ", "-"]),
    frame=st.integers(0, 1),
)
def test_a_labelled_passport_number_never_survives(
    locale: str,
    letters: str,
    digits: str,
    cuts: list[int],
    separator: str,
    after_letters: str,
    frame: int,
) -> None:
    groups, rest = [], digits
    for cut in cuts:
        if len(rest) - cut >= 2:
            groups.append(rest[:cut])
            rest = rest[cut:]
    # Groups that are all years are the dates of issue and expiry (여권 2015 2025), kept
    # on purpose; test_clean_sentences_near_the_structured_families_come_back_unchanged.
    assume(letters or not all(re.fullmatch(r"(?:19|20)[0-9]{2}", g) for g in [*groups, rest]))
    number = letters + (after_letters if letters else "") + separator.join([*groups, rest])
    text = _PASSPORT_FRAMES[locale][frame].format(p=number)
    spans = _RULES.find(text, locale)
    start = text.index(number)
    assert any(s <= start and start + len(number) <= e for s, e, _ in spans), (text, spans)


@pytest.mark.parametrize(
    ("locale", "text", "expected"),
    [
        # A record's date, an event's night or hour: no birthdate.
        ("ko", "[상담 기록 2026-11-28]", "[상담 기록 2026-11-28]"),
        ("ko", "2019년 11월 3일 밤에 강을 건넜어요", "2019년 11월 3일 밤에 강을 건넜어요"),
        ("zh_Hans", "日期：2024年3月8日", "日期：2024年3月8日"),
        ("zh_Hans", "时间：2024-01-19 21:47", "时间：2024-01-19 21:47"),
        # A birth said right after, or its own label before: a birthdate still.
        ("ko", "1948년 5월 23일 새벽에 태어났어요", "[생년월일] 새벽에 태어났어요"),
        ("zh_Hans", "出生日期：1948年5月23日", "出生日期：［出生日期］"),
        ("zh_Hans", "1948年5月23日早上出生", "［出生日期］早上出生"),
    ],
)
def test_an_event_date_stays_and_a_birth_goes(locale: str, text: str, expected: str) -> None:
    assert scrub(text, locale).text == expected
