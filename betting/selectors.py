"""Reads for betting: a person's responsible-gambling status and their bets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db.models import Count, QuerySet, Sum

from betting.models import Bet, GamblingProfile, LinkedAccount
from sportsdata.models import Fixture, Odds


@dataclass(frozen=True)
class Owner:
    """A user or a guest identity; every betting read and write is scoped to one."""

    user_id: int | None
    guest_id: str = ""

    def filter_kwargs(self) -> dict[str, object]:
        if self.user_id is not None:
            return {"user_id": self.user_id}
        return {"user__isnull": True, "guest_id": self.guest_id}


DEFAULT_REALITY_CHECK_MINUTES = 60


@dataclass(frozen=True)
class GamblingStatus:
    self_excluded_until: datetime | None
    cooling_off_until: datetime | None
    age_confirmed: bool
    stake_limit_per_bet: Decimal | None
    stake_limit_daily: Decimal | None
    stake_limit_weekly: Decimal | None
    reality_check_minutes: int = DEFAULT_REALITY_CHECK_MINUTES
    minor_blocked: bool = False

    @property
    def betting_blocked(self) -> bool:
        return (
            self.self_excluded_until is not None or self.cooling_off_until is not None or self.minor_blocked
        )

    @classmethod
    def without_profile(cls) -> GamblingStatus:
        """The status of someone with no gambling profile yet: no limits, age not confirmed."""
        return cls(None, None, False, None, None, None)


def profile_for_owner(*, owner: Owner) -> GamblingProfile | None:
    return GamblingProfile.objects.filter(**owner.filter_kwargs()).first()


def gambling_status(*, owner: Owner, now: datetime) -> GamblingStatus:
    profile = profile_for_owner(owner=owner)
    if profile is None:
        return GamblingStatus.without_profile()
    excluded = (
        profile.self_excluded_until
        if profile.self_excluded_until and profile.self_excluded_until > now
        else None
    )
    cooling = (
        profile.cooling_off_until if profile.cooling_off_until and profile.cooling_off_until > now else None
    )
    return GamblingStatus(
        self_excluded_until=excluded,
        cooling_off_until=cooling,
        age_confirmed=profile.age_confirmed_at is not None,
        stake_limit_per_bet=profile.stake_limit_per_bet,
        stake_limit_daily=profile.stake_limit_daily,
        stake_limit_weekly=profile.stake_limit_weekly,
        reality_check_minutes=profile.reality_check_minutes,
        minor_blocked=profile.minor_blocked_at is not None,
    )


def bets_for_owner(*, owner: Owner) -> QuerySet[Bet]:
    return Bet.objects.filter(**owner.filter_kwargs()).select_related(
        "fixture__home_team", "fixture__away_team", "fixture__tournament"
    )


def staked_since(*, owner: Owner, since: datetime) -> Decimal:
    total = (
        bets_for_owner(owner=owner)
        .filter(status=Bet.Status.PLACED, placed_at__gte=since)
        .aggregate(total=Sum("stake"))["total"]
    )
    return total or Decimal("0")


@dataclass(frozen=True)
class RealityCheck:
    minutes: int
    bets_placed: int
    staked: Decimal


def reality_check_due(
    *,
    owner: Owner,
    conversation_id: Any,
    started_at: datetime,
    last_check_at: datetime | None,
    interval_minutes: int,
    now: datetime,
) -> RealityCheck | None:
    """A reminder of time spent and bets placed in this conversation, once per `interval_minutes`
    (the profile's reality_check_minutes) of chatting; the bets are only counted when one is due."""
    if interval_minutes <= 0 or (now - (last_check_at or started_at)).total_seconds() < interval_minutes * 60:
        return None
    placed = Bet.objects.filter(
        conversation_id=conversation_id, status=Bet.Status.PLACED, **owner.filter_kwargs()
    ).aggregate(total=Sum("stake"), count=Count("id"))
    return RealityCheck(
        minutes=int((now - started_at).total_seconds() // 60),
        bets_placed=placed["count"],
        staked=placed["total"] or Decimal("0"),
    )


@dataclass(frozen=True)
class Credentials:
    user_id: str
    user_key: str


def chatbet_credentials_for(*, owner: Owner) -> Credentials | None:
    """The ChatBet account whose balance and bets this person acts on: their linked account, or,
    with CHATBET_SHARED_ACCOUNT (demo and evaluation), the one configured account; None when they
    have none, so nobody ever sees or spends someone else's money."""
    from django.conf import settings

    if owner.user_id is not None:
        account = LinkedAccount.objects.filter(user_id=owner.user_id).first()
        if account is not None:
            return Credentials(account.provider_user_id, account.provider_user_key)
    if settings.CHATBET_SHARED_ACCOUNT:
        return Credentials(settings.CHATBET_USER_ID, settings.CHATBET_USER_KEY)
    return None


def fixture_price_current(*, fixture: Fixture, market: str, selection: str) -> Odds | None:
    """The fixture's current price for one selection (what a slip is proposed and confirmed at)."""
    return Odds.objects.filter(fixture=fixture, market=market, selection=selection, is_current=True).first()
