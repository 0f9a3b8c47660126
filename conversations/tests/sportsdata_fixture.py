"""A fixture that syncs sports data from a fake ChatBet API server (a real socket) into the test DB.

Import `chatbet` into a test module to use it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conversations.assistant import catalog_store
from sportsdata.client import chatbet_breaker, chatbet_client
from sportsdata.services import sportsdata_sync_all
from sportsdata.tests.fake_chatbet import FakeChatBet, fake_server


@pytest.fixture
def chatbet(settings) -> Iterator[FakeChatBet]:
    for fake in fake_server():
        settings.CHATBET_API_BASE_URL = fake.url
        settings.CHATBET_API_TIMEOUT = 1.0
        settings.CHATBET_API_RETRIES = 1
        settings.CHATBET_API_BACKOFF = 0.01
        settings.CHATBET_ODDS_MAX_AGE = 3600
        chatbet_breaker().reset()
        sportsdata_sync_all(client=chatbet_client())
        catalog_store.catalog_invalidate()
        yield fake
