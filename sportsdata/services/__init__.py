"""Every write of sports data: sync jobs, upserts, odds history, on-demand freshness.

Import from here; the submodules split the work by concern (catalog, odds, freshness, runs, sync).
"""

from sportsdata.services.catalog import fixtures_pull, provider_rows_upsert, tournaments_pull
from sportsdata.services.freshness import FreshOdds, odds_fresh_for_fixture, odds_refresh_single_flight
from sportsdata.services.odds import (
    ODDS_CHANGED_EVENT,
    SPORTS_UPDATES_GROUP,
    odds_apply,
    odds_changes_broadcast,
    odds_pull,
    odds_refresh_for_fixture,
)
from sportsdata.services.runs import NO_PROGRESS, SyncOutcome, SyncProgress, syncrun_execute
from sportsdata.services.sync import fixtures_sync, odds_sync_upcoming, sportsdata_sync_all, tournaments_sync

__all__ = [
    "NO_PROGRESS",
    "ODDS_CHANGED_EVENT",
    "SPORTS_UPDATES_GROUP",
    "FreshOdds",
    "SyncOutcome",
    "SyncProgress",
    "fixtures_pull",
    "fixtures_sync",
    "odds_apply",
    "odds_changes_broadcast",
    "odds_fresh_for_fixture",
    "odds_pull",
    "odds_refresh_for_fixture",
    "odds_refresh_single_flight",
    "odds_sync_upcoming",
    "provider_rows_upsert",
    "sportsdata_sync_all",
    "syncrun_execute",
    "tournaments_pull",
    "tournaments_sync",
]
