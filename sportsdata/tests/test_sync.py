"""Sync jobs against the fake: full load, idempotent re-sync, failures that keep the last good data."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from sportsdata.models import Fixture, Odds, Sport, SyncRun, Team, Tournament
from sportsdata.services import (
    fixtures_sync,
    odds_sync_upcoming,
    sportsdata_sync_all,
    tournaments_sync,
)

pytestmark = pytest.mark.django_db


def _snapshot() -> dict[str, object]:
    return {
        "sports": list(
            Sport.objects.values_list("provider_id", "name_en", "name_es", "name_pt_br", "updated_at")
        ),
        "tournaments": list(Tournament.objects.values_list("provider_id", "name_es", "order", "updated_at")),
        "teams": list(Team.objects.values_list("provider_id", "name_en", "name_pt_br", "updated_at")),
        "fixtures": list(
            Fixture.objects.values_list("provider_id", "starts_at", "odds_status", "updated_at")
        ),
        "odds": list(
            Odds.objects.order_by("pk").values_list(
                "pk", "fixture_id", "market", "selection", "price", "is_current"
            )
        ),
    }


def test_full_sync_loads_everything(api, fake):
    run = sportsdata_sync_all(client=api)
    assert run.status == SyncRun.Status.SUCCESS, run.error
    assert SyncRun.objects.count() == 1
    assert Sport.objects.count() == 2
    assert Tournament.objects.count() == 4
    assert Team.objects.count() == 8
    assert Fixture.objects.count() == 6
    cl = Tournament.objects.get(provider_id="566")
    assert (cl.name_es, cl.name_pt_br, cl.sport.provider_id) == (
        "Liga de Campeones de la UEFA",
        "Liga dos Campeões da UEFA",
        "1",
    )
    assert Team.objects.get(provider_id="3120").name_pt_br == "Sevilha"
    lakers = Team.objects.select_related("sport").get(provider_id="3601")
    assert lakers.sport is not None
    assert lakers.sport.provider_id == "3"
    clasico = Fixture.objects.get(provider_id="27907678")
    assert clasico.odds_status == Fixture.OddsStatus.ACTIVE
    assert clasico.odds.filter(is_current=True).count() == 15
    assert clasico.odds.get(market="result", selection="draw").price == Decimal("3.4")
    assert clasico.odds.get(market="over_under", selection="over").line == Decimal("2.5")
    assert Fixture.objects.get(provider_id="27997794").odds_status == Fixture.OddsStatus.INACTIVE
    assert (
        Fixture.objects.get(provider_id="27940002").odds_status == Fixture.OddsStatus.INACTIVE
    )  # no odds entry
    assert run.counts["odds.active"] == 4


def test_resync_changes_no_rows(api):
    sportsdata_sync_all(client=api)
    before = _snapshot()
    counts_before = {m.__name__: m.objects.count() for m in (Sport, Tournament, Team, Fixture, Odds)}
    run = sportsdata_sync_all(client=api)
    assert run.status == SyncRun.Status.SUCCESS
    assert {m.__name__: m.objects.count() for m in (Sport, Tournament, Team, Fixture, Odds)} == counts_before
    assert _snapshot() == before
    assert run.counts["odds.odds_created"] == 0
    assert run.counts["fixtures.fixtures_updated"] == 0
    assert run.counts["fixtures.teams_updated"] == 0


def test_price_change_keeps_history(api, fake):
    sportsdata_sync_all(client=api)
    fake.dataset["odds"]["27907678"]["result"]["draw"] = 3.25
    run = odds_sync_upcoming(client=api)
    assert run.counts["odds_created"] == 1
    assert run.counts["odds_retired"] == 1
    rows = Odds.objects.filter(fixture__provider_id="27907678", market="result", selection="draw").order_by(
        "fetched_at"
    )
    assert [(r.price, r.is_current) for r in rows] == [(Decimal("3.400"), False), (Decimal("3.250"), True)]


def test_odds_going_inactive_retires_current_prices(api, fake):
    sportsdata_sync_all(client=api)
    fake.dataset["odds"]["27900311"]["status"] = "Inactive"
    odds_sync_upcoming(client=api)
    fixture = Fixture.objects.get(provider_id="27900311")
    assert fixture.odds_status == Fixture.OddsStatus.INACTIVE
    assert not fixture.odds.filter(is_current=True).exists()
    assert fixture.odds.count() == 3  # history stays


@pytest.mark.fault
@pytest.mark.parametrize("mode", ["error500", "timeout", "malformed"])
def test_failing_api_keeps_last_good_data(api, fake, mode):
    sportsdata_sync_all(client=api)
    before = _snapshot()
    api.breaker.reset()
    fake.dataset["odds"]["27907678"]["result"]["draw"] = 9.9  # must not land
    fake.fault(mode, delay=1.0)
    for sync in (tournaments_sync, fixtures_sync, odds_sync_upcoming):
        run = sync(client=api)
        assert run.status == SyncRun.Status.FAILED, (sync.__name__, run.counts)
        assert run.error
        assert run.finished_at is not None
        api.breaker.reset()
    assert _snapshot() == before
    assert SyncRun.objects.filter(status=SyncRun.Status.FAILED).count() == 3


@pytest.mark.fault
def test_one_failing_fixture_makes_a_partial_odds_run(api, fake):
    sportsdata_sync_all(client=api)
    fake.dataset["odds"]["27907678"]["result"]["draw"] = 3.3
    fake.fault("error500", paths=("/sports/odds",), count=3)  # the first fixture's attempts
    from django.test import override_settings

    with override_settings(CHATBET_API_CONCURRENCY=1):
        run = odds_sync_upcoming(client=api)
    assert run.status == SyncRun.Status.PARTIAL
    assert run.counts["failed"] == 1
    assert "odds of fixture" in run.error


@pytest.mark.fault
def test_full_sync_with_the_api_down_fails(api, fake):
    fake.fault("error500")
    run = sportsdata_sync_all(client=api)
    assert run.status == SyncRun.Status.FAILED
    assert "tournaments: " in run.error
    assert Fixture.objects.count() == 0


def test_odds_sync_with_no_upcoming_fixtures_is_a_success(api):
    run = odds_sync_upcoming(client=api)
    assert run.status == SyncRun.Status.SUCCESS
    assert run.counts == {"fixtures": 0}


def test_fixture_moved_in_time_is_updated(api, fake):
    sportsdata_sync_all(client=api)
    fake.dataset["fixtures"][0]["time"] = "21:15"
    run = fixtures_sync(client=api)
    assert run.counts["fixtures_updated"] == 1
    starts_at = Fixture.objects.get(provider_id="27907678").starts_at
    assert (starts_at.hour, starts_at.minute) == (21, 15)
    assert starts_at.date() == (dt.datetime.now(dt.UTC) + dt.timedelta(days=1)).date()
