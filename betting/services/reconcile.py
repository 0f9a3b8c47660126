"""Bets whose placement outcome is unknown (`unconfirmed`): settled from the account balance read
just before sending, by a task enqueued after the confirmation commits, a periodic sweep, an
operator's admin action or `manage.py reconcile_bets`; or resolved by hand in admin."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from decimal import Decimal

from celery import current_app
from django.db import transaction

from betting.errors import BettingRefused
from betting.models import Bet
from betting.selectors import Owner, account_balance

logger = logging.getLogger(__name__)

# An unchanged balance means "not placed" only this long after sending (a slow API may still be
# recording the bet before that).
RECONCILE_SETTLE = timedelta(minutes=2)
RECONCILE_DELAY_SECONDS = 30


RECONCILE_TASK = "betting.reconcile_bet"  # betting.tasks.bet_reconcile_task


def bet_reconcile_enqueue(*, bet_pk: int) -> None:
    """Queue a reconciliation; a broker outage is logged, the periodic sweep picks the bet up.
    The task is sent by name: its module calls these services, so importing it would be a circle."""
    try:
        current_app.send_task(RECONCILE_TASK, args=[bet_pk], countdown=RECONCILE_DELAY_SECONDS)
    except Exception:
        logger.exception("could not enqueue the reconciliation of bet %s", bet_pk)


def _owner_of(bet: Bet) -> Owner:
    return Owner(user_id=bet.user_id, guest_id=bet.guest_id)


def bet_reconcile(*, bet_pk: int, now: datetime, balance: Decimal | None = None) -> Bet | None:
    """Settle an unconfirmed bet from the account balance (read now unless given).

    The balance read before sending minus the balance now: exactly the stake, with no other bet of
    the same person sent since, means placed; nothing, once RECONCILE_SETTLE has passed, means
    not placed. Anything else (other bets, a settlement or a deposit moved the balance; on the
    shared demo account other people's bets do) stays unconfirmed for an operator.
    """
    bet = Bet.objects.filter(pk=bet_pk).first()
    if bet is None or bet.status != Bet.Status.UNCONFIRMED:
        return bet
    if bet.balance_before is None or bet.sent_at is None:
        return _resolution_note(bet, "no balance was read before sending: check by hand")
    if balance is None:
        try:
            balance = account_balance(owner=_owner_of(bet)).money
        except BettingRefused as refused:
            logger.info("bet %s: balance unavailable for reconciliation (%s)", bet.pk, refused.code)
            return bet
    delta = bet.balance_before - balance
    others = (
        Bet.objects.filter(
            **_owner_of(bet).filter_kwargs(),
            status__in=(Bet.Status.PLACED, Bet.Status.UNCONFIRMED),
            sent_at__gte=bet.sent_at,
        )
        .exclude(pk=bet.pk)
        .exists()
    )
    if delta == bet.stake and not others:
        return bet_resolve(
            bet_pk=bet.pk, placed=True, now=now, note=f"balance dropped by the stake ({delta})"
        )
    if delta == 0 and not others and now - bet.sent_at >= RECONCILE_SETTLE:
        return bet_resolve(bet_pk=bet.pk, placed=False, now=now, note="balance unchanged: not placed")
    if delta == 0 and not others:
        return bet  # too early to tell: the API may still be recording it
    return _resolution_note(bet, f"balance moved by {delta} (stake {bet.stake}): check by hand")


def _resolution_note(bet: Bet, note: str) -> Bet:
    Bet.objects.filter(pk=bet.pk, status=Bet.Status.UNCONFIRMED).update(resolution=note[:200])
    bet.resolution = note[:200]
    return bet


def bet_resolve(*, bet_pk: int, placed: bool, now: datetime, note: str) -> Bet | None:
    """Settle an unconfirmed bet as placed or failed (reconciliation, or an operator after
    checking with the provider). A bet already settled is left as it is."""
    with transaction.atomic():
        bet = Bet.objects.select_for_update().filter(pk=bet_pk).first()
        if bet is None or bet.status != Bet.Status.UNCONFIRMED:
            return bet
        bet.status = Bet.Status.PLACED if placed else Bet.Status.FAILED
        bet.placed_at = (bet.sent_at or now) if placed else None
        bet.resolved_at = now
        bet.resolution = note[:200]
        bet.save(update_fields=["status", "placed_at", "resolved_at", "resolution"])
    logger.info("bet %s reconciled as %s: %s", bet_pk, bet.status, note)
    return bet
