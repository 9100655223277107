"""Sizes measured the way Telegram measures them."""

from __future__ import annotations

from bot.callback import CallbackData, widest
from bot.limits import SESSION_TOKEN_LENGTH, utf8_bytes, utf16_units


def test_utf16_units() -> None:
    assert utf16_units("abc") == 3
    assert utf16_units("日本語") == 3  # BMP: one unit each
    assert utf16_units("😀") == 2  # astral: a surrogate pair
    assert utf16_units("👨‍👩‍👧") == 8


def test_callback_data_bytes() -> None:
    assert utf8_bytes("a") == 1
    assert utf8_bytes("中") == 3


def test_callback_data_round_trip_and_rejects_foreign_data() -> None:
    data = CallbackData("K7Q2MX", "c", "region", "jilin")
    assert CallbackData.decode(data.encode()) == data
    assert CallbackData.decode("garbage") is None
    assert CallbackData.decode("K7Q2MX:?:region") is None
    assert len(widest("c", "s", "v")) == SESSION_TOKEN_LENGTH + len(":c:s:v")
