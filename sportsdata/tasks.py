"""Celery prefetch jobs; django-celery-beat schedules them (rows made by migration 0002).

Each task is thin: it takes a cache lock so overlapping beats do not pile up, then calls one
sync service, which records its own SyncRun.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from celery import shared_task
from django.core.cache import cache

from sportsdata.client import chatbet_client
from sportsdata.models import SyncRun
from sportsdata.services import fixtures_sync, odds_sync_upcoming, sportsdata_sync_all, tournaments_sync

logger = logging.getLogger(__name__)


def _exclusive(name: str, ttl: int, job: Callable[[], SyncRun]) -> int | None:
    """Run `job` unless the same job is already running somewhere; returns the SyncRun id."""
    key = f"sportsdata:task:{name}"
    if not cache.add(key, "1", timeout=ttl):
        logger.info("skipping %s: the previous run is still going", name)
        return None
    try:
        return job().pk
    finally:
        cache.delete(key)


@shared_task(name="sportsdata.sync_tournaments", acks_late=True)
def sync_tournaments() -> int | None:
    return _exclusive("tournaments", 600, lambda: tournaments_sync(client=chatbet_client()))


@shared_task(name="sportsdata.sync_fixtures", acks_late=True)
def sync_fixtures() -> int | None:
    return _exclusive("fixtures", 900, lambda: fixtures_sync(client=chatbet_client()))


@shared_task(name="sportsdata.sync_odds", acks_late=True)
def sync_odds() -> int | None:
    return _exclusive("odds", 300, lambda: odds_sync_upcoming(client=chatbet_client()))


@shared_task(name="sportsdata.sync_all", acks_late=True)
def sync_all() -> int | None:
    return _exclusive("all", 1800, lambda: sportsdata_sync_all(client=chatbet_client()))
