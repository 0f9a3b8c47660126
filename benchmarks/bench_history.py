"""History paging with 1,000,000 stored messages (10,000 conversations x 100), on PostgreSQL.

Measures the REST history window (conversations.selectors.messages_page: newest page, and a page
before an anchor) and, as the floor measured in the same run, a bare primary-key SELECT of one
message. Prints one JSON object. The rows it creates are removed afterwards.

    DEBUG=false SECRET_KEY=x DATABASE_URL=postgres://... .venv/bin/python benchmarks/bench_history.py
"""

from __future__ import annotations

import gc
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chatbet_site.settings")

import django

django.setup()

from django.db import connection  # noqa: E402

from conversations.models import Conversation, Message  # noqa: E402
from conversations.selectors import messages_page  # noqa: E402

GUEST = "guest-bench-history"
CONVERSATIONS = 10_000
PER_CONVERSATION = 100
SAMPLES = 400


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 3)


def seed() -> float:
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO conversations_conversation (id, user_id, guest_id, title, language, context, summary,"
            " created_at, updated_at) SELECT gen_random_uuid(), NULL, %s, 'bench', 'en', '{}'::jsonb, '', now(),"
            " now() FROM generate_series(1, %s)",
            [GUEST, CONVERSATIONS],
        )
        cursor.execute(
            "INSERT INTO conversations_message (conversation_id, role, content, client_message_id, status, intent,"
            " entities, tool_calls, suggested_actions, engine, model, error_code, metadata, created_at)"
            " SELECT c.id, CASE WHEN g %% 2 = 1 THEN 'user' ELSE 'assistant' END, 'message ' || g,"
            " CASE WHEN g %% 2 = 1 THEN 'h' || g ELSE '' END, 'complete', '', '{}'::jsonb, '[]'::jsonb,"
            " '[]'::jsonb, '', '', '', '{}'::jsonb, now() - make_interval(secs => %s - g)"
            " FROM conversations_conversation c CROSS JOIN generate_series(1, %s) g WHERE c.guest_id = %s",
            [PER_CONVERSATION, PER_CONVERSATION, GUEST],
        )
        # As in production, where autovacuum has long since processed the rows: measured right after a
        # bulk load, pages would otherwise race the autovacuum that the load triggers.
        cursor.execute("VACUUM (ANALYZE) conversations_message")
    return time.perf_counter() - started


def clean() -> None:
    """Drop the seeded rows in two statements (the ORM's cascade would load a million messages)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM conversations_message WHERE conversation_id IN"
            " (SELECT id FROM conversations_conversation WHERE guest_id = %s)",
            [GUEST],
        )
        cursor.execute("DELETE FROM conversations_conversation WHERE guest_id = %s", [GUEST])


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def main() -> None:
    clean()
    seed_s = seed()
    total = Message.objects.count()
    conversation_ids = list(Conversation.objects.filter(guest_id=GUEST).values_list("pk", flat=True))
    # As chatbet_site/asgi.py does at start-up: long-lived objects (here Django and the 10,000 ids)
    # are kept out of full garbage collections, which would otherwise add ~60 ms stalls to the p99.
    gc.freeze()
    rng = random.Random(7)
    newest, before, floor = [], [], []
    for _ in range(SAMPLES):
        conversation_id = rng.choice(conversation_ids)
        newest.append(timed(lambda c=conversation_id: messages_page(conversation_id=c, limit=50)))
        page = messages_page(conversation_id=conversation_id, limit=50)
        anchor = page.messages[0].pk
        before.append(
            timed(lambda c=conversation_id, a=anchor: messages_page(conversation_id=c, limit=50, before=a))
        )
        floor.append(timed(lambda a=anchor: list(Message.objects.filter(pk=a).values_list("pk", flat=True))))
    clean()
    floor_p50 = statistics.median(floor)
    print(
        json.dumps(
            {
                "benchmark": "history",
                "messages_stored": total,
                "seed_s": round(seed_s, 1),
                "newest_page_p50_ms": round(statistics.median(newest), 3),
                "newest_page_p99_ms": percentile(newest, 0.99),
                "older_page_p50_ms": round(statistics.median(before), 3),
                "older_page_p99_ms": percentile(before, 0.99),
                "floor_pk_select_p50_ms": round(floor_p50, 3),
                "newest_page_ratio_to_floor": round(statistics.median(newest) / floor_p50, 1),
                "older_page_ratio_to_floor": round(statistics.median(before) / floor_p50, 1),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
