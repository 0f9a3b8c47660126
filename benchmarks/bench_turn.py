"""Offline turn benchmark: the whole turn pipeline without a transport, on the configured database.

Loads the bundled demo sports data, then answers a mix of questions (schedules, odds, follow-ups,
comparisons, simulations, recommendations, balance, help) in fresh conversations and reports the
p50/p99 latency of a turn. Prints one JSON object.

    DEBUG=true DATABASE_URL=postgres://... .venv/bin/python benchmarks/bench_turn.py [--conversations 40]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chatbet_site.settings")

import django

django.setup()

from asgiref.sync import sync_to_async  # noqa: E402
from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402

from conversations import services  # noqa: E402
from conversations.assistant import catalog_store  # noqa: E402
from conversations.assistant.turn import turn_run  # noqa: E402
from conversations.models import Conversation  # noqa: E402
from sportsdata.client import chatbet_client  # noqa: E402
from sportsdata.services import sportsdata_sync_all  # noqa: E402

SCRIPT = [
    ["When does Barcelona play?", "What are the odds for that match?", "and the draw?"],
    ["What matches are on today?", "And tomorrow?"],
    ["Who is the favourite between Liverpool and Manchester City?"],
    ["Simulate a $50 bet on Liverpool", "and if I put 100 on the draw instead?"],
    ["¿Cuánto paga el empate en el Barcelona vs Real Madrid?", "¿y ambos marcan?"],
    ["Which match should I bet on this weekend?"],
    ["What does double chance mean?", "hi", "help"],
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def run(conversations: int) -> list[float]:
    timings: list[float] = []
    for n in range(conversations):
        script = SCRIPT[n % len(SCRIPT)]
        conversation = await sync_to_async(services.conversation_start)(guest_id=f"guest-bench-{n}")
        for i, text in enumerate(script):
            message, _ = await sync_to_async(services.message_append_user)(
                conversation=conversation, content=text, client_message_id=f"b{n}-{i}"
            )
            started = time.perf_counter()
            await turn_run(user_message_id=message.pk)
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--conversations", type=int, default=40)
    args = parser.parse_args()
    settings.CHATBET_API_BASE_URL = "demo"
    settings.CHATBET_ODDS_MAX_AGE = 3600  # measure the turn, not the odds refresh
    sportsdata_sync_all(client=chatbet_client())
    catalog_store.catalog_current()
    timings = asyncio.run(run(args.conversations))
    # Warm-up: the first turn builds caches and thread pools; report steady state.
    steady = timings[len(SCRIPT) :] or timings
    Conversation.objects.filter(guest_id__startswith="guest-bench-").delete()
    print(
        json.dumps(
            {
                "benchmark": "offline_turn",
                "database": connection.vendor,
                "turns": len(steady),
                "turn_ms_p50": round(statistics.median(steady), 2),
                "turn_ms_p99": round(percentile(steady, 0.99), 2),
                "turn_ms_max": round(max(steady), 2),
                "target_turn_ms_p50": 10,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
