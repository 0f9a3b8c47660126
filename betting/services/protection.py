"""Responsible-gambling writes: age gate, the under-18 block, exclusions, stake limits, harm flags,
linked accounts, and carrying a guest's protections into their account.

Protections only ever tighten on their own: an exclusion is extended, never shortened; a limit is
lowered at once and raised only after 24 hours; a minor block is cleared only by an operator.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction

from betting.errors import BettingRefused
from betting.models import AccountProtection, Bet, GamblingProfile, HarmFlag, LinkedAccount
from betting.selectors import GamblingStatus, Owner, gambling_status, staked_since

logger = logging.getLogger(__name__)

LIMIT_INCREASE_DELAY = timedelta(hours=24)
LIMIT_FIELDS = {
    "per_bet": "stake_limit_per_bet",
    "daily": "stake_limit_daily",
    "weekly": "stake_limit_weekly",
}


def profile_get_or_create(*, owner: Owner) -> GamblingProfile:
    if owner.user_id is not None:
        profile, _ = GamblingProfile.objects.get_or_create(user_id=owner.user_id)
    else:
        profile, _ = GamblingProfile.objects.get_or_create(user=None, guest_id=owner.guest_id)
    return profile


def profile_lock(*, owner: Owner) -> GamblingProfile:
    """The person's profile row, locked until the surrounding transaction ends: every
    check-and-spend of a limit runs under it, so two confirmations of one person are serial."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("profile_lock needs a transaction")
    profile = profile_get_or_create(owner=owner)
    return GamblingProfile.objects.select_for_update().get(pk=profile.pk)


def _own_account_protection(*, owner: Owner) -> AccountProtection | None:
    """The person's own ChatBet account's protection row, locked (created when missing); None for
    an identity without a linked account (guests; users on the shared demo account)."""
    if owner.user_id is None:
        return None
    account = LinkedAccount.objects.filter(user_id=owner.user_id).first()
    if account is None:
        return None
    protection, _ = AccountProtection.objects.get_or_create(provider_user_id=account.provider_user_id)
    return AccountProtection.objects.select_for_update().get(pk=protection.pk)


def _protect(row: GamblingProfile | AccountProtection, field: str, value: datetime) -> bool:
    """Tighten one protection on `row`: an end time only moves later, a block is set once."""
    current = getattr(row, field)
    later = field != "minor_blocked_at" and current is not None and current < value
    if current is None or later:
        setattr(row, field, value)
        return True
    return False


def _account_protect(*, owner: Owner, field: str, value: datetime) -> None:
    account = _own_account_protection(owner=owner)
    if account is not None and _protect(account, field, value):
        account.save(update_fields=[field, "updated_at"])


def profile_confirm_age(*, owner: Owner, now: datetime) -> GamblingProfile:
    profile = profile_get_or_create(owner=owner)
    if profile.age_confirmed_at is None:
        profile.age_confirmed_at = now
        profile.save(update_fields=["age_confirmed_at", "updated_at"])
    return profile


def _pending_cancel(*, owner: Owner) -> int:
    return Bet.objects.filter(status=Bet.Status.PENDING, **owner.filter_kwargs()).update(
        status=Bet.Status.CANCELLED
    )


def profile_block_minor(*, owner: Owner, now: datetime) -> GamblingProfile:
    """The person said they are under 18: betting is blocked from now on for them and for their
    own ChatBet account, slips waiting for a yes are cancelled, and only an operator (in admin)
    can clear the block. Idempotent."""
    with transaction.atomic():
        profile = profile_lock(owner=owner)
        if _protect(profile, "minor_blocked_at", now):
            profile.save(update_fields=["minor_blocked_at", "updated_at"])
            logger.info("under-18 block set on gambling profile %s", profile.pk)
        _account_protect(owner=owner, field="minor_blocked_at", value=now)
        _pending_cancel(owner=owner)
    return profile


def _protection_extend(*, owner: Owner, field: str, until: datetime, now: datetime) -> GamblingProfile:
    """Set an exclusion-like protection to end at `until`, for the person and their own ChatBet
    account: at once, and only ever later, never earlier. Slips waiting for a yes are cancelled."""
    if until <= now:
        raise BettingRefused("INVALID_PERIOD")
    with transaction.atomic():
        profile = profile_lock(owner=owner)
        if _protect(profile, field, until):
            profile.save(update_fields=[field, "updated_at"])
        _account_protect(owner=owner, field=field, value=until)
        _pending_cancel(owner=owner)
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
        profile = profile_lock(owner=owner)
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


def _apply_due_limit_increases(profile: GamblingProfile, now: datetime) -> bool:
    changed = False
    for period, pending in list(profile.pending_limit_increases.items()):
        if datetime.fromisoformat(pending["effective_at"]) <= now:
            amount = pending["amount"]
            setattr(profile, LIMIT_FIELDS[period], None if amount is None else Decimal(amount))
            del profile.pending_limit_increases[period]
            changed = True
    return changed


def limits_refresh(*, owner: Owner, now: datetime) -> None:
    """Apply limit increases whose 24-hour wait is over."""
    profile = GamblingProfile.objects.filter(**owner.filter_kwargs()).first()
    if profile is None or not profile.pending_limit_increases:
        return
    with transaction.atomic():
        profile = GamblingProfile.objects.select_for_update().get(pk=profile.pk)
        if _apply_due_limit_increases(profile, now):
            profile.save()


def betting_access_check(*, owner: Owner, now: datetime) -> GamblingStatus:
    """Refuse betting (and simulating) to a person blocked as a minor, excluded, cooling off, or
    who has not confirmed being 18 or older; returns their status otherwise."""
    status = gambling_status(owner=owner, now=now)
    if status.minor_blocked:
        raise BettingRefused("MINOR_BLOCKED")
    if status.self_excluded_until is not None:
        raise BettingRefused("SELF_EXCLUDED", {"until": status.self_excluded_until})
    if status.cooling_off_until is not None:
        raise BettingRefused("COOLING_OFF", {"until": status.cooling_off_until})
    if not status.age_confirmed:
        raise BettingRefused("AGE_NOT_CONFIRMED")
    return status


def betting_check_allowed(*, owner: Owner, stake: Decimal, now: datetime) -> None:
    """Refuse (BettingRefused) a stake the person's protections or limits do not allow. Call it
    under `profile_lock` when the stake is about to be spent, so the daily and weekly sums it
    reads cannot change before the spend is recorded."""
    limits_refresh(owner=owner, now=now)
    status = betting_access_check(owner=owner, now=now)
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
    """Carry a guest's protections into their account: exclusions and limits only ever tighten,
    and a minor block carries over."""
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
            for name in ("self_excluded_until", "cooling_off_until", "age_confirmed_at", "minor_blocked_at"):
                mine, theirs = getattr(account, name), getattr(guest, name)
                later_wins = name in ("self_excluded_until", "cooling_off_until")
                if theirs is not None and (mine is None or (later_wins and theirs > mine)):
                    setattr(account, name, theirs)
            for name in LIMIT_FIELDS.values():
                mine, theirs = getattr(account, name), getattr(guest, name)
                if theirs is not None and (mine is None or theirs < mine):
                    setattr(account, name, theirs)
            account.save()
            guest.delete()
        Bet.objects.filter(user__isnull=True, guest_id=guest_id).update(user_id=user_id, guest_id="")


def account_link(*, user_id: int, provider_user_id: str, provider_user_key: str) -> LinkedAccount:
    """Link the user's own ChatBet account. Their active protections go onto the account, so any
    other login linked to it later is bound by them (and they by the account's)."""
    with transaction.atomic():
        account, _ = LinkedAccount.objects.update_or_create(
            user_id=user_id,
            defaults={"provider_user_id": provider_user_id, "provider_user_key": provider_user_key},
        )
        profile = GamblingProfile.objects.filter(user_id=user_id).first()
        if profile is not None:
            owner = Owner(user_id=user_id)
            for field in ("self_excluded_until", "cooling_off_until", "minor_blocked_at"):
                value = getattr(profile, field)
                if value is not None:
                    _account_protect(owner=owner, field=field, value=value)
    return account


def account_unlink(*, user_id: int) -> None:
    LinkedAccount.objects.filter(user_id=user_id).delete()
