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
from conversations.tests.test_understanding_catalog import read

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
        ("stick 20 on the underdog", "Real Madrid", "70.00"),  # 20 x 3.50
        ("jugale 10 al que no es favorito", "Real Madrid", "35.00"),
        ("manda 25 no favorito", "Barcelona", "52.50"),  # 25 x 2.10
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


@pytest.mark.parametrize(
    ("text", "team"),
    [
        ("add heat to win and put 20 on both", "t-mia"),
        ("plus bulls to win", "t-chi"),
        ("súmale heat ganando", "t-mia"),
        ("add villa to it", "t-avl"),
    ],
)
def test_a_weak_club_name_backed_to_win_or_added_is_the_club(text, team):
    assert team in read(text).teams


def test_a_weak_word_that_backs_nothing_is_no_club():
    assert read("in the heat of the moment everyone wants to win").teams == []


async def test_asking_where_to_find_help_after_a_word_of_support_is_gambling_help(chatbet):
    conversation = await sync_to_async(start)()
    first = await ask(conversation, "I lost my rent chasing losses, I need to win it back tonight", "m1")
    assert first.intent == "responsible_gambling"
    reply = await ask(conversation, "where can I get help with this?", "m2")
    assert reply.intent == "responsible_gambling"
    assert "Simulations" not in reply.content  # not the menu of what the assistant does


@pytest.mark.parametrize(
    ("schedule", "question", "line"),
    [
        (
            "when do Real Madrid play next?",
            "and how much do they pay if they win?",
            "Real Madrid pays **3.50**",
        ),
        ("¿cuándo juega el Real Madrid?", "y si gana cuánto paga?", "Real Madrid paga **3.50**"),
        ("quando joga o Real Madrid?", "e se ele ganhar, paga quanto?", "Real Madrid paga **3.50**"),
        ("¿cuándo juega el Real Madrid?", "¿y si ellos ganan, cuánto pagan?", "Real Madrid paga **3.50**"),
        ("when do Real Madrid play next?", "how much do they pay to win?", "Real Madrid pays **3.50**"),
    ],
)
async def test_a_payout_question_without_a_stake_after_a_schedule_asks_the_price(
    chatbet, schedule, question, line
):
    conversation = await sync_to_async(start)()
    await ask(conversation, schedule, "m1")
    reply = await ask(conversation, question, "m2")
    assert reply.intent == "odds_information_query"
    assert "get_odds" in tools(reply)
    assert line in reply.content  # Real Madrid's win at Barcelona, the first match listed


@pytest.mark.parametrize(
    ("odds_text", "stake_text", "ret"),
    [
        ("odds for Barcelona to beat Real Madrid", "put 20 on it", "42.00"),  # 20 x 2.10
        ("¿cuánto paga el Barcelona?", "pon 20", "42.00"),
        ("quanto paga o Barcelona?", "bota 15 então", "31.50"),  # 15 x 2.10
        ("Barcelona or Real Madrid, who's better?", "ok, 15 on Real Madrid then", "52.50"),  # 15 x 3.50
    ],
)
async def test_a_stake_said_after_a_price_is_a_slip_for_that_price(chatbet, odds_text, stake_text, ret):
    conversation = await sync_to_async(start)()
    await ask(conversation, odds_text, "m1")
    slip = await ask(conversation, stake_text, "m2")
    assert slip.intent == "place_bet"
    assert "propose_bet" in tools(slip)
    assert ret in slip.content
    assert chatbet.api.bets == []


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("¿cuánto paga el Sevilla?", "Sevilla paga **4.80**"),
        ("what do Sevilla pay?", "Sevilla pays **4.80**"),
    ],
)
async def test_how_much_a_team_pays_is_that_teams_win(chatbet, question, line):
    conversation = await sync_to_async(start)()
    reply = await ask(conversation, question, "m1")
    assert reply.intent == "odds_information_query"
    assert line in reply.content


async def test_a_combination_whose_stake_was_asked_is_quoted_with_the_stake_given_next(chatbet):
    conversation = await sync_to_async(start)()
    await ask(conversation, "odds for Barcelona to beat Real Madrid", "m1")
    asked = await ask(conversation, "add Atletico to win", "m2")
    assert "propose_bet" not in tools(asked)
    reply = await ask(conversation, "how much do I win with 10 on that combo?", "m3")
    assert reply.intent == "bet_simulation"
    assert "36.75" in reply.content  # 10 x 2.10 x 1.75
    assert chatbet.api.bets == []


@pytest.mark.parametrize(
    ("text", "teams"),
    [
        ("quanto tá o empate de lakers e heat?", {"t-lal", "t-mia"}),
        ("odds for knicks and heat", {"t-nyk", "t-mia"}),
        ("cuotas de knicks y heat", {"t-nyk", "t-mia"}),
    ],
)
def test_a_weak_club_name_joined_to_a_club_by_and_is_the_club(text, teams):
    assert set(read(text).teams) == teams


def test_a_weak_word_joined_to_a_non_club_stays_a_word():
    assert read("the knicks are fun, I love the heat and the sun").teams == ["t-nyk"]


async def test_a_competitions_match_asked_fresh_is_that_competitions_when_the_team_has_none(chatbet):
    conversation = await sync_to_async(start)()
    await ask(conversation, "when do Real Madrid play next?", "m1")
    reply = await ask(conversation, "odds for the NBA game", "m2")
    assert "Los Angeles Lakers vs Boston Celtics" in reply.content
    assert "2.25" in reply.content
    none = await ask(conversation, "what are the odds for the Empty Cup game?", "m3")
    assert "couldn't find any matches for Empty Cup" in none.content
    assert "Lakers" not in none.content


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("odds for Barcelona vs Real Madrid", "what about the odds in the NBA tomorrow?"),
        ("¿cuándo juega el Real Madrid?", "cuotas NBA mañana"),
    ],
)
async def test_a_competition_named_with_no_team_is_that_competitions_match(chatbet, first, then):
    conversation = await sync_to_async(start)()
    await ask(conversation, first, "m1")
    reply = await ask(conversation, then, "m2")
    assert reply.entities["teams"] == ["Los Angeles Lakers", "Boston Celtics"]
    assert "2.25" in reply.content
    assert "3.50" not in reply.content  # not the Barcelona vs Real Madrid prices again
