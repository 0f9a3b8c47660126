"""The dialogue context and entities an LLM turn leaves behind, derived as the offline engine does.

Follow-ups ("and the draw?") must work whichever engine answered, so the context comes from the
same understanding (`next_context`) plus what the tools settled on: the fixture the model looked
at last, a bet slip it proposed. Entities reuse the offline engine's `entities_of`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from conversations.assistant.engines.base import TurnInput
from conversations.assistant.engines.offline import Work, _schedule_teams, entities_of
from conversations.assistant.engines.phrases import lang
from conversations.assistant.tools.registry import ToolOutcome, ToolRunner
from conversations.assistant.understanding import (
    Catalog,
    DialogueContext,
    context_with_fixture,
    context_with_pending_bet,
    next_context,
)


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
        work.schedule_teams = _schedule_teams(work)
    for name, outcome in calls:
        if not outcome.ok:
            continue
        fixture = _fixture_of(outcome.result)
        home, away = getattr(fixture, "home", None), getattr(fixture, "away", None)
        if home is not None and away is not None:
            work.fixture_teams = [home.id, away.id]
        if name == "propose_bet":
            work.proposed_bet = True
    # The same steps as OfflineEngine.respond, so both engines leave the same kind of context.
    context = next_context(u, turn.context)
    if len(work.fixture_teams) == 2:
        context = context_with_fixture(context, home_id=work.fixture_teams[0], away_id=work.fixture_teams[1])
    if work.proposed_bet:
        context = context_with_pending_bet(context)
    if work.schedule_teams is not None:
        context = replace(context, extra={**context.extra, "schedule_teams": work.schedule_teams})
    return context, entities_of(work)
