"""Properties that hold whatever the supporter types."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.scrub import scrub

_LOCALES = st.sampled_from(["ja", "ko", "zh_Hans"])
# Text drawn from the scripts supporters type, punctuation, digits and invisibles.
_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.characters(min_codepoint=0x3040, max_codepoint=0x30FF),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF),
        st.characters(min_codepoint=0xAC00, max_codepoint=0xAD00),
        st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E),
        st.sampled_from("\u200b\u200d\u202e\ufeff　、。，ー－～〇一二三"),
    ),
    max_size=80,
)
_PHONES = st.sampled_from(
    [
        "090-1234-5678",
        "０９０－１２３４－５６７８",
        "+82 10-2000-0000",
        "13123456789",
        "+850 192 123 4567",
    ]
)
_EMAILS = st.from_regex(
    r"[a-z][a-z0-9._]{2,12}@(gmail\.com|naver\.com|qq\.com|example\.co\.jp)", fullmatch=True
)
_SEPARATORS = st.sampled_from([" ", "、", "。", "，", "\n", "：", " は ", "은 ", "是"])


@settings(max_examples=300, deadline=None)
@given(text=_TEXT, locale=_LOCALES)
def test_never_raises_and_is_idempotent(text: str, locale: str) -> None:
    once = scrub(text, locale)
    assert scrub(once.text, locale).text == once.text


@settings(max_examples=300, deadline=None)
@given(
    before=_TEXT, after=_TEXT, sep1=_SEPARATORS, sep2=_SEPARATORS, phone=_PHONES, locale=_LOCALES
)
def test_a_planted_phone_never_survives(
    before: str, after: str, sep1: str, sep2: str, phone: str, locale: str
) -> None:
    text = before + sep1 + phone + sep2 + after
    out = scrub(text, locale).text
    digits = "".join(c for c in phone if c.isdigit())
    assert digits not in "".join(c for c in out if c.isdigit() or c == " ").replace(" ", "")


@settings(max_examples=300, deadline=None)
@given(
    before=_TEXT, after=_TEXT, sep1=_SEPARATORS, sep2=_SEPARATORS, email=_EMAILS, locale=_LOCALES
)
def test_a_planted_email_never_survives(
    before: str, after: str, sep1: str, sep2: str, email: str, locale: str
) -> None:
    out = scrub(before + sep1 + email + sep2 + after, locale).text
    local = email.split("@")[0]
    assert email not in out
    assert local not in out.replace(before, "").replace(after, "")
