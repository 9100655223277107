"""Fixtures for the Telegram channel's tests."""

from tests.support.fake_bot_api_fixture import fake_bot_api, fake_clock

__all__ = ["fake_bot_api", "fake_clock"]
