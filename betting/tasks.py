"""Celery jobs of the betting app: reconcile bets whose placement outcome is unknown."""

from __future__ import annotations

import logging

from celery import shared_task
from django.utils import timezone

from betting import services
from betting.models import Bet
from betting.selectors import bets_unconfirmed

logger = logging.getLogger(__name__)

RECONCILE_MAX_RETRIES = 10


@shared_task(name=services.RECONCILE_TASK, bind=True, acks_late=True, max_retries=RECONCILE_MAX_RETRIES)
def bet_reconcile_task(self, bet_pk: int) -> str:  # type: ignore[no-untyped-def]
    """Reconcile one unconfirmed bet; while the balance says "too early", check again later."""
    bet = services.bet_reconcile(bet_pk=bet_pk, now=timezone.now())
    if bet is None:
        return "missing"
    if (
        bet.status == Bet.Status.UNCONFIRMED
        and not bet.resolution
        and self.request.retries < self.max_retries
    ):
        raise self.retry(countdown=services.RECONCILE_SETTLE.total_seconds() / 2)
    return str(bet.status)


@shared_task(name="betting.reconcile_unconfirmed", acks_late=True)
def bets_reconcile_unconfirmed() -> int:
    """Sweep: every bet unconfirmed for longer than the settle time (a lost task, a crash between
    sending and recording). Returns how many were settled."""
    now = timezone.now()
    settled = 0
    for pk in list(
        bets_unconfirmed(sent_before=now - services.RECONCILE_SETTLE).values_list("pk", flat=True)
    ):
        bet = services.bet_reconcile(bet_pk=pk, now=now)
        settled += int(bet is not None and bet.status != Bet.Status.UNCONFIRMED)
    return settled
