"""Market tools: compare two teams through their match's odds, analyse upcoming markets. They
explain the market (favourites, implied probabilities, margins) and never promise an outcome."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, Field

from betting import odds as odds_math
from conversations.assistant.tools.betting.common import activity_in
from conversations.assistant.tools.registry import Tool, ToolContext, register
from conversations.assistant.tools.sports import (
    FixtureInfo,
    MatchOdds,
    fixture_resolve,
    fixtures_matching,
    match_odds,
)
from sportsdata.models import Fixture

MAX_RECOMMENDED_FIXTURES = 8


# --- compare_teams ----------------------------------------------------------------------------


class CompareTeamsInput(BaseModel):
    team: str = Field(description="First team")
    opponent: str = Field(description="Second team")


@dataclass(frozen=True)
class SideView:
    selection: str
    name: str
    odds: Decimal
    implied_probability: Decimal
    fair_probability: Decimal

    def to_json(self) -> dict[str, Any]:
        return {
            "selection": self.selection,
            "name": self.name,
            "odds": self.odds,
            "implied_probability": self.implied_probability,
            "fair_probability": self.fair_probability,
        }


@dataclass(frozen=True)
class MarketView:
    """The 1X2 market of one fixture read as probabilities."""

    fixture: FixtureInfo
    sides: list[SideView]
    margin: Decimal
    favourite: SideView
    fetched_at: datetime | None
    stale: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "fixture": self.fixture.to_json(),
            "sides": [s.to_json() for s in self.sides],
            "margin": self.margin,
            "favourite": self.favourite.name,
            "fetched_at": self.fetched_at.isoformat() if self.fetched_at else None,
            "stale": self.stale,
        }


def market_view(odds: MatchOdds) -> MarketView | None:
    prices = odds.market("1x2")
    if len(prices) < 2:
        return None
    values = [p.odds for p in prices]
    fair = odds_math.fair_probabilities(values)
    sides = [
        SideView(
            selection=p.selection,
            name=odds.fixture.home.name
            if p.selection == "home"
            else odds.fixture.away.name
            if p.selection == "away"
            else p.name,
            odds=p.odds,
            implied_probability=odds_math.quantize_probability(odds_math.implied_probability(p.odds)),
            fair_probability=f,
        )
        for p, f in zip(prices, fair, strict=True)
    ]
    favourite = min(sides, key=lambda s: s.odds)
    return MarketView(
        fixture=odds.fixture,
        sides=sides,
        margin=odds_math.market_margin(values),
        favourite=favourite,
        fetched_at=odds.fetched_at,
        stale=odds.stale,
    )


@dataclass(frozen=True)
class Comparison:
    view: MarketView | None
    odds: MatchOdds

    def to_json(self) -> dict[str, Any]:
        if self.view is None:
            return {"fixture": self.odds.fixture.to_json(), "status": "no active 1x2 odds"}
        return self.view.to_json()


def compare_teams(ctx: ToolContext, args: CompareTeamsInput) -> Comparison:
    fixture = fixture_resolve(ctx, fixture_id=None, team=args.team, opponent=args.opponent)
    odds = match_odds(ctx, fixture, "1x2")
    return Comparison(view=market_view(odds), odds=odds)


register(
    Tool(
        name="compare_teams",
        description="Compare two teams through the odds of their next match: favourite, implied and "
        "fair probabilities, bookmaker margin.",
        input_model=CompareTeamsInput,
        func=compare_teams,
        activity=lambda a, lang: {
            "es": f"Comparando {a.team} y {a.opponent}…",
            "pt": f"Comparando {a.team} e {a.opponent}…",
        }.get(lang, f"Comparing {a.team} and {a.opponent}…"),
    )
)


# --- recommend_bets ---------------------------------------------------------------------------


class RecommendInput(BaseModel):
    fixture_ids: list[str] | None = Field(None, description="Fixtures to analyse (from find_fixtures)")
    tournament: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    amount: Decimal | None = Field(None, gt=0, description="The stake the person mentioned, if any")


@dataclass(frozen=True)
class Recommendation:
    markets: list[MarketView]
    most_competitive: MarketView | None
    highest_probability: MarketView | None
    amount: Decimal | None
    example_return: Decimal | None

    def to_json(self) -> dict[str, Any]:
        return {
            "fixtures_analysed": len(self.markets),
            "markets": [m.to_json() for m in self.markets],
            "most_competitive": self.most_competitive.fixture.to_json() if self.most_competitive else None,
            "highest_implied_probability": self.highest_probability.to_json()
            if self.highest_probability
            else None,
            "amount": self.amount,
            "example_return": self.example_return,
            "caveat": "Implied probabilities are the bookmaker's estimate; no bet is safe.",
        }


def recommend_bets(ctx: ToolContext, args: RecommendInput) -> Recommendation:
    if args.fixture_ids:
        fixtures = list(
            Fixture.objects.filter(provider_id__in=args.fixture_ids).select_related(
                "home_team", "away_team", "tournament"
            )
        )
    else:
        date_to = args.date_to or (args.date_from or ctx.now.date()) + timedelta(days=3)
        fixtures = list(
            fixtures_matching(
                team=None,
                opponent=None,
                tournament=args.tournament,
                date_from=args.date_from,
                date_to=date_to,
                now=ctx.now,
            )[:MAX_RECOMMENDED_FIXTURES]
        )
    views = [v for v in (market_view(match_odds(ctx, f, "1x2")) for f in fixtures) if v is not None]
    views.sort(key=lambda v: v.fixture.starts_at)
    # Most competitive: the two teams' prices closest together. Highest probability: the shortest favourite.
    competitive = min(views, key=lambda v: _spread(v), default=None)
    likeliest = max(views, key=lambda v: v.favourite.fair_probability, default=None)
    example = (
        odds_math.bet_return(stake=args.amount, odds=likeliest.favourite.odds)
        if args.amount is not None and likeliest is not None
        else None
    )
    return Recommendation(views, competitive, likeliest, args.amount, example)


def _spread(view: MarketView) -> Decimal:
    teams = [s.odds for s in view.sides if s.selection in ("home", "away")]
    return abs(teams[0] - teams[1]) if len(teams) == 2 else Decimal("999")


register(
    Tool(
        name="recommend_bets",
        description="Analyse the 1X2 markets of upcoming fixtures: favourites with implied probability, "
        "the most competitive match, margins. Explains the market; never promises an outcome.",
        input_model=RecommendInput,
        func=recommend_bets,
        activity=activity_in("Analysing the markets…", "Analizando los mercados…", "Analisando os mercados…"),
    )
)
