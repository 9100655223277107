"""Pytest fixtures for the fake Bot API; import them into a conftest:

from tests.support.fake_bot_api_fixture import fake_bot_api, fake_clock  # noqa: F401
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.fake_bot_api import FakeBotApi, FakeClock


@pytest.fixture
def fake_clock() -> FakeClock:
    """The server's wall clock; ``advance()`` it to age callback queries or messages."""
    return FakeClock()


@pytest.fixture
def fake_bot_api(fake_clock: FakeClock) -> Iterator[FakeBotApi]:
    """A started fake Bot API server on 127.0.0.1, stopped after the test."""
    with FakeBotApi(clock=fake_clock) as server:
        yield server
