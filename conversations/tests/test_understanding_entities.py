"""Dates, amounts, markets, outcomes and lines in English, Spanish and Portuguese."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from conversations.assistant.understanding import DialogueContext, understand
from conversations.assistant.understanding.context import BetFrame, LegFrame
from conversations.assistant.understanding.numbers import parse_amount_text
from conversations.assistant.understanding.text import fold
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
        ("games in two days", 2, None),
        ("partidos en tres días", 3, None),
        ("jogos daqui a dois dias", 2, None),
        # today is a Wednesday: "the Wednesday that comes" is a week away, Thursday tomorrow
        ("el miércoles que viene", 7, None),
        ("jogos na quarta-feira que vem", 7, None),
        ("e na quinta que vem?", 1, None),
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
        ("over or under for lakers celtics?", "over_under", None, None),
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
        # The handicap of hockey and baseball goes by its own name.
        ("Lakers vs Celtics puck line?", "handicap", None, None),
        ("linea de carrera del Boston vs Miami, runline", "handicap", None, None),
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


@pytest.mark.parametrize(
    "text",
    [
        # How many of the sport's scoring units a match will have is its totals market.
        "¿cuántos puntos se esperan en el Lakers-Celtics?",
        "how many points will there be in Lakers vs Celtics tonight",
        "quantos pontos vão sair no Lakers x Celtics?",
        "how many goals will there be in Arsenal vs Chelsea",
        "will there be many goals in Arsenal vs Chelsea?",
        "cuántos goles habrá en el Betis-Sevilla",
        "¿habrá muchos goles en el Betis contra el Sevilla?",
        "quantos gols vão sair no Benfica x Porto",
        "vai ter muitos gols no Benfica x Porto?",
    ],
)
def test_a_count_of_the_sports_scoring_units_asks_for_the_totals_market(text):
    result = read(text)
    assert result.intent == "odds_information_query"
    assert result.market == "over_under"
    assert len(result.teams) == 2


@pytest.mark.parametrize(
    "text",
    [
        "how many goals has Arsenal scored this season?",
        "how many goals did Chelsea score last week",
        "¿cuántos goles lleva el Betis?",
        "¿cuántos goles marcó el Sevilla el domingo?",
        "quantos gols o Benfica fez no campeonato?",
        "quantos gols o Porto tem na temporada",
    ],
)
def test_a_count_of_goals_already_scored_is_not_a_market(text):
    assert read(text).market is None


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
        # "if X wins" with the verb first, before the match it is in
        ("cuanto paga si gana el Betis contra el Sevilla", ["t-betis"]),
        ("quanto paga se ganhar o Benfica contra o Porto", ["t-ben"]),
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


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        # separators as each language writes them
        ("Apuesta 2.500 al Betis", "2500", None),
        ("Aposte 2.500 no Benfica", "2500", None),
        ("Apuesta 2.500,50 pesos al Betis", "2500.50", "COP"),
        ("Pon 7,50 al Sevilla", "7.50", None),
        ("Aposte 7,50 reais no Porto", "7.50", "BRL"),
        ("Bet 1,500 on Arsenal", "1500", None),
        ("Bet 7.50 on Arsenal", "7.50", None),
        ("apuesta 12.50 al Betis", "12.50", None),  # the Mexican way: a point for decimals
        ("apuesta 1,500 al Betis", "1500", None),  # and a comma for thousands
        ("bet 2.500 on Arsenal", "2500", None),  # money has two decimals at most
        # number words, "mil", "k"
        ("Quiero apostar veinte mil pesos al Betis", "20000", "COP"),
        ("Aposta mil e quinhentos reais no Benfica", "1500", "BRL"),
        ("apuesta 15 mil al Sevilla", "15000", None),
        ("aposta 15 mil no Porto", "15000", None),
        ("bet 3k on Chelsea", "3000", None),
        ("bet twenty five on Roma", "25", None),
        ("apuesta doce euros con cincuenta al Betis", "12.50", "EUR"),
        # money slang, from the data file
        ("Ponle 20 lucas al Sevilla", "20000", None),
        ("Aposta 50 conto no Benfica", "50", "BRL"),
        ("Bota 20 paus no Porto", "20", "BRL"),
        ("Aposta 10 pila no Porto", "10", "BRL"),
        ("Put 20 quid on Everton", "20", "GBP"),
        ("Stick 5 grand on Liverpool", "5000", None),
        ("apuesta 20 pavos al Betis", "20", "EUR"),
    ],
)
def test_locale_amounts(text, amount, currency):
    result = read(text)
    assert result.amount == Decimal(amount)
    assert result.currency == currency


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # An under-18 disclosure makes nothing in the message a stake (issue #16: safety first).
        ("tengo 16 años y quiero apostar 10 al Betis", None),
        ("tengo dieciséis años y quiero apostar diez al Betis", None),
        ("I'm 17, bet 5 on Arsenal", None),
        ("I'm over 18. Place a bet of 10 on Barcelona to beat Real Madrid", "10"),
        ("ainda não fiz 18, aposta 10 no Porto", None),
        ("tenho 16 e quero apostar 20 no Benfica", None),
        ("I am 15 years old and want to bet on Arsenal", None),
        ("I'm only fifteen, can I bet on Chelsea?", None),
        ("soy menor, tengo 16, quiero apostar al Betis", None),
        ("tenho 17 anos, quero apostar no Porto", None),
        ("I turned 16 yesterday, bet on Chelsea", None),
        ("I'm +18, bet on Chelsea", None),
    ],
)
def test_an_age_is_never_a_stake(text, amount):
    result = read(text)
    assert result.amount == (Decimal(amount) if amount else None)


@pytest.mark.parametrize(
    ("text", "language", "amount"),
    [
        ("tengo 16 años y quiero apostar 10 al Betis", "es", "10"),
        ("tengo dieciséis años y quiero apostar diez al Betis", "es", "10"),
        ("I'm 17, bet 5 on Arsenal", "en", "5"),
        ("ainda não fiz 18, aposta 10 no Porto", "pt", "10"),
        ("tenho 16 e quero apostar 20 no Benfica", "pt", "20"),
        ("I am 15 years old and want to bet on Arsenal", "en", None),
        ("I'm only fifteen, can I bet on Chelsea?", "en", None),
        ("soy menor, tengo 16, quiero apostar al Betis", "es", None),
        ("tenho 17 anos, quero apostar no Porto", "pt", None),
        ("tengo 50 dólares para apostar", "es", "50"),
    ],
)
def test_an_age_is_never_the_amount(text, language, amount):
    """The amount parser on its own (no under-18 rule on top): the age is skipped, the stake read."""
    assert parse_amount_text(fold(text), require_context=True, language=language)[0] == (
        Decimal(amount) if amount else None
    )


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("100 al Sevilla", "100"),
        ("50 no Benfica contra o Porto", "50"),
        ("ok, 15 on Chelsea then", "15"),
        ("simula 7,50 no Benfica", "7.50"),
        ("simulate 40 on Porto", "40"),
    ],
)
def test_a_number_put_on_a_team_is_a_stake(text, amount):
    assert read(text).amount == Decimal(amount)


def test_over_18_is_an_age_not_an_over_under_line():
    result = read("I'm over 18. Place a bet of 10 on Barcelona to beat Real Madrid")
    assert result.market != "over_under"
    assert result.line is None
    assert result.picks == ["t-barca"]


def test_money_words_in_the_speakers_language_still_need_money_context():
    assert read("Sevilla 20 lucas").amount is None


BASE = dt.date(2026, 12, 2)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # a day of the month with or without its weekday
        ("partidos del sábado 12", "2026-12-12", None),
        ("games on Thursday the 10th", "2026-12-10", None),
        ("who plays on Saturday the 12th?", "2026-12-12", None),
        ("¿quién juega el 15?", "2026-12-15", None),
        ("¿qué partidos hay el día 20?", "2026-12-20", None),
        ("jogos no dia 20", "2026-12-20", None),
        ("quem joga sexta-feira dia 4?", "2026-12-04", None),
        ("el jueves 10 juega el Betis?", "2026-12-10", None),
        ("games on the 1st", "2027-01-01", None),
        ("what about the 28th?", "2026-12-28", None),
        ("el viernes 4 a las 20:00", "2026-12-04", None),
        # weeks, weekends, relative days
        ("a week on Saturday", "2026-12-12", None),
        ("Saturday week", "2026-12-12", None),
        ("el sábado de la semana que viene", "2026-12-12", None),
        ("sábado da semana que vem", "2026-12-12", None),
        ("this weekend", "2026-12-05", "2026-12-06"),
        ("este fin de semana", "2026-12-05", "2026-12-06"),
        ("neste fim de semana", "2026-12-05", "2026-12-06"),
        ("next week", "2026-12-07", "2026-12-13"),
        ("la semana que viene", "2026-12-07", "2026-12-13"),
        ("semana que vem", "2026-12-07", "2026-12-13"),
        ("pasado mañana", "2026-12-04", None),
        ("depois de amanhã", "2026-12-04", None),
        ("the day after tomorrow", "2026-12-04", None),
        ("el sábado", "2026-12-05", None),
        ("no sábado", "2026-12-05", None),
    ],
)
def test_date_grammar_against_a_fixed_base(text, start, end):
    result = understand(text, catalog=CATALOG, context=None, today=BASE)
    assert result.date_from == dt.date.fromisoformat(start)
    assert result.date_to == (dt.date.fromisoformat(end) if end else None)


@pytest.mark.parametrize(
    "text",
    [
        "¿Cuánto paga el 1 en el Betis vs Sevilla?",
        "¿juega el 10 del Barcelona?",
        "odds for the 3rd match",
        "apuesta 15 al Betis",
    ],
)
def test_numbers_that_are_not_days(text):
    assert understand(text, catalog=CATALOG, context=None, today=BASE).date_from is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("tem jogo do Benfica sexta?", "2026-12-04"),
        ("quem joga quinta que vem?", "2026-12-03"),
        ("e segunda à noite, tem jogo?", "2026-12-07"),
        ("tem partida quarta, né?", "2026-12-02"),
        ("jogos de sexta de manhã", "2026-12-04"),
    ],
)
def test_a_bare_portuguese_weekday_where_only_a_day_fits(text, day):
    # "segunda"/"quarta"/"quinta"/"sexta" are also ordinals: what follows them decides.
    assert understand(text, catalog=CATALOG, context=None, today=BASE).date_from == dt.date.fromisoformat(day)


@pytest.mark.parametrize(
    "text", ["quanto paga a segunda parte?", "e a quinta opção?", "a sexta colocada joga?"]
)
def test_a_portuguese_ordinal_with_its_noun_is_no_day(text):
    assert understand(text, catalog=CATALOG, context=None, today=BASE).date_from is None


def test_a_day_number_with_its_weekday_does_not_become_the_stake():
    result = understand("apuesta 10 al Betis el sábado 12", catalog=CATALOG, context=None, today=BASE)
    assert (result.amount, result.date_from) == (Decimal(10), dt.date(2026, 12, 12))


def test_a_bare_number_after_on_is_a_stake_not_a_day():
    result = understand(
        "and if Porto wins, what's the payout on 30?", catalog=CATALOG, context=None, today=BASE
    )
    assert (result.amount, result.date_from) == (Decimal(30), None)


@pytest.mark.parametrize(
    ("text", "market", "outcome"),
    [
        ("quanto paga o empate no Benfica x Porto?", "1x2", "draw"),
        ("e o empate?", None, "draw"),
        ("cuota de Betis o empate contra el Sevilla", "double_chance", "team_or_draw"),
        ("odds do Benfica ou empate contra o Porto", "double_chance", "team_or_draw"),
    ],
)
def test_o_empate_is_the_draw_in_portuguese_and_or_draw_in_spanish(text, market, outcome):
    result = read(text)
    if market:
        assert result.market == market
    assert result.outcome == outcome


@pytest.mark.parametrize(
    ("text", "picks", "pairs"),
    [
        ("parlay: Chelsea and Napoli to win, 10 quid", ["t-che", "t-nap"], []),
        (
            "faz uma múltipla com Benfica, Porto e Juventus vencendo, 20 reais",
            ["t-ben", "t-por", "t-juv"],
            [],
        ),
        ("combinada: Betis y Sevilla para ganar", ["t-betis", "t-sev"], []),
        (
            "Bet 10 on Barcelona to beat Real Madrid and Liverpool to win",
            ["t-barca", "t-liv"],
            [("t-barca", "t-rma")],
        ),
        ("Arsenal and Chelsea, who wins?", [], [("t-ars", "t-che")]),
    ],
)
def test_a_win_cue_after_a_list_of_teams_backs_every_team(text, picks, pairs):
    result = read(text)
    assert result.picks == picks
    assert result.team_pairs == pairs


@pytest.mark.parametrize(
    ("text", "team"),
    [
        ("put 40 on Barcelona double chance", "t-barca"),
        ("ponme 40 a la doble oportunidad del Real Madrid en el clásico", "t-rma"),
        ("quanto paga a dupla chance do Barcelona?", "t-barca"),
        ("double chance on Real Madrid, 20", "t-rma"),
    ],
)
def test_a_double_chance_named_for_one_team_backs_that_team_or_the_draw(text, team):
    result = read(text)
    assert result.market == "double_chance"
    assert (result.outcome, result.picks) == ("team_or_draw", [team])


@pytest.mark.parametrize(
    "text",
    [
        "double chance for Barcelona vs Real Madrid",
        "Barcelona x Real Madrid dupla chance",
        "doble oportunidad",
    ],
)
def test_a_double_chance_for_a_match_backs_no_side(text):
    result = read(text)
    assert result.market == "double_chance"
    assert result.outcome is None


@pytest.mark.parametrize(
    ("text", "teams"),
    [
        ("whats the spread on the heat bulls game", ["t-mia", "t-chi"]),
        ("odds knicks heat tonight pls", ["t-nyk", "t-mia"]),
        ("quanto ta o heat x bulls hoje", ["t-mia", "t-chi"]),
    ],
)
def test_two_club_names_side_by_side_are_a_match(text, teams):
    assert read(text).teams == teams


def test_a_weak_club_word_alone_in_a_sentence_is_no_club():
    assert read("can you feel the heat in here tonight").teams == []
    assert read("heat or cold, which is worse for running").teams == []


@pytest.mark.parametrize(
    ("text", "teams"),
    [
        ("heat or bulls tonight, who's favoured?", ["t-mia", "t-chi"]),
        ("bulls o heat, quién es favorito?", ["t-chi", "t-mia"]),
        ("when are the heat playing", ["t-mia"]),
        ("a que hora juega heat", ["t-mia"]),
    ],
)
def test_weak_club_words_paired_or_before_a_verb_of_playing_are_clubs(text, teams):
    assert read(text).teams == teams


@pytest.mark.parametrize(
    "text",
    ["how much do I get in total with 10 on Chelsea", "cuánto gano en total si apuesto 10 al Barcelona",
     "quanto eu ganho no total com 10 no Porto?", "what's the total payout on 10 on Chelsea",
     "¿cuál sería la ganancia total con 20 al Betis?"],
)  # fmt: skip
def test_a_total_that_means_altogether_is_no_totals_market(text):
    result = read(text)
    assert result.intent == "bet_simulation"
    assert result.market == "1x2"


@pytest.mark.parametrize(
    "text",
    [
        "what's the total for Lakers Celtics?",
        "totals for Lakers vs Celtics",
        "total de goles del Betis Sevilla",
    ],
)
def test_the_totals_market_by_its_name(text):
    assert read(text).market == "over_under"


@pytest.mark.parametrize(
    ("text", "teams"),
    [
        # An article between the cue and the name: the stake is still on the club.
        ("bet 30 on the bulls", ["t-chi"]),
        ("put a tenner on the heat tonight", ["t-mia"]),
        ("apuesta 10 a que gana el heat", ["t-mia"]),  # the article itself is the cue
        # An auxiliary before the verb of playing.
        ("how have the bulls been playing lately", ["t-chi"]),
        ("are the bulls playing tonight?", ["t-chi"]),
        # Two weak names of one sport side by side, whatever follows.
        ("heat bulls odds and the spread please", ["t-mia", "t-chi"]),
        ("heat bulls odds + spread", ["t-mia", "t-chi"]),
    ],
)
def test_weak_club_words_after_an_article_an_auxiliary_or_beside_each_other(text, teams):
    assert read(text).teams == teams


@pytest.mark.parametrize(
    "text",
    ["on the heat of the moment I bet too much", "the heat is doing my head in", "the heat has been awful"],
)
def test_weak_club_words_without_a_cue_stay_words(text):
    assert "t-mia" not in read(text).teams


@pytest.mark.parametrize(
    ("text", "language", "amount"),
    [
        # A number word before a multiplier or money word: small ones too, and the multiplier applies.
        ("metele dos lucas al River", "es", Decimal("2000")),
        ("metele veinte lucas al River", "es", Decimal("20000")),
        ("ponele tres lucas a Boca", "es", Decimal("3000")),
        ("bota cinco conto no Flamengo", "pt", Decimal("5")),
        ("two grand on Celtic", "en", Decimal("2000")),
        # A small number word that is no amount stays a word.
        ("bet 20 on one of the two teams", "en", Decimal("20")),
        ("apuesta 15 a uno de los dos", "es", Decimal("15")),
    ],
)
def test_number_words_before_money_words(text, language, amount):
    assert parse_amount_text(fold(text), require_context=True, language=language)[0] == amount


def _after_stake(stake: str, *, slip: bool) -> DialogueContext:
    leg = LegFrame("fx", "t-sev", "t-betis", "1x2", "home", Decimal("2"))
    frame = BetFrame(stake=Decimal(stake), legs=(leg,), slip_id=1 if slip else None)
    return DialogueContext(
        language="es", last_intent="place_bet" if slip else "bet_simulation", last_teams=("t-sev", "t-betis"),
        last_amount=Decimal(stake), slip=frame if slip else None, simulation=None if slip else frame,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "slip", "amount"),
    [
        ("mejor la mitad", True, Decimal("20")),
        ("and half of that on Betis?", False, Decimal("20")),
        ("então coloca só metade", True, Decimal("20")),
        ("put the same on Chelsea", True, Decimal("40")),
        ("double it", True, Decimal("80")),
        ("pensando bem, mesmo valor no Betis", False, Decimal("40")),
    ],
)
def test_a_stake_said_relative_to_the_last_one(text, slip, amount):
    result = understand(text, catalog=CATALOG, context=_after_stake("40", slip=slip), today=TODAY)
    assert result.amount == amount


@pytest.mark.parametrize(
    "text", ["and the double chance?", "y el medio tiempo? half time result", "first half odds"]
)
def test_market_words_are_no_relative_stake(text):
    amount = understand(text, catalog=CATALOG, context=_after_stake("40", slip=False), today=TODAY).amount
    assert amount not in (Decimal("20"), Decimal("80"))  # kept (a follow-up keeps its stake) or none


@pytest.mark.parametrize(
    ("text", "outcome"),
    [("simula 50 al under", "under"), ("10 on the over", "over"), ("over it is, 25 on it", "over"),
     ("bota 20 no over", "over"), ("the under pls", "under")],
)  # fmt: skip
def test_the_over_or_the_under_backed_bare(text, outcome):
    result = read(text)
    assert (result.market, result.outcome) == ("over_under", outcome)


@pytest.mark.parametrize("text", ["I'm over it", "over the weekend what's on?", "I'm under 18", "game over"])
def test_over_and_under_that_back_no_side(text):
    assert read(text).market is None
