"""Tools against PostgreSQL: fixtures by date, tournaments, records, the runner."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from conversations.assistant import catalog_store
from conversations.assistant.tools import REGISTRY, ToolContext, ToolRunner
from sportsdata.models import Fixture, Odds, Sport, Team, Tournament

pytestmark = pytest.mark.django_db(transaction=True)


def context(language: str = "en", allowed: frozenset[str] | None = None) -> ToolContext:
    return ToolContext(
        user_id=None,
        guest_id="guest-tools",
        conversation_id="00000000-0000-0000-0000-000000000000",
        language=language,
        now=timezone.now(),
        allowed=allowed if allowed is not None else frozenset(REGISTRY),
    )


@pytest.fixture
def league(settings):
    settings.CHATBET_ODDS_MAX_AGE = 3600
    now = timezone.now()
    football = Sport.objects.create(
        provider_id="1", name_en="Football", name_es="Fútbol", name_pt_br="Futebol"
    )
    liga = Tournament.objects.create(provider_id="545", sport=football, name_en="LaLiga")
    teams = {
        name: Team.objects.create(provider_id=str(i), name_en=name, sport=football)
        for i, name in enumerate(["Barcelona", "Real Madrid", "Sevilla", "Valencia"], start=1)
    }
    today = now.replace(hour=23, minute=0, second=0, microsecond=0)
    first = Fixture.objects.create(
        provider_id="f1", tournament=liga, home_team=teams["Barcelona"], away_team=teams["Real Madrid"],
        starts_at=today + dt.timedelta(days=1), odds_status="active", odds_fetched_at=now,
    )  # fmt: skip
    Fixture.objects.create(
        provider_id="f2", tournament=liga, home_team=teams["Sevilla"], away_team=teams["Valencia"],
        starts_at=today + dt.timedelta(days=3), odds_status="inactive", odds_fetched_at=now,
    )  # fmt: skip
    for selection, price in (("home", "2.1"), ("draw", "3.4"), ("away", "3.5")):
        Odds.objects.create(
            fixture=first, market="result", selection=selection, name=selection.title(), price=Decimal(price),
            bet_id=f"b-{selection}", fetched_at=now, last_seen_at=now,
        )  # fmt: skip
    catalog_store.catalog_invalidate()
    return first


async def test_runner_records_calls_and_refuses_tools_that_are_not_allowed(league):
    runner = ToolRunner(context=context(allowed=frozenset({"get_odds"})))
    odds = await runner.call("get_odds", {"team": "Barcelona", "opponent": "Real Madrid", "market": "1x2"})
    refused = await runner.call(
        "propose_bet", {"leg": {"team": "Barcelona", "selection": "home"}, "stake": "10"}
    )
    bad = await runner.call("get_odds", {"market": 5})
    assert odds.ok
    assert [p.odds for p in odds.result.market("1x2")] == [
        Decimal("2.100"),
        Decimal("3.400"),
        Decimal("3.500"),
    ]
    assert not refused.ok
    assert refused.error_code == "TOOL_NOT_ALLOWED"
    assert not bad.ok
    assert bad.error_code == "INVALID_ARGUMENTS"
    assert [r.name for r in runner.records] == ["get_odds", "propose_bet", "get_odds"]
    assert runner.records[0].digest
    assert runner.records[0].arguments["team"] == "Barcelona"


async def test_find_fixtures_filters_by_day_and_team(league):
    runner = ToolRunner(context=context())
    tomorrow = (timezone.now() + dt.timedelta(days=1)).date().isoformat()
    by_day = await runner.call("find_fixtures", {"date_from": tomorrow, "date_to": tomorrow})
    by_team = await runner.call("find_fixtures", {"team": "Valencia"})
    unknown = await runner.call("find_fixtures", {"team": "Boca Juniors"})
    assert [f.id for f in by_day.result.fixtures] == ["f1"]
    assert [f.id for f in by_team.result.fixtures] == ["f2"]
    assert unknown.error_code == "TEAM_NOT_FOUND"


async def test_get_tournaments_lists_the_teams_of_one(league):
    runner = ToolRunner(context=context())
    outcome = await runner.call("get_tournaments", {"tournament": "la liga"})
    assert outcome.ok
    assert outcome.result.teams == ["Barcelona", "Real Madrid", "Sevilla", "Valencia"]


async def test_simulate_and_compare_use_exact_decimals(league):
    runner = ToolRunner(context=context())
    simulation = await runner.call(
        "simulate_bet",
        {"legs": [{"team": "Barcelona", "opponent": "Real Madrid", "selection": "draw"}], "stake": "25"},
    )
    comparison = await runner.call("compare_teams", {"team": "Real Madrid", "opponent": "Barcelona"})
    inactive = await runner.call(
        "simulate_bet", {"legs": [{"team": "Sevilla", "selection": "home"}], "stake": "5"}
    )
    assert simulation.result.potential_return == Decimal("85.00")
    assert simulation.result.profit == Decimal("60.00")
    assert comparison.result.view.favourite.name == "Barcelona"
    assert inactive.error_code == "ODDS_INACTIVE"


async def test_simulation_refuses_the_same_selection_twice(league):
    runner = ToolRunner(context=context())
    twice = await runner.call(
        "simulate_bet",
        {
            "legs": [
                {"team": "Barcelona", "opponent": "Real Madrid", "selection": "home"},
                {"fixture_id": "f1", "selection": "Barcelona"},
            ],
            "stake": "10",
        },
    )
    assert not twice.ok
    assert twice.error_code == "DUPLICATE_LEG"
