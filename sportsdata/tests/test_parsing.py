"""Parsing of every endpoint's real payload shape (copied from the API notes), and year inference."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from sportsdata.client import parsing
from sportsdata.client.types import ChatBetPayloadError

NOW = dt.datetime(2025, 9, 18, 12, 0, tzinfo=dt.UTC)

ODDS_ACTIVE = {
    "status": "Active", "main_market": "result",
    "result": {
        "homeTeam": {"name": "Barcelona", "profit": 21.0, "odds": 2.1, "betId": 1121441257},
        "awayTeam": {"name": "Real Madrid", "profit": 35.0, "odds": 3.5, "betId": 1121441259},
        "tie": {"name": "Draw", "profit": 34.0, "odds": 3.4, "betId": 1121441258}},
    "result_regular_time": None, "score": None,
    "both_teams_to_score": {
        "yes": {"name": "Yes", "profit": 16.5, "odds": 1.65, "betId": 1121441301},
        "no": {"name": "No", "profit": 21.5, "odds": 2.15, "betId": 1121441302}},
    "double_chance": {
        "homeTeam_or_draw": {"name": "1X", "profit": 13.4, "odds": 1.34, "betId": 1121441311},
        "awayTeam_or_draw": {"name": "X2", "profit": 17.2, "odds": 1.72, "betId": 1121441312},
        "homeTeam_or_awayTeam": {"name": "12", "profit": 12.8, "odds": 1.28, "betId": 1121441313}},
    "over_under": {
        "over": {"name": "Over 2.5", "profit": 17.8, "odds": 1.78, "betId": 1121441321},
        "under": {"name": "Under 2.5", "profit": 20.2, "odds": 2.02, "betId": 1121441322}},
    "handicap": {
        "homeTeam": {"name": "Barcelona -1", "profit": 31.5, "odds": 3.15, "betId": 1121441331},
        "awayTeam": {"name": "Real Madrid +1", "profit": 13.6, "odds": 1.36, "betId": 1121441332}},
    "half_time_total": None,
    "half_time_result": {
        "homeTeam": {"name": "Barcelona", "profit": 28.0, "odds": 2.8, "betId": 1121441341},
        "awayTeam": {"name": "Real Madrid", "profit": 40.0, "odds": 4.0, "betId": 1121441343},
        "tie": {"name": "Draw", "profit": 22.0, "odds": 2.2, "betId": 1121441342}},
    "half_time_handicap": None, "win": None, "draw_no_bet": None, "goal_first_half": None,
    "goal_second_half": None, "goal_both_halves": None, "total_corners_home": None,
    "total_corners_away": None, "last_goal": None, "result_five_entries": None, "result_first_period": None,
}  # fmt: skip


def test_sports_tournaments_and_all_tournaments():
    sports = parsing.sports_parse([
        {"alias": "Soccer", "profit": {}, "id": "1", "name": "Football", "name_es": "Fútbol",
         "name_en": "Football", "name_pt_br": "Futebol"},
    ])  # fmt: skip
    assert sports[0].id == "1"
    assert sports[0].names.get("pt_br") == "Futebol"

    tournaments = parsing.tournaments_parse([
        {"profit": {}, "sport_name": {"en": "Football", "es": "Fútbol", "pt_br": "Futebol"},
         "tournament_name": " LaLiga ", "tournament_id": "545"},
    ])  # fmt: skip
    assert tournaments[0].name == "LaLiga"
    assert tournaments[0].sport_names.es == "Fútbol"

    groups = parsing.all_tournaments_parse([
        {"id": "1", "name": "Football", "tournaments": [
            {"tournamentId": "545", "name": "LaLiga", "order": 1},
            {"tournamentId": 566, "name": "UEFA Champions League", "order": 2.0}]},
        {"id": "3", "name": "Basketball", "tournaments": [{"tournamentId": "756", "name": "NBA", "order": 1}]},
    ])  # fmt: skip
    assert [t.id for t in groups[0].tournaments] == ["545", "566"]
    assert groups[0].tournaments[1].order == 2
    assert groups[1].tournaments[0].name == "NBA"


def test_fixtures_with_leading_counter():
    page = parsing.fixtures_parse([
        {"totalResults": 2},
        {"source": 1101, "id": "27907678", "startTime": "09-20 19:00",
         "tournament": {"name": "LaLiga", "id": "545"}, "sportId": "1",
         "homeCompetitor": {"name": "Barcelona", "id": "3104", "jerseyIcon": "https://example.invalid/j/3104.png"},
         "awayCompetitor": {"name": "Real Madrid", "id": "3113", "jerseyIcon": "https://example.invalid/j/3113.png"}},
        {"source": 1101, "id": "27900311", "startTime": "09-21 16:30",
         "tournament": {"name": "LaLiga", "id": "545"}, "sportId": "1",
         "homeCompetitor": {"name": "Atletico Madrid", "id": "3099", "jerseyIcon": ""},
         "awayCompetitor": {"name": "Sevilla", "id": "3120", "jerseyIcon": ""}},
    ], now=NOW)  # fmt: skip
    assert page.total_results == 2
    assert [f.id for f in page.fixtures] == ["27907678", "27900311"]
    first = page.fixtures[0]
    assert first.starts_at == dt.datetime(2025, 9, 20, 19, 0, tzinfo=dt.UTC)
    assert (first.home.name, first.away.id, first.tournament_id, first.sport_id) == (
        "Barcelona",
        "3113",
        "545",
        "1",
    )


@pytest.mark.parametrize("payload", [[{"totalResults": 0}], {"totalResults": 0}, []])
def test_empty_tournament(payload):
    page = parsing.fixtures_parse(payload, now=NOW)
    assert page.total_results == 0
    assert page.fixtures == ()


def test_sports_fixtures_language_keyed():
    items = parsing.sports_fixtures_parse([
        {"tournament_name": {"en": "LaLiga", "es": "LaLiga", "pt_br": "LaLiga"},
         "away_team_data": {"name": {"en": "Real Madrid", "es": "Real Madrid", "pt_br": "Real Madrid"}},
         "source": 1101, "tournament_id": "545",
         "home_team_data": {"name": {"en": "Sevilla", "es": "Sevilla", "pt_br": "Sevilha"}},
         "id": "27907678", "startTime": "09-20 19:00", "startTimeIndex": "09-20 19:00",
         "homeCompetitorName": {"en": "Sevilla", "es": "Sevilla", "pt_br": "Sevilha"},
         "homeCompetitorId": {"en": "3120", "es": "3120", "pt_br": "3120"},
         "awayCompetitorName": {"en": "Real Madrid", "es": "Real Madrid", "pt_br": "Real Madrid"},
         "awayCompetitorId": {"en": "3113", "es": "3113", "pt_br": "3113"}},
    ], now=NOW)  # fmt: skip
    assert items[0].home_id == "3120"
    assert items[0].home_names.pt_br == "Sevilha"
    assert items[0].away_names.en == "Real Madrid"
    assert items[0].tournament_id == "545"


def test_active_odds_every_market():
    odds = parsing.odds_parse(ODDS_ACTIVE)
    assert odds.active
    by_key = {(s.market, s.selection): s for s in odds.selections}
    assert len(by_key) == 15
    assert by_key[("result", "draw")].price == Decimal("3.4")
    assert by_key[("result", "home")].bet_id == "1121441257"
    assert by_key[("double_chance", "home_or_away")].name == "12"
    assert by_key[("both_teams_to_score", "no")].price == Decimal("2.15")
    assert by_key[("over_under", "over")].line == Decimal("2.5")
    assert by_key[("handicap", "home")].line == Decimal("-1")
    assert by_key[("handicap", "away")].line == Decimal("1")
    assert by_key[("half_time_result", "away")].price == Decimal("4.0")
    assert all(isinstance(s.price, Decimal) for s in odds.selections)


def test_inactive_odds_have_no_selections():
    inactive: dict[str, object] = dict.fromkeys(ODDS_ACTIVE)
    inactive.update(status="Inactive", main_market="result")
    odds = parsing.odds_parse(inactive)
    assert odds.status == "Inactive"
    assert not odds.active
    assert odds.selections == ()


def test_options_odds_variant():
    odds = parsing.odds_parse({
        "status": "Active", "main_market": "result",
        "result": {"options": {"6084930271": {"name": "Home", "odd": 2.1},
                               "6084930272": {"name": "Draw", "odd": 3.3},
                               "6084930273": {"name": "Away", "odd": 3.6}}},
        "over_under": None,
    })  # fmt: skip
    by_key = {s.selection: s for s in odds.selections}
    assert set(by_key) == {"home", "draw", "away"}
    assert by_key["draw"].bet_id == "6084930272"
    assert by_key["away"].price == Decimal("3.6")


def test_prices_not_above_one_are_dropped():
    odds = parsing.odds_parse({
        "status": "Active",
        "result": {"homeTeam": {"name": "A", "odds": 1.0, "betId": 1},
                   "awayTeam": {"name": "B", "odds": "n/a", "betId": 2},
                   "tie": {"name": "Draw", "odds": 3.1, "betId": 3}},
    })  # fmt: skip
    assert [s.selection for s in odds.selections] == ["draw"]


def test_user_payloads():
    balance = parsing.balance_parse({
        "flag": 0, "money": 4321.77, "playableBalance": 4536.93, "withdrawableBalance": 4321.77,
        "bonusBalance": 0.0, "redeemedBonus": 101.0,
    })  # fmt: skip
    assert balance.money == Decimal("4321.77")
    assert balance.redeemed_bonus == Decimal("101.0")
    receipt = parsing.bet_receipt_parse(
        {"message": "Bet accepted", "betId": "a1b2c3d4-0001", "possibleWin": 21.0}
    )
    assert receipt.accepted
    assert receipt.possible_win == Decimal("21.0")
    quote = parsing.combo_quote_parse({"profit": 37.38, "odd": 3.738, "status": "True"})
    assert quote.ok
    assert quote.odd == Decimal("3.738")
    assert parsing.token_parse({"token": "abc"}) == "abc"
    assert parsing.user_check_parse({"status": True, "userId": 1858035947}).user_id == "1858035947"


@pytest.mark.parametrize("payload", [{"detail": "oops"}, "text", None])
def test_wrong_shapes_raise_payload_error(payload):
    with pytest.raises(ChatBetPayloadError):
        parsing.sports_parse(payload)
    with pytest.raises(ChatBetPayloadError):
        parsing.odds_parse(["not", "an", "object"])


@pytest.mark.parametrize(
    ("now", "start", "expected"),
    [
        (
            dt.datetime(2025, 12, 31, 22, 0, tzinfo=dt.UTC),
            "01-01 10:00",
            dt.datetime(2026, 1, 1, 10, 0, tzinfo=dt.UTC),
        ),
        (
            dt.datetime(2026, 1, 1, 1, 0, tzinfo=dt.UTC),
            "12-31 20:00",
            dt.datetime(2025, 12, 31, 20, 0, tzinfo=dt.UTC),
        ),
        (
            dt.datetime(2025, 12, 20, 9, 0, tzinfo=dt.UTC),
            "01-03 18:00",
            dt.datetime(2026, 1, 3, 18, 0, tzinfo=dt.UTC),
        ),
        (
            dt.datetime(2025, 6, 15, 9, 0, tzinfo=dt.UTC),
            "06-20 18:00",
            dt.datetime(2025, 6, 20, 18, 0, tzinfo=dt.UTC),
        ),
        (
            dt.datetime(2027, 2, 1, 9, 0, tzinfo=dt.UTC),
            "02-29 18:00",
            dt.datetime(2028, 2, 29, 18, 0, tzinfo=dt.UTC),
        ),
    ],
)
def test_start_time_year_is_nearest_to_now(now, start, expected):
    assert parsing.start_time_parse(start, now=now) == expected


def test_unreadable_start_time_skips_only_that_fixture():
    page = parsing.fixtures_parse([
        {"totalResults": 2},
        {"id": "1", "startTime": "soon", "tournament": {"id": "545"}, "sportId": "1",
         "homeCompetitor": {"name": "A", "id": "10"}, "awayCompetitor": {"name": "B", "id": "11"}},
        {"id": "2", "startTime": "09-21 16:30", "tournament": {"id": "545"}, "sportId": "1",
         "homeCompetitor": {"name": "A", "id": "10"}, "awayCompetitor": {"name": "B", "id": "11"}},
    ], now=NOW)  # fmt: skip
    assert [f.id for f in page.fixtures] == ["2"]
