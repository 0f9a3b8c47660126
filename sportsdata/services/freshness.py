"""On-demand odds freshness: stale odds are refreshed once for everyone asking at the same time.

The refresh is single-flight across threads and processes: a cache `add` elects one refresher
per fixture; the others wait for it to announce it is done (Redis pub/sub with REDIS_URL, a
condition variable in the embedded mode, whose cache is per process) and then read what it
stored. When the API fails, every asker gets the stored odds with their age and
`refresh_failed=True`.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
import uuid
from dataclasses import dataclass

import redis
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from sportsdata.client import ChatBetClient, chatbet_client
from sportsdata.models import Fixture
from sportsdata.selectors import OddsPrice, odds_snapshot_for_fixture
from sportsdata.services.odds import odds_refresh_for_fixture

logger = logging.getLogger(__name__)

DONE_CHANNEL_PREFIX = "sportsdata:odds-refreshed"

_done_locally = threading.Condition()  # embedded mode: refreshers notify, waiters wait
_redis_clients: dict[str, redis.Redis] = {}


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
                _refresh_announce(fixture_id)
        if not _refresh_wait(fixture_id, lock_key, deadline):
            logger.warning("gave up waiting for the odds refresh of fixture %s", fixture_id)
            return True
        if _is_fresh(_fetched_at(fixture_id), max_age=max_age):
            return False
        outcome = cache.get(outcome_key)
        if outcome is not None and not outcome["ok"] and outcome["at"] >= asked_at:
            return True  # the refresh we waited for failed: do not call the failing API again
        if time.monotonic() >= deadline:
            return True


def _redis_client() -> redis.Redis | None:
    url = settings.REDIS_URL
    if not url:
        return None
    client = _redis_clients.get(url)
    if client is None:
        client = _redis_clients.setdefault(url, redis.Redis.from_url(url))
    return client


def _refresh_announce(fixture_id: int) -> None:
    """Wake whoever waits for this fixture's refresh (its lock is already released)."""
    client = _redis_client()
    if client is None:
        with _done_locally:
            _done_locally.notify_all()
        return
    try:
        client.publish(f"{DONE_CHANNEL_PREFIX}:{fixture_id}", "done")
    except redis.RedisError:  # the waiters give up at their deadline and use the stored odds
        logger.warning("could not announce the odds refresh of fixture %s", fixture_id, exc_info=True)


def _refresh_wait(fixture_id: int, lock_key: str, deadline: float) -> bool:
    """Block until the refresher holding `lock_key` is done; False when `deadline` came first.
    Subscribed before the lock is looked at, so an announcement cannot fall in between."""
    client = _redis_client()
    if client is None:
        with _done_locally:
            while cache.get(lock_key) is not None:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                _done_locally.wait(timeout=remaining)
        return True
    pubsub = client.pubsub(ignore_subscribe_messages=True)
    try:
        pubsub.subscribe(f"{DONE_CHANNEL_PREFIX}:{fixture_id}")
        while cache.get(lock_key) is not None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            # Blocks on the socket until a message (or the subscription's confirmation) arrives.
            pubsub.get_message(timeout=remaining)
        return True
    finally:
        pubsub.close()


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
