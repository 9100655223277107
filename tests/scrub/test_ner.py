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
        ("ja", "昨日、佐藤美咲と会った。", "昨日、［氏名］と会った。"),
        (
            "ko",
            "어제 김민준과 만났어요. 지린성에 있어요.",
            "어제 [이름]과 만났어요. 지린성에 있어요.",
        ),
        ("zh_Hans", "昨天我和王芳见面了。", "昨天我和［姓名］见面了。"),
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
