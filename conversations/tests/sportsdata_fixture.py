"""Sports data for tests: `chatbet` syncs it from a fake ChatBet API server (a real socket) into the
test database; `clasico_create` writes one fixture with odds directly.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from conversations.assistant import catalog_store
from sportsdata.client import chatbet_breaker, chatbet_client
from sportsdata.models import Fixture, Odds, Sport, Team, Tournament
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


def clasico_create() -> Fixture:
    """LaLiga: Barcelona vs Real Madrid tomorrow with fresh 1X2 odds 2.10 / 3.40 / 3.50."""
    now = timezone.now()
    football = Sport.objects.create(
        provider_id="1", name_en="Football", name_es="Fútbol", name_pt_br="Futebol"
    )
    laliga = Tournament.objects.create(provider_id="t-laliga", sport=football, name_en="LaLiga")
    barcelona = Team.objects.create(provider_id="team-fcb", sport=football, name_en="Barcelona")
    madrid = Team.objects.create(provider_id="team-rma", sport=football, name_en="Real Madrid")
    fixture = Fixture.objects.create(
        provider_id="fx-1",
        tournament=laliga,
        home_team=barcelona,
        away_team=madrid,
        starts_at=now + timedelta(days=1),
        odds_status=Fixture.OddsStatus.ACTIVE,
        odds_fetched_at=now,
    )
    for selection, name, price in (
        ("home", "Barcelona", "2.10"),
        ("draw", "Draw", "3.40"),
        ("away", "Real Madrid", "3.50"),
    ):
        Odds.objects.create(
            fixture=fixture,
            market="result",
            selection=selection,
            name=name,
            price=Decimal(price),
            bet_id=f"bet-{selection}",
            fetched_at=now,
            last_seen_at=now,
        )
    catalog_store.catalog_invalidate()
    return fixture
