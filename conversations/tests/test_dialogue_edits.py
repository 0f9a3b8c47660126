"""Edits a person makes to the bet under discussion: the over or the under backed bare, another side of
the match on the table, a stake relative to the last one, a slip dropped and asked for again.

Real PostgreSQL, real turn pipeline and tools; only the ChatBet API is a fake (a real socket).
"""

from __future__ import annotations

import pytest
from asgiref.sync import sync_to_async

from conversations.assistant.understanding import acts
from conversations.assistant.understanding.text import fold
from conversations.tests.test_turn import ask, start

pytestmark = pytest.mark.django_db(transaction=True)


def tools(message) -> list[str]:
    return [call["name"] for call in message.tool_calls]


@pytest.mark.parametrize(
    ("first", "then", "ret"),
    [
        ("Barcelona vs Real Madrid total goals?", "over it is, 20 on it", "35.60"),  # 20 x 1.78
        ("odds for Barcelona vs Real Madrid", "simulate 50 on the under", "101.00"),  # 50 x 2.02
        ("cuotas del Barcelona Real Madrid", "simula 50 al under", "101.00"),
        ("odds do Barcelona x Real Madrid", "bota 20 no over", "35.60"),
    ],
)
async def test_the_over_or_the_under_backed_bare_is_that_side_of_the_totals(chatbet, first, then, ret):
    conversation = await sync_to_async(start)()
    await ask(conversation, first, "m1")
    reply = await ask(conversation, then, "m2")
    assert ret in reply.content
    assert reply.entities["market"] == "over_under"
    assert chatbet.api.bets == []


async def test_another_side_of_the_match_with_a_stake_replaces_the_slip_waiting(chatbet):
    conversation = await sync_to_async(start)()
    await ask(conversation, "odds for Barcelona vs Real Madrid", "m1")
    draw = await ask(conversation, "put 20 on the draw", "m2")
    assert "68.00" in draw.content  # 20 x 3.40
    switched = await ask(conversation, "nah cancel, do 20 on Barcelona instead", "m3")
    assert "propose_bet" in tools(switched)
    assert "**Barcelona**" in switched.content
    assert "42.00" in switched.content
    placed = await ask(conversation, "yes, place it", "m4")
    assert len(chatbet.api.bets) == 1
    assert "**Barcelona**" in placed.content  # the new slip's selection, not the draw


@pytest.mark.parametrize(
    ("stake_text", "edit_text", "ret"),
    [
        ("bet 40 on Barcelona", "actually half of that", "42.00"),  # 20 x 2.10
        ("apuesta 40 al Barcelona", "mejor la mitad", "42.00"),
        ("aposta 10 no Barcelona", "coloca o dobro", "42.00"),
    ],
)
async def test_a_stake_relative_to_the_slip_waiting_changes_its_stake(chatbet, stake_text, edit_text, ret):
    conversation = await sync_to_async(start)()
    await ask(conversation, stake_text, "m1")
    edited = await ask(conversation, edit_text, "m2")
    assert ret in edited.content
    assert chatbet.api.bets == []


@pytest.mark.parametrize(
    ("cancel", "again", "ret"),
    [
        ("nah scrap that", "actually go on, put it back on", "31.50"),  # 15 x 2.10
        ("cancélala", "no espera, ponela de nuevo pero con 20", "42.00"),
        ("cancela", "pensando bem, refaz a aposta", "31.50"),
    ],
)
async def test_a_slip_dropped_and_asked_for_again_is_shown_again_for_its_yes(chatbet, cancel, again, ret):
    conversation = await sync_to_async(start)()
    await ask(conversation, "15 on Barcelona to beat Real Madrid", "m1")
    await ask(conversation, cancel, "m2")
    shown = await ask(conversation, again, "m3")
    assert "propose_bet" in tools(shown)
    assert "**Barcelona**" in shown.content
    assert ret in shown.content
    assert chatbet.api.bets == []  # shown again, waiting for its own yes
    await ask(conversation, "yes", "m4")
    assert len(chatbet.api.bets) == 1


async def test_a_yes_after_a_dropped_slip_places_nothing(chatbet):
    conversation = await sync_to_async(start)()
    await ask(conversation, "15 on Barcelona to beat Real Madrid", "m1")
    await ask(conversation, "cancel that", "m2")
    await ask(conversation, "yes", "m3")
    assert chatbet.api.bets == []


@pytest.mark.parametrize("thanks", ["ok thanks", "tá bom, obrigado", "valeu", "vale, gracias"])
async def test_thanks_after_a_slip_places_nothing_and_the_slip_still_waits(chatbet, thanks):
    conversation = await sync_to_async(start)()
    await ask(conversation, "15 on Barcelona to beat Real Madrid", "m1")
    await ask(conversation, thanks, "m2")
    assert chatbet.api.bets == []
    await ask(conversation, "yes, place it", "m3")
    assert len(chatbet.api.bets) == 1


@pytest.mark.parametrize("text", ["yes please, thanks", "sim, obrigado", "dale, gracias", "confirm, cheers"])
def test_a_yes_with_thanks_is_still_a_yes(text):
    assert acts.is_confirmation(fold(text))


@pytest.mark.parametrize(
    ("price", "stake", "ret"),
    [
        (
            "how much does the draw pay in Barcelona vs Real Madrid?",
            "simulate 30 on that",
            "102.00",
        ),  # 30 x 3.40
        (
            "dupla chance do Real Madrid no jogo do Barcelona, quanto paga?",
            "simula 30 nisso",
            "51.60",
        ),  # x 1.72
        ("cuánto paga el empate en el Barcelona Real Madrid?", "simulame 30 en eso", "102.00"),
    ],
)
async def test_a_stake_on_that_is_on_the_selection_just_quoted(chatbet, price, stake, ret):
    conversation = await sync_to_async(start)()
    await ask(conversation, price, "m1")
    reply = await ask(conversation, stake, "m2")
    assert ret in reply.content
    assert chatbet.api.bets == []


@pytest.mark.parametrize(
    ("stake", "ret"), [("a fiver on the underdog", "17.50"), ("a tenner on the draw", "34.00")]
)
async def test_a_fixed_sum_put_on_a_side_is_a_slip(chatbet, stake, ret):
    conversation = await sync_to_async(start)()
    await ask(conversation, "odds for Barcelona vs Real Madrid", "m1")
    slip = await ask(conversation, stake, "m2")
    assert slip.intent == "place_bet"
    assert "propose_bet" in tools(slip)
    assert ret in slip.content
