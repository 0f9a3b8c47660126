"""Daily and weekly stake limits hold under concurrent confirmations, on PostgreSQL: the check and
the spend are atomic per person (their profile row is locked around them)."""

from __future__ import annotations

import threading
import time
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.utils import timezone

from betting import services
from betting.models import Bet
from betting.selectors import Owner, staked_since
from sportsdata.models import Fixture, Odds, Sport, Team, Tournament

pytestmark = pytest.mark.django_db(transaction=True)

OWNER = Owner(user_id=None, guest_id="guest-race")
CONFIRMATIONS = 6


@pytest.fixture
def price() -> Odds:
    now = timezone.now()
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


def slow_placer(sent: list[int], lock: threading.Lock):
    """A provider that takes a moment to accept: the window in which a racing confirmation would
    read a total that does not yet include this bet."""

    def place(bet: Bet) -> services.Placement:
        with lock:
            sent.append(bet.pk)
        time.sleep(0.3)
        return services.Placement("placed", provider_bet_id=f"p-{bet.pk}", message="Bet accepted")

    return place


@pytest.mark.parametrize("period", ["daily", "weekly"])
def test_concurrent_confirmations_never_exceed_the_limit(price, period):
    now = timezone.now()
    services.profile_confirm_age(owner=OWNER, now=now)
    services.stake_limit_set(owner=OWNER, period=period, amount=Decimal("30"), now=now)
    # Slips proposed in separate conversations (none supersedes another), 10 each: only 3 fit.
    slips = [
        services.bet_propose(
            owner=OWNER, conversation_id=None, prices=[price], stake=Decimal("10"), now=now, balance=None
        )
        for _ in range(CONFIRMATIONS)
    ]
    sent: list[int] = []
    place = slow_placer(sent, threading.Lock())
    start = threading.Barrier(CONFIRMATIONS)
    codes: list[str] = []

    def confirm(bet_pk: int) -> None:
        try:
            start.wait()
            outcome = services.bet_confirm(
                owner=OWNER,
                bet_pk=bet_pk,
                now=now,
                current_prices=[price],
                balance=Decimal("1000"),
                place=place,
            )
            codes.append(outcome.code or "PLACED")
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm, args=(bet.pk,)) for bet in slips]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    placed = Bet.objects.filter(pk__in=[b.pk for b in slips], status=Bet.Status.PLACED)
    assert sorted(codes) == ["OVER_LIMIT"] * 3 + ["PLACED"] * 3
    assert placed.count() == 3
    assert len(sent) == 3
    assert staked_since(owner=OWNER, since=now - timedelta(days=7)) == Decimal("30")
