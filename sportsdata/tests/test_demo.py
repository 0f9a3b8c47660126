"""Demo mode: the real client over bundled payloads, kickoffs relative to today, per-process bets."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command

from sportsdata.client import chatbet_client
from sportsdata.client.types import BetLeg
from sportsdata.models import Fixture, Odds, Team, Tournament


@pytest.fixture
def demo(settings):
    settings.CHATBET_API_BASE_URL = "demo"
    return chatbet_client()


@pytest.mark.django_db
def test_demo_sync_loads_a_useful_week(demo, capsys):
    call_command("sync_sportsdata")
    assert "success" in capsys.readouterr().out
    assert 28 <= Fixture.objects.count() <= 32
    assert Tournament.objects.filter(sport__provider_id="1").count() >= 4
    assert Tournament.objects.filter(sport__provider_id="3").count() == 1
    for name in (
        "Barcelona",
        "Real Madrid",
        "Liverpool",
        "Manchester City",
        "Inter",
        "PSG",
        "Los Angeles Lakers",
    ):
        assert Team.objects.filter(name_en=name).exists(), name
    today = dt.datetime.now(dt.UTC).date()
    days = {f.starts_at.date() for f in Fixture.objects.all()}
    assert today + dt.timedelta(days=1) in days
    saturday = today + dt.timedelta(days=(5 - today.weekday()) % 7)
    sunday = today + dt.timedelta(days=(6 - today.weekday()) % 7)
    assert saturday in days
    assert sunday in days
    markets = set(Odds.objects.filter(is_current=True).values_list("market", flat=True))
    assert markets == {
        "result",
        "double_chance",
        "both_teams_to_score",
        "over_under",
        "handicap",
        "half_time_result",
    }
    assert Fixture.objects.filter(odds_status=Fixture.OddsStatus.INACTIVE).exists()
    assert Fixture.objects.filter(odds_status=Fixture.OddsStatus.ACTIVE).count() >= 20
    assert Team.objects.get(name_en="Bayern Munich").name_pt_br == "Bayern de Munique"


def test_demo_bet_lowers_the_balance(demo):
    before = demo.balance_get().money
    odds = demo.odds_get(fixture_id="27907678", sport_id="1", tournament_id="545")
    home = next(s for s in odds.selections if (s.market, s.selection) == ("result", "home"))
    leg = BetLeg(bet_id=home.bet_id, fixture_id="27907678", sport_id="1", tournament_id="545", odd=home.price)
    receipt = demo.bet_place(legs=[leg], amount=Decimal("25"))
    assert receipt.accepted
    assert receipt.possible_win == (Decimal("25") * home.price).quantize(Decimal("0.01"))
    assert demo.balance_get().money == before - Decimal("25")


@pytest.mark.django_db
def test_command_fails_when_nothing_can_be_synced(settings):
    from django.core.management.base import CommandError

    settings.CHATBET_API_BASE_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    settings.CHATBET_API_RETRIES = 0
    with pytest.raises(CommandError):
        call_command("sync_sportsdata")
