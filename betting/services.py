"""Writes for betting: propose and confirm bets, responsible-gambling settings, harm flags.

Rules are enforced here, outside any LLM: a self-excluded or cooling-off person cannot get a bet
slip, a stake over a limit or the balance is refused, a slip places only once (row lock plus the
status change in one transaction), and odds that moved since the proposal need a new yes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction

from betting import odds as odds_math
from betting.models import Bet, GamblingProfile, HarmFlag, LinkedAccount
from betting.selectors import Owner, gambling_status, staked_since
from sportsdata.models import Odds

logger = logging.getLogger(__name__)

SLIP_TTL = timedelta(minutes=5)
LIMIT_INCREASE_DELAY = timedelta(hours=24)
LIMIT_FIELDS = {
    "per_bet": "stake_limit_per_bet",
    "daily": "stake_limit_daily",
    "weekly": "stake_limit_weekly",
}


class BettingRefused(Exception):
    """The action is not allowed; `code` is stable and `data` holds the figures to explain why."""

    def __init__(self, code: str, data: dict[str, Any] | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.data = data or {}


def profile_get_or_create(*, owner: Owner) -> GamblingProfile:
    if owner.user_id is not None:
        profile, _ = GamblingProfile.objects.get_or_create(user_id=owner.user_id)
    else:
        profile, _ = GamblingProfile.objects.get_or_create(user=None, guest_id=owner.guest_id)
    return profile


def profile_confirm_age(*, owner: Owner, now: datetime) -> GamblingProfile:
    profile = profile_get_or_create(owner=owner)
    if profile.age_confirmed_at is None:
        profile.age_confirmed_at = now
        profile.save(update_fields=["age_confirmed_at", "updated_at"])
    return profile


def profile_block_minor(*, owner: Owner, now: datetime) -> GamblingProfile:
    """Block betting for someone who said they are under 18; only an operator clears it (admin)."""
    profile = profile_get_or_create(owner=owner)
    if profile.minor_blocked_at is None:
        profile.minor_blocked_at = now
        profile.save(update_fields=["minor_blocked_at", "updated_at"])
    return profile


def _protection_extend(*, owner: Owner, field: str, until: datetime, now: datetime) -> GamblingProfile:
    """Set an exclusion-like protection to end at `until`: at once, and only ever later, never
    earlier. Slips waiting for confirmation are cancelled."""
    if until <= now:
        raise BettingRefused("INVALID_PERIOD")
    with transaction.atomic():
        profile = profile_get_or_create(owner=owner)
        profile = GamblingProfile.objects.select_for_update().get(pk=profile.pk)
        current = getattr(profile, field)
        if current is None or current < until:
            setattr(profile, field, until)
        Bet.objects.filter(status=Bet.Status.PENDING, **owner.filter_kwargs()).update(
            status=Bet.Status.CANCELLED
        )
        profile.save(update_fields=[field, "updated_at"])
    return profile


def self_exclusion_start(*, owner: Owner, until: datetime, now: datetime) -> GamblingProfile:
    """Exclude from betting until `until`. It takes effect at once and can only be extended."""
    return _protection_extend(owner=owner, field="self_excluded_until", until=until, now=now)


def cooling_off_start(*, owner: Owner, until: datetime, now: datetime) -> GamblingProfile:
    """A break from betting until `until`, effective at once; it can only be extended."""
    return _protection_extend(owner=owner, field="cooling_off_until", until=until, now=now)


@dataclass(frozen=True)
class LimitChange:
    period: str
    amount: Decimal | None
    effective_at: datetime
    immediate: bool


def stake_limit_set(*, owner: Owner, period: str, amount: Decimal | None, now: datetime) -> LimitChange:
    """Lower (or set a first) limit at once; raise or remove one only after 24 hours."""
    field_name = LIMIT_FIELDS.get(period)
    if field_name is None:
        raise BettingRefused("INVALID_LIMIT_PERIOD")
    if amount is not None and amount <= 0:
        raise BettingRefused("INVALID_AMOUNT")
    with transaction.atomic():
        profile = profile_get_or_create(owner=owner)
        profile = GamblingProfile.objects.select_for_update().get(pk=profile.pk)
        _apply_due_limit_increases(profile, now)
        current: Decimal | None = getattr(profile, field_name)
        tighter = amount is not None and (current is None or amount <= current)
        if tighter:
            setattr(profile, field_name, amount)
            profile.pending_limit_increases.pop(period, None)
            change = LimitChange(period, amount, now, immediate=True)
        else:
            effective_at = now + LIMIT_INCREASE_DELAY
            profile.pending_limit_increases[period] = {
                "amount": None if amount is None else str(amount),
                "effective_at": effective_at.isoformat(),
            }
            change = LimitChange(period, amount, effective_at, immediate=False)
        profile.save()
    return change


def _apply_due_limit_increases(profile: GamblingProfile, now: datetime) -> None:
    for period, pending in list(profile.pending_limit_increases.items()):
        if datetime.fromisoformat(pending["effective_at"]) <= now:
            amount = pending["amount"]
            setattr(profile, LIMIT_FIELDS[period], None if amount is None else Decimal(amount))
            del profile.pending_limit_increases[period]


def limits_refresh(*, owner: Owner, now: datetime) -> None:
    """Apply limit increases whose 24-hour wait is over."""
    profile = GamblingProfile.objects.filter(**owner.filter_kwargs()).first()
    if profile is None or not profile.pending_limit_increases:
        return
    with transaction.atomic():
        profile = GamblingProfile.objects.select_for_update().get(pk=profile.pk)
        _apply_due_limit_increases(profile, now)
        profile.save()


def _check_allowed(*, owner: Owner, stake: Decimal, now: datetime) -> None:
    limits_refresh(owner=owner, now=now)
    status = gambling_status(owner=owner, now=now)
    if status.self_excluded_until is not None:
        raise BettingRefused("SELF_EXCLUDED", {"until": status.self_excluded_until})
    if status.cooling_off_until is not None:
        raise BettingRefused("COOLING_OFF", {"until": status.cooling_off_until})
    if status.stake_limit_per_bet is not None and stake > status.stake_limit_per_bet:
        raise BettingRefused("OVER_LIMIT", {"period": "per_bet", "limit": status.stake_limit_per_bet})
    for period, limit, days in (
        ("daily", status.stake_limit_daily, 1),
        ("weekly", status.stake_limit_weekly, 7),
    ):
        if limit is not None:
            used = staked_since(owner=owner, since=now - timedelta(days=days))
            if used + stake > limit:
                raise BettingRefused("OVER_LIMIT", {"period": period, "limit": limit, "used": used})


def bet_propose(
    *, owner: Owner, conversation_id: Any, price: Odds, stake: Decimal, now: datetime, balance: Decimal | None
) -> Bet:
    """A pending slip for `stake` on `price`; replaces this conversation's earlier pending slip."""
    odds_math.check_stake(stake)
    _check_allowed(owner=owner, stake=stake, now=now)
    if balance is not None and stake > balance:
        raise BettingRefused("INSUFFICIENT_BALANCE", {"balance": balance, "stake": stake})
    with transaction.atomic():
        if conversation_id is not None:
            Bet.objects.filter(
                conversation_id=conversation_id, status=Bet.Status.PENDING, **owner.filter_kwargs()
            ).update(status=Bet.Status.CANCELLED)
        return Bet.objects.create(
            user_id=owner.user_id,
            guest_id="" if owner.user_id is not None else owner.guest_id,
            conversation_id=conversation_id,
            fixture=price.fixture,
            market=price.market,
            selection=price.selection,
            selection_name=price.name,
            bet_id=price.bet_id,
            odds=price.price,
            stake=stake,
            potential_return=odds_math.bet_return(stake=stake, odds=price.price),
            odds_fetched_at=price.fetched_at,
            expires_at=now + SLIP_TTL,
        )


@dataclass
class Confirmation:
    bet: Bet
    placed: bool
    code: str = ""
    data: dict[str, Any] = field(default_factory=dict)


def bet_get_for_owner(*, owner: Owner, bet_pk: int) -> Bet | None:
    return (
        Bet.objects.filter(pk=bet_pk, **owner.filter_kwargs())
        .select_related("fixture__tournament__sport")
        .first()
    )


def bet_pending_for_conversation(*, owner: Owner, conversation_id: Any) -> Bet | None:
    return (
        Bet.objects.filter(
            conversation_id=conversation_id, status=Bet.Status.PENDING, **owner.filter_kwargs()
        )
        .order_by("-created_at")
        .first()
    )


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


def bet_confirm(
    *,
    owner: Owner,
    bet_pk: int,
    now: datetime,
    current_price: Odds | None,
    balance: Decimal | None,
    place: Any,
) -> Confirmation:
    """Place a pending slip exactly once.

    `place(bet) -> (accepted, provider_bet_id, message)` calls the provider; it runs while the slip's
    row is locked, so a concurrent second confirmation waits and then finds it no longer pending.
    """
    with transaction.atomic():
        bet = Bet.objects.select_for_update().filter(pk=bet_pk, **owner.filter_kwargs()).first()
        if bet is None:
            raise BettingRefused("NO_PENDING_BET")
        if bet.status != Bet.Status.PENDING:
            return Confirmation(bet, placed=False, code="ALREADY_" + bet.status.upper())
        if bet.expires_at <= now:
            bet.status = Bet.Status.EXPIRED
            bet.save(update_fields=["status"])
            return Confirmation(bet, placed=False, code="SLIP_EXPIRED")
        try:
            _check_allowed(owner=owner, stake=bet.stake, now=now)
        except BettingRefused as refused:
            bet.status = Bet.Status.CANCELLED
            bet.save(update_fields=["status"])
            return Confirmation(bet, placed=False, code=refused.code, data=refused.data)
        if current_price is None or current_price.price != bet.odds:
            bet.status = Bet.Status.CANCELLED
            bet.save(update_fields=["status"])
            return Confirmation(
                bet,
                placed=False,
                code="ODDS_MOVED",
                data={"new_odds": current_price.price if current_price else None},
            )
        if balance is not None and bet.stake > balance:
            bet.status = Bet.Status.CANCELLED
            bet.save(update_fields=["status"])
            return Confirmation(bet, placed=False, code="INSUFFICIENT_BALANCE", data={"balance": balance})
        accepted, provider_bet_id, message = place(bet)
        bet.status = Bet.Status.PLACED if accepted else Bet.Status.REJECTED
        bet.provider_bet_id = provider_bet_id or ""
        bet.provider_message = (message or "")[:200]
        bet.placed_at = now if accepted else None
        bet.save(update_fields=["status", "provider_bet_id", "provider_message", "placed_at"])
    return Confirmation(bet, placed=accepted, code="" if accepted else "PROVIDER_REJECTED")


def harm_flag_create(
    *, owner: Owner, conversation_id: Any, message_id: int | None, signals: list[str]
) -> HarmFlag:
    return HarmFlag.objects.create(
        user_id=owner.user_id,
        guest_id="" if owner.user_id is not None else owner.guest_id,
        conversation_id=conversation_id,
        message_id=message_id,
        signals=signals,
    )


def profile_adopt_guest(*, guest_id: str, user_id: int) -> None:
    """Carry a guest's protections into their account: exclusions and limits only ever tighten."""
    with transaction.atomic():
        guest = (
            GamblingProfile.objects.select_for_update().filter(user__isnull=True, guest_id=guest_id).first()
        )
        if guest is None:
            return
        account = GamblingProfile.objects.select_for_update().filter(user_id=user_id).first()
        if account is None:
            guest.user_id, guest.guest_id = user_id, ""
            guest.save(update_fields=["user", "guest_id", "updated_at"])
        else:
            for name in ("self_excluded_until", "cooling_off_until", "age_confirmed_at"):
                mine, theirs = getattr(account, name), getattr(guest, name)
                if theirs is not None and (mine is None or (name != "age_confirmed_at" and theirs > mine)):
                    setattr(account, name, theirs)
            for name in LIMIT_FIELDS.values():
                mine, theirs = getattr(account, name), getattr(guest, name)
                if theirs is not None and (mine is None or theirs < mine):
                    setattr(account, name, theirs)
            account.save()
            guest.delete()
        Bet.objects.filter(user__isnull=True, guest_id=guest_id).update(user_id=user_id, guest_id="")


def account_link(*, user_id: int, provider_user_id: str, provider_user_key: str) -> LinkedAccount:
    account, _ = LinkedAccount.objects.update_or_create(
        user_id=user_id,
        defaults={"provider_user_id": provider_user_id, "provider_user_key": provider_user_key},
    )
    return account
