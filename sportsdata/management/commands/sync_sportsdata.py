"""`manage.py sync_sportsdata`: sync sports, tournaments, teams, fixtures and odds now."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sportsdata.client import chatbet_client
from sportsdata.models import Fixture, Odds, Sport, SyncRun, Team, Tournament
from sportsdata.services import sportsdata_sync_all


class Command(BaseCommand):
    help = "Sync everything from the ChatBet API now and print what is stored."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--odds-horizon-hours",
            type=int,
            default=None,
            help="only fetch odds for fixtures starting within this many hours (default: all upcoming)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        hours = options["odds_horizon_hours"]
        horizon = dt.timedelta(hours=hours) if hours is not None else None
        run = sportsdata_sync_all(client=chatbet_client(), odds_horizon=horizon)
        stored = {
            "sports": Sport.objects.count(),
            "tournaments": Tournament.objects.count(),
            "teams": Team.objects.count(),
            "fixtures": Fixture.objects.count(),
            "fixtures_with_active_odds": Fixture.objects.filter(
                odds_status=Fixture.OddsStatus.ACTIVE
            ).count(),
            "current_odds": Odds.objects.filter(is_current=True).count(),
        }
        self.stdout.write(f"sync run {run.pk}: {run.status} in {run.duration_ms} ms")
        for key, value in sorted(run.counts.items()):
            self.stdout.write(f"  {key}: {value}")
        self.stdout.write("stored: " + ", ".join(f"{k}={v}" for k, v in stored.items()))
        if run.error:
            self.stderr.write(run.error)
        if run.status == SyncRun.Status.FAILED:
            raise CommandError("nothing could be synced from the ChatBet API")
