"""The ASGI app for the WebSocket benchmark: the real application with an instant fake LLM.

The engine answers at once with a fixed ~40-word reply (streamed by the turn in 4-word chunks),
so what the benchmark measures is everything around the LLM: claim, understanding, persistence,
buffering, fan-out and the socket. Never used outside benchmarks.
"""

from __future__ import annotations

import os
from typing import Any

from chatbet_site.asgi import application
from conversations.assistant import turn
from conversations.assistant.engines.base import EngineReply

REPLY = (
    "Barcelona host Real Madrid on Sunday. The match result odds are 2.10 for Barcelona, 3.40 for "
    "the draw and 3.20 for Real Madrid. Prices move often, so check them again before you bet, "
    "and only stake what you can afford to lose."
)


class InstantEngine:
    name = "offline"  # skips the grounding re-check, like the offline engine

    async def respond(self, turn_input: Any, runner: Any, on_chunk: Any) -> EngineReply:
        return EngineReply(
            text=REPLY,
            context=turn_input.context,
            entities={},
            suggested_actions=["Show more markets"],
            model="instant-fake",
        )


def _instant(preferred: str | None = None) -> InstantEngine:
    return InstantEngine()


turn.select_engine = _instant

if os.environ.get("BENCH_CONN_MAX_AGE"):
    from django.db import connections

    connections.settings["default"]["CONN_MAX_AGE"] = int(os.environ["BENCH_CONN_MAX_AGE"])

__all__ = ["application"]
