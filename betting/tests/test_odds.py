"""Odds maths: worked examples (incl. the API's /combo-bet-calculation samples) and properties."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from betting.odds import (
    BetQuote,
    FractionalOdds,
    OddsError,
    american_to_decimal,
    bet_profit,
    bet_quote,
    bet_return,
    combo_odds,
    combo_quote,
    combo_return,
    decimal_to_american,
    decimal_to_fractional,
    fair_odds,
    fair_probabilities,
    format_odds,
    fractional_to_decimal,
    implied_probability,
    market_margin,
    parse_fractional,
)

D = Decimal

# Prices as the API publishes them: 2 dp (some books use 3), from 1.01 up.
odds_st = st.decimals(min_value=D("1.01"), max_value=D("1000"), places=2, allow_nan=False)
fine_odds_st = st.decimals(min_value=D("1.001"), max_value=D("1000"), places=3, allow_nan=False)
stake_st = st.decimals(min_value=D("0.01"), max_value=D("100000"), places=2, allow_nan=False)
american_st = st.one_of(st.integers(min_value=100, max_value=100_000), st.integers(-100_000, -100)).map(D)


# --- examples ----------------------------------------------------------------------------------


def test_combo_matches_api_two_legs() -> None:
    quote = combo_quote(legs=[D("2.1"), D("1.78")], stake=D("10"))
    assert quote.odds == D("3.738")
    # The API's "profit" (37.38) is the gross return; our profit is net.
    assert quote.potential_return == D("37.38")
    assert quote.profit == D("27.38")


def test_combo_matches_api_single_leg() -> None:
    assert combo_odds([D("4.0")]) == D("4.0")
    assert combo_return(legs=[D("4.0")], stake=D("5")) == D("20.00")


def test_bet_return_and_profit_examples() -> None:
    assert bet_return(stake=D("10"), odds=D("2.1")) == D("21.00")
    assert bet_profit(stake=D("10"), odds=D("2.1")) == D("11.00")
    # 3 × 1.835 = 5.505 rounds half up, not to even.
    assert bet_return(stake=D("3"), odds=D("1.835")) == D("5.51")
    assert bet_quote(stake=D("10"), odds=D("3.5")) == BetQuote(D("3.5"), D("10"), D("35.00"), D("25.00"))


@pytest.mark.parametrize(
    ("odds", "fractional", "american"),
    [
        ("2.5", "3/2", "+150"),
        ("3.5", "5/2", "+250"),
        ("1.5", "1/2", "-200"),
        ("2.0", "1/1", "+100"),
        ("2.1", "11/10", "+110"),
        ("1.91", "10/11", "-110"),
        ("1.8", "4/5", "-125"),
        ("1.78", "4/5", "-128"),
        ("1.01", "1/100", "-10000"),
        ("11", "10/1", "+1000"),
        ("1501", "1500/1", "+150000"),
    ],
)
def test_format_examples(odds: str, fractional: str, american: str) -> None:
    assert format_odds(D(odds), "fractional") == fractional
    assert format_odds(D(odds), "american") == american


@pytest.mark.parametrize(
    ("odds", "shown"),
    [("2.1", "2.10"), ("3.738", "3.738"), ("1.9090909", "1.909"), ("2", "2.00"), ("4.0", "4.00")],
)
def test_format_decimal(odds: str, shown: str) -> None:
    assert format_odds(D(odds), "decimal") == shown
    assert format_odds(D(odds)) == shown


def test_fractional_exact_and_parse() -> None:
    assert decimal_to_fractional(D("1.78"), exact=True) == FractionalOdds(39, 50)
    assert decimal_to_fractional(D("3.5")) == (5, 2)
    assert str(FractionalOdds(5, 2)) == "5/2"
    assert parse_fractional(" 6/4 ") == FractionalOdds(3, 2)
    assert parse_fractional("Evens") == FractionalOdds(1, 1)
    assert fractional_to_decimal(5, 2) == D("3.5")
    for bad in ("5-2", "0/1", "a/b", "5/"):
        with pytest.raises(OddsError):
            parse_fractional(bad)


def test_american_to_decimal_examples() -> None:
    assert american_to_decimal(D(150)) == D("2.5")
    assert american_to_decimal(D(-200)) == D("1.5")
    assert american_to_decimal(D(100)) == american_to_decimal(D(-100)) == D(2)


def test_probability_examples() -> None:
    assert implied_probability(D("2.0")) == D("0.5000")
    assert implied_probability(D("3")) == D("0.3333")
    book = [D("2.1"), D("3.5"), D("3.4")]
    assert market_margin(book) == D("0.0560")
    assert fair_probabilities(book) == (D("0.4509"), D("0.2706"), D("0.2785"))
    # Thirds cannot all round to 0.3333 and still sum to 1.
    assert sum(fair_probabilities([D(3), D(3), D(3)])) == 1
    assert market_margin([D(2), D(2)]) == 0
    assert [round(price, 6) for price in fair_odds([D("1.9"), D("1.9")])] == [D(2), D(2)]


@pytest.mark.parametrize("odds", [D(1), D("0.5"), D(0), D(-2), D("NaN"), D("Infinity")])
def test_invalid_odds_raise(odds: Decimal) -> None:
    with pytest.raises(OddsError):
        implied_probability(odds)
    with pytest.raises(OddsError):
        format_odds(odds, "american")
    with pytest.raises(OddsError):
        combo_odds([D(2), odds])


@pytest.mark.parametrize("stake", [D(0), D(-1), D("0.001"), D("10.005"), D("NaN")])
def test_invalid_stake_raises(stake: Decimal) -> None:
    with pytest.raises(OddsError):
        bet_return(stake=stake, odds=D(2))


def test_other_invalid_inputs() -> None:
    assert issubclass(OddsError, ValueError)
    with pytest.raises(OddsError):
        combo_odds([])
    with pytest.raises(OddsError):
        market_margin([D(2)])
    with pytest.raises(OddsError):
        american_to_decimal(D(50))
    with pytest.raises(OddsError):
        fractional_to_decimal(0, 1)
    with pytest.raises(OddsError):
        format_odds(D(2), "hongkong")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        implied_probability(2.0)  # type: ignore[arg-type]


# --- properties --------------------------------------------------------------------------------


@given(odds=fine_odds_st)
def test_decimal_american_round_trip(odds: Decimal) -> None:
    # American odds are whole numbers, so the trip back loses at most half a unit: <= 0.005.
    assert abs(american_to_decimal(decimal_to_american(odds)) - odds) <= D("0.005")


@given(american=american_st)
def test_american_decimal_round_trip(american: Decimal) -> None:
    assert decimal_to_american(american_to_decimal(american)) == (american if american != -100 else 100)


@given(odds=fine_odds_st)
def test_decimal_fractional_exact_round_trip(odds: Decimal) -> None:
    numerator, denominator = decimal_to_fractional(odds, exact=True)
    assert Fraction(numerator, denominator).denominator == denominator
    assert fractional_to_decimal(numerator, denominator) == odds


@given(odds=odds_st)
def test_fractional_ladder_is_nearest_reasonable(odds: Decimal) -> None:
    numerator, denominator = decimal_to_fractional(odds)
    assert Fraction(numerator, denominator) > 0
    shown = fractional_to_decimal(numerator, denominator)
    # Within the widest gap of the ladder for that price range.
    assert abs(shown - odds) <= max(D("0.05"), odds * D("0.15"))


@given(odds=odds_st)
def test_ladder_prices_are_fixed_points(odds: Decimal) -> None:
    numerator, denominator = decimal_to_fractional(odds)
    price = fractional_to_decimal(numerator, denominator)
    if price == price.quantize(D("0.0001")):
        assert decimal_to_fractional(price) == (numerator, denominator)


@given(probabilities=st.lists(st.integers(min_value=1, max_value=1000), min_size=2, max_size=12))
def test_fair_probabilities_sum_to_one(probabilities: list[int]) -> None:
    total = sum(probabilities)
    odds = [(D(total) / D(weight)).quantize(D("0.01"), rounding=ROUND_HALF_UP) for weight in probabilities]
    odds = [price if price > 1 else D("1.01") for price in odds]
    fair = fair_probabilities(odds)
    assert sum(fair) == 1
    assert all(0 <= p <= 1 for p in fair)


@given(
    weights=st.lists(st.integers(min_value=1, max_value=1000), min_size=2, max_size=12),
    margin=st.decimals(min_value=D(0), max_value=D("0.3"), places=3),
)
def test_margin_non_negative_for_real_books(weights: list[int], margin: Decimal) -> None:
    # A real book prices each outcome at or below fair odds, so implied probabilities sum to >= 1.
    total = sum(weights)
    odds = [D(total) / (D(weight) * (1 + margin)) for weight in weights]
    if all(price > 1 for price in odds):
        assert market_margin(odds) >= 0
        assert abs(market_margin(odds) - margin) <= D("0.0001")


@given(odds=odds_st, stake=stake_st)
def test_combo_of_one_leg_is_single(odds: Decimal, stake: Decimal) -> None:
    assert combo_odds([odds]) == odds
    assert combo_quote(legs=[odds], stake=stake) == bet_quote(stake=stake, odds=odds)


@given(odds=odds_st, stake=stake_st)
def test_return_is_stake_times_odds(odds: Decimal, stake: Decimal) -> None:
    result = bet_return(stake=stake, odds=odds)
    # 2 dp × 2 dp is exact at 4 dp; rounding happens once, to the cent.
    assert result == (stake * odds).quantize(D("0.01"), rounding=ROUND_HALF_UP)
    assert abs(result - stake * odds) <= D("0.005")
    assert bet_profit(stake=stake, odds=odds) == result - stake
    assert bet_profit(stake=stake, odds=odds) > 0 or stake * (odds - 1) < D("0.005")


@given(
    legs=st.lists(st.decimals(min_value=D("1.01"), max_value=D("50"), places=2), min_size=1, max_size=8),
    stake=stake_st,
)
def test_combo_odds_multiply(legs: list[Decimal], stake: Decimal) -> None:
    product = D(1)
    for leg in legs:
        product *= leg
    assert combo_odds(legs) == product
    assert combo_odds(legs) >= max(legs)
    quote = combo_quote(legs=legs, stake=stake)
    assert quote.profit == quote.potential_return - stake


@given(odds=odds_st)
def test_implied_probability_in_unit_interval(odds: Decimal) -> None:
    probability = implied_probability(odds)
    assert 0 <= probability < 1
    assert abs(probability - 1 / odds) <= D("0.00005")
