"""Reads for betting: a person's responsible-gambling status, their bets and their account balance."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import Count, Q, QuerySet, Sum

from betting import odds as odds_math
from betting.errors import BettingRefused
from betting.models import AccountProtection, Bet, GamblingProfile, HarmFlag, LinkedAccount
from sportsdata.client import ChatBetError, chatbet_client
from sportsdata.client.types import Balance
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
    # The person said they are under 18: no betting until an operator clears it.
    minor_blocked: bool = False

    @classmethod
    def without_profile(cls) -> GamblingStatus:
        """The status of someone with no gambling profile yet: no limits, age not confirmed."""
        return cls(None, None, False, None, None, None)


def profile_for_owner(*, owner: Owner) -> GamblingProfile | None:
    return GamblingProfile.objects.filter(**owner.filter_kwargs()).first()


def account_protection_for(*, owner: Owner) -> AccountProtection | None:
    """The protections recorded on the person's own ChatBet account (users with a linked account
    only: a guest has none, and the shared demo account carries none)."""
    if owner.user_id is None:
        return None
    linked = LinkedAccount.objects.filter(user_id=owner.user_id).values("provider_user_id")
    return AccountProtection.objects.filter(provider_user_id__in=linked).first()


def _active(now: datetime, *untils: datetime | None) -> datetime | None:
    """The latest of the given end times, if it is still ahead."""
    latest = max((u for u in untils if u is not None), default=None)
    return latest if latest is not None and latest > now else None


def gambling_status(*, owner: Owner, now: datetime) -> GamblingStatus:
    """The person's responsible-gambling status: their profile, tightened by the protections of
    their own ChatBet account (see AccountProtection), whichever identity they come through."""
    profile = profile_for_owner(owner=owner)
    account = account_protection_for(owner=owner)
    if profile is None and account is None:
        return GamblingStatus.without_profile()
    rows = [row for row in (profile, account) if row is not None]
    minor = any(row.minor_blocked_at is not None for row in rows)
    return GamblingStatus(
        self_excluded_until=_active(now, *(row.self_excluded_until for row in rows)),
        cooling_off_until=_active(now, *(row.cooling_off_until for row in rows)),
        # A minor block outweighs any earlier "I am 18 or older".
        age_confirmed=profile is not None and profile.age_confirmed_at is not None and not minor,
        minor_blocked=minor,
        stake_limit_per_bet=profile.stake_limit_per_bet if profile else None,
        stake_limit_daily=profile.stake_limit_daily if profile else None,
        stake_limit_weekly=profile.stake_limit_weekly if profile else None,
        reality_check_minutes=profile.reality_check_minutes if profile else DEFAULT_REALITY_CHECK_MINUTES,
    )


def bets_for_owner(*, owner: Owner) -> QuerySet[Bet]:
    return (
        Bet.objects.filter(**owner.filter_kwargs())
        .select_related("fixture__home_team", "fixture__away_team", "fixture__tournament")
        .prefetch_related("legs__fixture__home_team", "legs__fixture__away_team")
    )


# Stakes that count against a limit: placed, or sent with the outcome still unknown.
STAKED_STATUSES = (Bet.Status.PLACED, Bet.Status.UNCONFIRMED)


def staked_since(*, owner: Owner, since: datetime) -> Decimal:
    total = Bet.objects.filter(
        **owner.filter_kwargs(), status__in=STAKED_STATUSES, sent_at__gte=since
    ).aggregate(total=Sum("stake"))["total"]
    return total or Decimal("0")


def bet_for_owner(*, owner: Owner, bet_pk: int) -> Bet | None:
    return (
        Bet.objects.filter(pk=bet_pk, **owner.filter_kwargs())
        .select_related("fixture__tournament__sport", "fixture__home_team", "fixture__away_team")
        .first()
    )


def bet_pending_for_conversation(*, owner: Owner, conversation_id: Any) -> Bet | None:
    """The conversation's slip waiting for a yes (the newest; proposing supersedes older ones)."""
    return (
        Bet.objects.filter(
            conversation_id=conversation_id, status=Bet.Status.PENDING, **owner.filter_kwargs()
        )
        .select_related("fixture__tournament__sport", "fixture__home_team", "fixture__away_team")
        .order_by("-created_at", "-pk")
        .first()
    )


def bet_last_staked_for_conversation(*, owner: Owner, conversation_id: Any) -> Bet | None:
    """The conversation's newest bet that was sent (placed, or with its outcome being checked)."""
    return (
        Bet.objects.filter(
            conversation_id=conversation_id, status__in=STAKED_STATUSES, **owner.filter_kwargs()
        )
        .order_by("-sent_at", "-pk")
        .first()
    )


def bets_unconfirmed(*, sent_before: datetime | None = None) -> QuerySet[Bet]:
    """Bets sent whose outcome is not known yet, oldest first (reconciliation and the admin)."""
    bets = Bet.objects.filter(status=Bet.Status.UNCONFIRMED)
    if sent_before is not None:
        bets = bets.filter(sent_at__lt=sent_before)
    return bets.order_by("sent_at", "pk")


@dataclass(frozen=True)
class RealityCheck:
    minutes: int
    bets_placed: int
    staked: Decimal


def reality_check_is_due(
    *, started_at: datetime, last_check_at: datetime | None, interval_minutes: int, now: datetime
) -> bool:
    """Whether a reality check is due, without the database (a turn asks this first, and reads
    the bets only when one is)."""
    return (
        interval_minutes > 0
        and (now - (last_check_at or started_at)).total_seconds() >= interval_minutes * 60
    )


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
    if not reality_check_is_due(
        started_at=started_at, last_check_at=last_check_at, interval_minutes=interval_minutes, now=now
    ):
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
    if owner.user_id is not None:
        account = LinkedAccount.objects.filter(user_id=owner.user_id).first()
        if account is not None:
            return Credentials(account.provider_user_id, account.provider_user_key)
    if settings.CHATBET_SHARED_ACCOUNT:
        return Credentials(settings.CHATBET_USER_ID, settings.CHATBET_USER_KEY)
    return None


def credentials_required(*, owner: Owner) -> Credentials:
    credentials = chatbet_credentials_for(owner=owner)
    if credentials is None:
        raise BettingRefused("ACCOUNT_NOT_LINKED")
    return credentials


def account_balance(*, owner: Owner) -> Balance:
    """The person's ChatBet balance, read from the API (refused: ACCOUNT_NOT_LINKED,
    BALANCE_UNAVAILABLE)."""
    credentials = credentials_required(owner=owner)
    try:
        return chatbet_client().balance_get(user_id=credentials.user_id, user_key=credentials.user_key)
    except ChatBetError as exc:
        raise BettingRefused("BALANCE_UNAVAILABLE") from exc


def fixture_price_current(*, fixture: Fixture, market: str, selection: str) -> Odds | None:
    """The fixture's current price for one selection (what a slip is proposed and confirmed at)."""
    return Odds.objects.filter(fixture=fixture, market=market, selection=selection, is_current=True).first()


# Conversation/REST market labels that differ from the API's market keys.
MARKET_KEYS = {"1x2": "result"}
MAX_LEGS = 10


def market_key(label: str) -> str:
    return MARKET_KEYS.get(label, label)


def market_label(key: str) -> str:
    return next((label for label, k in MARKET_KEYS.items() if k == key), key)


@dataclass(frozen=True)
class LegChoice:
    """One selection picked for a slip or a simulation (API keys: market "result", selection "home")."""

    fixture: Fixture
    market: str
    selection: str


@dataclass(frozen=True)
class SlipQuote:
    prices: tuple[Odds, ...]
    stake: Decimal
    odds: Decimal  # the exact product of the legs' odds
    potential_return: Decimal
    profit: Decimal


def legs_check(legs: Sequence[LegChoice]) -> None:
    """Refuse legs that cannot form one bet: none or too many, the same selection twice
    (DUPLICATE_LEG), or two legs of one fixture (SAME_FIXTURE_LEGS). Outcomes of one match are
    correlated (a win and over 2.5 goals) or exclusive (a win and a draw), so the plain product of
    their odds would be a wrong price: bookmakers price same-game combos separately, and the
    ChatBet API has no such market."""
    if not 1 <= len(legs) <= MAX_LEGS:
        raise BettingRefused("INVALID_LEGS", {"min": 1, "max": MAX_LEGS})
    seen: set[tuple[int, str, str]] = set()
    fixtures: set[int] = set()
    for leg in legs:
        key = (leg.fixture.pk, leg.market, leg.selection)
        if key in seen:
            raise BettingRefused("DUPLICATE_LEG", {"selection": leg.selection, "market": leg.market})
        if leg.fixture.pk in fixtures:
            raise BettingRefused("SAME_FIXTURE_LEGS", {"fixture": leg.fixture.provider_id})
        seen.add(key)
        fixtures.add(leg.fixture.pk)


def legs_price(*, legs: Sequence[LegChoice]) -> tuple[Odds, ...]:
    """The current price of every leg, after `legs_check`; SELECTION_NOT_FOUND when one has none."""
    legs_check(legs)
    prices = []
    for leg in legs:
        price = fixture_price_current(fixture=leg.fixture, market=leg.market, selection=leg.selection)
        if price is None:
            raise BettingRefused("SELECTION_NOT_FOUND", {"market": leg.market, "selection": leg.selection})
        prices.append(price)
    return tuple(prices)


def slip_quote(*, legs: Sequence[LegChoice], stake: Decimal) -> SlipQuote:
    """What `stake` on these legs (one, or a combo) would return: odds are the exact product,
    the return is quantized once, to the cent. Places nothing."""
    prices = legs_price(legs=legs)
    try:
        quote = odds_math.combo_quote(legs=[p.price for p in prices], stake=stake)
    except odds_math.OddsError as exc:
        raise BettingRefused("INVALID_STAKE") from exc
    return SlipQuote(prices, stake, quote.odds, quote.potential_return, quote.profit)


def protection_active(*, user_id: int, now: datetime) -> bool:
    """A self-exclusion, cooling-off or under-18 block is on the user's profile (the account must
    not be deleted with it)."""
    profile = GamblingProfile.objects.filter(user_id=user_id).first()
    if profile is None:
        return False
    return profile.minor_blocked_at is not None or any(
        until is not None and until > now
        for until in (profile.self_excluded_until, profile.cooling_off_until)
    )


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _text(value: Decimal | None) -> str | None:
    return str(value) if value is not None else None


def betting_data_export(*, user_id: int) -> dict[str, Any]:
    """The user's gambling profile, bets and harm flags as JSON-ready data (their data export)."""
    profile = GamblingProfile.objects.filter(user_id=user_id).first()
    bets = Bet.objects.filter(user_id=user_id).select_related(
        "fixture__home_team", "fixture__away_team", "fixture__tournament"
    )
    flags = HarmFlag.objects.filter(Q(user_id=user_id) | Q(conversation__user_id=user_id)).order_by(
        "created_at"
    )
    return {
        "gambling_profile": (
            {
                "age_confirmed_at": _iso(profile.age_confirmed_at),
                "minor_blocked_at": _iso(profile.minor_blocked_at),
                "self_excluded_until": _iso(profile.self_excluded_until),
                "cooling_off_until": _iso(profile.cooling_off_until),
                "stake_limit_per_bet": _text(profile.stake_limit_per_bet),
                "stake_limit_daily": _text(profile.stake_limit_daily),
                "stake_limit_weekly": _text(profile.stake_limit_weekly),
                "pending_limit_increases": profile.pending_limit_increases,
                "reality_check_minutes": profile.reality_check_minutes,
                "created_at": _iso(profile.created_at),
                "updated_at": _iso(profile.updated_at),
            }
            if profile is not None
            else None
        ),
        "bets": [
            {
                "id": b.pk,
                "conversation_id": str(b.conversation_id) if b.conversation_id else None,
                "fixture": {
                    "id": b.fixture_id,
                    "provider_id": b.fixture.provider_id,
                    "name": str(b.fixture),
                    "tournament": str(b.fixture.tournament),
                    "starts_at": _iso(b.fixture.starts_at),
                },
                "market": b.market,
                "selection": b.selection,
                "selection_name": b.selection_name,
                "bet_id": b.bet_id,
                "odds": _text(b.odds),
                "stake": _text(b.stake),
                "potential_return": _text(b.potential_return),
                "odds_fetched_at": _iso(b.odds_fetched_at),
                "status": b.status,
                "expires_at": _iso(b.expires_at),
                "provider_bet_id": b.provider_bet_id,
                "provider_message": b.provider_message,
                "created_at": _iso(b.created_at),
                "placed_at": _iso(b.placed_at),
            }
            for b in bets
        ],
        "harm_flags": [
            {
                "id": f.pk,
                "conversation_id": str(f.conversation_id) if f.conversation_id else None,
                "message_id": f.message_id,
                "signals": f.signals,
                "status": f.status,
                "notes": f.notes,
                "created_at": _iso(f.created_at),
                "resolved_at": _iso(f.resolved_at),
            }
            for f in flags
        ],
    }
