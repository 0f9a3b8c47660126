"""Follow-ups, clarifying answers, bet confirmations and the stored dialogue context."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from conversations.assistant.understanding import (
    DialogueContext,
    Understanding,
    context_with_clarification,
    context_with_fixture,
    context_with_pending_bet,
    next_context,
    understand,
)
from conversations.tests.test_understanding_catalog import CATALOG, TODAY


def talk(*messages: str, fixtures: dict[str, tuple[str, str]] | None = None) -> list[Understanding]:
    """Run a conversation; `fixtures` maps a team id to the (home, away) the engine would resolve."""
    context: DialogueContext | None = None
    results = []
    for message in messages:
        result = understand(message, catalog=CATALOG, context=context, today=TODAY)
        results.append(result)
        context = next_context(result, context)
        for team_id in result.teams[:1]:
            if fixtures and team_id in fixtures:
                home, away = fixtures[team_id]
                context = context_with_fixture(context, home_id=home, away_id=away)
        if result.intent == "place_bet" and not (result.is_confirmation or result.is_rejection):
            context = context_with_pending_bet(context)
        context = DialogueContext.from_dict(json.loads(json.dumps(context.to_dict())))
    return results


def test_and_the_draw_keeps_the_match_and_the_intent():
    first, second = talk("What are the odds for Chelsea vs Everton?", "and the draw?")
    assert second.intent == "odds_information_query"
    assert second.teams == ["t-che", "t-eve"]
    assert (second.market, second.outcome) == ("1x2", "draw")
    assert second.is_followup
    assert not first.is_followup


@pytest.mark.parametrize(
    ("follow_up", "market"),
    [("and the spread?", "handicap"), ("what about both teams to score?", "both_teams_to_score"),
     ("¿y ambos marcan?", "both_teams_to_score"), ("e o primeiro tempo?", "half_time_result")],
)  # fmt: skip
def test_market_follow_ups(follow_up, market):
    _, second = talk("Odds for Lakers vs Celtics", follow_up)
    assert second.intent == "odds_information_query"
    assert second.teams == ["t-lal", "t-bos"]
    assert second.market == market


def test_a_new_date_keeps_the_tournament_and_intent():
    _, second, third = talk(
        "¿Qué partidos hay hoy en la Premier?", "¿y mañana?", "¿Y pasado mañana en la Serie A?"
    )
    assert second.intent == third.intent == "match_schedule_query"
    assert second.tournament == "c-pl"
    assert second.date_from == TODAY.replace(day=TODAY.day + 1)
    assert third.tournament == "c-sa"


def test_a_new_team_replaces_the_teams():
    _, second = talk("Quando joga o Porto?", "E o Benfica?")
    assert second.intent == "match_schedule_query"
    assert second.teams == ["t-ben"]
    assert second.language == "pt"


def test_that_match_points_at_the_resolved_fixture():
    _, second = talk(
        "When does Girona play?", "What are the odds for that match?", fixtures={"t-gir": ("t-gir", "t-val")}
    )
    assert second.intent == "odds_information_query"
    assert second.teams == ["t-gir", "t-val"]
    assert second.market == "1x2"


def test_the_other_match():
    _, second = talk(
        "Two games: Arsenal vs Chelsea and Juventus vs Lazio. Odds for the first one?",
        "what about the other match?",
    )
    assert second.teams == ["t-juv", "t-laz"]
    assert second.intent == "odds_information_query"


def test_the_other_match_in_spanish():
    _, second = talk(
        "Cuotas del Arsenal vs Chelsea y del Juventus vs Lazio, primero el primero", "¿y el otro partido?"
    )
    assert second.teams == ["t-juv", "t-laz"]


def test_simulation_follow_up_changes_amount_and_outcome_keeping_teams():
    _, second = talk(
        "Simulate a $50 bet on Everton",
        "and if I put 100 on the draw instead?",
        fixtures={"t-eve": ("t-eve", "t-avl")},
    )
    assert second.intent == "bet_simulation"
    assert second.amount == Decimal(100)
    assert second.teams == ["t-eve", "t-avl"]
    assert (second.market, second.outcome, second.picks) == ("1x2", "draw", [])


def test_simulation_follow_up_keeps_the_amount_when_only_the_pick_changes():
    _, second = talk("Si apuesto 30 al Betis contra el Sevilla, ¿cuánto ganaría?", "¿y al Sevilla?")
    assert second.intent == "bet_simulation"
    assert second.amount == Decimal(30)
    assert second.picks == ["t-sev"]


@pytest.mark.parametrize(
    "answer", ["Yes, confirm it", "yes please", "sí, confírmala", "Sim, confirma", "ok, go ahead"]
)
def test_confirmation_after_a_bet_proposal(answer):
    first, second = talk("Place a bet of 10 on Chelsea to beat Everton", answer)
    assert first.intent == second.intent == "place_bet"
    assert second.is_confirmation
    assert not second.is_rejection
    assert second.teams == ["t-che", "t-eve"]
    assert second.amount == Decimal(10)


@pytest.mark.parametrize("answer", ["No, cancel", "no", "cancela", "não, cancela"])
def test_rejection_after_a_bet_proposal(answer):
    _, second = talk("Bet 10 on Chelsea", answer)
    assert second.intent == "place_bet"
    assert second.is_rejection
    assert not second.is_confirmation


@pytest.mark.parametrize(
    ("balance", "drop"),
    [("hold on, what's my balance?", "forget the bet"), ("¿cuánto saldo tengo?", "olvida la apuesta"),
     ("qual meu saldo?", "pensando bem, esquece a aposta")],
)  # fmt: skip
def test_a_slip_dropped_after_a_balance_question_is_dropped(balance, drop):
    _, asked, dropped = talk("Bet 15 on Chelsea", balance, drop)
    assert asked.intent == "user_balance_query"
    assert dropped.intent == "place_bet"
    assert dropped.is_rejection
    assert not dropped.is_confirmation


def test_yes_without_a_pending_bet_is_not_a_confirmation():
    (result,) = talk("yes")
    assert not result.is_confirmation


def test_clarifying_answer_resolves_among_candidates_and_keeps_the_intent():
    first, second = talk("Odds for the Manchester game?", "City")
    assert first.intent == "odds_information_query"
    assert {*first.ambiguous[0][1]} == {"t-mci", "t-mun"}
    assert second.intent == "odds_information_query"
    assert second.teams == ["t-mci"]
    assert second.market == "1x2"


@pytest.mark.parametrize(
    ("answer", "team"), [("Atletico", "t-atm"), ("el Real", "t-rma"), ("the first one", "t-rma")]
)
def test_clarifying_answers_for_madrid(answer, team):
    first, second = talk("When does Madrid play?", answer)
    assert first.ambiguous[0][1] == ["t-rma", "t-atm"]
    assert second.intent == "match_schedule_query"
    assert second.teams == [team]


def test_short_follow_up_keeps_the_conversation_language():
    _, second = talk("¿Cuándo juega el Madrid?", "Atletico")
    assert second.language == "es"


def test_a_new_request_does_not_inherit_entities():
    _, second = talk("Bet 10 on Chelsea tomorrow", "What's my balance?")
    assert second.intent == "user_balance_query"
    assert (second.teams, second.amount, second.date_from) == ([], None, None)


def test_context_round_trips_through_json():
    context = DialogueContext(
        language="pt", last_intent="place_bet", last_teams=("a", "b"), last_amount=Decimal("12.5")
    )
    context = context_with_clarification(context, candidates=("x", "y"), intent="odds_information_query")
    context = context_with_pending_bet(context)
    assert DialogueContext.from_dict(json.loads(json.dumps(context.to_dict()))) == context


def test_from_dict_tolerates_garbage():
    context = DialogueContext.from_dict(
        {"last_date_from": "nope", "last_amount": "x", "last_fixture_team_pairs": [[1]]}
    )
    assert context.last_date_from is None
    assert context.last_amount is None
    assert context.last_fixture_team_pairs == ()


def test_next_context_records_a_pending_clarification_for_ambiguity():
    result = understand("When does Real play?", catalog=CATALOG, context=None, today=TODAY)
    context = next_context(result, None)
    assert context.pending_clarification is not None
    assert set(context.pending_clarification.candidates) == {"t-rma", "t-betis", "t-rso"}
    assert context.pending_clarification.intent == "match_schedule_query"


@pytest.mark.parametrize(
    ("term", "follow_up"),
    [
        ("What is a parlay?", "and a handicap?"),
        ("¿Qué es una apuesta combinada?", "¿y el hándicap?"),
        ("O que é uma aposta múltipla?", "e o handicap?"),
    ],
)
def test_a_market_named_after_a_term_was_explained_asks_for_that_term_too(term, follow_up):
    _, second = talk(term, follow_up)
    assert second.intent == "general_betting_info"


def test_a_market_named_after_a_term_asks_its_price_once_a_match_is_named():
    _, third = talk("What is a handicap?", "and the handicap for Chelsea vs Everton?")
    assert third.intent == "odds_information_query"


@pytest.mark.parametrize(
    "text",
    [
        "Who plays tomorrow in the Champions League?",
        "¿Quién juega mañana en la Champions?",
        "quem joga amanhã na Liga dos Campeões?",
    ],
)
def test_a_named_competition_and_a_day_ask_for_its_matches_that_day(text):
    (result,) = talk(text)
    assert (result.intent, result.tournament) == ("match_schedule_query", "c-ucl")
    assert result.date_from is not None


@pytest.mark.parametrize(
    ("opening", "market", "explain"),
    [
        ("odds for Chelsea vs Everton", "over/under?", "what does over/under mean?"),
        ("cuotas del Chelsea vs Everton", "¿y ambos marcan?", "¿qué significa ambos marcan?"),
        ("odds do Chelsea x Everton", "e ambas marcam?", "o que significa ambas marcam?"),
    ],
)
def test_a_market_named_with_a_match_on_the_table_asks_its_price_unless_its_meaning(opening, market, explain):
    fixtures = {"t-che": ("t-che", "t-eve")}
    _, priced = talk(opening, market, fixtures=fixtures)
    assert (priced.intent, priced.teams) == ("odds_information_query", ["t-che", "t-eve"])
    _, explained = talk(opening, explain, fixtures=fixtures)
    assert explained.intent == "general_betting_info"


@pytest.mark.parametrize(
    ("bet", "pointer"),
    [
        ("bet 20 on Chelsea", "the one against Everton"),
        ("apuesta 20 al Chelsea", "el partido contra el Everton"),
        ("aposta 20 no Chelsea", "o jogo contra o Everton"),
    ],
)
def test_pointing_at_the_slips_match_by_its_opponent_keeps_the_bet(bet, pointer):
    _, second = talk(bet, pointer, fixtures={"t-che": ("t-che", "t-eve")})
    assert second.intent == "place_bet"
    assert second.amount in (None, 20)


def test_a_weak_name_of_a_listed_team_is_that_team():
    from conversations.assistant.understanding.context import ListedFixture

    listed = (
        ListedFixture("f1", "t-mia", "t-chi", "2025-12-10T23:00:00+00:00"),
        ListedFixture("f2", "t-lal", "t-bos", "2025-12-11T01:00:00+00:00"),
    )
    frame = DialogueContext(listed=listed, last_intent="match_schedule_query")
    result = understand("gimme the odds on the heat one", catalog=CATALOG, context=frame, today=TODAY)
    assert result.intent == "odds_information_query"
    assert set(result.teams) == {"t-mia", "t-chi"}
    assert result.market == "1x2"
    # With nothing on the table the same word is no team.
    alone = understand("can you feel the heat in here tonight", catalog=CATALOG, context=None, today=TODAY)
    assert "t-mia" not in alone.teams


@pytest.mark.parametrize(
    ("opening", "follow_up", "market", "outcome"),
    [
        ("cuánto está el más de 2.5 goles en el Barcelona Real Madrid", "y el menos?", "over_under", "under"),
        ("over 2.5 in Chelsea v Everton?", "and the under?", "over_under", "under"),
        ("menos de 2,5 gols no Benfica x Porto", "e o mais?", "over_under", "over"),
        ("¿ambos marcan en el Betis Sevilla?", "y el no?", "both_teams_to_score", "no"),
    ],
)
def test_the_other_side_of_a_market_named_bare(opening, follow_up, market, outcome):
    _, second = talk(opening, follow_up)
    assert second.intent == "odds_information_query"
    assert (second.market, second.outcome) == (market, outcome)


@pytest.mark.parametrize(
    ("text", "teams"),
    [
        ("odds for Chelsea vs Everton, not Arsenal", ["t-che", "t-eve"]),
        ("cuotas del Barcelona en vez del Real Madrid", ["t-barca"]),
        ("odds do Benfica x Porto, não o Sevilla", ["t-ben", "t-por"]),
    ],
)
def test_a_team_ruled_out_is_not_asked_about(text, teams):
    (result,) = talk(text)
    assert result.teams == teams


@pytest.mark.parametrize(
    ("text", "team"),
    [
        ("¿a cuánto está que gane el Barcelona?", "t-barca"),
        ("quanto paga a vitória do Porto?", "t-por"),
        ("cuánto paga la victoria del Sevilla", "t-sev"),
        ("what are the odds on a win for Chelsea?", "t-che"),
    ],
)
def test_a_win_named_before_the_team_backs_it(text, team):
    (result,) = talk(text)
    assert (result.outcome, result.picks) == ("team", [team])


def test_which_of_two_wins_backs_neither():
    (result,) = talk("¿quién crees que gane, Barcelona o Real Madrid?")
    assert result.picks == []


@pytest.mark.parametrize(
    ("opening", "follow_up", "outcome"),
    [
        ("how much for the Lakers to beat the Celtics", "and if it's a tie?", "draw"),
        ("qual a cotação do Porto contra o Benfica", "e se o Porto ganhar, quanto paga?", "team"),
        ("cuotas del Betis contra el Sevilla", "¿y si empatan?", "draw"),
    ],
)
def test_a_what_if_after_a_price_with_no_stake_asks_a_price(opening, follow_up, outcome):
    _, second = talk(opening, follow_up)
    assert second.intent == "odds_information_query"
    assert second.outcome == outcome


def test_a_what_if_with_a_stake_after_a_price_is_a_simulation():
    _, second = talk("odds for Barcelona vs Real Madrid", "and if I put 20 on the draw?")
    assert second.intent == "bet_simulation"
    assert second.amount == Decimal(20)


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("how have the bulls been playing lately?", "fair enough, when's their next game then"),
        ("cómo viene el Sevilla últimamente?", "bueno, y cuándo juega?"),
        ("como tá o Benfica na tabela?", "e quando joga?"),
    ],
)
def test_a_schedule_question_naming_no_team_is_about_the_team_named_last(first, then):
    first_result = understand(first, catalog=CATALOG, context=None, today=TODAY)
    context = next_context(first_result, None)
    # The engine records the teams the person named (whatever the turn was read as).
    context = DialogueContext.from_dict(
        {**context.to_dict(), "extra": {"named_teams": list(first_result.named)}}
    )
    result = understand(then, catalog=CATALOG, context=context, today=TODAY)
    assert result.intent == "match_schedule_query"
    assert result.teams == list(first_result.named) != []


def test_a_schedule_question_with_its_own_scope_keeps_it():
    context = DialogueContext(last_intent="general_sports_query", extra={"named_teams": ["t-sev"]})
    assert understand("y cuándo juega el Betis?", catalog=CATALOG, context=context, today=TODAY).teams == [
        "t-betis"
    ]
    assert understand("qué partidos hay mañana?", catalog=CATALOG, context=context, today=TODAY).teams == []


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("qué partidos hay el fin de semana en LaLiga?", "y el Sevilla cuándo juega?"),
        ("what's on this weekend?", "and when do Chelsea play?"),
        ("jogos do fim de semana?", "e quando joga o Benfica?"),
    ],
)
def test_asking_when_a_team_plays_is_not_narrowed_to_the_last_days_asked(first, then):
    _, second = talk(first, then)
    assert second.intent == "match_schedule_query"
    assert (second.date_from, second.date_to) == (None, None)


def test_a_team_asked_about_on_a_day_keeps_the_day():
    _, second = talk("qué partidos hay el sábado?", "y el Sevilla juega ese día?")
    assert second.date_from is not None


@pytest.mark.parametrize(
    "text",
    [
        "any basketball tmrw? want to bet the spread",
        "quiero apostar en LaLiga el finde",
        "quero apostar na NBA hoje",
    ],
)
def test_a_bet_with_no_match_yet_only_a_day_or_competition_lists_its_matches_first(text):
    result = understand(text, catalog=CATALOG, context=None, today=TODAY)
    assert result.intent == "match_schedule_query"


@pytest.mark.parametrize(
    "text", ["bet 10 on tomorrow's Sevilla game", "quiero apostar 10 al Betis el sábado"]
)
def test_a_bet_with_a_match_or_a_stake_stays_a_bet(text):
    assert understand(text, catalog=CATALOG, context=None, today=TODAY).intent == "place_bet"


@pytest.mark.parametrize(
    "text",
    [
        "who's the fav in the champions league game next week, bayern or psg",
        "quién es el favorito en el partido del domingo, Betis o Sevilla?",
        "quem é o favorito no jogo de domingo, Benfica ou Porto?",
    ],
)
def test_which_of_two_teams_is_favoured_is_a_comparison_whatever_the_words_about_when(text):
    assert understand(text, catalog=CATALOG, context=None, today=TODAY).intent == "team_comparison"


def test_when_two_teams_meet_stays_a_schedule_question():
    result = understand("when do bayern and psg play next week?", catalog=CATALOG, context=None, today=TODAY)
    assert result.intent == "match_schedule_query"
