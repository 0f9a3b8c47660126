"""The simulate tool and the legs every slip tool resolves: a selection named in conversation (a
team, "draw", "over") on a match found through the sports tools, at its stored price."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, Field

from betting import odds as odds_math
from betting.errors import BettingRefused
from betting.selectors import LegChoice, market_key, slip_quote
from conversations.assistant.tools.betting.common import activity_in, refused_error
from conversations.assistant.tools.registry import Tool, ToolContext, ToolError, register
from conversations.assistant.tools.sports import FixtureInfo, MatchOdds, fixture_resolve, match_odds
from sportsdata.models import Fixture

# --- simulate_bet -----------------------------------------------------------------------------


class LegInput(BaseModel):
    fixture_id: str | None = None
    team: str | None = Field(None, description="A team of the match")
    opponent: str | None = None
    market: str = Field(
        "1x2", description="1x2, double_chance, both_teams_to_score, over_under, handicap, half_time_result"
    )
    selection: str = Field(
        description="home, draw, away, home_or_draw, away_or_draw, home_or_away, yes, no, over, under, "
        "or a team name for 1x2/handicap"
    )


class SimulateInput(BaseModel):
    legs: list[LegInput] = Field(min_length=1, max_length=10)
    stake: Decimal = Field(gt=0, max_digits=12, decimal_places=2)


@dataclass(frozen=True)
class LegQuote:
    fixture: FixtureInfo
    market: str
    selection: str
    name: str
    odds: Decimal
    implied_probability: Decimal
    fetched_at: datetime | None

    def to_json(self) -> dict[str, Any]:
        return {
            "fixture": self.fixture.to_json(),
            "market": self.market,
            "selection": self.name,
            "odds": self.odds,
            "implied_probability": self.implied_probability,
            "odds_time": self.fetched_at.isoformat() if self.fetched_at else None,
        }


@dataclass(frozen=True)
class Simulation:
    legs: list[LegQuote]
    stake: Decimal
    odds: Decimal
    potential_return: Decimal
    profit: Decimal
    implied_probability: Decimal

    def to_json(self) -> dict[str, Any]:
        return {
            "legs": [leg.to_json() for leg in self.legs],
            "stake": self.stake,
            "odds": self.odds,
            "potential_return": self.potential_return,
            "profit": self.profit,
            "implied_probability": self.implied_probability,
            "note": "A simulation: nothing was placed.",
        }


def selection_key(odds: MatchOdds, market: str, selection: str) -> str:
    """Map a team name to its side of the fixture; other selections are already keys."""
    lowered = selection.strip().lower()
    suffix = ""
    if lowered.endswith("_or_draw") and lowered not in ("home_or_draw", "away_or_draw"):
        lowered, suffix = lowered.removesuffix("_or_draw"), "_or_draw"
    if lowered in (odds.fixture.home.name.lower(), odds.fixture.home.id):
        return "home" + suffix
    if lowered in (odds.fixture.away.name.lower(), odds.fixture.away.id):
        return "away" + suffix
    return lowered + suffix


def leg_quote(ctx: ToolContext, leg: LegInput) -> tuple[LegQuote, Fixture]:
    fixture = fixture_resolve(ctx, fixture_id=leg.fixture_id, team=leg.team, opponent=leg.opponent)
    odds = match_odds(ctx, fixture, leg.market)
    if not odds.active:
        raise ToolError(
            "ODDS_INACTIVE", f"No active odds for {odds.fixture.home.name} vs {odds.fixture.away.name}."
        )
    key = selection_key(odds, leg.market, leg.selection)
    price = odds.price(leg.market, key)
    if price is None:
        raise ToolError("SELECTION_NOT_FOUND", f"No {leg.market} price for {leg.selection}.")
    name = (
        odds.fixture.home.name
        if key == "home" and leg.market in ("1x2", "half_time_result")
        else (
            odds.fixture.away.name
            if key == "away" and leg.market in ("1x2", "half_time_result")
            else price.name
        )
    )
    quote = LegQuote(
        fixture=odds.fixture,
        market=leg.market,
        selection=key,
        name=name,
        odds=price.odds,
        implied_probability=odds_math.quantize_probability(odds_math.implied_probability(price.odds)),
        fetched_at=odds.fetched_at,
    )
    return quote, fixture


def simulate_bet(ctx: ToolContext, args: SimulateInput) -> Simulation:
    resolved = [leg_quote(ctx, leg) for leg in args.legs]
    legs = [quote for quote, _ in resolved]
    choices = [
        LegChoice(fixture=fixture, market=market_key(quote.market), selection=quote.selection)
        for quote, fixture in resolved
    ]
    try:
        quote = slip_quote(legs=choices, stake=args.stake)
    except BettingRefused as refused:
        raise refused_error(refused) from refused
    return Simulation(
        legs=legs,
        stake=args.stake,
        odds=quote.odds,
        potential_return=quote.potential_return,
        profit=quote.profit,
        implied_probability=odds_math.quantize_probability(odds_math.implied_probability(quote.odds)),
    )


register(
    Tool(
        name="simulate_bet",
        description="What a stake on one selection (or a combo of several) would return and win. Places nothing.",
        input_model=SimulateInput,
        func=simulate_bet,
        activity=activity_in("Working out the payout…", "Calculando el pago…", "Calculando o retorno…"),
    )
)
