"""On-demand odds freshness: single flight across threads, fallback to stored odds on failure."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal

import pytest
from django.db import connection
from django.utils import timezone

from sportsdata.models import Fixture
from sportsdata.services import FreshOdds, odds_fresh_for_fixture, sportsdata_sync_all

pytestmark = pytest.mark.django_db(transaction=True)

MAX_AGE = dt.timedelta(seconds=60)


def _age_odds(fixture: Fixture, seconds: int) -> None:
    Fixture.objects.filter(pk=fixture.pk).update(
        odds_fetched_at=timezone.now() - dt.timedelta(seconds=seconds)
    )


def _concurrent(fixture_id: int, n: int) -> list[FreshOdds]:
    results: list[FreshOdds] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(n)

    def ask() -> None:
        try:
            barrier.wait()
            results.append(odds_fresh_for_fixture(fixture_id=fixture_id, max_age=MAX_AGE))
        except BaseException as exc:  # surfaced by the assert below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=ask) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert not errors, errors
    assert len(results) == n
    return results


def test_fresh_odds_are_served_without_calling_the_api(api, fake):
    sportsdata_sync_all(client=api)
    fake.reset_counts()
    fixture = Fixture.objects.get(provider_id="27907678")
    result = odds_fresh_for_fixture(fixture_id=fixture.pk, max_age=MAX_AGE)
    assert fake.count("/sports/odds") == 0
    assert not result.stale
    assert not result.refresh_failed
    assert len(result.prices) == 15


@pytest.mark.parametrize("mode", ["redis", "embedded"])
def test_concurrent_stale_reads_refresh_once(api, fake, settings, mode):
    if mode == "embedded":
        # No Redis: a per-process cache holds the lock and a condition variable wakes the waiters.
        settings.REDIS_URL = ""
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    sportsdata_sync_all(client=api)
    fixture = Fixture.objects.get(provider_id="27907678")
    _age_odds(fixture, 600)
    fake.dataset["odds"]["27907678"]["result"]["draw"] = 3.3
    fake.reset_counts()
    # A slow answer keeps the refresh in flight while every thread asks.
    fake.fault("slow", paths=("/sports/odds",), delay=0.3)
    results = _concurrent(fixture.pk, 12)
    assert fake.count("/sports/odds") == 1
    for result in results:
        assert not result.stale
        assert not result.refresh_failed
        assert result.age_seconds is not None
        assert result.age_seconds < 60
        draw = next(p for p in result.prices if (p.market, p.selection) == ("result", "draw"))
        assert draw.price == Decimal("3.3")


@pytest.mark.fault
def test_failed_refresh_falls_back_to_stored_odds_with_their_age(api, fake):
    sportsdata_sync_all(client=api)
    fixture = Fixture.objects.get(provider_id="27907678")
    _age_odds(fixture, 600)
    fake.reset_counts()
    fake.fault("error500", paths=("/sports/odds",), delay=0.0)
    results = _concurrent(fixture.pk, 6)
    assert fake.count("/sports/odds") == 3  # one refresh (with its 2 retries) for all six askers
    for result in results:
        assert result.stale
        assert result.refresh_failed
        assert result.age_seconds is not None
        assert result.age_seconds >= 600
        assert len(result.prices) == 15
        assert next(
            p for p in result.prices if p.selection == "draw" and p.market == "result"
        ).price == Decimal("3.4")


def test_never_fetched_fixture_is_fetched_on_demand(api, fake):
    sportsdata_sync_all(client=api)
    fixture = Fixture.objects.get(provider_id="27997793")
    fixture.odds.all().delete()
    Fixture.objects.filter(pk=fixture.pk).update(odds_fetched_at=None, odds_status=Fixture.OddsStatus.UNKNOWN)
    result = odds_fresh_for_fixture(fixture_id=fixture.pk)
    assert result.status == Fixture.OddsStatus.ACTIVE
    assert {p.selection for p in result.prices} == {"home", "draw", "away"}
    assert not result.stale
