"""`manage.py sync_sportsdata`: sync sports, tournaments, teams, fixtures and odds now.

In a terminal it shows a progress bar per stage (tqdm, on stderr); piped or with `--no-progress`
it prints only the summary.
"""

from __future__ import annotations

import datetime as dt
import sys
import threading
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from sportsdata.client import chatbet_client
from sportsdata.models import Fixture, Odds, Sport, SyncRun, Team, Tournament
from sportsdata.services import NO_PROGRESS, SyncProgress, sportsdata_sync_all


class TerminalProgress(SyncProgress):
    """One tqdm bar per stage. Odds are fetched from a thread pool, hence the lock."""

    def __init__(self, *, stream: TextIO) -> None:
        self._stream = stream
        self._bar: tqdm[Any] | None = None
        self._lock = threading.Lock()

    def stage(self, *, name: str, total: int) -> None:
        with self._lock:
            self.close()
            self._bar = tqdm(total=total, desc=name, unit="req", file=self._stream, leave=True)

    def advance(self, *, count: int = 1) -> None:
        with self._lock:
            if self._bar is not None:
                self._bar.update(count)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


class Command(BaseCommand):
    help = "Sync everything from the ChatBet API now and print what is stored."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--odds-horizon-hours",
            type=int,
            default=None,
            help="only fetch odds for fixtures starting within this many hours (default: all upcoming)",
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bar, even in a terminal")

    def handle(self, *args: Any, **options: Any) -> None:
        hours = options["odds_horizon_hours"]
        horizon = dt.timedelta(hours=hours) if hours is not None else None
        stream: TextIO = options.get("stderr") or sys.stderr
        show = not options["no_progress"] and stream.isatty()
        progress = TerminalProgress(stream=stream) if show else NO_PROGRESS
        try:
            run = sportsdata_sync_all(client=chatbet_client(), odds_horizon=horizon, progress=progress)
        finally:
            if isinstance(progress, TerminalProgress):
                progress.close()
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
