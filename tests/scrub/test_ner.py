"""The NER layer finds names that no rule frame points at (needs the ``ner`` extra)."""

from __future__ import annotations

import pytest

from bot.scrub import Scrubber, scrub
from bot.scrub.ner import NerLayer, ner_available
from bot.scrub.normalize import build_view

pytestmark = pytest.mark.skipif(
    not all(ner_available(loc) for loc in ("ja", "ko", "zh_Hans")),
    reason="the 'ner' extra is not installed (CI installs it)",
)


@pytest.fixture(scope="module")
def layer() -> NerLayer:
    loaded = NerLayer()
    loaded.load()
    return loaded


@pytest.fixture(scope="module")
def scrubber(layer: NerLayer) -> Scrubber:
    return Scrubber(ner=layer)


def _first_name(text: str, expected: str) -> tuple[int, int]:
    """Where the first ［姓名］ of ``expected`` stands in ``text`` (ASCII-free notes)."""
    start = expected.index("［姓名］")
    after = expected[start + len("［姓名］") :].split("［")[0]
    return start, text.index(after, start + 1) if after else len(text)


@pytest.mark.parametrize(
    ("locale", "text", "expected"),
    [
        # No cue the rules take: a time word glued to the name, no particle, no verb.
        ("ja", "昨日田中美咲と会った。", "昨日［氏名］と会った。"),
        ("ja", "それで鈴木花子さえ来なかった。", "それで［氏名］さえ来なかった。"),
        # (김민준 만났어요: the rules take a full name before a verb of meeting now.)
        (
            "ko",
            "어제 김민준 때문에 늦었어요. 지린성에 있어요.",
            "어제 [이름] 때문에 늦었어요. 지린성에 있어요.",
        ),
        ("zh_Hans", "昨晚王芳来过。", "昨晚［姓名］来过。"),
        ("zh_Hans", "上周张伟打电话了。", "上周［姓名］打电话了。"),
    ],
)
def test_names_without_a_frame(scrubber: Scrubber, locale: str, text: str, expected: str) -> None:
    assert scrub(text, locale).text == text  # the rules alone do not see these
    assert scrubber.scrub(text, locale).text == expected


def test_clean_sentences_stay_clean_with_ner(scrubber: Scrubber) -> None:
    for locale, text in [
        ("ja", "2019-2020年に吉林省に住んでいました。"),
        ("ko", "브로커가 300만원을 요구합니다."),
        # Kiwi tags these as proper nouns shaped like a name: an old province, a
        # mountain, a part of Seoul.
        ("ko", "황해도 사투리를 써요. 금강산 관광을 했었어요. 강남, 강북 어디든 괜찮아요."),
        ("ko", "2018년 겨울에 두만강을 건넜어요. 아이 담임 선생님과 면담했어요."),
        ("ko", "로동단련대에 6개월 있었어요. 명절마다 임진각에 가요. 제주도 출신이에요."),
        ("ko", "나우라는 단체가 있어요."),  # an organisation Kiwi tags a proper noun
        ("zh_Hans", "中介要300,000元。"),
        # A person's name jieba knows, as the name of a hospital.
        ("zh_Hans", "白求恩医院很有名。"),
        # A border river the Japanese model reads as a person.
        ("ja", "豆満江は大事です。鴨緑江を渡りました。"),
    ]:
        assert scrubber.scrub(text, locale).text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # jieba cuts an unknown name into a family name and a word of its own.
        ("原来禹贞淑早就知道。", "原来［姓名］早就知道。"),  # 禹/贞淑 (an adjective)
        ("其实郑美英一直在找。", "其实［姓名］一直在找。"),  # 郑 (a place)/美英
        ("后来河英淑也走了。", "后来［姓名］也走了。"),  # 河 (a river)/英淑
        ("可惜全英子没赶上车。", "可惜［姓名］没赶上车。"),  # 全 (all)/英子
        ("其实白光浩一直在找。", "其实［姓名］一直在找。"),  # 白光 (a name it knows)/浩
        ("上周韩美玲去了大连。", "上周［姓名］去了［地名］。"),  # 韩/美玲
        ("昨晚朴明哲没回家。", "昨晚［姓名］没回家。"),  # 朴/明哲: 明 opens verbs too
        # A name jieba does not know (its model joined it), or a third character it
        # left alone after a name of two.
        ("原来高烁早就知道。", "原来［姓名］早就知道。"),
        ("上周谢刚愉打电话了。", "上周［姓名］打电话了。"),
        # A Japanese family name cut off its given name; 也 after it stays.
        ("原来岩本正雄早就知道。", "原来［姓名］早就知道。"),
        ("后来野口清子也走了。", "后来［姓名］也走了。"),
        # 老 or 小 before a family name; a given name before a title.
        ("上周小崔回来了。", "上周［姓名］回来了。"),
        ("秀英阿姨身体不好。", "［姓名］阿姨身体不好。"),
    ],
)
def test_zh_names_jieba_cuts_apart(
    layer: NerLayer, scrubber: Scrubber, text: str, expected: str
) -> None:
    # The layer finds the whole name on its own (the rules now catch some of these too).
    start, end = _first_name(text, expected)
    found = layer.find(build_view(text), "zh_Hans")
    assert any(f.start <= start and end <= f.end for f in found), (text[start:end], found)
    assert scrubber.scrub(text, "zh_Hans").text == expected


@pytest.mark.parametrize(
    "text",
    [
        # Words jieba's dictionary tags as person names.
        "我的宝宝生病了，很担心。",
        "那边的温泉很有名。",
        "这是一场光荣的胜利。",
        "我们查明了情况。",
        "那个人很殷勤。",
        "他说得很高明。",
        # A family name that is a preposition or an adverb here, an ordinary word
        # before a title, a count before a family name.
        "向老师请教了问题。",
        "请向大家问好。",
        "美国大哥帮了忙。",
        "和平安大哥一起。",
        "全家都去了。",
        "白天不方便打电话。",
        "金额太大了，我们家一下子拿不出来。",
        "高铁站查身份证查得很严。",
        "他们在大山里走了三天。",
        "金子和首饰都被拿走了。",
    ],
)
def test_zh_ordinary_words_stay(scrubber: Scrubber, text: str) -> None:
    assert scrubber.scrub(text, "zh_Hans").text == text
