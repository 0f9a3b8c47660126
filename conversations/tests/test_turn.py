"""The turn pipeline end to end on PostgreSQL, with sports data synced from a fake ChatBet API.

Only the outside world is faked (the ChatBet HTTP API, at its socket); the database, services,
tools, engine and guardrails are the real ones.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest
from asgiref.sync import sync_to_async
from django.utils import timezone

from betting.models import Bet, GamblingProfile, HarmFlag
from conversations import services
from conversations.assistant.turn import turn_run
from conversations.models import Conversation, Message
from sportsdata.models import Fixture

pytestmark = pytest.mark.django_db(transaction=True)


class Recorder:
    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []

    async def __call__(self, event: dict[str, Any]) -> None:
        self.events.append(event)

    def types(self) -> list[str]:
        return [e["type"] for e in self.events]

    def text(self) -> str:
        return "".join(e["content"] for e in self.events if e["type"] == "chunk")


def start(guest_id: str = "guest-test") -> Conversation:
    return services.conversation_start(guest_id=guest_id)


async def ask(
    conversation: Conversation, text: str, message_id: str, listener: Recorder | None = None
) -> Message:
    user_message, _ = await sync_to_async(services.message_append_user)(
        conversation=conversation, content=text, client_message_id=message_id
    )
    outcome = await turn_run(user_message_id=user_message.pk, listener=listener)
    return outcome.message


async def test_odds_turn_streams_chunks_and_stores_what_it_did(chatbet):
    conversation = await sync_to_async(start)()
    recorder = Recorder()
    reply = await ask(conversation, "What are the odds for Barcelona vs Real Madrid?", "m1", recorder)

    assert recorder.types()[0] == "start"
    assert recorder.types()[-1] == "end"
    assert "tool_activity" in recorder.types()
    assert recorder.types().count("chunk") > 3
    assert recorder.text() == reply.content
    for price in ("2.10", "3.40", "3.50"):
        assert price in reply.content
    assert reply.status == Message.Status.COMPLETE
    assert reply.intent == "odds_information_query"
    assert reply.engine == Message.Engine.OFFLINE
    assert [call["name"] for call in reply.tool_calls] == ["get_odds"]
    assert reply.tool_calls[0]["ok"] is True
    assert reply.entities["teams"] == ["Barcelona", "Real Madrid"]
    assert reply.latency_ms is not None
    assert reply.suggested_actions


async def test_follow_up_uses_the_conversation_context(chatbet):
    conversation = await sync_to_async(start)()
    await ask(conversation, "When does Barcelona play?", "m1")
    reply = await ask(conversation, "and the draw?", "m2")
    assert reply.intent == "odds_information_query"
    assert "3.40" in reply.content
    assert reply.entities["teams"] == ["Barcelona", "Real Madrid"]


async def test_spanish_question_gets_a_spanish_answer(chatbet):
    conversation = await sync_to_async(start)()
    reply = await ask(conversation, "¿Cuánto paga el empate en el Barcelona vs Real Madrid?", "m1")
    assert "Empate paga" in reply.content
    assert "3.40" in reply.content
    await sync_to_async(conversation.refresh_from_db)()
    assert conversation.language == "es"


async def test_resending_a_message_replays_the_first_reply(chatbet):
    conversation = await sync_to_async(start)()
    first = await ask(conversation, "What's my balance?", "m1")
    user_message = await Message.objects.aget(conversation=conversation, client_message_id="m1")
    again = await turn_run(user_message_id=user_message.pk)
    assert again.replayed
    assert again.message.pk == first.pk
    assert await Message.objects.filter(conversation=conversation, role="assistant").acount() == 1
    assert chatbet.count("/auth/get_user_balance") == 1


async def test_a_second_message_during_a_turn_is_refused(chatbet):
    conversation = await sync_to_async(start)()
    first, _ = await sync_to_async(services.message_append_user)(
        conversation=conversation, content="hi", client_message_id="m1"
    )
    second, _ = await sync_to_async(services.message_append_user)(
        conversation=conversation, content="hello", client_message_id="m2"
    )
    await sync_to_async(services.turn_claim)(user_message=first)
    with pytest.raises(services.TurnInProgress):
        await turn_run(user_message_id=second.pk)


async def test_bet_needs_explicit_confirmation_and_is_placed_once(chatbet):
    conversation = await sync_to_async(start)()
    proposal = await ask(conversation, "Place a bet of 10 on Barcelona to beat Real Madrid", "m1")
    assert proposal.intent == "place_bet"
    assert "propose_bet" in [c["name"] for c in proposal.tool_calls]
    assert "21.00" in proposal.content  # 10 x 2.10
    assert chatbet.count("/place-bet") == 0
    bet = await Bet.objects.aget(conversation=conversation)
    assert bet.status == Bet.Status.PENDING

    placed = await ask(conversation, "yes, place it", "m2")
    assert [c["name"] for c in placed.tool_calls] == ["place_bet"]
    assert chatbet.count("/place-bet") == 1
    await sync_to_async(bet.refresh_from_db)()
    assert bet.status == Bet.Status.PLACED
    assert bet.provider_bet_id

    again = await ask(conversation, "yes, place it", "m3")
    assert chatbet.count("/place-bet") == 1
    assert "no bet slip waiting" in again.content.lower()


async def test_stake_over_the_balance_is_refused(chatbet):
    conversation = await sync_to_async(start)()
    reply = await ask(conversation, "Bet 1000000 on Barcelona to beat Real Madrid", "m1")
    assert "more than your balance" in reply.content
    assert await Bet.objects.filter(conversation=conversation).acount() == 0


async def test_self_exclusion_applies_at_once_and_blocks_bets(chatbet):
    conversation = await sync_to_async(start)()
    reply = await ask(conversation, "I want to self-exclude for 6 months", "m1")
    assert reply.intent == "responsible_gambling"
    profile = await GamblingProfile.objects.aget(guest_id="guest-test")
    assert profile.self_excluded_until is not None
    assert profile.self_excluded_until > timezone.now() + timedelta(days=170)

    bet = await ask(conversation, "Bet 10 on Barcelona to beat Real Madrid", "m2")
    assert "propose_bet" not in [c["name"] for c in bet.tool_calls]
    assert await Bet.objects.filter(conversation=conversation).acount() == 0
    assert "paused" in bet.content


async def test_harm_signals_flag_the_conversation_and_pause_suggestions(chatbet):
    conversation = await sync_to_async(start)()
    reply = await ask(conversation, "I lost my rent money, I need to win it back tonight", "m1")
    assert reply.intent == "responsible_gambling"
    assert await HarmFlag.objects.filter(conversation=conversation).acount() == 1
    assert "win it back" not in reply.content.lower()

    later = await ask(conversation, "Which match should I bet on today?", "m2")
    assert "recommend_bets" not in [c["name"] for c in later.tool_calls]
    assert "paused" in later.content


async def test_stop_cancels_the_turn_and_keeps_the_partial_text(chatbet):
    conversation = await sync_to_async(start)()
    user_message, _ = await sync_to_async(services.message_append_user)(
        conversation=conversation,
        content="What are the odds for Barcelona vs Real Madrid?",
        client_message_id="m1",
    )
    first_chunk = asyncio.Event()

    async def listener(event: dict[str, Any]) -> None:
        if event["type"] == "chunk":
            first_chunk.set()
            await asyncio.sleep(0.2)

    task = asyncio.create_task(turn_run(user_message_id=user_message.pk, listener=listener))
    await asyncio.wait_for(first_chunk.wait(), timeout=5)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    reply = await Message.objects.aget(parent=user_message)
    assert reply.status == Message.Status.CANCELLED
    assert reply.content
    assert reply.error_code == "CANCELLED"


async def test_odds_are_quoted_with_their_age_when_the_api_fails(chatbet, settings):
    settings.CHATBET_ODDS_MAX_AGE = 1
    old = timezone.now() - timedelta(minutes=20)
    await Fixture.objects.filter(provider_id="27907678").aupdate(odds_fetched_at=old)
    chatbet.fault("error500", paths=("/sports/odds",))
    conversation = await sync_to_async(start)()
    reply = await ask(conversation, "What are the odds for Barcelona vs Real Madrid?", "m1")
    assert "2.10" in reply.content
    assert "couldn't refresh these odds" in reply.content
    assert "20 min ago" in reply.content


async def test_unknown_teams_get_a_helpful_not_found(chatbet):
    conversation = await sync_to_async(start)()
    reply = await ask(conversation, "What are the odds for Boca Juniors vs River Plate?", "m1")
    assert reply.intent == "odds_information_query"
    assert "couldn't find" in reply.content
    assert reply.tool_calls == []


async def test_ambiguous_team_gets_a_clarifying_question_then_resolves(chatbet):
    conversation = await sync_to_async(start)()
    question = await ask(conversation, "When does Madrid play?", "m1")
    assert "Atletico Madrid" in question.content
    assert "Real Madrid" in question.content
    assert question.tool_calls == []
    answer = await ask(conversation, "Real", "m2")
    assert answer.intent == "match_schedule_query"
    assert answer.entities["teams"] == ["Real Madrid"]
    assert "find_fixtures" in [c["name"] for c in answer.tool_calls]


async def test_saying_no_cancels_the_waiting_slip(chatbet):
    conversation = await sync_to_async(start)()
    await ask(conversation, "Place a bet of 10 on Barcelona to beat Real Madrid", "m1")
    reply = await ask(conversation, "no, cancel it", "m2")
    assert "cancelled" in reply.content
    bet = await Bet.objects.aget(conversation=conversation)
    assert bet.status == Bet.Status.CANCELLED
    after = await ask(conversation, "yes, place it", "m3")
    assert chatbet.count("/place-bet") == 0
    assert "no bet slip waiting" in after.content.lower()
