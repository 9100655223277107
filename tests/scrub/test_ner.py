"""The NER layer finds names that no rule frame points at (needs the ``ner`` extra)."""

from __future__ import annotations

import pytest

from bot.scrub import Scrubber, scrub
from bot.scrub.ner import NerLayer, ner_available

pytestmark = pytest.mark.skipif(
    not all(ner_available(loc) for loc in ("ja", "ko", "zh_Hans")),
    reason="the 'ner' extra is not installed (CI installs it)",
)


@pytest.fixture(scope="module")
def scrubber() -> Scrubber:
    layer = NerLayer()
    layer.load()
    return Scrubber(ner=layer)


@pytest.mark.parametrize(
    ("locale", "text", "expected"),
    [
        # No cue the rules take: a time word glued to the name, no particle, no verb.
        ("ja", "昨日田中美咲と会った。", "昨日［氏名］と会った。"),
        ("ja", "それで鈴木花子さえ来なかった。", "それで［氏名］さえ来なかった。"),
        ("ko", "어제 김민준 만났어요. 지린성에 있어요.", "어제 [이름] 만났어요. 지린성에 있어요."),
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
        ("zh_Hans", "中介要300,000元。"),
    ]:
        assert scrubber.scrub(text, locale).text == text
