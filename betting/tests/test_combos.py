"""Combo slips and stake edits through the assistant's tools, against the fake ChatBet API: the
odds are the exact product, a combo is one multi-selection /place-bet, and a confirmation places
only the slip shown last at the stake shown last."""

from __future__ import annotations

from decimal import Decimal

import pytest
from asgiref.sync import sync_to_async
from django.utils import timezone

from betting.models import Bet
from conversations.assistant.tools import REGISTRY, ToolContext, ToolRunner
from conversations.models import Conversation
from conversations.tests.test_turn import ask, start

pytestmark = pytest.mark.django_db(transaction=True)

BARCA_HOME = {"fixture_id": "27907678", "selection": "home"}  # 2.10
ATLETI_HOME = {"fixture_id": "27900311", "selection": "home"}  # 1.75
PSG_AWAY = {"fixture_id": "27997793", "selection": "away"}  # 3.70


def runner_for(conversation: Conversation) -> ToolRunner:
    return ToolRunner(
        context=ToolContext(
            user_id=None,
            guest_id=conversation.guest_id,
            conversation_id=str(conversation.pk),
            language="en",
            now=timezone.now(),
            allowed=frozenset(REGISTRY),
        )
    )


async def test_a_parlay_of_three_is_the_exact_product_and_one_multi_selection_bet(chatbet):
    conversation = await sync_to_async(start)()
    runner = runner_for(conversation)

    slip = await runner.call("propose_bet", {"legs": [BARCA_HOME, ATLETI_HOME, PSG_AWAY], "stake": "10"})

    assert slip.ok, slip.error_message
    product = Decimal("2.10") * Decimal("1.75") * Decimal("3.70")  # 13.5975
    assert slip.result.odds == product
    assert slip.result.potential_return == Decimal("135.98")  # 135.975 to the cent, half up
    assert [leg.odds for leg in slip.result.legs] == [Decimal("2.10"), Decimal("1.75"), Decimal("3.70")]
    assert slip.to_json()["combo"] is True
    assert chatbet.count("/combo-bet-calculation") == 1  # the API's quote agreed with ours
    assert chatbet.count("/place-bet") == 0

    placed = await runner.call("place_bet", {"bet_id": slip.result.bet_pk, "stake": "10"})

    assert placed.ok
    assert placed.result.placed
    assert placed.result.odds == product
    recorded = chatbet.placed_bets()
    assert len(recorded) == 1
    assert Decimal(recorded[0]["amount"]) == Decimal("10")
    assert [leg["betId"] for leg in recorded[0]["legs"]] == [
        leg.bet_id for leg in await sync_to_async(lambda: list(_stored_legs(slip.result.bet_pk)))()
    ]
    assert [leg["fixtureId"] for leg in recorded[0]["legs"]] == ["27907678", "27900311", "27997793"]


def _stored_legs(bet_pk: int):
    from sportsdata.models import Odds

    bet = Bet.objects.get(pk=bet_pk)
    for leg in bet.legs.order_by("position"):
        yield Odds.objects.get(
            fixture=leg.fixture, market=leg.market, selection=leg.selection, is_current=True
        )


async def test_a_combo_refuses_the_same_selection_twice_and_two_legs_of_one_match(chatbet):
    conversation = await sync_to_async(start)()
    runner = runner_for(conversation)
    by_name = {"team": "Barcelona", "opponent": "Real Madrid", "selection": "Barcelona"}
    barca_draw = {"fixture_id": "27907678", "selection": "draw"}

    twice = await runner.call("propose_bet", {"legs": [BARCA_HOME, by_name], "stake": "10"})
    same_match = await runner.call("propose_bet", {"legs": [BARCA_HOME, barca_draw], "stake": "10"})

    assert twice.error_code == "DUPLICATE_LEG"
    assert same_match.error_code == "SAME_FIXTURE_LEGS"
    assert await Bet.objects.filter(conversation=conversation).acount() == 0


async def test_a_stake_edit_then_confirm_places_exactly_the_edited_stake(chatbet):
    conversation = await sync_to_async(start)()
    runner = runner_for(conversation)
    first = await runner.call("propose_bet", {"leg": BARCA_HOME, "stake": "10"})
    edited = await runner.call("change_stake", {"stake": "25"})
    assert edited.ok, edited.error_message
    assert edited.result.stake == Decimal("25")
    assert edited.result.potential_return == Decimal("52.50")
    assert edited.result.bet_pk != first.result.bet_pk

    old = await runner.call("place_bet", {"bet_id": first.result.bet_pk})
    wrong_stake = await runner.call("place_bet", {"bet_id": edited.result.bet_pk, "stake": "10"})
    assert old.result.code == "ALREADY_SUPERSEDED"
    assert wrong_stake.result.code == "STAKE_MISMATCH"
    assert chatbet.count("/place-bet") == 0

    placed = await runner.call("place_bet", {})
    assert placed.result.placed
    assert [Decimal(b["amount"]) for b in chatbet.placed_bets()] == [Decimal("25")]
    statuses = {b.pk: b.status async for b in Bet.objects.filter(conversation=conversation)}
    assert statuses == {first.result.bet_pk: Bet.Status.SUPERSEDED, edited.result.bet_pk: Bet.Status.PLACED}


async def test_asking_the_balance_while_a_slip_waits_keeps_the_slip(chatbet):
    conversation = await sync_to_async(start)()
    await ask(conversation, "Place a bet of 10 on Barcelona to beat Real Madrid", "m1")
    balance = await ask(conversation, "what's my balance?", "m2")
    assert "1,000.00" in balance.content
    bet = await Bet.objects.aget(conversation=conversation)
    assert bet.status == Bet.Status.PENDING

    placed = await ask(conversation, "yes, place it", "m3")

    assert "placed" in placed.content
    assert [Decimal(b["amount"]) for b in chatbet.placed_bets()] == [Decimal("10")]
