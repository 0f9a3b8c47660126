"""Bet slips: propose, change the stake, confirm (placement, sent at most once), cancel.

A slip starts `pending`; only an explicit confirmation sends it. Confirmation runs in two steps so
no lock is held during the HTTP call: under the person's profile lock the rules are checked and the
slip becomes `unconfirmed` (its stake now counts against the limits); then it is sent once. The
answer makes it `placed`, `rejected` or `failed`; no answer (timeout, 5xx, dropped connection)
leaves it `unconfirmed` for reconciliation (betting.services.reconcile).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db import transaction

from betting import odds as odds_math
from betting.errors import BettingRefused
from betting.models import Bet, BetLeg
from betting.selectors import (
    Credentials,
    LegChoice,
    Owner,
    account_balance,
    bet_for_owner,
    bet_pending_for_conversation,
    credentials_required,
    fixture_price_current,
    legs_check,
    legs_price,
)
from betting.services.protection import betting_check_allowed, profile_lock
from betting.services.reconcile import bet_reconcile_enqueue
from sportsdata.client import (
    ChatBetError,
    ChatBetOutcomeUnknown,
    ChatBetRequestError,
    ChatBetUnavailable,
    chatbet_client,
)
from sportsdata.client.types import BetLeg as ProviderLeg
from sportsdata.models import Fixture, Odds
from sportsdata.services import odds_fresh_for_fixture

logger = logging.getLogger(__name__)

SLIP_TTL = timedelta(minutes=5)


# --- propose ---------------------------------------------------------------------------------

# Bet.odds holds the combined odds to 3 places (display); the return uses the exact product.
ODDS_PLACES = Decimal("0.001")
MAX_ODDS = Decimal("9999999.999")
# Our combo price and the API's quote (/combo-bet-calculation) may differ by rounding only.
QUOTE_TOLERANCE = Decimal("0.0001")


def _choices(prices: Sequence[Odds]) -> list[LegChoice]:
    return [LegChoice(fixture=p.fixture, market=p.market, selection=p.selection) for p in prices]


def bet_propose(
    *,
    owner: Owner,
    conversation_id: Any,
    prices: Sequence[Odds],
    stake: Decimal,
    now: datetime,
    balance: Decimal | None,
    replaces: Bet | None = None,
) -> Bet:
    """A pending slip for `stake` on `prices` (one: a single; two or more: a combo whose odds are
    the exact product). It supersedes the conversation's earlier pending slips (and `replaces`),
    so a confirmation can only ever act on the slip shown last."""
    odds_math.check_stake(stake)
    legs_check(_choices(prices))
    betting_check_allowed(owner=owner, stake=stake, now=now)
    if balance is not None and stake > balance:
        raise BettingRefused("INSUFFICIENT_BALANCE", {"balance": balance, "stake": stake})
    combined = odds_math.combo_odds([p.price for p in prices])
    if combined > MAX_ODDS:
        raise BettingRefused("ODDS_TOO_HIGH", {"odds": combined})
    first = prices[0]
    with transaction.atomic():
        stale = Bet.objects.filter(status=Bet.Status.PENDING, **owner.filter_kwargs())
        if conversation_id is not None:
            stale.filter(conversation_id=conversation_id).update(status=Bet.Status.SUPERSEDED)
        if replaces is not None:
            stale.filter(pk=replaces.pk).update(status=Bet.Status.SUPERSEDED)
        bet = Bet.objects.create(
            user_id=owner.user_id,
            guest_id="" if owner.user_id is not None else owner.guest_id,
            conversation_id=conversation_id,
            fixture=first.fixture,
            market=first.market,
            selection=first.selection,
            selection_name=" + ".join(p.name for p in prices),
            bet_id=first.bet_id,
            odds=combined.quantize(ODDS_PLACES, rounding=ROUND_HALF_UP),
            stake=stake,
            potential_return=odds_math.bet_return(stake=stake, odds=combined),
            odds_fetched_at=min(p.fetched_at for p in prices),
            expires_at=now + SLIP_TTL,
        )
        BetLeg.objects.bulk_create(
            BetLeg(
                bet=bet,
                position=i,
                fixture=p.fixture,
                market=p.market,
                selection=p.selection,
                selection_name=p.name,
                provider_selection_id=p.bet_id,
                odds=p.price,
                odds_fetched_at=p.fetched_at,
            )
            for i, p in enumerate(prices)
        )
    return bet


def _combo_quote_check(*, prices: Sequence[Odds], stake: Decimal) -> None:
    """Cross-check a combo's price with the API's own quote; refuse when they disagree beyond
    rounding (COMBO_PRICE_MISMATCH). The quote service being down does not block the slip: the
    figures shown are ours, from the stored prices."""
    legs = [_leg(p.fixture, p.bet_id, p.price) for p in prices]
    try:
        quote = chatbet_client().combo_calculate(legs=legs, amount=stake)
    except ChatBetError as exc:
        logger.info("combo quote unavailable, using our own product: %s", exc)
        return
    ours = odds_math.combo_odds([p.price for p in prices])
    if quote.ok and abs(quote.odd - ours) > QUOTE_TOLERANCE * ours:
        raise BettingRefused("COMBO_PRICE_MISMATCH", {"odds": ours, "provider_odds": quote.odd})


def slip_propose(
    *, owner: Owner, conversation_id: Any, legs: Sequence[LegChoice], stake: Decimal, now: datetime
) -> Bet:
    """Propose a slip (a single, or a combo of legs on different fixtures) at the current stored
    prices (refreshed first when old), checked against the person's protections, limits and live
    balance. Refusals: BettingRefused with a stable code."""
    legs_check(legs)
    for fixture_pk in {leg.fixture.pk for leg in legs}:
        odds_fresh_for_fixture(fixture_id=fixture_pk)
    prices = legs_price(legs=legs)
    betting_check_allowed(owner=owner, stake=stake, now=now)
    balance = account_balance(owner=owner).money
    if len(prices) > 1:
        _combo_quote_check(prices=prices, stake=stake)
    return bet_propose(
        owner=owner, conversation_id=conversation_id, prices=prices, stake=stake, now=now, balance=balance
    )


def slip_stake_edit(
    *, owner: Owner, conversation_id: Any, bet_pk: int | None, stake: Decimal, now: datetime
) -> Bet:
    """The waiting slip (by id, else the conversation's) again at a new stake: a new slip, shown
    and confirmed on its own; the old one is superseded. Prices are the current ones."""
    slip = (
        bet_for_owner(owner=owner, bet_pk=bet_pk)
        if bet_pk is not None
        else bet_pending_for_conversation(owner=owner, conversation_id=conversation_id)
    )
    if slip is None or slip.status != Bet.Status.PENDING:
        raise BettingRefused("NO_PENDING_BET")
    legs = [
        LegChoice(fixture=leg.fixture, market=leg.market, selection=leg.selection)
        for leg in bet_legs_of(slip)
    ]
    for fixture_pk in {leg.fixture.pk for leg in legs}:
        odds_fresh_for_fixture(fixture_id=fixture_pk)
    prices = legs_price(legs=legs)
    balance = account_balance(owner=owner).money
    return bet_propose(
        owner=owner,
        conversation_id=slip.conversation_id,
        prices=prices,
        stake=stake,
        now=now,
        balance=balance,
        replaces=slip,
    )


# --- confirm -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Placement:
    """What sending a bet came to: `placed`, `rejected` (the API said no), `not_sent` (nothing
    reached the API) or `unknown` (it may have: no answer came back)."""

    outcome: str
    provider_bet_id: str = ""
    message: str = ""


Place = Callable[[Bet], Placement]


@dataclass
class Confirmation:
    bet: Bet
    placed: bool
    code: str = ""
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def unconfirmed(self) -> bool:
        """Sent, outcome unknown: being checked; the person must not place it again by hand."""
        return self.bet.status == Bet.Status.UNCONFIRMED


def _refuse(bet: Bet, status: str, code: str, data: dict[str, Any] | None = None) -> Confirmation:
    bet.status = status
    bet.save(update_fields=["status"])
    return Confirmation(bet, placed=False, code=code, data=data or {})


def bet_confirm(
    *,
    owner: Owner,
    bet_pk: int,
    now: datetime,
    current_prices: Sequence[Odds | None],
    balance: Decimal | None,
    place: Place,
    expected_stake: Decimal | None = None,
) -> Confirmation:
    """Send a pending slip at most once.

    Step 1, under the person's profile lock: the slip is still pending and fresh, it is at the
    stake the person saw (`expected_stake`, when given), the protections and limits allow its
    stake (counting every placed or unconfirmed stake), no leg's odds moved (`current_prices`, one
    per leg, in order) and the balance covers it; it becomes `unconfirmed` with the balance read
    before sending. Step 2, with no lock held: `place(bet)` sends it, once.
    """
    with transaction.atomic():
        profile_lock(owner=owner)
        bet = Bet.objects.select_for_update().filter(pk=bet_pk, **owner.filter_kwargs()).first()
        if bet is None:
            raise BettingRefused("NO_PENDING_BET")
        if bet.status != Bet.Status.PENDING:
            return Confirmation(bet, placed=False, code="ALREADY_" + bet.status.upper())
        if expected_stake is not None and expected_stake != bet.stake:
            return Confirmation(bet, placed=False, code="STAKE_MISMATCH", data={"stake": bet.stake})
        if bet.expires_at <= now:
            return _refuse(bet, Bet.Status.EXPIRED, "SLIP_EXPIRED")
        try:
            betting_check_allowed(owner=owner, stake=bet.stake, now=now)
        except BettingRefused as refused:
            return _refuse(bet, Bet.Status.CANCELLED, refused.code, refused.data)
        legs = bet_legs_of(bet)
        for leg, current in zip(legs, [*current_prices, *[None] * len(legs)], strict=False):
            if current is None or current.price != leg.odds:
                new_odds = current.price if current else None
                data = {"new_odds": new_odds, "selection": leg.selection_name}
                return _refuse(bet, Bet.Status.CANCELLED, "ODDS_MOVED", data)
        if balance is not None and bet.stake > balance:
            return _refuse(bet, Bet.Status.CANCELLED, "INSUFFICIENT_BALANCE", {"balance": balance})
        bet.status = Bet.Status.UNCONFIRMED
        bet.sent_at = now
        bet.balance_before = balance
        bet.save(update_fields=["status", "sent_at", "balance_before"])
    return bet_placement_record(bet_pk=bet.pk, placement=place(bet), now=now)


def bet_placement_record(*, bet_pk: int, placement: Placement, now: datetime) -> Confirmation:
    """Record what sending the bet came to. An unknown outcome stays `unconfirmed` and a
    reconciliation is enqueued once the transaction commits."""
    with transaction.atomic():
        bet = Bet.objects.select_for_update().get(pk=bet_pk)
        if bet.status != Bet.Status.UNCONFIRMED:  # an operator or a reconciliation got there first
            placed = bet.status == Bet.Status.PLACED
            return Confirmation(bet, placed=placed, code="" if placed else "ALREADY_" + bet.status.upper())
        bet.provider_message = placement.message[:200]
        if placement.outcome == "placed":
            bet.status, bet.provider_bet_id, bet.placed_at = Bet.Status.PLACED, placement.provider_bet_id, now
            code = ""
        elif placement.outcome == "rejected":
            bet.status, code = Bet.Status.REJECTED, "PROVIDER_REJECTED"
        elif placement.outcome == "not_sent":
            bet.status, code = Bet.Status.FAILED, "PROVIDER_UNAVAILABLE"
        else:
            code = "OUTCOME_UNKNOWN"
            transaction.on_commit(lambda: bet_reconcile_enqueue(bet_pk=bet_pk))
            logger.warning("bet %s sent, outcome unknown (%s): reconciling", bet_pk, placement.message)
        bet.save(update_fields=["status", "provider_bet_id", "provider_message", "placed_at"])
    return Confirmation(bet, placed=bet.status == Bet.Status.PLACED, code=code)


def bet_legs_of(bet: Bet) -> list[BetLeg]:
    return list(bet.legs.select_related("fixture__tournament__sport").order_by("position"))


def _leg(fixture: Fixture, selection_id: str, odds: Decimal) -> ProviderLeg:
    return ProviderLeg(
        bet_id=selection_id,
        fixture_id=fixture.provider_id,
        sport_id=fixture.tournament.sport.provider_id,
        tournament_id=fixture.tournament.provider_id,
        odd=odds,
    )


def chatbet_placer(*, credentials: Credentials, language: str) -> Place:
    """Send a bet through the ChatBet API, once (the client never resends /place-bet)."""

    def place(bet: Bet) -> Placement:
        try:
            receipt = chatbet_client().bet_place(
                # A combo is one multi-selection /place-bet: every leg in betInfo.betId.
                legs=[_leg(leg.fixture, leg.provider_selection_id, leg.odds) for leg in bet_legs_of(bet)],
                amount=bet.stake,
                user_id=credentials.user_id,
                user_key=credentials.user_key,
                language=language,
            )
        except ChatBetOutcomeUnknown as exc:
            return Placement("unknown", message=str(exc))
        except ChatBetRequestError as exc:
            return Placement("rejected", message=exc.detail)
        except ChatBetUnavailable as exc:  # never reached the API (no connection, circuit open)
            return Placement("not_sent", message=str(exc))
        if not receipt.accepted:
            return Placement("rejected", message=receipt.message)
        return Placement("placed", provider_bet_id=receipt.bet_id, message=receipt.message)

    return place


def slip_confirm(
    *,
    owner: Owner,
    bet_pk: int | None,
    conversation_id: Any,
    now: datetime,
    language: str,
    expected_stake: Decimal | None = None,
) -> Confirmation:
    """Confirm a slip (by id: the one shown last; else the conversation's waiting one). Prices are
    refreshed first, since odds that moved need a new yes; the balance is read just before sending.
    `expected_stake`: the stake the person was shown; a different one is not placed."""
    if bet_pk is not None:
        pending = bet_for_owner(owner=owner, bet_pk=bet_pk)
    else:
        pending = bet_pending_for_conversation(owner=owner, conversation_id=conversation_id)
    if pending is None:
        raise BettingRefused("NO_PENDING_BET")
    if pending.status != Bet.Status.PENDING:
        return Confirmation(pending, placed=False, code="ALREADY_" + pending.status.upper())
    legs = bet_legs_of(pending)
    for fixture_pk in {leg.fixture_id for leg in legs}:
        odds_fresh_for_fixture(fixture_id=fixture_pk)
    current = [
        fixture_price_current(fixture=leg.fixture, market=leg.market, selection=leg.selection) for leg in legs
    ]
    credentials = credentials_required(owner=owner)
    balance = account_balance(owner=owner).money
    return bet_confirm(
        owner=owner,
        bet_pk=pending.pk,
        now=now,
        current_prices=current,
        balance=balance,
        place=chatbet_placer(credentials=credentials, language=language),
        expected_stake=expected_stake,
    )


# --- cancel ------------------------------------------------------------------------------------


def bet_cancel(*, owner: Owner, bet_pk: int) -> Bet | None:
    """Cancel one of the owner's slips if it is still pending; returns it (None when not theirs)."""
    with transaction.atomic():
        bet = Bet.objects.select_for_update().filter(pk=bet_pk, **owner.filter_kwargs()).first()
        if bet is not None and bet.status == Bet.Status.PENDING:
            bet.status = Bet.Status.CANCELLED
            bet.save(update_fields=["status"])
    return bet


def bet_cancel_pending(*, owner: Owner, conversation_id: Any) -> int:
    """Cancel the conversation's waiting slip(s); returns how many were cancelled."""
    return Bet.objects.filter(
        conversation_id=conversation_id, status=Bet.Status.PENDING, **owner.filter_kwargs()
    ).update(status=Bet.Status.CANCELLED)
