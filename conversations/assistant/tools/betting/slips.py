"""Slip tools: balance, propose (a single or a combo), change the stake, place, cancel.

Thin adapters over betting.services / betting.selectors: the match is resolved through the sports
tools, the rules (limits, exclusions, a bet sent at most once) are the services'. Every figure is
computed with betting.odds on the stored Decimal prices.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, Field, model_validator

from betting import odds as odds_math
from betting import services as betting_services
from betting.errors import BettingRefused
from betting.models import Bet, BetLeg
from betting.selectors import (
    LegChoice,
    account_balance,
    bet_last_staked_for_conversation,
    market_key,
    market_label,
)
from conversations.assistant.tools.betting.common import NoInput, activity_in, owner_of, refused_error
from conversations.assistant.tools.betting.simulate import LegInput, LegQuote, leg_quote
from conversations.assistant.tools.registry import Tool, ToolContext, ToolError, register
from conversations.assistant.tools.sports import (
    FixtureInfo,
    fixture_info,
)

# --- get_balance ------------------------------------------------------------------------------


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
        activity=activity_in("Checking your balance…", "Consultando tu saldo…", "Consultando seu saldo…"),
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
        activity=activity_in("Preparing your bet slip…", "Preparando tu boleto…", "Preparando seu bilhete…"),
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
        activity=activity_in(
            "Updating your bet slip…", "Actualizando tu boleto…", "Atualizando seu bilhete…"
        ),
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
        activity=activity_in("Placing your bet…", "Realizando tu apuesta…", "Fazendo sua aposta…"),
    )
)


@dataclass(frozen=True)
class Cancellation:
    cancelled: bool
    # With no slip waiting, the bet this conversation last sent: it stays, and the person should know.
    last_placed_reference: str | None = None
    last_placed_stake: Decimal | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"cancelled": self.cancelled}
        if self.last_placed_reference is not None:
            data["already_placed"] = {
                "reference": self.last_placed_reference,
                "stake": str(self.last_placed_stake),
                "note": "placed bets cannot be cancelled",
            }
        return data


def cancel_bet(ctx: ToolContext, args: NoInput) -> Cancellation:
    owner = owner_of(ctx)
    conversation_id = ctx.conversation_id or None
    if betting_services.bet_cancel_pending(owner=owner, conversation_id=conversation_id):
        return Cancellation(cancelled=True)
    placed = (
        bet_last_staked_for_conversation(owner=owner, conversation_id=conversation_id)
        if conversation_id
        else None
    )
    if placed is None:
        return Cancellation(cancelled=False)
    return Cancellation(
        cancelled=False,
        last_placed_reference=placed.provider_bet_id or str(placed.pk),
        last_placed_stake=placed.stake,
    )


register(
    Tool(
        name="cancel_bet",
        description="Drop the bet slip this conversation is waiting on (the person said no).",
        input_model=NoInput,
        func=cancel_bet,
        activity=activity_in("Cancelling the slip…", "Cancelando el boleto…", "Cancelando o bilhete…"),
    )
)
