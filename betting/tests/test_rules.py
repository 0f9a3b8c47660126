"""Responsible-gambling and bet rules at their boundaries, on PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from betting import services
from betting.models import Bet, GamblingProfile
from betting.selectors import Owner, gambling_status, reality_check_is_due
from sportsdata.models import Fixture, Odds, Sport, Team, Tournament

pytestmark = pytest.mark.django_db

OWNER = Owner(user_id=None, guest_id="guest-rules")


@pytest.fixture
def price() -> Odds:
    now = timezone.now()
    services.profile_confirm_age(owner=OWNER, now=now)
    sport = Sport.objects.create(provider_id="1", name_en="Football")
    tournament = Tournament.objects.create(provider_id="545", sport=sport, name_en="LaLiga")
    home = Team.objects.create(provider_id="1", name_en="Barcelona")
    away = Team.objects.create(provider_id="2", name_en="Real Madrid")
    fixture = Fixture.objects.create(
        provider_id="f1", tournament=tournament, home_team=home, away_team=away,
        starts_at=now + timedelta(days=1), odds_status="active", odds_fetched_at=now,
    )  # fmt: skip
    return Odds.objects.create(
        fixture=fixture, market="result", selection="home", name="Barcelona", price=Decimal("2.10"),
        bet_id="1121441257", fetched_at=now, last_seen_at=now,
    )  # fmt: skip


def propose(price: Odds, stake: str, now=None, balance: str | None = "1000") -> Bet:
    return services.bet_propose(
        owner=OWNER,
        conversation_id=None,
        prices=[price],
        stake=Decimal(stake),
        now=now or timezone.now(),
        balance=Decimal(balance) if balance is not None else None,
    )


def placer(calls: list[int]):
    def place(bet: Bet) -> services.Placement:
        calls.append(bet.pk)
        return services.Placement("placed", provider_bet_id=f"provider-{bet.pk}", message="Bet accepted")

    return place


def confirm(bet: Bet, price: Odds | None, calls: list[int], now=None, balance: str = "1000"):
    return services.bet_confirm(
        owner=OWNER, bet_pk=bet.pk, now=now or timezone.now(), current_prices=[price],
        balance=Decimal(balance), place=placer(calls),
    )  # fmt: skip


def test_proposal_computes_the_return_and_places_nothing(price):
    bet = propose(price, "10")
    assert bet.status == Bet.Status.PENDING
    assert bet.potential_return == Decimal("21.00")
    assert bet.expires_at > timezone.now()


def test_confirmation_places_exactly_once(price):
    calls: list[int] = []
    bet = propose(price, "10")
    first = confirm(bet, price, calls)
    second = confirm(bet, price, calls)
    assert first.placed
    assert not second.placed
    assert second.code == "ALREADY_PLACED"
    assert calls == [bet.pk]
    bet.refresh_from_db()
    assert bet.status == Bet.Status.PLACED
    assert bet.provider_bet_id == f"provider-{bet.pk}"


def test_moved_odds_need_a_new_yes(price):
    calls: list[int] = []
    bet = propose(price, "10")
    moved = Odds(**{**{f.name: getattr(price, f.name) for f in Odds._meta.fields}, "price": Decimal("2.05")})
    outcome = confirm(bet, moved, calls)
    assert not outcome.placed
    assert outcome.code == "ODDS_MOVED"
    assert outcome.data["new_odds"] == Decimal("2.05")
    assert calls == []


def test_expired_slip_is_not_placed(price):
    calls: list[int] = []
    bet = propose(price, "10")
    outcome = confirm(bet, price, calls, now=bet.expires_at)
    assert outcome.code == "SLIP_EXPIRED"
    assert calls == []


def test_stake_over_balance_is_refused_at_proposal_and_at_confirmation(price):
    with pytest.raises(services.BettingRefused) as refused:
        propose(price, "1000.01", balance="1000")
    assert refused.value.code == "INSUFFICIENT_BALANCE"
    calls: list[int] = []
    bet = propose(price, "1000", balance="1000")
    outcome = confirm(bet, price, calls, balance="999.99")
    assert outcome.code == "INSUFFICIENT_BALANCE"
    assert calls == []


def test_per_bet_limit_exactly_reached_is_allowed_and_one_cent_over_is_refused(price):
    services.stake_limit_set(owner=OWNER, period="per_bet", amount=Decimal("50"), now=timezone.now())
    assert propose(price, "50").stake == Decimal("50")
    with pytest.raises(services.BettingRefused) as refused:
        propose(price, "50.01")
    assert refused.value.code == "OVER_LIMIT"


def test_daily_limit_counts_placed_bets(price):
    calls: list[int] = []
    services.stake_limit_set(owner=OWNER, period="daily", amount=Decimal("30"), now=timezone.now())
    confirm(propose(price, "20"), price, calls)
    assert propose(price, "10").stake == Decimal("10")  # 20 + 10 = limit exactly
    with pytest.raises(services.BettingRefused):
        propose(price, "10.01")


def test_limit_decrease_applies_at_once_and_increase_only_after_24_hours(price):
    now = timezone.now()
    services.stake_limit_set(owner=OWNER, period="per_bet", amount=Decimal("100"), now=now)
    lower = services.stake_limit_set(owner=OWNER, period="per_bet", amount=Decimal("20"), now=now)
    assert lower.immediate
    higher = services.stake_limit_set(owner=OWNER, period="per_bet", amount=Decimal("80"), now=now)
    assert not higher.immediate
    assert higher.effective_at == now + timedelta(hours=24)
    just_before = now + timedelta(hours=24) - timedelta(seconds=1)
    with pytest.raises(services.BettingRefused):
        propose(price, "50", now=just_before)
    assert propose(price, "50", now=now + timedelta(hours=24)).stake == Decimal("50")
    assert GamblingProfile.objects.get(guest_id=OWNER.guest_id).stake_limit_per_bet == Decimal("80")


def test_self_exclusion_is_immediate_cannot_be_shortened_and_expires(price):
    now = timezone.now()
    pending = propose(price, "10", now=now)
    services.self_exclusion_start(owner=OWNER, until=now + timedelta(days=180), now=now)
    services.self_exclusion_start(
        owner=OWNER, until=now + timedelta(days=1), now=now
    )  # an attempt to shorten
    status = gambling_status(owner=OWNER, now=now)
    assert status.self_excluded_until == now + timedelta(days=180)
    pending.refresh_from_db()
    assert pending.status == Bet.Status.CANCELLED
    with pytest.raises(services.BettingRefused) as refused:
        propose(price, "10", now=now + timedelta(days=179))
    assert refused.value.code == "SELF_EXCLUDED"
    assert propose(price, "10", now=now + timedelta(days=180, seconds=1)).status == Bet.Status.PENDING


def test_cooling_off_blocks_until_it_ends(price):
    now = timezone.now()
    services.cooling_off_start(owner=OWNER, until=now + timedelta(hours=24), now=now)
    with pytest.raises(services.BettingRefused) as refused:
        propose(price, "10", now=now + timedelta(hours=23))
    assert refused.value.code == "COOLING_OFF"
    assert propose(price, "10", now=now + timedelta(hours=24, seconds=1)).status == Bet.Status.PENDING


def test_exclusion_taken_between_proposal_and_confirmation_stops_the_bet(price):
    calls: list[int] = []
    now = timezone.now()
    bet = propose(price, "10", now=now)
    services.self_exclusion_start(owner=OWNER, until=now + timedelta(days=30), now=now)
    outcome = confirm(bet, price, calls, now=now)
    assert not outcome.placed
    assert calls == []


def test_another_owner_cannot_confirm_my_slip(price):
    calls: list[int] = []
    bet = propose(price, "10")
    with pytest.raises(services.BettingRefused) as refused:
        services.bet_confirm(
            owner=Owner(user_id=None, guest_id="guest-other"), bet_pk=bet.pk, now=timezone.now(),
            current_prices=[price], balance=Decimal("1000"), place=placer(calls),
        )  # fmt: skip
    assert refused.value.code == "NO_PENDING_BET"
    assert calls == []


def test_an_under_18_block_stops_betting_cancels_waiting_slips_and_outlasts_an_age_confirmation(price):
    now = timezone.now()
    pending = propose(price, "10", now=now)
    services.profile_block_minor(owner=OWNER, now=now)
    services.profile_block_minor(owner=OWNER, now=now + timedelta(hours=1))  # idempotent
    services.profile_confirm_age(owner=OWNER, now=now)  # "I'm 18" afterwards changes nothing
    pending.refresh_from_db()
    assert pending.status == Bet.Status.CANCELLED
    status = gambling_status(owner=OWNER, now=now)
    assert status.minor_blocked
    assert not status.age_confirmed
    assert GamblingProfile.objects.get(guest_id=OWNER.guest_id).minor_blocked_at == now
    with pytest.raises(services.BettingRefused) as refused:
        propose(price, "10", now=now + timedelta(days=400))
    assert refused.value.code == "MINOR_BLOCKED"


@pytest.mark.parametrize(
    ("minutes_since", "interval", "due"),
    [(59, 60, False), (60, 60, True), (61, 60, True), (600, 0, False)],
)
def test_reality_check_is_due_once_the_interval_has_passed_and_never_when_off(
    minutes_since: int, interval: int, due: bool
) -> None:
    now = timezone.now()
    started = now - timedelta(minutes=minutes_since)
    assert (
        reality_check_is_due(started_at=started, last_check_at=None, interval_minutes=interval, now=now)
        is due
    )
    # The last check, when there was one, counts instead of the start of the conversation.
    assert not reality_check_is_due(
        started_at=started, last_check_at=now - timedelta(minutes=1), interval_minutes=60, now=now
    )
