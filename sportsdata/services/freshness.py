"""On-demand odds freshness: stale odds are refreshed once for everyone asking at the same time.

The refresh is single-flight across threads and processes: a cache `add` elects one refresher
per fixture; the others wait for its lock to go away and then read what it stored. When the API
fails, every asker gets the stored odds with their age and `refresh_failed=True`.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from sportsdata.client import ChatBetClient, chatbet_client
from sportsdata.models import Fixture
from sportsdata.selectors import OddsPrice, odds_snapshot_for_fixture
from sportsdata.services.odds import odds_refresh_for_fixture

logger = logging.getLogger(__name__)

_POLL_SECONDS = 0.02


@dataclass(frozen=True, slots=True)
class FreshOdds:
    fixture_id: int
    status: str  # Fixture.OddsStatus value
    prices: tuple[OddsPrice, ...]
    fetched_at: dt.datetime | None
    age_seconds: float | None
    stale: bool  # older than the window asked for (or never fetched)
    refresh_failed: bool  # a refresh was needed and the API did not deliver it


def _lock_ttl() -> int:
    # Long enough for one call with all its retries; a crashed refresher frees the lock by expiry.
    per_try = settings.CHATBET_API_TIMEOUT + settings.CHATBET_API_CONNECT_TIMEOUT
    backoff = settings.CHATBET_API_BACKOFF * (2 ** max(0, settings.CHATBET_API_RETRIES) - 1)
    return int(per_try * (settings.CHATBET_API_RETRIES + 1) + backoff) + 2


def _is_fresh(fetched_at: dt.datetime | None, *, max_age: dt.timedelta) -> bool:
    return fetched_at is not None and timezone.now() - fetched_at <= max_age


def _fetched_at(fixture_id: int) -> dt.datetime | None:
    return Fixture.objects.values_list("odds_fetched_at", flat=True).get(pk=fixture_id)


def odds_refresh_single_flight(
    *, fixture_id: int, max_age: dt.timedelta, client: ChatBetClient, wait_timeout: float | None = None
) -> bool:
    """Make the fixture's odds younger than `max_age` with at most one API call in flight for it.
    Returns True when that failed (the API refused, or the refresher did not finish in time)."""
    lock_key = f"sportsdata:odds-refresh:{fixture_id}"
    outcome_key = f"sportsdata:odds-refresh-outcome:{fixture_id}"
    ttl = _lock_ttl()
    deadline = time.monotonic() + (ttl if wait_timeout is None else wait_timeout)
    asked_at = time.time()
    token = uuid.uuid4().hex
    while True:
        if cache.add(lock_key, token, timeout=ttl):
            try:
                # Someone may have refreshed between our stale read and winning the lock.
                if _is_fresh(_fetched_at(fixture_id), max_age=max_age):
                    return False
                ok = odds_refresh_for_fixture(fixture_id=fixture_id, client=client)
                cache.set(outcome_key, {"ok": ok, "at": time.time()}, timeout=ttl)
                return not ok
            finally:
                if cache.get(lock_key) == token:
                    cache.delete(lock_key)
        while cache.get(lock_key) is not None:
            if time.monotonic() >= deadline:
                logger.warning("gave up waiting for the odds refresh of fixture %s", fixture_id)
                return True
            time.sleep(_POLL_SECONDS)
        if _is_fresh(_fetched_at(fixture_id), max_age=max_age):
            return False
        outcome = cache.get(outcome_key)
        if outcome is not None and not outcome["ok"] and outcome["at"] >= asked_at:
            return True  # the refresh we waited for failed: do not call the failing API again
        if time.monotonic() >= deadline:
            return True


def odds_fresh_for_fixture(
    *, fixture_id: int, max_age: dt.timedelta | None = None, client: ChatBetClient | None = None
) -> FreshOdds:
    """Current odds of a fixture, refreshed first when older than `max_age` (default
    CHATBET_ODDS_MAX_AGE). Raises Fixture.DoesNotExist. Blocking: call through sync_to_async."""
    window = max_age if max_age is not None else dt.timedelta(seconds=settings.CHATBET_ODDS_MAX_AGE)
    snapshot = odds_snapshot_for_fixture(fixture_id=fixture_id)
    refresh_failed = False
    if not _is_fresh(snapshot.fetched_at, max_age=window):
        refresh_failed = odds_refresh_single_flight(
            fixture_id=fixture_id, max_age=window, client=client or chatbet_client()
        )
        snapshot = odds_snapshot_for_fixture(fixture_id=fixture_id)
    now = timezone.now()
    age = snapshot.age(now=now)
    return FreshOdds(
        fixture_id=fixture_id,
        status=snapshot.status,
        prices=snapshot.prices,
        fetched_at=snapshot.fetched_at,
        age_seconds=None if age is None else max(0.0, age.total_seconds()),
        stale=not _is_fresh(snapshot.fetched_at, max_age=window),
        refresh_failed=refresh_failed,
    )
