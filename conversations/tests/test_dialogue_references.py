"""References a person makes to what is under discussion: a side by its role ("the underdog",
"el favorito", "o azarão") read from the match's prices, and one match of the team under discussion
in a named competition ("their Champions League game") after that team's schedule.

Real PostgreSQL, real turn pipeline and tools; only the ChatBet API is a fake (a real socket).
"""

from __future__ import annotations

import pytest
from asgiref.sync import sync_to_async

from conversations.assistant.understanding.markets import extract_market
from conversations.assistant.understanding.text import fold
from conversations.tests.test_turn import ask, start

pytestmark = pytest.mark.django_db(transaction=True)


def tools(message) -> list[str]:
    return [call["name"] for call in message.tool_calls]


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("15 on the underdog", "underdog"),
        ("how much would a tenner on the favourite return?", "favourite"),
        ("back the fave", "favourite"),
        ("the outsider at 20", "underdog"),
        ("20 al favorito", "favourite"),
        ("cuánto gano si le meto 25 al que no es favorito?", "underdog"),
        ("y al más débil?", "underdog"),
        ("quanto ganho com 50 no azarão?", "underdog"),
        ("bota 10 no favorito", "favourite"),
        ("e se der zebra?", "underdog"),
        # A liking, not a side of a match.
        ("my favourite team is Boca", None),
        ("mi equipo favorito juega hoy?", None),
        ("meu time favorito é o Flamengo", None),
    ],
)
def test_a_side_named_by_its_role(text, outcome):
    assert extract_market(fold(text)).outcome == outcome


@pytest.mark.parametrize(
    ("stake_text", "team", "ret"),
    [
        ("15 on the underdog", "Real Madrid", "52.50"),  # 15 x 3.50
        ("20 al favorito", "Barcelona", "42.00"),  # 20 x 2.10
        ("bota 10 no azarão", "Real Madrid", "35.00"),  # 10 x 3.50
    ],
)
async def test_a_stake_on_a_role_backs_the_side_the_prices_make_so(chatbet, stake_text, team, ret):
    conversation = await sync_to_async(start)()
    await ask(conversation, "odds for Barcelona vs Real Madrid", "m1")
    slip = await ask(conversation, stake_text, "m2")
    assert slip.intent == "place_bet"
    assert "propose_bet" in tools(slip)
    assert f"**{team}**" in slip.content
    assert ret in slip.content
    assert chatbet.api.bets == []  # a slip waits for its yes


@pytest.mark.parametrize(
    ("question", "ret"),
    [
        ("how much would a tenner on the favourite return?", "21.00"),  # 10 x 2.10
        ("¿cuánto me llevo si le meto 25 al que no es favorito?", "87.50"),  # 25 x 3.50
        ("quanto ganho com 50 no azarão?", "175.00"),  # 50 x 3.50
    ],
)
async def test_a_payout_on_a_role_is_simulated_on_that_side(chatbet, question, ret):
    conversation = await sync_to_async(start)()
    await ask(conversation, "Barcelona vs Real Madrid odds", "m1")
    reply = await ask(conversation, question, "m2")
    assert "simulate_bet" in tools(reply)
    assert ret in reply.content


async def test_the_favourite_price_is_highlighted_in_an_odds_answer(chatbet):
    conversation = await sync_to_async(start)()
    await ask(conversation, "Atletico vs Sevilla", "m1")
    reply = await ask(conversation, "how much does the underdog pay?", "m2")
    assert "Sevilla pays **4.80**" in reply.content


@pytest.mark.parametrize(
    ("schedule", "question"),
    [
        ("when do Real Madrid play next?", "odds for their champions league game"),
        ("¿cuándo juega el Real Madrid?", "y el de la champions a cuánto paga?"),
        ("quando joga o Real Madrid?", "e o jogo deles na Champions, quanto paga?"),
    ],
)
async def test_their_match_in_a_named_competition_after_the_teams_schedule(chatbet, schedule, question):
    conversation = await sync_to_async(start)()
    listing = await ask(conversation, schedule, "m1")
    assert "Barcelona" in listing.content
    assert "Bayern" in listing.content
    reply = await ask(conversation, question, "m2")
    assert reply.intent == "odds_information_query"
    # Real Madrid's Champions League match (against Bayern), not the LaLiga match listed first.
    assert reply.entities["teams"] == ["Real Madrid", "Bayern Munich"]
    assert "3.50" not in reply.content
