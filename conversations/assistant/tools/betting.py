"""Betting tools: compare, recommend, simulate, balance, propose and confirm bets, RG actions.

Thin adapters: validate the arguments, resolve the match through the sports tools, call one
betting service or selector, shape a compact result. The rules (limits, exclusions, a bet sent at
most once) live in betting.services. Every figure is computed with betting.odds on the stored
Decimal prices; recommendations explain the market and never promise an outcome.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, Field, model_validator

from betting import odds as odds_math
from betting import services as betting_services
from betting.errors import BettingRefused
from betting.models import Bet, BetLeg
from betting.selectors import LegChoice, Owner, account_balance, market_key, market_label, slip_quote
from conversations.assistant import catalog_store
from conversations.assistant.tools.registry import Tool, ToolContext, ToolError, register
from conversations.assistant.tools.sports import (
    FixtureInfo,
    MatchOdds,
    fixture_info,
    fixture_resolve,
    fixtures_matching,
    match_odds,
)
from sportsdata.models import Fixture

MAX_RECOMMENDED_FIXTURES = 8


def owner_of(ctx: ToolContext) -> Owner:
    return Owner(user_id=ctx.user_id, guest_id=ctx.guest_id)


def _activity(en: str, es: str, pt: str) -> Any:
    return lambda args, language: {"es": es, "pt": pt}.get(language, en)


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


def _compare_activity(args: CompareTeamsInput, language: str) -> str:
    team, opponent = catalog_store.display_name(args.team), catalog_store.display_name(args.opponent)
    return {"es": f"Comparando {team} y {opponent}…", "pt": f"Comparando {team} e {opponent}…"}.get(
        language, f"Comparing {team} and {opponent}…"
    )


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
        activity=_activity("Analysing the markets…", "Analizando los mercados…", "Analisando os mercados…"),
    )
)


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
        activity=_activity("Working out the payout…", "Calculando el pago…", "Calculando o retorno…"),
    )
)


# --- get_balance ------------------------------------------------------------------------------


class NoInput(BaseModel):
    pass


@dataclass(frozen=True)
class BalanceView:
    money: Decimal
    playable: Decimal
    withdrawable: Decimal
    bonus: Decimal

    def to_json(self) -> dict[str, Any]:
        return {
            "balance": self.money,
            "playable": self.playable,
            "withdrawable": self.withdrawable,
            "bonus": self.bonus,
        }


def refused_error(refused: BettingRefused) -> ToolError:
    detail = ", ".join(f"{k}={v}" for k, v in refused.data.items())
    if refused.code == "ACCOUNT_NOT_LINKED":
        detail = "Link your ChatBet account to see your balance or bet."
    elif refused.code == "BALANCE_UNAVAILABLE":
        detail = "The balance service is not answering right now."
    return ToolError(refused.code, detail)


def balance_fetch(ctx: ToolContext) -> BalanceView:
    try:
        balance = account_balance(owner=owner_of(ctx))
    except BettingRefused as refused:
        raise refused_error(refused) from refused
    return BalanceView(
        balance.money, balance.playable_balance, balance.withdrawable_balance, balance.bonus_balance
    )


def get_balance(ctx: ToolContext, args: NoInput) -> BalanceView:
    return balance_fetch(ctx)


register(
    Tool(
        name="get_balance",
        description="The person's current ChatBet balance.",
        input_model=NoInput,
        func=get_balance,
        activity=_activity("Checking your balance…", "Consultando tu saldo…", "Consultando seu saldo…"),
    )
)


# --- propose_bet / place_bet ------------------------------------------------------------------


class ProposeInput(BaseModel):
    leg: LegInput | None = Field(None, description="One selection (a single bet)")
    legs: list[LegInput] | None = Field(
        None,
        min_length=2,
        max_length=10,
        description="Two or more selections on different matches (a combo / parlay / accumulator)",
    )
    stake: Decimal = Field(gt=0, max_digits=12, decimal_places=2)

    @model_validator(mode="after")
    def _one_shape(self) -> ProposeInput:
        if (self.leg is None) == (self.legs is None):
            raise ValueError("give either leg (a single) or legs (a combo)")
        return self


@dataclass(frozen=True)
class Slip:
    bet_pk: int
    legs: list[LegQuote]
    odds: Decimal  # a combo: the exact product of its legs' odds
    stake: Decimal
    potential_return: Decimal
    expires_at: datetime

    @property
    def leg(self) -> LegQuote:
        """The first (for a single, the only) leg."""
        return self.legs[0]

    def to_json(self) -> dict[str, Any]:
        shape = (
            self.leg.to_json()
            if len(self.legs) == 1
            else {"combo": True, "legs": [leg.to_json() for leg in self.legs], "odds": self.odds}
        )
        return {
            "slip_id": self.bet_pk,
            **shape,
            "stake": self.stake,
            "potential_return": self.potential_return,
            "expires_at": self.expires_at.isoformat(),
            "status": "awaiting explicit confirmation",
        }


def _leg_view(ctx: ToolContext, leg: BetLeg) -> LegQuote:
    """A stored leg as shown: a 1X2 side is named by its team."""
    info = fixture_info(leg.fixture, ctx.language)
    side_named = leg.market in ("result", "half_time_result") and leg.selection in ("home", "away")
    name = (info.home if leg.selection == "home" else info.away).name if side_named else leg.selection_name
    return LegQuote(
        fixture=info,
        market=market_label(leg.market),
        selection=leg.selection,
        name=name,
        odds=leg.odds,
        implied_probability=odds_math.quantize_probability(odds_math.implied_probability(leg.odds)),
        fetched_at=leg.odds_fetched_at,
    )


def slip_view(ctx: ToolContext, bet: Bet) -> Slip:
    legs = betting_services.bet_legs_of(bet)
    return Slip(
        bet_pk=bet.pk,
        legs=[_leg_view(ctx, leg) for leg in legs],
        odds=odds_math.combo_odds([leg.odds for leg in legs]),
        stake=bet.stake,
        potential_return=bet.potential_return,
        expires_at=bet.expires_at,
    )


def propose_bet(ctx: ToolContext, args: ProposeInput) -> Slip:
    choices = []
    for leg_input in args.legs or ([args.leg] if args.leg else []):
        quote, fixture = leg_quote(ctx, leg_input)
        choices.append(LegChoice(fixture=fixture, market=market_key(quote.market), selection=quote.selection))
    try:
        bet = betting_services.slip_propose(
            owner=owner_of(ctx),
            conversation_id=ctx.conversation_id or None,
            legs=choices,
            stake=args.stake,
            now=ctx.now,
        )
    except BettingRefused as refused:
        raise refused_error(refused) from refused
    return slip_view(ctx, bet)


register(
    Tool(
        name="propose_bet",
        description="Prepare a bet slip for the person to confirm: one selection (leg), or a combo of two or "
        "more selections on different matches (legs; odds multiply). Shows odds, stake, potential return. "
        "Places nothing; only an explicit confirmation with place_bet does. Replaces any waiting slip.",
        input_model=ProposeInput,
        func=propose_bet,
        activity=_activity("Preparing your bet slip…", "Preparando tu boleto…", "Preparando seu bilhete…"),
    )
)


class ChangeStakeInput(BaseModel):
    stake: Decimal = Field(gt=0, max_digits=12, decimal_places=2, description="The new stake")
    slip_id: int | None = Field(
        None, description="The slip to change (the one shown last); omit for the waiting one"
    )


def change_stake(ctx: ToolContext, args: ChangeStakeInput) -> Slip:
    try:
        bet = betting_services.slip_stake_edit(
            owner=owner_of(ctx),
            conversation_id=ctx.conversation_id or None,
            bet_pk=args.slip_id,
            stake=args.stake,
            now=ctx.now,
        )
    except BettingRefused as refused:
        if refused.code == "NO_PENDING_BET":
            raise ToolError("NO_PENDING_BET", "There is no bet slip waiting for confirmation.") from refused
        raise refused_error(refused) from refused
    return slip_view(ctx, bet)


register(
    Tool(
        name="change_stake",
        description="Change the stake of the waiting bet slip (e.g. 'make it 25'): shows a new slip at the new "
        "stake, which needs its own explicit confirmation; the old slip can no longer be placed.",
        input_model=ChangeStakeInput,
        func=change_stake,
        activity=_activity("Updating your bet slip…", "Actualizando tu boleto…", "Atualizando seu bilhete…"),
    )
)


@dataclass(frozen=True)
class PlacedBet:
    placed: bool
    code: str
    selection: str
    fixture: FixtureInfo
    odds: Decimal
    stake: Decimal
    potential_return: Decimal
    provider_bet_id: str
    # "placed", "unconfirmed" (sent, outcome being checked: never to be placed again by hand), ...
    status: str = ""
    legs: list[LegQuote] = field(default_factory=list)  # a combo's legs (empty for a single)
    data: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "placed": self.placed,
            "status": self.status,
            "code": self.code,
            "fixture": self.fixture.to_json(),
            "selection": self.selection,
            "odds": self.odds,
            "stake": self.stake,
            "potential_return": self.potential_return,
            "provider_bet_id": self.provider_bet_id,
            **({"legs": [leg.to_json() for leg in self.legs]} if self.legs else {}),
            **{k: v for k, v in self.data.items() if v is not None},
        }


class PlaceInput(BaseModel):
    bet_id: int | None = Field(
        None, description="The slip to place (the one shown last); omit for this conversation's waiting slip"
    )
    stake: Decimal | None = Field(
        None, gt=0, max_digits=12, decimal_places=2, description="The stake shown on that slip"
    )


def place_bet(ctx: ToolContext, args: PlaceInput) -> PlacedBet:
    try:
        confirmation = betting_services.slip_confirm(
            owner=owner_of(ctx),
            bet_pk=args.bet_id,
            conversation_id=ctx.conversation_id or None,
            now=ctx.now,
            language=ctx.language,
            expected_stake=args.stake,
        )
    except BettingRefused as refused:
        if refused.code == "NO_PENDING_BET":
            raise ToolError("NO_PENDING_BET", "There is no bet slip waiting for confirmation.") from refused
        raise refused_error(refused) from refused
    bet = confirmation.bet
    view = slip_view(ctx, bet)
    return PlacedBet(
        placed=confirmation.placed,
        code=confirmation.code,
        selection=bet.selection_name,
        fixture=view.leg.fixture,
        odds=view.odds,
        legs=view.legs if len(view.legs) > 1 else [],
        stake=bet.stake,
        potential_return=bet.potential_return,
        provider_bet_id=bet.provider_bet_id,
        status=bet.status,
        data=confirmation.data,
    )


register(
    Tool(
        name="place_bet",
        description="Place the bet slip this conversation is waiting on. Only call after the person explicitly "
        "confirmed that slip (e.g. 'yes, place it'). If the result's status is 'unconfirmed', the bet was "
        "sent but its outcome is being checked: say so, and tell the person not to place it again by hand.",
        input_model=PlaceInput,
        func=place_bet,
        activity=_activity("Placing your bet…", "Realizando tu apuesta…", "Fazendo sua aposta…"),
    )
)


@dataclass(frozen=True)
class Cancellation:
    cancelled: bool

    def to_json(self) -> dict[str, Any]:
        return {"cancelled": self.cancelled}


def cancel_bet(ctx: ToolContext, args: NoInput) -> Cancellation:
    count = betting_services.bet_cancel_pending(
        owner=owner_of(ctx), conversation_id=ctx.conversation_id or None
    )
    return Cancellation(cancelled=count > 0)


register(
    Tool(
        name="cancel_bet",
        description="Drop the bet slip this conversation is waiting on (the person said no).",
        input_model=NoInput,
        func=cancel_bet,
        activity=_activity("Cancelling the slip…", "Cancelando el boleto…", "Cancelando o bilhete…"),
    )
)


# --- responsible gambling ---------------------------------------------------------------------


class SelfExcludeInput(BaseModel):
    days: int = Field(ge=1, le=3650, description="Length of the exclusion in days (e.g. 180 for six months)")


class CoolingOffInput(BaseModel):
    hours: int = Field(ge=1, le=24 * 42, description="Length of the break in hours")


class SetLimitInput(BaseModel):
    period: str = Field(description="per_bet, daily or weekly")
    amount: Decimal = Field(gt=0, max_digits=12, decimal_places=2)


@dataclass(frozen=True)
class RgOutcome:
    action: str
    until: datetime | None = None
    amount: Decimal | None = None
    period: str = ""
    immediate: bool = True

    def to_json(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "until": self.until.isoformat() if self.until else None,
            "amount": self.amount,
            "period": self.period,
            "effective": "now" if self.immediate else "in 24 hours",
        }


def self_exclude(ctx: ToolContext, args: SelfExcludeInput) -> RgOutcome:
    until = ctx.now + timedelta(days=args.days)
    profile = betting_services.self_exclusion_start(owner=owner_of(ctx), until=until, now=ctx.now)
    return RgOutcome("self_exclusion", until=profile.self_excluded_until)


def cooling_off(ctx: ToolContext, args: CoolingOffInput) -> RgOutcome:
    until = ctx.now + timedelta(hours=args.hours)
    profile = betting_services.cooling_off_start(owner=owner_of(ctx), until=until, now=ctx.now)
    return RgOutcome("cooling_off", until=profile.cooling_off_until)


def set_limit(ctx: ToolContext, args: SetLimitInput) -> RgOutcome:
    try:
        change = betting_services.stake_limit_set(
            owner=owner_of(ctx), period=args.period, amount=args.amount, now=ctx.now
        )
    except BettingRefused as refused:
        raise ToolError(refused.code) from refused
    return RgOutcome(
        "limit",
        amount=change.amount,
        period=change.period,
        immediate=change.immediate,
        until=change.effective_at,
    )


register(
    Tool(
        name="self_exclude",
        description="Exclude the person from betting for a period, effective immediately. Cannot be shortened.",
        input_model=SelfExcludeInput,
        func=self_exclude,
        activity=_activity(
            "Setting up your self-exclusion…", "Activando tu autoexclusión…", "Ativando sua autoexclusão…"
        ),
    )
)
register(
    Tool(
        name="cooling_off",
        description="A short break from betting (hours to weeks), effective immediately.",
        input_model=CoolingOffInput,
        func=cooling_off,
        activity=_activity("Starting your break…", "Iniciando tu pausa…", "Iniciando sua pausa…"),
    )
)
register(
    Tool(
        name="set_limit",
        description="Set a stake limit per bet, per day or per week. Lower limits apply at once; higher ones after 24 hours.",
        input_model=SetLimitInput,
        func=set_limit,
        activity=_activity("Updating your limits…", "Actualizando tus límites…", "Atualizando seus limites…"),
    )
)
