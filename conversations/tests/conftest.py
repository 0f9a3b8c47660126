"""Fixtures for the assistant's Gemini tests: a fake Gemini API and a small set of sports data."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from conversations.assistant import catalog_store
from conversations.assistant.engines import gemini_breaker
from conversations.tests.fake_gemini import FakeGemini, fake_gemini_server
from sportsdata.models import Fixture, Odds, Sport, Team, Tournament


@pytest.fixture
def gemini(settings) -> Iterator[FakeGemini]:
    """A fake Gemini API with the settings pointing the engine at it: quick retries, short timeouts."""
    for fake in fake_gemini_server():
        settings.GOOGLE_API_KEY = fake.api_key
        settings.GEMINI_BASE_URL = fake.url
        settings.GEMINI_MODEL = "gemini-test"
        settings.ASSISTANT_ENGINE = ""
        settings.GEMINI_TIMEOUT_MS = 3000
        settings.GEMINI_TURN_DEADLINE_MS = 8000
        settings.GEMINI_RETRY_ATTEMPTS = 3
        settings.GEMINI_RETRY_INITIAL_DELAY = 0.01
        settings.GEMINI_RETRY_MAX_DELAY = 0.05
        settings.GEMINI_MAX_TOOL_ROUNDS = 4
        settings.GEMINI_BREAKER_THRESHOLD = 3
        settings.GEMINI_BREAKER_COOL_DOWN = 60.0
        gemini_breaker().reset()
        yield fake


@pytest.fixture
def sports(settings) -> dict[str, Fixture]:
    """LaLiga: Barcelona vs Real Madrid tomorrow with fresh 1X2 odds 2.10 / 3.40 / 3.50."""
    settings.CHATBET_ODDS_MAX_AGE = 10**6  # never refresh from the ChatBet API
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
    return {"clasico": fixture}
