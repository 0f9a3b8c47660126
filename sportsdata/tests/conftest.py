"""Fixtures for sports data tests: a fake ChatBet server and settings pointing the client at it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sportsdata.client import ChatBetClient, chatbet_breaker, chatbet_client
from sportsdata.tests.fake_chatbet import FakeChatBet, fake_server


@pytest.fixture
def fake() -> Iterator[FakeChatBet]:
    yield from fake_server()


@pytest.fixture
def api(fake: FakeChatBet, settings) -> ChatBetClient:
    """The settings-built client aimed at the fake, with quick retries and a short timeout."""
    settings.CHATBET_API_BASE_URL = fake.url
    settings.CHATBET_API_TIMEOUT = 0.5
    settings.CHATBET_API_CONNECT_TIMEOUT = 0.5
    settings.CHATBET_API_RETRIES = 2
    settings.CHATBET_API_BACKOFF = 0.01
    settings.CHATBET_API_BREAKER_THRESHOLD = 3
    settings.CHATBET_API_BREAKER_COOL_DOWN = 0.5
    chatbet_breaker().reset()
    return chatbet_client()
