"""Dates, amounts, markets, outcomes and lines in English, Spanish and Portuguese."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from conversations.assistant.understanding import understand
from conversations.tests.test_understanding_catalog import CATALOG, TODAY, read

D = dt.timedelta


def test_today_is_a_wednesday():
    assert TODAY.weekday() == 2


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("games today", 0, None),
        ("who plays tonight?", 0, None),
        ("matches tomorrow", 1, None),
        ("what about the day after tomorrow?", 2, None),
        ("matches this weekend", 3, 4),
        ("any games on Sunday?", 4, None),
        ("fixtures next week", 5, 11),
        ("what's on Wednesday?", 0, None),
        ("next Wednesday", 7, None),
        ("December 15", 5, None),
        ("dec 12th", 2, None),
        ("partidos hoy", 0, None),
        ("¿Qué hay mañana?", 1, None),
        ("pasado mañana", 2, None),
        ("el fin de semana", 3, 4),
        ("el domingo", 4, None),
        ("el 15 de diciembre", 5, None),
        ("la próxima semana", 5, 11),
        ("jogos hoje", 0, None),
        ("e amanhã?", 1, None),
        ("depois de amanhã", 2, None),
        ("no fim de semana", 3, 4),
        ("no domingo", 4, None),
        ("na sexta-feira", 2, None),
        ("15 de dezembro", 5, None),
        ("today or tomorrow", 0, 1),
        ("in 3 days", 3, None),
    ],
)
def test_dates(text, start, end):
    result = read(text)
    assert result.date_from == TODAY + D(days=start)
    assert result.date_to == (TODAY + D(days=end) if end is not None else None)


def test_esta_manana_is_this_morning_not_tomorrow():
    assert read("¿Qué partidos hay esta mañana?").date_from == TODAY


def test_explicit_dates_take_the_nearest_year():
    result = understand("games on January 3", catalog=CATALOG, context=None, today=dt.date(2025, 12, 28))
    assert result.date_from == dt.date(2026, 1, 3)


@pytest.mark.parametrize(
    ("today", "start", "end"),
    [
        (dt.date(2025, 12, 13), dt.date(2025, 12, 13), dt.date(2025, 12, 14)),  # Saturday
        (dt.date(2025, 12, 14), dt.date(2025, 12, 14), None),  # Sunday: today only
        (dt.date(2025, 12, 8), dt.date(2025, 12, 13), dt.date(2025, 12, 14)),  # Monday
    ],
)
def test_weekend_depends_on_the_day(today, start, end):
    result = understand("matches this weekend", catalog=CATALOG, context=None, today=today)
    assert (result.date_from, result.date_to) == (start, end)


def test_no_date_when_none_is_mentioned():
    result = read("When does Barcelona play?")
    assert (result.date_from, result.date_to) == (None, None)


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("Bet $100 on Arsenal", "100", "USD"),
        ("Simulate 50 euros on Chelsea", "50", "EUR"),
        ("Aposte 100 reais no Porto", "100", "BRL"),
        ("Aposte R$ 30 no Benfica", "30", "BRL"),
        ("Bet 20 bucks on the Lakers", "20", "USD"),
        ("put a tenner on Everton", "10", "GBP"),
        ("Apuesta cien dólares al Betis", "100", "USD"),
        ("Apuesta cincuenta al Sevilla", "50", None),
        ("Aposte cinquenta no Porto", "50", None),
        ("bet fifty on Roma", "50", None),
        ("bet two hundred on Roma", "200", None),
        ("apuesta mil pesos al Girona", "1000", "COP"),
        ("I have $1,000 to spend", "1000", "USD"),
        ("Bet 12.50 on Lazio", "12.50", None),
        ("aposte 12,50 no Porto", "12.50", None),
        ("bet 5k on Juventus", "5000", None),
        ("Place a 500 bet on Chelsea", "500", None),
        ("€25 on Napoli to win", "25", "EUR"),
    ],
)
def test_amounts(text, amount, currency):
    result = read(text)
    assert result.amount == Decimal(amount)
    assert result.currency == currency


@pytest.mark.parametrize(
    "text",
    [
        "Who won the 2010 World Cup?",
        "odds for over 2.5 goals in Arsenal vs Chelsea",
        "Bet on Liverpool at odds of 2.10",
        "I want to self-exclude for 6 months",
        "games on December 15",
        "top 4 teams in the Premier",
    ],
)
def test_numbers_that_are_not_stakes(text):
    assert read(text).amount is None


@pytest.mark.parametrize(
    ("text", "market", "outcome", "line"),
    [
        ("odds for Arsenal vs Chelsea", "1x2", None, None),
        ("Who wins Arsenal vs Chelsea? odds please", "1x2", None, None),
        ("Lakers vs Celtics moneyline", "1x2", None, None),
        ("How much does the draw pay in Roma vs Lazio?", "1x2", "draw", None),
        ("¿Cuánto paga el empate en el Betis vs Sevilla?", "1x2", "draw", None),
        ("odds for over 2.5 goals in Arsenal vs Chelsea", "over_under", "over", "2.5"),
        ("cuotas de más de 2,5 goles en el Betis vs Sevilla", "over_under", "over", "2.5"),
        ("odds de mais de 1.5 gols no Benfica x Porto", "over_under", "over", "1.5"),
        ("under 3.5 Juventus Roma odds", "over_under", "under", "3.5"),
        ("over/under for liverpool man city", "over_under", None, None),
        ("both teams to score odds for Arsenal vs Chelsea", "both_teams_to_score", "yes", None),
        ("btts no Arsenal Chelsea odds", "both_teams_to_score", "no", None),
        ("cuotas de ambos marcan en el Betis vs Sevilla", "both_teams_to_score", "yes", None),
        ("odds ambas marcam Benfica x Porto", "both_teams_to_score", "yes", None),
        ("double chance odds Inter vs Milan", "double_chance", None, None),
        ("cuota doble oportunidad Betis vs Sevilla", "double_chance", None, None),
        ("odds dupla chance Benfica x Porto", "double_chance", None, None),
        ("odds for Arsenal or draw against Chelsea", "double_chance", "team_or_draw", None),
        ("handicap odds Juventus vs Roma", "handicap", None, None),
        ("spread for Lakers vs Celtics", "handicap", None, None),
        ("hándicap del Betis vs Sevilla", "handicap", None, None),
        ("handicap Juventus -1 vs Roma", "handicap", "team", "-1"),
        ("half time result odds Barça vs Real Madrid", "half_time_result", None, None),
        ("cuotas al descanso del Betis vs Sevilla", "half_time_result", None, None),
        ("odds medio tiempo Betis Sevilla", "half_time_result", None, None),
        ("odds do primeiro tempo Benfica x Porto", "half_time_result", None, None),
    ],
)
def test_markets(text, market, outcome, line):
    result = read(text)
    assert result.intent == "odds_information_query"
    assert result.market == market
    assert result.outcome == outcome
    assert result.line == (Decimal(line) if line else None)


def test_signed_number_after_a_team_is_a_handicap_line():
    result = read("can you place 25 on Lakers -5.5?")
    assert (result.market, result.line, result.picks, result.amount) == (
        "handicap",
        Decimal("-5.5"),
        ["t-lal"],
        25,
    )


def test_no_market_for_a_schedule_question():
    assert read("When does Chelsea play?").market is None


@pytest.mark.parametrize(
    ("text", "picks"),
    [
        ("Bet 10 on Barcelona to beat Real Madrid", ["t-barca"]),
        ("Put 5 on Chelsea", ["t-che"]),
        ("Apuesta 30 al Napoli contra el Lazio", ["t-nap"]),
        ("Aposte 20 no Porto contra o Benfica", ["t-por"]),
        ("If I bet 20 on Barcelona to beat Real Madrid and Liverpool to beat Man City", ["t-barca", "t-liv"]),
    ],
)
def test_picks_are_the_backed_teams(text, picks):
    result = read(text)
    assert result.picks == picks
    assert result.outcome == "team"


def test_outcome_for_fixture_maps_the_pick_to_home_or_away():
    result = read("Bet 10 on Real Madrid to beat Barcelona")
    assert result.outcome_for_fixture(home_id="t-barca", away_id="t-rma") == "away"
    assert result.outcome_for_fixture(home_id="t-rma", away_id="t-barca") == "home"
    assert (
        read("odds for the draw in Roma vs Lazio").outcome_for_fixture(home_id="t-rom", away_id="t-laz")
        == "draw"
    )


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("Arsenal vs Chelsea and Napoli vs Pisa", [("t-ars", "t-che")]),
        ("Arsenal vs Chelsea and Napoli vs Lazio", [("t-ars", "t-che"), ("t-nap", "t-laz")]),
        ("between Barcelona and Real Madrid, who is the favourite?", [("t-barca", "t-rma")]),
        ("Benfica x Porto", [("t-ben", "t-por")]),
        ("liverpool man city", [("t-liv", "t-mci")]),
        ("Barcelona, Real Madrid and Sevilla", []),
    ],
)
def test_team_pairs(text, pairs):
    assert read(text).team_pairs == pairs


def test_the_first_of_two_named_matches():
    result = read("Two games: Arsenal vs Chelsea and Napoli vs Lazio. Odds for the first one?")
    assert result.teams == ["t-ars", "t-che"]
    assert result.team_pairs == [("t-ars", "t-che"), ("t-nap", "t-laz")]
