"""The sync jobs: each pulls from the ChatBet API and records exactly one SyncRun.

`sportsdata_sync_all` is the "everything now" run behind `manage.py sync_sportsdata`; the
others are the scheduled prefetches (tournaments daily, fixtures hourly, odds every minute).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone

from sportsdata.client import ChatBetClient, ChatBetError
from sportsdata.models import SyncRun
from sportsdata.services.catalog import fixtures_pull, tournaments_pull
from sportsdata.services.odds import odds_pull
from sportsdata.services.runs import NO_PROGRESS, SyncOutcome, SyncProgress, syncrun_execute

# Odds of a match that kicked off a little while ago are still worth having (late kickoffs,
# a sync started just before the whistle).
ODDS_LOOKBACK = dt.timedelta(hours=3)


def tournaments_sync(*, client: ChatBetClient) -> SyncRun:
    return syncrun_execute(kind=SyncRun.Kind.TOURNAMENTS, step=lambda: tournaments_pull(client=client))


def fixtures_sync(*, client: ChatBetClient) -> SyncRun:
    return syncrun_execute(kind=SyncRun.Kind.FIXTURES, step=lambda: fixtures_pull(client=client))


def odds_sync_upcoming(*, client: ChatBetClient, horizon: dt.timedelta | None = None) -> SyncRun:
    now = timezone.now()
    window = horizon if horizon is not None else dt.timedelta(hours=settings.CHATBET_ODDS_HORIZON_HOURS)
    return syncrun_execute(
        kind=SyncRun.Kind.ODDS,
        step=lambda: odds_pull(client=client, starts_from=now - ODDS_LOOKBACK, starts_until=now + window),
    )


def sportsdata_sync_all(
    *, client: ChatBetClient, odds_horizon: dt.timedelta | None = None, progress: SyncProgress = NO_PROGRESS
) -> SyncRun:
    """Sports, tournaments, teams, fixtures of every tournament and odds of every fixture from
    `ODDS_LOOKBACK` ago on (up to `odds_horizon` ahead when given), as one FULL run. Each stage
    runs even when an earlier one failed, working from the stored data."""

    def step() -> SyncOutcome:
        total = SyncOutcome(synced_anything=False)
        stages = (
            ("tournaments", lambda: tournaments_pull(client=client)),
            ("fixtures", lambda: fixtures_pull(client=client, progress=progress)),
            ("odds", lambda: _odds_all(client=client, horizon=odds_horizon, progress=progress)),
        )
        for name, stage in stages:
            try:
                outcome = stage()
            except ChatBetError as exc:
                total.errors.append(f"{name}: {exc}")
                continue
            total.merge(outcome, prefix=f"{name}.")
            total.synced_anything = total.synced_anything or outcome.synced_anything
        return total

    return syncrun_execute(kind=SyncRun.Kind.FULL, step=step)


def _odds_all(*, client: ChatBetClient, horizon: dt.timedelta | None, progress: SyncProgress) -> SyncOutcome:
    now = timezone.now()
    until = None if horizon is None else now + horizon
    return odds_pull(client=client, starts_from=now - ODDS_LOOKBACK, starts_until=until, progress=progress)
