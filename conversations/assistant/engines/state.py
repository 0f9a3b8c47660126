"""The dialogue context and entities an LLM turn leaves behind, derived as the offline engine does.

Follow-ups ("and the draw?") must work whichever engine answered, so the context comes from the
same understanding (`next_context`) plus what the tools settled on: the fixture the model looked
at last, a bet slip it proposed. Entities reuse the offline engine's `entities_of`.
"""

from __future__ import annotations

from typing import Any

from conversations.assistant.engines.base import TurnInput
from conversations.assistant.engines.offline import (
    Work,
    bet_frame,
    entities_of,
    frame_after,
    schedule_teams_of,
)
from conversations.assistant.engines.phrases import lang
from conversations.assistant.tools.registry import ToolOutcome, ToolRunner
from conversations.assistant.understanding import Catalog, DialogueContext, next_context
from conversations.assistant.understanding.context import ListedFixture


def _fixture_of(result: Any) -> Any:
    """The one fixture a tool result is about (FixtureInfo), if it is about one."""
    for path in (("fixture",), ("odds", "fixture"), ("leg", "fixture"), ("highest_probability", "fixture")):
        value = result
        for attribute in path:
            value = getattr(value, attribute, None)
        if value is not None:
            return value
    for listing in ("legs", "fixtures"):
        items = getattr(result, listing, None)
        if items:
            first = items[0]
            return getattr(first, "fixture", first)
    return None


def reply_state(
    turn: TurnInput, *, catalog: Catalog, runner: ToolRunner, calls: list[tuple[str, ToolOutcome]]
) -> tuple[DialogueContext, dict[str, Any]]:
    u = turn.understanding
    work = Work(turn=turn, runner=runner, catalog=catalog, u=u, lang=lang(u.language), context=turn.context)
    if u.intent == "match_schedule_query" and not u.ambiguous:
        work.schedule_teams = schedule_teams_of(work)
    for name, outcome in calls:
        if not outcome.ok:
            continue
        result = outcome.result
        fixture = _fixture_of(result)
        home, away = getattr(fixture, "home", None), getattr(fixture, "away", None)
        if home is not None and away is not None:
            work.fixture_teams = [home.id, away.id]
            work.fixture_id = getattr(fixture, "id", None)
        if name == "find_fixtures" and getattr(result, "fixtures", None):
            work.listed = [
                ListedFixture(f.id, f.home.id, f.away.id, f.starts_at.isoformat())
                for f in result.fixtures[:8]
            ]
        elif name in ("propose_bet", "change_stake"):
            # A stake change is a new slip: the one a yes now places.
            work.slip = bet_frame(result.legs, result.stake, result.bet_pk)
            work.simulation_done = True
        elif name == "simulate_bet":
            work.simulation = bet_frame(result.legs, result.stake)
        elif name in ("place_bet", "cancel_bet"):
            work.slip_done = work.simulation_done = True
    # The same frame as OfflineEngine.respond leaves, so follow-ups work whichever engine answered.
    return frame_after(work, next_context(u, turn.context)), entities_of(work)
