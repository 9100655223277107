"""The kinds of personal data the scrubber removes, their labels and their placeholders.

A kind is a short stable code (``"phone"``) that the engine may store and the review step
shows to the supporter through :func:`kind_label`. A placeholder is the label in brackets,
written the way each language writes brackets: full-width in Japanese and Chinese,
ASCII in Korean (``［電話番号］``, ``[전화번호]``, ``［电话号码］``).
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Final

__all__ = [
    "KINDS",
    "LOCALES",
    "PLACEHOLDER_PATTERN",
    "canonical_locale",
    "kind_label",
    "placeholder",
]

# The order is the order in which the review step lists what was removed.
KINDS: Final = (
    "name",
    "phone",
    "email",
    "url",
    "handle",
    "messenger_id",
    "id_number",
    "passport",
    "card",
    "address",
    "place",
    "coordinates",
    "birthdate",
)

LOCALES: Final = ("ja", "ko", "zh_Hans")

_LABELS: Final = MappingProxyType(
    {
        "ja": MappingProxyType(
            {
                "name": "氏名",
                "phone": "電話番号",
                "email": "メールアドレス",
                "url": "URL",
                "handle": "アカウント名",
                "messenger_id": "メッセンジャーID",
                "id_number": "身分証番号",
                "passport": "旅券番号",
                "card": "カード番号",
                "address": "住所",
                "place": "地名",
                "coordinates": "位置情報",
                "birthdate": "生年月日",
            }
        ),
        "ko": MappingProxyType(
            {
                "name": "이름",
                "phone": "전화번호",
                "email": "이메일 주소",
                "url": "URL",
                "handle": "계정 이름",
                "messenger_id": "메신저 ID",
                "id_number": "신분증 번호",
                "passport": "여권 번호",
                "card": "카드 번호",
                "address": "주소",
                "place": "지명",
                "coordinates": "위치 좌표",
                "birthdate": "생년월일",
            }
        ),
        "zh_Hans": MappingProxyType(
            {
                "name": "姓名",
                "phone": "电话号码",
                "email": "电子邮箱",
                "url": "网址",
                "handle": "账号名",
                "messenger_id": "聊天账号",
                "id_number": "证件号码",
                "passport": "护照号码",
                "card": "银行卡号",
                "address": "地址",
                "place": "地名",
                "coordinates": "位置坐标",
                "birthdate": "出生日期",
            }
        ),
    }
)

_BRACKETS: Final = MappingProxyType(
    {"ja": ("［", "］"), "ko": ("[", "]"), "zh_Hans": ("［", "］")}
)

_ALIASES: Final = MappingProxyType(
    {
        "ja": "ja",
        "ja_jp": "ja",
        "ko": "ko",
        "ko_kr": "ko",
        "zh": "zh_Hans",
        "zh_hans": "zh_Hans",
        "zh_cn": "zh_Hans",
        "zh_hans_cn": "zh_Hans",
    }
)


def canonical_locale(locale: str) -> str:
    """Return ``"ja"``, ``"ko"`` or ``"zh_Hans"`` for any accepted spelling of a locale.

    Raises:
        ValueError: the locale is not one the scrubber serves.
    """
    key = locale.strip().replace("-", "_").lower()
    try:
        return _ALIASES[key]
    except KeyError:
        raise ValueError(f"unsupported locale {locale!r}; expected one of {LOCALES}") from None


def kind_label(kind: str, locale: str) -> str:
    """The localized human label of ``kind`` for the review step (``"電話番号"``).

    Raises:
        ValueError: unknown kind or locale.
    """
    labels = _LABELS[canonical_locale(locale)]
    try:
        return labels[kind]
    except KeyError:
        raise ValueError(f"unknown kind {kind!r}; expected one of {KINDS}") from None


def placeholder(kind: str, locale: str) -> str:
    """The bracketed placeholder that stands in the text for a removed span of ``kind``."""
    try:
        return _PLACEHOLDERS[locale][kind]
    except KeyError:
        opening, closing = _BRACKETS[canonical_locale(locale)]
        return f"{opening}{kind_label(kind, locale)}{closing}"


# Placeholders by canonical locale and kind, looked up once per removed span.
_PLACEHOLDERS: Final = {
    locale: {
        kind: f"{_BRACKETS[locale][0]}{label}{_BRACKETS[locale][1]}"
        for kind, label in labels.items()
    }
    for locale, labels in _LABELS.items()
}


# Every placeholder of every locale, as it reads in the NFKC view (full-width brackets
# fold to ASCII). Detectors ignore these spans, which keeps scrubbing idempotent.
PLACEHOLDER_PATTERN: Final = re.compile(
    r"\[(?:"
    + "|".join(
        sorted(
            {re.escape(label) for labels in _LABELS.values() for label in labels.values()},
            key=len,
            reverse=True,
        )
    )
    + r")\]"
)
