"""Guardrails outside the LLM: allowed tools, grounded figures, banned phrases, the streaming gate,
and the prompt pieces that keep Gemini's requests small."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from betting.selectors import GamblingStatus
from conversations.assistant import guardrails
from conversations.assistant.engines.base import TurnInput
from conversations.assistant.engines.prompt import (
    RULES,
    compact_schema,
    history_contents,
    leaks_rules,
    tool_names_for,
)
from conversations.assistant.engines.stream import StreamGate
from conversations.assistant.tools import REGISTRY
from conversations.assistant.understanding import DialogueContext, Understanding

NOW = datetime(2025, 5, 1, 12, tzinfo=UTC)


def status(**overrides: object) -> GamblingStatus:
    values: dict[str, object] = {
        "self_excluded_until": None,
        "cooling_off_until": None,
        "age_confirmed": True,
        "stake_limit_per_bet": None,
        "stake_limit_daily": None,
        "stake_limit_weekly": None,
    }
    values.update(overrides)
    return GamblingStatus(**values)  # type: ignore[arg-type]


def test_betting_tools_exist_only_for_people_free_to_bet():
    free = guardrails.allowed_tools(status=status(), betting_paused=False)
    excluded = guardrails.allowed_tools(
        status=status(self_excluded_until=NOW + timedelta(days=1)), betting_paused=False
    )
    cooling = guardrails.allowed_tools(
        status=status(cooling_off_until=NOW + timedelta(hours=1)), betting_paused=False
    )
    paused = guardrails.allowed_tools(status=status(), betting_paused=True)

    assert {"propose_bet", "place_bet", "simulate_bet", "recommend_bets"} <= free
    for blocked in (excluded, cooling, paused):
        assert not blocked & guardrails.BETTING_TOOLS
        assert {"get_odds", "self_exclude", "set_limit"} <= blocked


def test_figures_must_come_from_tool_results_or_the_users_message():
    grounded = guardrails.grounded_numbers(
        tool_results=[
            {"markets": {"1x2": [{"odds": "2.100"}, {"odds": "3.40"}]}, "implied_probability": "0.4762"}
        ],
        user_text="I want to bet $25",
    )

    assert (
        guardrails.ungrounded_figures("Barcelona pay 2.10, a 47.6% chance; $25 returns", grounded=grounded)
        == []
    )
    assert guardrails.ungrounded_figures("Barcelona pay 2.25", grounded=grounded) == ["2.25"]
    assert guardrails.ungrounded_figures("a 60% chance", grounded=grounded) == ["60%"]
    assert guardrails.ungrounded_figures("you could win $500", grounded=grounded) == ["$500"]
    assert guardrails.ungrounded_figures("kick-off in 3 days", grounded=grounded) == []


@pytest.mark.parametrize(
    "phrase", ["This bet is risk-free.", "It's a sure win.", "Guaranteed profit here.", "You can't lose."]
)
def test_banned_phrases_are_scrubbed(phrase):
    scrubbed = guardrails.scrub(f"Barcelona play tomorrow. {phrase} Enjoy!", language="en")

    assert phrase not in scrubbed
    assert scrubbed.startswith("Barcelona play tomorrow.")
    assert "only stake what you can afford to lose" in scrubbed


class Sink:
    def __init__(self) -> None:
        self.chunks: list[str] = []

    async def __call__(self, piece: str) -> None:
        self.chunks.append(piece)


def gate(sink: Sink, grounded: set[Decimal]) -> StreamGate:
    return StreamGate(sink, grounded=lambda: grounded, leaks=leaks_rules)


async def test_gate_forwards_whole_sentences_and_never_splits_a_decimal():
    sink = Sink()
    g = gate(sink, {Decimal("1.95")})
    for piece in ["Barcelona pay 1.", "95 tonight. The dr", "aw is next"]:
        await g.feed(piece)
    assert sink.chunks == ["Barcelona pay 1.95 tonight. "]
    await g.flush()
    assert sink.chunks[-1] == "The draw is next"
    assert g.streamed == g.text


async def test_gate_holds_everything_after_an_ungrounded_figure_and_drops_banned_sentences():
    sink = Sink()
    g = gate(sink, {Decimal("2.10")})
    await g.feed("Barcelona pay 2.10. A sure win for sure. Real Madrid pay 9.99. More text. ")
    await g.flush()

    assert sink.chunks == ["Barcelona pay 2.10. "]
    assert g.held
    assert "9.99" in g.text


async def test_gate_holds_a_sentence_quoting_the_system_rules():
    sink = Sink()
    g = gate(sink, set())
    rule = RULES.splitlines()[2].removeprefix("1. ")
    await g.feed(f"Hello. {rule} ")
    await g.flush()

    assert sink.chunks == ["Hello. "]
    assert g.held


def test_schemas_lose_titles_and_null_unions():
    schema = compact_schema(REGISTRY["get_odds"].declaration()["parameters_json_schema"])

    assert schema["properties"]["team"] == {
        "type": "string",
        "description": "A team of the match, when the fixture id is unknown",
    }
    assert "title" not in str(schema)


def understanding(intent: str, **extra: object) -> Understanding:
    return Understanding(intent=intent, confidence=0.9, language="en", **extra)  # type: ignore[arg-type]


def test_tools_are_offered_by_intent_and_never_beyond_the_allowed_set():
    everything = frozenset(REGISTRY)
    no_betting = everything - guardrails.BETTING_TOOLS

    assert tool_names_for(understanding("odds_information_query"), everything) == ["get_odds"]
    assert tool_names_for(understanding("greeting"), everything) == []
    assert "propose_bet" in tool_names_for(understanding("place_bet"), everything)
    assert "propose_bet" not in tool_names_for(understanding("place_bet"), no_betting)
    assert set(tool_names_for(understanding("unclear"), no_betting)) == set(no_betting)
    assert "self_exclude" in tool_names_for(understanding("greeting", harm_signal=True), everything)


def test_history_keeps_the_last_turns_and_the_stored_model_content():
    stored = [
        {"role": "model", "parts": [{"function_call": {"name": "get_odds", "args": {}}}]},
        {"role": "user", "parts": [{"function_response": {"name": "get_odds", "response": {}}}]},
        {"role": "model", "parts": [{"text": "Barcelona pay 2.10.", "thought_signature": "c2ln"}]},
    ]
    turn = TurnInput(
        text="and the draw?",
        language="en",
        understanding=understanding("odds_information_query"),
        context=DialogueContext(),
        history=[
            ("user", "hi"),
            ("assistant", "Hello!"),
            ("user", "odds?"),
            ("assistant", "Barcelona pay 2.10."),
        ],
        raw_history=[{}, {}, {}, {"contents": stored}],
    )

    contents = history_contents(turn, max_turns=1)

    assert [c.role for c in contents] == ["user", "model"]
    assert (contents[1].parts or [])[0].thought_signature == b"sig"
    # A reply the guardrails changed goes back as the text the user saw, without the signature.
    turn.history[-1] = ("assistant", "Something else.")
    replaced = (history_contents(turn, max_turns=1)[1].parts or [])[0]
    assert replaced.text == "Something else."
    assert replaced.thought_signature is None
