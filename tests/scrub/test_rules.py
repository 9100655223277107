"""Table tests of the rules layer: each row is what a supporter might type, and what must go."""

from __future__ import annotations

import pytest

from bot.scrub import KINDS, LOCALES, Scrubbed, kind_label, placeholder, scrub

# (locale, text, expected output)
CASES: list[tuple[str, str, str]] = [
    # phones, any notation
    ("ja", "電話は090-1234-5678です", "電話は［電話番号］です"),
    ("ja", "電話は０９０－１２３４－５６７８です", "電話は［電話番号］です"),
    ("ja", "電話は090ー1234ー5678です", "電話は［電話番号］です"),
    ("ja", "番号は〇九〇ー一二三四ー五六七八", "番号は［電話番号］"),
    ("ja", "090\u200b1234\u200b5678に電話", "［電話番号］に電話"),
    ("ja", "+81 (0)90-1234-5678", "［電話番号］"),
    ("ko", "010.1234.5678로 연락", "[전화번호]로 연락"),
    ("ko", "공일공 일이삼사 오육칠팔로 전화", "[전화번호]로 전화"),
    ("zh_Hans", "手机13812345678", "手机［电话号码］"),
    ("zh_Hans", "电话：+86 138 1234 5678。", "电话：［电话号码］。"),
    ("zh_Hans", "打幺三八幺二三四五六七八", "打［电话号码］"),
    ("zh_Hans", "越南号码 0912 345 678", "越南号码 ［电话号码］"),
    ("ja", "北朝鮮の番号は+850 192 123 4567", "北朝鮮の番号は［電話番号］"),
    # e-mail and URLs
    ("ja", "メール：taro.yamada@example.co.jp", "メール：［メールアドレス］"),
    ("ja", "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ", "［メールアドレス］"),
    ("ja", "taro アットマーク gmail ドット com", "［メールアドレス］"),
    ("ko", "kim골뱅이naver.com으로", "[이메일 주소]으로"),
    ("zh_Hans", "邮箱 wang(at)qq.com", "邮箱 ［电子邮箱］"),
    ("zh_Hans", "wang★163.com", "［电子邮箱］"),
    ("ja", "詳しくは https://example.com/a?b=1 を", "詳しくは ［URL］ を"),
    ("ko", "t.me/helper_bot 로", "[URL] 로"),
    ("zh_Hans", "网站www.example.cn上", "网站［网址］上"),
    # handles and messenger IDs
    ("ja", "テレグラムは@tanaka_99です", "テレグラムは［アカウント名］です"),
    ("ja", "LINEのIDは tanaka123 です", "LINEのIDは ［メッセンジャーID］ です"),
    ("ko", "카톡 아이디는 kim_1234 입니다", "카톡 아이디는 [메신저 ID] 입니다"),
    ("zh_Hans", "加我微信wxid_abc123", "加我微信［聊天账号］"),
    ("zh_Hans", "QQ号码：123456789", "QQ号码：［聊天账号］"),
    ("zh_Hans", "VX: wang_fang88", "VX: ［聊天账号］"),
    # identity documents and cards
    ("zh_Hans", "身份证号11010519491231002X", "身份证号［证件号码］"),
    ("ko", "주민번호 850302-1234567", "주민번호 [신분증 번호]"),
    ("ko", "주민번호 850302-1******", "주민번호 [신분증 번호]"),
    ("ja", "マイナンバーは123456789018です", "マイナンバーは［身分証番号］です"),
    ("ja", "旅券番号：TK1234567", "旅券番号：［旅券番号］"),
    ("ko", "여권번호 M12345678", "여권번호 [여권 번호]"),
    ("zh_Hans", "护照号码是E12345678", "护照号码是［护照号码］"),
    ("ja", "カード 4111 1111 1111 1111", "カード ［カード番号］"),
    # coordinates, addresses, birthdates
    ("ja", "位置は41.12345, 129.54321", "位置は［位置情報］"),
    ("zh_Hans", "北纬42.9度，东经129.5度", "［位置坐标］"),
    ("ja", "住所は東京都港区芝公園4丁目2番8号です", "住所は東京都［住所］です"),
    ("zh_Hans", "住在吉林省延吉市光明街123号", "住在吉林省［地址］"),
    ("ko", "서울특별시 강남구 테헤란로 123에 있어요", "서울특별시 [주소]에 있어요"),
    ("ja", "生年月日：1985年3月2日", "生年月日：［生年月日］"),
    ("ko", "생일은 3월 2일", "생일은 [생년월일]"),
    ("zh_Hans", "出生日期 1985-03-02", "出生日期 ［出生日期］"),
    # places below province level (issue 11); provinces and countries stay
    ("zh_Hans", "她在吉林省延吉市。", "她在吉林省［地名］。"),
    ("ja", "延吉市にいます", "［地名］にいます"),
    ("ja", "丹東の駅前で会いました", "［地名］の駅前で会いました"),
    ("ko", "선양 서탑 근처에 있어요", "[지명] 근처에 있어요"),
    ("ko", "함경북도 회령에서 왔어요", "함경북도 [지명]에서 왔어요"),
    ("ja", "Hyesan border post", "［地名］ border post"),
    ("ja", "東京都港区に住んでいます", "東京都［地名］に住んでいます"),
    ("ja", "長生郡白子町と横浜市港北区", "［地名］と［地名］"),
    ("ko", "천안시 동남구에 살아요", "[지명]에 살아요"),
    ("zh_Hans", "我们在图们口岸见面", "我们在［地名］见面"),
    ("zh_Hans", "住在集安市", "住在［地名］"),
    # postcodes and the parts of an address beside its street part
    ("ja", "〒123-4567", "［住所］"),
    ("ja", "〒1234567 東京都 新宿区 西新宿 2丁目8-1", "［住所］ 東京都 ［住所］"),
    ("zh_Hans", "邮编：133000", "邮编：［地址］"),
    ("ko", "래미안아파트 101동 1203호에 살아요", "[주소]에 살아요"),
    ("ko", "1203호에 살아요", "[주소]에 살아요"),
    # names
    ("ja", "佐藤美咲です。", "［氏名］です。"),
    ("ja", "名前：山田 太郎", "名前：［氏名］"),
    ("ja", "田中さんに会いました", "［氏名］さんに会いました"),
    ("ja", "私は鈴木と申します", "私は［氏名］と申します"),
    ("ko", "저는 김민준입니다", "저는 [이름]입니다"),
    ("ko", "박서연 씨가 도와줬어요", "[이름] 씨가 도와줬어요"),
    ("ko", "제 이름은 이지은이에요", "제 이름은 [이름]이에요"),
    ("zh_Hans", "我叫王芳", "我叫［姓名］"),
    ("zh_Hans", "我是李娜，", "我是［姓名］，"),
    ("zh_Hans", "我见了张伟先生", "我见了［姓名］先生"),
    # issue 11, second round: IDs before the app's name, app nicknames, CJK handles
    ("ko", "abc123가 카톡 아이디예요", "[메신저 ID]가 카톡 아이디예요"),
    ("ko", "abc123 (카톡) 으로 연락 주세요", "[메신저 ID] (카톡) 으로 연락 주세요"),
    ("ko", "kim_99이 제 카톡 아이디예요", "[메신저 ID]이 제 카톡 아이디예요"),
    ("zh_Hans", "wang_88是我的微信号", "［聊天账号］是我的微信号"),
    ("zh_Hans", "有事找wang_88（微信）", "有事找［聊天账号］（微信）"),
    ("ja", "tanaka99がLINEのIDです", "［メッセンジャーID］がLINEのIDです"),
    ("zh_Hans", "飞机号 wang_tg88", "飞机号 ［聊天账号］"),
    ("zh_Hans", "小飞机：wang_tg88", "小飞机：［聊天账号］"),
    ("zh_Hans", "V信 wang8888，wx wang9999", "V信 ［聊天账号］，wx ［聊天账号］"),
    ("zh_Hans", "微博@小明爱吃鱼，可以私信", "微博［账号名］，可以私信"),
    ("ko", "인스타 @김철수사랑 으로", "인스타 [계정 이름] 으로"),
    # passports with a space after the letter, six-digit dates after a birth label
    ("ko", "여권번호 M 123A4567 입니다", "여권번호 [여권 번호] 입니다"),
    ("zh_Hans", "护照 M 123A4567。", "护照 ［护照号码］。"),
    ("ko", "생년월일: 480523", "생년월일: [생년월일]"),
    ("ja", "生年月日は480523です", "生年月日は［生年月日］です"),
]

# Sentences full of numbers and words that look like identifiers to a naive rule.
CLEAN: list[tuple[str, str]] = [
    ("ja", "2019-2020年に中国に住んでいました。"),
    ("ja", "仲介者は3,000,000円を要求しています。"),
    ("ja", "祖母は84歳で、孫は3人います。"),
    ("ja", "お母さんと先生に相談しました。"),
    ("ja", "2023年5月に逮捕されたと聞きました。"),
    ("ja", "14:30に電話があり、成功率は25.5%です。"),
    ("ko", "브로커가 300만원을 요구합니다."),
    ("ko", "할머니는 1959년에 북한으로 갔어요."),
    ("ko", "선생님과 어머니께 말씀드렸어요. 오늘 날씨가 좋아요."),
    ("ko", "2020~2022년 사이에 3번 연락했습니다."),
    ("zh_Hans", "中介要300,000元。"),
    ("zh_Hans", "她在吉林省，已经三年了，2021年3月离开。"),
    ("zh_Hans", "我先生和老师都知道，第3步完成了80%。"),
    ("zh_Hans", "价格是¥12000000，共5人。"),
    # numbers that stay (issue 11): money ranges, times after an ID, versions, year-months
    ("zh_Hans", "中介要1500000-3000000元。"),
    ("ko", "1,000,000-5,000,000원을 요구했어요."),
    ("ko", "1500000~3000000원을 요구했어요."),
    # with spaces around the dash, the second amount alone reads as a service number
    ("ko", "브로커가 9000000 - 18000000元을 달라고 했어요."),
    ("ja", "150万～300万円を要求されました。"),
    ("ja", "Telegram 11.9.2を使っています。"),
    ("ko", "텔레그램 11.9.2 버전이에요."),
    ("zh_Hans", "微信 8.0.49 版本。"),
    ("ja", "2015/08～2023/09に中国にいました。"),
    ("ja", "3時間20分かかりました。"),
    ("ko", "1호선을 타고 2시간 걸렸어요."),
    # words that contain a place name, and places that are common words
    ("ko", "청진기를 샀어요. 서구 문화가 좋아요."),
    ("ja", "関西区域の市場に行きました。"),
    ("zh_Hans", "收集安全信息很重要。"),
    ("ko", "계획이 무산됐어요. 집안에 있어요."),
    ("zh_Hans", "她在吉林省，中国。"),
    ("ja", "東京都と吉林省と함경북도。"),
    # an app's name after a word, a version or a flight, an @ before a price
    ("ko", "hello 카톡 아이디가 없어요."),
    ("ko", "Telegram 11.9.2 (텔레그램)을 써요."),
    ("zh_Hans", "坐飞机去首尔，2019年。"),
    ("ko", "생년월일은 1948년이에요. 480명이 있었어요."),
]


@pytest.mark.parametrize(("locale", "text", "expected"), CASES)
def test_removes_what_it_should(locale: str, text: str, expected: str) -> None:
    assert scrub(text, locale).text == expected


@pytest.mark.parametrize(("locale", "text"), CLEAN)
def test_clean_sentences_come_back_unchanged(locale: str, text: str) -> None:
    assert scrub(text, locale) == Scrubbed(text, ())


def test_kinds_are_unique_and_in_canonical_order() -> None:
    result = scrub("090-1234-5678、佐藤さん、090-9876-5432、a@example.com", "ja")
    assert result.kinds == ("name", "phone", "email")


@pytest.mark.parametrize(
    ("locale", "text", "kept"),
    [
        ("ja", "パスポートはTK1234567（10:20に聞いた）", "（10:20に聞いた）"),
        (
            "ja",
            "ラインID：2385144799（1500000-3000000円に聞いた）",
            "（1500000-3000000円に聞いた）",
        ),
        ("ko", "주민등록번호 750616-2881738 2021.06~2022.05에 받았어요.", " 2021.06~2022.05에"),
        ("ja", "カード番号 6552 8776 4561 0940（7月27日に聞いた）", "（7月27日に聞いた）"),
        ("ko", "t.me/helper (50000~100000원에 들었어요)", " (50000~100000원에 들었어요)"),
    ],
)
def test_a_number_beside_an_identifier_is_removed_only_as_what_it_is(
    locale: str, text: str, kept: str
) -> None:
    result = scrub(text, locale)
    assert kept in result.text
    assert result.kinds


def test_zh_is_accepted_for_zh_hans() -> None:
    assert scrub("手机13812345678", "zh") == scrub("手机13812345678", "zh_Hans")


def test_unknown_locale_is_rejected() -> None:
    with pytest.raises(ValueError, match="unsupported locale"):
        scrub("x", "fr")


def test_every_kind_has_a_label_and_placeholder_in_every_locale() -> None:
    for locale in LOCALES:
        labels = {kind_label(kind, locale) for kind in KINDS}
        assert len(labels) == len(KINDS)
        for kind in KINDS:
            assert kind_label(kind, locale) in placeholder(kind, locale)
    assert kind_label("phone", "ja") == "電話番号"
    assert kind_label("phone", "ko") == "전화번호"
    assert kind_label("phone", "zh") == "电话号码"


def test_unknown_kind_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        kind_label("shoe_size", "ja")


def test_only_found_spans_change_and_original_characters_elsewhere_stay() -> None:
    text = "ＡＢＣ　電話は０９０－１２３４－５６７８です　①"
    assert scrub(text, "ja").text == "ＡＢＣ　電話は［電話番号］です　①"


def test_empty_text() -> None:
    assert scrub("", "ko") == Scrubbed("", ())
