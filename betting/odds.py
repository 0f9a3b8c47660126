"""Odds arithmetic on Decimal: format conversion, implied and fair probabilities, returns and combos.
Rounding policy: odds are used exactly as given (a combo's odds are the exact product of its legs);
money (return, profit) is quantized once, from the exact product, to 0.01 ROUND_HALF_UP; probabilities
and margins to 4 dp ROUND_HALF_UP. Fractional (snapped to the bookmakers' ladder) and american
(whole numbers) are display formats. "Return" is stake × odds, which the ChatBet API calls "profit".
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Literal, NamedTuple

OddsStyle = Literal["decimal", "fractional", "american"]

CENT = Decimal("0.01")
PROBABILITY_PLACES = Decimal("0.0001")
ONE = Decimal(1)
HUNDRED = Decimal(100)

# Prices bookmakers actually quote in fractional form, so "4/5" is shown rather than "39/50".
# Kept reduced (4/6 is quoted as 2/3) because the API of this module returns reduced fractions.
# fmt: off
_LADDER_PRICES = (
    (1, 100), (1, 50), (1, 33), (1, 25), (1, 20), (1, 16), (1, 14), (1, 12), (1, 11), (1, 10),
    (1, 9), (1, 8), (1, 7), (1, 6), (1, 5), (2, 9), (1, 4), (2, 7), (3, 10), (1, 3), (4, 11),
    (2, 5), (4, 9), (1, 2), (8, 15), (4, 7), (8, 13), (2, 3), (8, 11), (4, 5), (5, 6), (10, 11),
    (1, 1), (21, 20), (11, 10), (6, 5), (5, 4), (11, 8), (3, 2), (13, 8), (7, 4), (15, 8), (2, 1),
    (9, 4), (5, 2), (11, 4), (3, 1), (10, 3), (7, 2), (4, 1), (9, 2), (5, 1), (11, 2), (6, 1),
    (13, 2), (7, 1), (15, 2), (8, 1), (17, 2), (9, 1), (10, 1), (11, 1), (12, 1), (14, 1), (16, 1),
    (18, 1), (20, 1), (22, 1), (25, 1), (28, 1), (33, 1), (40, 1), (50, 1), (66, 1), (80, 1),
    (100, 1), (125, 1), (150, 1), (175, 1), (200, 1), (250, 1), (300, 1), (350, 1), (400, 1),
    (450, 1), (500, 1), (600, 1), (700, 1), (750, 1), (800, 1), (900, 1), (1000, 1),
)
# fmt: on
_LADDER: tuple[Fraction, ...] = tuple(sorted(Fraction(n, d) for n, d in _LADDER_PRICES))


class OddsError(ValueError):
    """An odds, stake or market value that cannot be priced (odds <= 1, stake <= 0, empty market)."""


class FractionalOdds(NamedTuple):
    """Reduced fractional odds: profit ``numerator`` for a stake of ``denominator``."""

    numerator: int
    denominator: int

    def __str__(self) -> str:
        return f"{self.numerator}/{self.denominator}"


class BetQuote(NamedTuple):
    """What a stake at given odds pays.

    ``potential_return`` is stake × odds (what the ChatBet API calls "profit"); ``profit`` is the net
    gain, potential_return − stake.
    """

    odds: Decimal
    stake: Decimal
    potential_return: Decimal
    profit: Decimal


def check_odds(odds: Decimal) -> Decimal:
    """Return ``odds`` if it is a finite decimal price above 1, else raise OddsError."""
    if not isinstance(odds, Decimal):
        raise TypeError(f"odds must be a Decimal, not {type(odds).__name__}")
    if not odds.is_finite() or odds <= ONE:
        raise OddsError(f"decimal odds must be greater than 1, got {odds}")
    return odds


def check_stake(stake: Decimal) -> Decimal:
    """Return ``stake`` if it is a positive amount in whole cents, else raise OddsError."""
    if not isinstance(stake, Decimal):
        raise TypeError(f"stake must be a Decimal, not {type(stake).__name__}")
    if not stake.is_finite() or stake <= 0:
        raise OddsError(f"stake must be greater than 0, got {stake}")
    # Sub-cent stakes would make profit != return - stake after rounding.
    if stake != stake.quantize(CENT, rounding=ROUND_HALF_UP):
        raise OddsError(f"stake must be a whole number of cents, got {stake}")
    return stake


def quantize_money(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def quantize_probability(probability: Decimal) -> Decimal:
    return probability.quantize(PROBABILITY_PLACES, rounding=ROUND_HALF_UP)


def quantize_whole(value: Decimal) -> Decimal:
    return value.quantize(ONE, rounding=ROUND_HALF_UP)


# --- format conversion -------------------------------------------------------------------------


def decimal_to_fractional(odds: Decimal, *, exact: bool = False) -> FractionalOdds:
    """Fractional form of ``odds``.

    By default the nearest ladder price (ties go to the shorter price, so a price is never
    overstated on a tie); above 1000/1 the nearest whole number. ``exact=True`` returns the exact
    reduced fraction of ``odds - 1`` instead.
    """
    target = Fraction(check_odds(odds)) - 1
    if exact:
        return FractionalOdds(target.numerator, target.denominator)
    if target > _LADDER[-1]:
        whole = int(quantize_whole(Decimal(target.numerator) / Decimal(target.denominator)))
        return FractionalOdds(whole, 1)
    best = min(_LADDER, key=lambda rung: (abs(rung - target), rung))
    return FractionalOdds(best.numerator, best.denominator)


def fractional_to_decimal(numerator: int, denominator: int) -> Decimal:
    """Decimal odds of ``numerator/denominator``; non-terminating results keep 28 significant digits."""
    if numerator <= 0 or denominator <= 0:
        raise OddsError(f"fractional odds must be positive, got {numerator}/{denominator}")
    return ONE + Decimal(numerator) / Decimal(denominator)


def parse_fractional(text: str) -> FractionalOdds:
    """Parse "5/2" (or "evens") into reduced fractional odds."""
    cleaned = text.strip().lower()
    if cleaned in {"evens", "even", "evs"}:
        return FractionalOdds(1, 1)
    numerator_text, sep, denominator_text = cleaned.partition("/")
    if not sep or not numerator_text.strip().isdigit() or not denominator_text.strip().isdigit():
        raise OddsError(f"not fractional odds: {text!r}")
    numerator, denominator = int(numerator_text), int(denominator_text)
    if numerator <= 0 or denominator <= 0:
        raise OddsError(f"fractional odds must be positive, got {text!r}")
    reduced = Fraction(numerator, denominator)
    return FractionalOdds(reduced.numerator, reduced.denominator)


def decimal_to_american(odds: Decimal) -> Decimal:
    """Whole american odds: +(odds-1)×100 from 2.0 up (2.0 is +100), else -100/(odds-1)."""
    check_odds(odds)
    if odds >= 2:
        return quantize_whole((odds - ONE) * HUNDRED)
    return quantize_whole(-HUNDRED / (odds - ONE))


def american_to_decimal(american: Decimal) -> Decimal:
    """Decimal odds of american odds; |american| must be at least 100 (+100 and -100 are both 2.0)."""
    if not isinstance(american, Decimal):
        raise TypeError(f"american odds must be a Decimal, not {type(american).__name__}")
    if not american.is_finite() or abs(american) < HUNDRED:
        raise OddsError(f"american odds must be <= -100 or >= +100, got {american}")
    if american > 0:
        return ONE + american / HUNDRED
    return ONE + HUNDRED / -american


def format_odds(odds: Decimal, style: OddsStyle = "decimal") -> str:
    """Display string: "2.10" / "3.738", "11/10", "+110" / "-200"."""
    check_odds(odds)
    if style == "fractional":
        return str(decimal_to_fractional(odds))
    if style == "american":
        american = decimal_to_american(odds)
        return f"+{american}" if american > 0 else str(american)
    if style == "decimal":
        # Two places like the API, but a combo's third place (3.738) is kept rather than hidden.
        shown = odds.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)
        if shown == shown.quantize(CENT):
            shown = shown.quantize(CENT)
        return f"{shown:f}"
    raise OddsError(f"unknown odds style: {style!r}")


# --- probabilities -----------------------------------------------------------------------------


def implied_probability(odds: Decimal) -> Decimal:
    """1 / odds, to 4 dp; includes the bookmaker's margin."""
    return quantize_probability(ONE / check_odds(odds))


def _market_inverse(odds: Sequence[Decimal]) -> list[Decimal]:
    if len(odds) < 2:
        raise OddsError("a market needs at least two outcomes")
    return [ONE / check_odds(price) for price in odds]


def market_margin(odds: Sequence[Decimal]) -> Decimal:
    """Overround of a complete market: sum of implied probabilities − 1, to 4 dp.

    Positive for a normal book; negative only when the prices allow an arbitrage (or the outcomes
    given are not a complete market).
    """
    return quantize_probability(sum(_market_inverse(odds), Decimal(0)) - ONE)


def fair_probabilities(odds: Sequence[Decimal]) -> tuple[Decimal, ...]:
    """Margin-free probabilities by proportional normalisation, to 4 dp, summing to exactly 1.

    Rounding uses the largest-remainder method so the quantized values still sum to 1.
    """
    inverses = _market_inverse(odds)
    total = sum(inverses, Decimal(0))
    raw = [inverse / total for inverse in inverses]
    floors = [value.quantize(PROBABILITY_PLACES, rounding=ROUND_FLOOR) for value in raw]
    missing = int((ONE - sum(floors, Decimal(0))) / PROBABILITY_PLACES)
    by_remainder = sorted(range(len(raw)), key=lambda i: raw[i] - floors[i], reverse=True)
    for index in by_remainder[:missing]:
        floors[index] += PROBABILITY_PLACES
    return tuple(floors)


def fair_odds(odds: Sequence[Decimal]) -> tuple[Decimal, ...]:
    """Prices with the margin removed (1 / fair probability, unrounded)."""
    inverses = _market_inverse(odds)
    total = sum(inverses, Decimal(0))
    return tuple(total / inverse for inverse in inverses)


# --- returns -----------------------------------------------------------------------------------


def bet_return(*, stake: Decimal, odds: Decimal) -> Decimal:
    """Gross return of a winning bet: stake × odds, to the cent (the API's "profit")."""
    return quantize_money(check_stake(stake) * check_odds(odds))


def bet_profit(*, stake: Decimal, odds: Decimal) -> Decimal:
    """Net gain of a winning bet: return − stake."""
    return bet_return(stake=stake, odds=odds) - stake


def bet_quote(*, stake: Decimal, odds: Decimal) -> BetQuote:
    potential_return = bet_return(stake=stake, odds=odds)
    return BetQuote(
        odds=odds, stake=stake, potential_return=potential_return, profit=potential_return - stake
    )


def combo_odds(legs: Sequence[Decimal]) -> Decimal:
    """Odds of a combo (accumulator/parlay): the exact product of its legs' odds."""
    if not legs:
        raise OddsError("a combo needs at least one leg")
    product = ONE
    for leg in legs:
        product *= check_odds(leg)
    return product


def combo_return(*, legs: Sequence[Decimal], stake: Decimal) -> Decimal:
    """Gross return of a winning combo, as /combo-bet-calculation reports it in "profit"."""
    return bet_return(stake=stake, odds=combo_odds(legs))


def combo_quote(*, legs: Sequence[Decimal], stake: Decimal) -> BetQuote:
    return bet_quote(stake=stake, odds=combo_odds(legs))
