"""Names as subjects and objects of ordinary sentences, found by the words around them.

Each row is what a frightened relative or a volunteer might write; the rules alone (no
NER layer) must remove the name and leave every other character as typed.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.scrub import Scrubbed, scrub

# (locale, text, expected output)
NAMED: list[tuple[str, str, str]] = [
    # Japanese: a kinship word and の, a particle after a full name, a Korean name in
    # katakana, an age in brackets, a given name alone after a kinship word.
    ("ja", "姉の佐藤美咲が中国で捕まりました。", "姉の［氏名］が中国で捕まりました。"),
    ("ja", "佐藤美咲は元気です。", "［氏名］は元気です。"),
    ("ja", "それで高橋健太を探しています。", "それで［氏名］を探しています。"),
    ("ja", "妹の美咲が病気です。", "妹の［氏名］が病気です。"),
    ("ja", "祖母の田中は88歳です。", "祖母の［氏名］は88歳です。"),
    ("ja", "叔父のキム・チョルスが連絡をくれました。", "叔父の［氏名］が連絡をくれました。"),
    ("ja", "イ・ヨンヒと連絡が取れません。", "［氏名］と連絡が取れません。"),
    ("ja", "祖母 佐藤花子（84歳）は元気です。", "祖母 ［氏名］（84歳）は元気です。"),
    ("ja", "金正男が助けてくれた。", "［氏名］が助けてくれた。"),
    # Korean: a full name before a particle, after a kinship word, a given name alone
    # after one, an age in brackets.
    ("ko", "김철수가 아파요.", "[이름]가 아파요."),
    ("ko", "어제 박지영을 만났어요.", "어제 [이름]을 만났어요."),
    ("ko", "김철수 씨를 만났어요.", "[이름] 씨를 만났어요."),
    ("ko", "동생 영희가 아파요.", "동생 [이름]가 아파요."),
    ("ko", "우리 언니 김순자는 중국에 있어요.", "우리 언니 [이름]는 중국에 있어요."),
    ("ko", "할머니 이옥순(84세)이 아프세요.", "할머니 [이름](84세)이 아프세요."),
    ("ko", "남궁민수와 연락이 안 돼요.", "[이름]와 연락이 안 돼요."),
    ("ko", "김영민이가 왔어요.", "[이름]이가 왔어요."),
    # Chinese: after a kinship word, after a verb that takes a person, before an age.
    ("zh_Hans", "我妹妹王丽华在吉林。", "我妹妹［姓名］在吉林。"),
    ("zh_Hans", "王芳（73岁）身体不好。", "［姓名］（73岁）身体不好。"),
    ("zh_Hans", "我们和李娜联系不上了。", "我们和［姓名］联系不上了。"),
    ("zh_Hans", "请帮我找刘建国。", "请帮我找［姓名］。"),
    ("zh_Hans", "她的丈夫张伟被抓了。", "她的丈夫［姓名］被抓了。"),
    ("zh_Hans", "奶奶欧阳秀英今年八十岁。", "奶奶［姓名］今年八十岁。"),
]

# Kinship and role words, and ordinary words in the same frames: nothing to remove.
KEPT: list[tuple[str, str]] = [
    ("ja", "お母さんが心配しています。"),
    ("ja", "母の料理が好きでした。"),
    ("ja", "関係者が来ました。"),
    ("ja", "姉の子供が二人います。"),
    ("ja", "娘の様子がおかしいです。"),
    ("ja", "高校生が三人います。"),
    ("ja", "金曜日に電話します。"),
    ("ja", "田中町の駅前で待ちました。"),
    ("ko", "이름이 있어요."),
    ("ko", "이름이 기억나지 않아요."),
    ("ko", "선생님이 말했어요."),
    ("ko", "이야기가 길어요."),
    ("ko", "딸 아이가 아파요."),
    ("ko", "동생 가족이 걱정돼요."),
    ("ko", "공무원이 왔어요."),
    ("ko", "한국어를 조금 해요."),
    ("ko", "유학생이 도와줬어요."),
    ("zh_Hans", "我先生和老师都知道。"),
    ("zh_Hans", "我们和中介联系不上了。"),
    ("zh_Hans", "妈妈马上就到。"),
    ("zh_Hans", "被边防抓了。"),
    ("zh_Hans", "联系方式不方便说。"),
    ("zh_Hans", "孩子（3岁）生病了。"),
]


@pytest.mark.parametrize(("locale", "text", "expected"), NAMED)
def test_a_name_pointed_at_by_the_words_around_it_goes(
    locale: str, text: str, expected: str
) -> None:
    result = scrub(text, locale)
    assert result.text == expected
    assert result.kinds == ("name",)


@pytest.mark.parametrize(("locale", "text"), KEPT)
def test_kinship_role_and_ordinary_words_stay(locale: str, text: str) -> None:
    assert scrub(text, locale) == Scrubbed(text, ())


# Common names (family name + given name) of each language, and sentence frames in
# which a kinship word, a particle or a verb points at the name.
_NAMES = {
    "ja": ["佐藤美咲", "鈴木花子", "高橋健太", "田中一郎", "渡辺直美", "山本和子", "中村優子"],
    "ko": ["김철수", "이영희", "박지영", "최민준", "정수빈", "강현우", "조은지", "윤서연"],
    "zh_Hans": ["王丽华", "李娜", "张伟", "刘洋", "陈静", "杨秀英", "赵敏", "黄建国"],
}
_FRAMES = {
    "ja": [
        "姉の{}が中国にいます。",
        "{}は元気です。",
        "祖母の{}を探しています。",
        "{}（72歳）と連絡が取れません。",
        "{}さんに会いました。",
        "先月、{}と話しました。",
    ],
    "ko": [
        "{}가 아파요.",
        "동생 {}는 중국에 있어요.",
        "어제 {}를 만났어요.",
        "{}(72세)와 연락이 안 돼요.",
        "{} 씨가 도와줬어요.",
        "할머니 {}의 소식을 몰라요.",
    ],
    "zh_Hans": [
        "我妹妹{}在吉林。",
        "我们和{}联系不上。",
        "{}（72岁）身体不好。",
        "请帮我找{}。",
        "她丈夫{}被抓了。",
        "我叫{}。",
    ],
}
_CASES = st.sampled_from(list(_NAMES)).flatmap(
    lambda locale: st.tuples(
        st.just(locale), st.sampled_from(_NAMES[locale]), st.sampled_from(_FRAMES[locale])
    )
)
_AROUND = st.sampled_from(["", "すみません。", "부탁드립니다. ", "你好，", "2023年5月、", "\n"])


@settings(max_examples=300, deadline=None)
@given(case=_CASES, before=_AROUND, after=_AROUND)
def test_a_planted_name_in_a_cued_frame_never_survives(
    case: tuple[str, str, str], before: str, after: str
) -> None:
    locale, name, frame = case
    out = scrub(before + frame.format(name) + after, locale).text
    assert name not in out
    assert "［" in out or "[" in out
