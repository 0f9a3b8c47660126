"""Sports data benchmark: full sync of 1,000 fixtures with odds from a local fake ChatBet API, and
the latency of reading one fixture's current odds from the database. Prints one JSON object.

    DEBUG=true DATABASE_URL=postgres://... .venv/bin/python benchmarks/bench_sportsdata.py

Its rows use provider ids no real feed has (88...) and are removed before and after the run.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chatbet_site.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402

from sportsdata.client import chatbet_breaker, chatbet_client  # noqa: E402
from sportsdata.models import Fixture, Odds, Sport, SyncRun, Team, Tournament  # noqa: E402
from sportsdata.selectors import odds_current_for_fixture, odds_snapshot_for_fixture  # noqa: E402
from sportsdata.services import sportsdata_sync_all  # noqa: E402

TOURNAMENTS = 20
FIXTURES_PER_TOURNAMENT = 50
TEAMS_PER_TOURNAMENT = 10


def dataset() -> dict:
    rng = random.Random(7)
    sports = [
        {
            "id": "881",
            "alias": "Soccer",
            "names": {"en": "Bench Football", "es": "Fútbol", "pt_br": "Futebol"},
        }
    ]
    tournaments, teams, fixtures, odds = [], [], [], {}
    for t in range(TOURNAMENTS):
        tid = f"88{t:03d}"
        tournaments.append(
            {
                "id": tid,
                "sport_id": "881",
                "names": {"en": f"Bench League {t}", "es": f"Liga {t}", "pt_br": f"Liga {t}"},
                "order": t,
            }
        )
        team_ids = [f"88{t:03d}{k:02d}" for k in range(TEAMS_PER_TOURNAMENT)]
        teams += [
            {"id": x, "names": {"en": f"Team {x}", "es": f"Equipo {x}", "pt_br": f"Time {x}"}}
            for x in team_ids
        ]
        for n in range(FIXTURES_PER_TOURNAMENT):
            fid = f"88{t:03d}{n:04d}"
            home, away = rng.sample(team_ids, 2)
            fixtures.append({"id": fid, "tournament_id": tid, "home_team_id": home, "away_team_id": away,
                             "day_offset": 1 + n % 10, "time": f"{12 + n % 10}:00"})  # fmt: skip
            h, d, a = (round(rng.uniform(1.3, 6.0), 2) for _ in range(3))
            odds[fid] = {
                "status": "Active",
                "result": {"home": h, "draw": d, "away": a},
                "double_chance": {"home_or_draw": 1.3, "away_or_draw": 1.6, "home_or_away": 1.25},
                "both_teams_to_score": {"yes": 1.8, "no": 1.95},
                "over_under": {"line": 2.5, "over": 1.85, "under": 1.95},
                "handicap": {"line": -1, "home": 2.9, "away": 1.4},
                "half_time_result": {"home": h + 0.8, "draw": 2.1, "away": a + 1},
            }
    return {"sports": sports, "tournaments": tournaments, "teams": teams, "fixtures": fixtures, "odds": odds,
            "users": {"1": {"key": "1", "money": 100.0}}}  # fmt: skip


def cleanup() -> None:
    Odds.objects.filter(fixture__provider_id__startswith="88").delete()
    Fixture.objects.filter(provider_id__startswith="88").delete()
    Team.objects.filter(provider_id__startswith="88").delete()
    Tournament.objects.filter(provider_id__startswith="88").delete()
    Sport.objects.filter(provider_id="881").delete()


def main() -> int:
    if connection.vendor != "postgresql":
        sys.stderr.write(
            "bench_sportsdata: point DATABASE_URL at PostgreSQL (e.g. under scripts/with_services.sh)\n"
        )
        return 2
    # The fake runs in its own process, like the real API, so it does not compete for our GIL.
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as data_file:
        json.dump(dataset(), data_file)
    fake = subprocess.Popen(
        [sys.executable, "-m", "sportsdata.tests.fake_chatbet", data_file.name],
        stdout=subprocess.PIPE,
        text=True,
        cwd=str(Path(__file__).resolve().parent.parent),
    )
    assert fake.stdout is not None
    settings.CHATBET_API_BASE_URL = fake.stdout.readline().strip()
    settings.CHATBET_API_RETRIES = 1
    settings.CHATBET_API_BACKOFF = 0.05
    chatbet_breaker().reset()
    client = chatbet_client()
    cleanup()
    results: dict[str, object] = {"fixtures_target": TOURNAMENTS * FIXTURES_PER_TOURNAMENT,
                                  "api_concurrency": settings.CHATBET_API_CONCURRENCY}  # fmt: skip
    try:
        started = time.perf_counter()
        run = sportsdata_sync_all(client=client)
        results["full_sync_s"] = round(time.perf_counter() - started, 3)
        results["full_sync_status"] = run.status
        fixture_ids = list(Fixture.objects.filter(provider_id__startswith="88").values_list("pk", flat=True))
        results["fixtures_synced"] = len(fixture_ids)
        results["current_odds_rows"] = Odds.objects.filter(
            fixture_id__in=fixture_ids, is_current=True
        ).count()
        results["api_requests_first_sync"] = client.counts.requests

        started = time.perf_counter()
        rerun = sportsdata_sync_all(client=client)
        results["resync_unchanged_s"] = round(time.perf_counter() - started, 3)
        results["resync_odds_created"] = rerun.counts.get("odds.odds_created")

        rng = random.Random(1)
        for _ in range(200):  # warm up the connection and the plan cache
            odds_current_for_fixture(fixture_id=rng.choice(fixture_ids))
        for name, read in (
            ("odds_current", odds_current_for_fixture),
            ("odds_snapshot", odds_snapshot_for_fixture),
        ):
            samples = []
            for _ in range(2000):
                fixture_id = rng.choice(fixture_ids)
                t0 = time.perf_counter()
                read(fixture_id=fixture_id)
                samples.append((time.perf_counter() - t0) * 1000)
            samples.sort()
            results[f"{name}_read_p50_ms"] = round(statistics.median(samples), 3)
            results[f"{name}_read_p95_ms"] = round(samples[int(len(samples) * 0.95)], 3)
        results["targets"] = {"full_sync_s": 10, "odds_read_p50_ms": 2}
        results["ok"] = bool(results["full_sync_s"] < 10 and results["odds_current_read_p50_ms"] < 2)  # type: ignore[operator]
    finally:
        cleanup()
        SyncRun.objects.filter(
            counts__has_key="odds.fixtures", counts__contains={"odds.fixtures": 1000}
        ).delete()
        fake.terminate()
        fake.wait(timeout=10)
        os.unlink(data_file.name)
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
