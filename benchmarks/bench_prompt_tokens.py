"""Prompt tokens per turn of the Gemini engine, against a scripted fake Gemini on a loopback socket.

Each conversation is answered twice: first by the offline engine, whose tool calls and reply per
turn become the script; then by the Gemini engine, where the fake replays those calls (all in one
model turn) and answers with the offline reply, so prompts carry realistic tool results and
history. The fake estimates promptTokenCount as ceil(request body bytes / 4); a turn's count is
the sum over its requests (what Message.prompt_tokens stores). Prints one JSON object.

    DEBUG=true DATABASE_URL=... .venv/bin/python benchmarks/bench_prompt_tokens.py [CASES.jsonl]

CASES is a JSONL file of {"id", "lang", "turns": [{"user": ...}]} (e.g. the public eval
conversations, on a database synced from the eval data); without it a built-in script runs on
the bundled demo data. Sports data is loaded from CHATBET_API_BASE_URL when the database has none.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chatbet_site.settings")

import django

django.setup()

from asgiref.sync import sync_to_async  # noqa: E402
from django.conf import settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from benchmarks.bench_turn import SCRIPT  # noqa: E402
from betting import services as betting_services  # noqa: E402
from betting.selectors import Owner  # noqa: E402
from conversations import services  # noqa: E402
from conversations.assistant import catalog_store  # noqa: E402
from conversations.assistant.engines import gemini_breaker  # noqa: E402
from conversations.assistant.turn import turn_run  # noqa: E402
from conversations.models import Message  # noqa: E402
from conversations.tests.fake_gemini import (  # noqa: E402
    FakeGemini,
    Request,
    calls_reply,
    fake_gemini_server,
    text_reply,
)
from sportsdata.client import chatbet_client  # noqa: E402
from sportsdata.models import Fixture  # noqa: E402
from sportsdata.services import sportsdata_sync_all  # noqa: E402

# The same conversations the offline-turn benchmark answers.
BUILT_IN = SCRIPT


class Script:
    """What the fake says for the turn being run: the offline engine's calls, then its reply."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.answer = ""

    def __call__(self, request: Request) -> dict[str, Any]:
        last = request.contents[-1] if request.contents else {}
        answered = any("functionResponse" in p for p in last.get("parts", []))
        if self.calls and not answered and len(request.contents) > 0 and "text" in last["parts"][0]:
            calls, self.calls = self.calls, []
            return calls_reply(*calls)
        return text_reply(self.answer or "OK.")


async def _ask(conversation_id: Any, text: str, key: str) -> Message:
    conversation = await services.Conversation.objects.aget(pk=conversation_id)
    user_message, _ = await sync_to_async(services.message_append_user)(
        conversation=conversation, content=text, client_message_id=key
    )
    return (await turn_run(user_message_id=user_message.pk)).message


async def _conversation(language: str) -> Any:
    guest_id = f"bench-{uuid.uuid4().hex[:12]}"
    await sync_to_async(betting_services.profile_confirm_age)(
        owner=Owner(user_id=None, guest_id=guest_id), now=timezone.now()
    )
    conversation = await sync_to_async(services.conversation_start)(guest_id=guest_id, language=language)
    return conversation.pk


async def run_case(case: dict[str, Any], fake: FakeGemini, script: Script) -> list[dict[str, Any]]:
    turns = [str(t.get("user", "")) for t in case.get("turns", [])]
    offline_id = await _conversation(case.get("lang", "en"))
    gemini_id = await _conversation(case.get("lang", "en"))
    rows = []
    for index, text in enumerate(turns):
        settings.ASSISTANT_ENGINE = "offline"
        reference = await _ask(offline_id, text, f"o{index}")
        script.calls = [
            (c["name"], c["arguments"]) for c in reference.tool_calls if c.get("error") != "TOOL_NOT_ALLOWED"
        ]
        script.answer = reference.content
        settings.ASSISTANT_ENGINE = "gemini"
        before = len(fake.requests)
        message = await _ask(gemini_id, text, f"g{index}")
        sizes = [(r.size + 3) // 4 for r in fake.requests[before:]]
        rows.append(
            {
                "case": case.get("id"),
                "turn": index,
                "engine": message.engine,
                "prompt_tokens": message.prompt_tokens,
                "requests": sizes,
            }
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="?", type=Path, help="conversations JSONL (default: a built-in set)")
    args = parser.parse_args()
    if args.cases:
        cases = [
            json.loads(line) for line in args.cases.read_text(encoding="utf-8").splitlines() if line.strip()
        ]
    else:
        cases = [
            {"id": f"builtin-{n}", "lang": "en", "turns": [{"user": t} for t in s]}
            for n, s in enumerate(BUILT_IN)
        ]
    if not Fixture.objects.exists():
        sportsdata_sync_all(client=chatbet_client())
    settings.CHATBET_ODDS_MAX_AGE = 10**9  # use the stored odds: no ChatBet API calls mid-benchmark
    catalog_store.catalog_invalidate()

    rows: list[dict[str, Any]] = []
    for fake in fake_gemini_server():
        script = Script()
        fake.responder = script
        settings.GOOGLE_API_KEY = fake.api_key
        settings.GEMINI_BASE_URL = fake.url
        settings.GEMINI_RETRY_ATTEMPTS = 1
        settings.GEMINI_BREAKER_THRESHOLD = 10**6
        gemini_breaker().reset()
        for case in cases:
            rows.extend(asyncio.run(run_case(case, fake, script)))

    # Every turn counts, fallbacks included (their Gemini requests were sent and paid for too).
    per_turn = [sum(r["requests"]) for r in rows if r["requests"]]
    stored = [r["prompt_tokens"] for r in rows if r["engine"] == "gemini" and r["prompt_tokens"]]
    per_request = [size for r in rows for size in r["requests"]]
    result = {
        "benchmark": "prompt_tokens",
        "estimate": "promptTokenCount = ceil(request bytes / 4), summed over a turn's requests",
        "cases": len(cases),
        "turns": len(rows),
        "turns_answered_by_gemini": len(stored),
        "turns_fallen_back": sum(1 for r in rows if r["engine"] != "gemini"),
        "history_turns": settings.GEMINI_HISTORY_TURNS,
        "prompt_tokens_per_turn": {
            "median": statistics.median(per_turn) if per_turn else None,
            "p90": sorted(per_turn)[int(0.9 * (len(per_turn) - 1))] if per_turn else None,
            "max": max(per_turn, default=None),
        },
        "prompt_tokens_per_turn_answered_by_gemini_median": statistics.median(stored) if stored else None,
        "prompt_tokens_per_request": {
            "median": statistics.median(per_request) if per_request else None,
            "max": max(per_request, default=None),
        },
        "requests_per_turn": round(statistics.mean(len(r["requests"]) for r in rows), 2) if rows else None,
        "target_median_per_turn": 1500,
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
