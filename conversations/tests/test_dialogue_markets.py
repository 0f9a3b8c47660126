"""Markets asked in one breath ("odds + btts", "el hándicap y el total") and the market just explained
pointed at next ("what's it priced at for ...").

Real PostgreSQL, real turn pipeline and tools; only the ChatBet API is a fake (a real socket).
"""

from __future__ import annotations

import pytest
from asgiref.sync import sync_to_async

from conversations.assistant.understanding import DialogueContext, markets, understand
from conversations.assistant.understanding.markets import named_markets
from conversations.assistant.understanding.text import fold
from conversations.tests.test_turn import ask, start
from conversations.tests.test_understanding_catalog import CATALOG, TODAY, read

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("celtic rangers odds + btts", ("1x2", "both_teams_to_score")),
        ("cuál es el hándicap del sixers thunder? y el total de puntos", ("handicap", "over_under")),
        ("odds, handicap and total for the lakers", ("1x2", "handicap", "over_under")),
        ("cuotas y ambos marcan del boca river", ("1x2", "both_teams_to_score")),
        # One market, or plain odds: nothing asked together.
        ("btts odds for celtic rangers", ("both_teams_to_score",)),
        ("odds for celtic rangers", ()),
    ],
)
def test_the_markets_a_message_names(text, expected):
    assert named_markets(fold(text)) == expected


@pytest.mark.parametrize(
    ("text", "prices"),
    [
        ("Barcelona vs Real Madrid odds + btts", ("2.10", "3.40", "3.50", "1.65", "2.15")),
        (
            "cuál es el hándicap del Barcelona Real Madrid? y el total de goles",
            ("3.15", "1.36", "1.78", "2.02"),
        ),
        ("odds do Barcelona x Real Madrid e ambas marcam", ("2.10", "3.50", "1.65")),
    ],
)
async def test_markets_asked_together_are_all_shown(chatbet, text, prices):
    conversation = await sync_to_async(start)()
    reply = await ask(conversation, text, "m1")
    for price in prices:
        assert price in reply.content


@pytest.mark.parametrize(
    ("term", "then", "prices"),
    [
        (
            "what does over/under 2.5 mean?",
            "got it, what's it priced at for Barcelona vs Real Madrid?",
            ("1.78",),
        ),
        ("qué es ambos marcan?", "ok, y cuánto paga eso en el Barcelona Real Madrid?", ("1.65", "2.15")),
    ],
)
async def test_the_market_just_explained_pointed_at_is_priced(chatbet, term, then, prices):
    conversation = await sync_to_async(start)()
    await ask(conversation, term, "m1")
    reply = await ask(conversation, then, "m2")
    for price in prices:
        assert price in reply.content
    assert "3.40" not in reply.content  # not the match result


@pytest.mark.parametrize(
    ("first", "then", "shown", "likelier"),
    [
        (
            "odds for Barcelona vs Real Madrid",
            "which is safer then, the draw or Real Madrid?",
            ("3.40", "3.50"),
            "market rates **Draw** likelier",
        ),
        (
            "cuotas del Barcelona Real Madrid",
            "y qué es más seguro, el empate o la doble oportunidad del Barcelona?",
            ("3.40", "1.34"),
            "más probable **Barcelona o empate (1X)**",
        ),
        (
            "odds do Barcelona x Real Madrid",
            "o que é mais seguro, empate ou real madrid?",
            ("3.40", "3.50"),
            "**Empate**",
        ),
        # The match named in the same message.
        (
            None,
            "qué es más probable, que gane el Barcelona o que empate con el Real Madrid?",
            ("2.10", "3.40"),
            "**Barcelona**",
        ),
    ],
)
async def test_two_outcomes_of_a_match_weighed_against_each_other(chatbet, first, then, shown, likelier):
    conversation = await sync_to_async(start)()
    if first:
        await ask(conversation, first, "m1")
    reply = await ask(conversation, then, "m2")
    for price in shown:
        assert price in reply.content
    assert likelier in reply.content
    assert "recommend_bets" not in [call["name"] for call in reply.tool_calls]
    assert chatbet.api.bets == []


def test_a_portuguese_article_o_is_no_or():
    result = read("dupla chance do Barcelona no jogo contra o Real Madrid, quanto paga?")
    assert result.compared == ()
    assert result.market == "double_chance"


@pytest.mark.parametrize("previous", ["general_sports_query", "greeting"])
def test_unsure_between_a_match_and_its_price_a_price_word_asks_the_price(previous):
    context = DialogueContext(language="es", last_intent=previous, last_teams=("t-por",))
    result = understand(
        "dale, pasame las cuotas de su próximo partido", catalog=CATALOG, context=context, today=TODAY
    )
    assert result.intent == "odds_information_query"  # the match: the team under discussion's next


@pytest.mark.parametrize(
    ("text", "odds_format"),
    [
        ("bucks v bulls tonight, moneyline in american odds pls", "american"),
        ("cuánto paga el Barcelona en momios americanos", "american"),
        ("quanto tá o Porto em odd americana?", "american"),
        ("what's Lyon's price as a fraction", "fractional"),
        ("cuotas del Barcelona en fracciones", "fractional"),
        ("odds for Barcelona vs Real Madrid", None),
        ("cuánto paga el América?", None),  # a club, not a format
    ],
)
def test_the_odds_format_a_message_asks(text, odds_format):
    assert markets.asked_odds_format(fold(text)) == odds_format


async def test_prices_asked_in_another_format_show_it_beside_the_decimal_and_keep_it(chatbet):
    conversation = await sync_to_async(start)()
    reply = await ask(conversation, "Barcelona vs Real Madrid moneyline in american odds", "m1")
    assert "+110 (2.10)" in reply.content
    assert "+250 (3.50)" in reply.content
    follow = await ask(conversation, "and the btts?", "m2")
    assert "-154 (1.65)" in follow.content
    fraction = await ask(conversation, "cuotas del Barcelona Real Madrid en fracciones", "m3")
    assert "11/10 (2.10)" in fraction.content


@pytest.mark.parametrize(
    ("text", "prices"),
    [
        ("o que é handicap e quanto tá no Barcelona x Real Madrid?", ("3.15", "1.36")),
        ("qué significa ambos marcan? y cuánto paga en el Barcelona Real Madrid", ("1.65",)),
        ("what does btts mean, and what's it paying for Barcelona vs Real Madrid?", ("1.65",)),
    ],
)
async def test_a_market_explained_and_priced_in_one_message(chatbet, text, prices):
    conversation = await sync_to_async(start)()
    reply = await ask(conversation, text, "m1")
    called = [call["name"] for call in reply.tool_calls]
    assert "explain_betting_term" in called
    assert "get_odds" in called
    for price in prices:
        assert price in reply.content
    assert reply.content.index("**") < reply.content.index(prices[0])  # the explanation comes first


@pytest.mark.parametrize(
    ("text", "prices"),
    [
        ("partidos de LaLiga? y el hándicap del primero", ("3.15", "1.36")),
        ("what's on in LaLiga, and the odds for the first one?", ("2.10", "3.40", "3.50")),
    ],
)
async def test_a_listed_match_priced_in_the_same_message(chatbet, text, prices):
    conversation = await sync_to_async(start)()
    reply = await ask(conversation, text, "m1")
    assert "Barcelona" in reply.content
    for price in prices:
        assert price in reply.content


async def test_a_list_with_no_price_asked_shows_no_prices(chatbet):
    conversation = await sync_to_async(start)()
    reply = await ask(conversation, "partidos de LaLiga", "m1")
    assert "get_odds" not in [call["name"] for call in reply.tool_calls]


async def test_odds_for_a_competition_list_its_matches_with_their_prices_and_an_ordinal_picks_one(chatbet):
    conversation = await sync_to_async(start)()
    listed = await ask(conversation, "cuotas de la LaLiga", "m1")
    assert listed.intent == "odds_information_query"
    lines = [line for line in listed.content.splitlines() if line.startswith("- ")]
    assert len(lines) == 2
    for price in ("Barcelona 2.10", "3.40", "Real Madrid 3.50"):
        assert price in lines[0]
    for price in ("1.75", "3.60", "4.80"):
        assert price in lines[1]

    second = await ask(conversation, "y el segundo?", "m2")
    assert "Atlético de Madrid" in second.content or "Atletico Madrid" in second.content
    assert "Barcelona" not in second.content


async def test_odds_for_a_day_with_one_match_of_a_competition_price_it_in_full(chatbet):
    conversation = await sync_to_async(start)()
    reply = await ask(conversation, "nba odds tomorrow", "m1")
    assert reply.intent == "odds_information_query"
    for said in ("Los Angeles Lakers", "Boston Celtics", "2.25", "1.65"):
        assert said in reply.content
    assert "Which match" not in reply.content


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("does Barcelona play today?", "The next one I have:"),
        ("¿juega el Barcelona hoy?", "El próximo que tengo:"),
    ],
)
async def test_no_match_on_the_day_asked_names_the_next_one(chatbet, text, said):
    conversation = await sync_to_async(start)()
    reply = await ask(conversation, text, "m1")
    assert reply.intent == "match_schedule_query"
    assert said in reply.content
    assert "Real Madrid" in reply.content.split(said)[1]  # Barcelona vs Real Madrid, tomorrow
