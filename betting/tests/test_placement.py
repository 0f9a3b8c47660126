"""Placing a bet against the project's fake ChatBet API (a real socket): a bet is sent at most once,
an unknown outcome is told plainly and reconciled from the balance, never placed twice."""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta
from decimal import Decimal

import pytest
from asgiref.sync import sync_to_async
from django.utils import timezone

from betting import services
from betting.models import Bet
from betting.selectors import Owner
from conversations.tests.test_turn import ask, start
from sportsdata.tests.fake_chatbet import FakeChatBet

pytestmark = pytest.mark.django_db(transaction=True)

OWNER = Owner(user_id=None, guest_id="guest-test")


def wait_for(predicate, seconds: float = 5.0) -> None:
    """Wait (in a test, off any request path) for the fake API to finish a slow request."""
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "timed out waiting for the fake ChatBet API"
        time.sleep(0.05)


def balance_of(fake: FakeChatBet) -> Decimal:
    status, body = fake.api.handle(
        "GET", "/auth/get_user_balance", {"userId": "1", "userKey": "1"}, {"token": _token(fake)}, None
    )
    assert status == 200
    return Decimal(str(body["money"]))


def _token(fake: FakeChatBet) -> str:
    return fake.api.handle("POST", "/auth/generate_token", {}, {}, None)[1]["token"]


async def test_a_bet_recorded_after_the_client_timeout_is_sent_once_told_as_being_checked_and_reconciled(
    chatbet, settings
):
    settings.CHATBET_API_TIMEOUT = 1.0
    settings.CHATBET_API_RETRIES = 2  # retries are allowed for reads; a bet must still go once
    conversation = await sync_to_async(start)()
    await ask(conversation, "Place a bet of 10 on Barcelona to beat Real Madrid", "m1")
    before = await sync_to_async(balance_of)(chatbet)
    chatbet.place_bet_late(delay=2.5)  # the API records the bet 2.5 s later; the client waits 1 s

    reply = await ask(conversation, "yes, place it", "m2")

    assert "being checked" in reply.content
    assert "don't place it again" in reply.content
    assert "Done" not in reply.content
    bet = await Bet.objects.aget(conversation=conversation)
    assert bet.status == Bet.Status.UNCONFIRMED
    assert bet.balance_before == before
    await sync_to_async(wait_for)(lambda: len(chatbet.placed_bets()) == 1)
    await asyncio.sleep(0.5)  # room for a (wrong) second attempt to arrive
    assert chatbet.count("/place-bet") == 1
    assert [Decimal(b["amount"]) for b in chatbet.placed_bets()] == [Decimal("10")]

    settled = await sync_to_async(services.bet_reconcile)(bet_pk=bet.pk, now=timezone.now())
    assert settled is not None
    assert settled.status == Bet.Status.PLACED
    assert "dropped by the stake" in settled.resolution
    again = await ask(conversation, "yes, place it", "m3")
    assert chatbet.count("/place-bet") == 1
    assert "no bet slip waiting" in again.content.lower()


async def test_a_5xx_on_place_bet_is_not_retried_and_an_unchanged_balance_settles_it_as_failed(chatbet):
    conversation = await sync_to_async(start)()
    await ask(conversation, "Place a bet of 10 on Barcelona to beat Real Madrid", "m1")
    chatbet.fault("error500", paths=("/place-bet",))

    reply = await ask(conversation, "yes, place it", "m2")

    assert "being checked" in reply.content
    assert chatbet.count("/place-bet") == 1
    assert chatbet.placed_bets() == []
    bet = await Bet.objects.aget(conversation=conversation)
    assert bet.status == Bet.Status.UNCONFIRMED
    assert bet.sent_at is not None
    early = await sync_to_async(services.bet_reconcile)(bet_pk=bet.pk, now=bet.sent_at + timedelta(seconds=5))
    assert early is not None
    assert early.status == Bet.Status.UNCONFIRMED  # too early: a slow API may still record it
    late = bet.sent_at + services.RECONCILE_SETTLE
    settled = await sync_to_async(services.bet_reconcile)(bet_pk=bet.pk, now=late)
    assert settled is not None
    assert settled.status == Bet.Status.FAILED


async def test_a_balance_moved_by_something_else_is_left_to_an_operator(chatbet):
    conversation = await sync_to_async(start)()
    await ask(conversation, "Place a bet of 10 on Barcelona to beat Real Madrid", "m1")
    chatbet.fault("error500", paths=("/place-bet",))
    await ask(conversation, "yes, place it", "m2")
    bet = await Bet.objects.aget(conversation=conversation)
    assert bet.balance_before is not None
    moved = bet.balance_before - Decimal("25")  # e.g. someone else's bet on a shared account

    left = await sync_to_async(services.bet_reconcile)(bet_pk=bet.pk, now=timezone.now(), balance=moved)

    assert left is not None
    assert left.status == Bet.Status.UNCONFIRMED
    assert "check by hand" in left.resolution
    resolved = await sync_to_async(services.bet_resolve)(
        bet_pk=bet.pk, placed=False, now=timezone.now(), note="checked by operator: not placed"
    )
    assert resolved is not None
    assert resolved.status == Bet.Status.FAILED
    replay = await sync_to_async(services.bet_resolve)(
        bet_pk=bet.pk, placed=True, now=timezone.now(), note="x"
    )
    assert replay is not None
    assert replay.status == Bet.Status.FAILED  # settled once; a second resolution changes nothing


async def test_confirming_through_rest_twice_never_sends_an_unconfirmed_bet_again(chatbet):
    from rest_framework.test import APIClient

    client = APIClient()
    token = (await sync_to_async(client.post)("/api/v1/auth/guest")).json()["guest_token"]
    client.credentials(HTTP_AUTHORIZATION=f"Guest {token}")
    await sync_to_async(client.post)("/api/v1/betting/age-confirmation", {"confirm": True}, format="json")
    slip = {"fixture_id": "27907678", "market": "1x2", "selection": "home", "stake": "10"}
    bet = (await sync_to_async(client.post)("/api/v1/betting/bets/", slip, format="json")).json()
    chatbet.fault("timeout", paths=("/place-bet",), delay=1.5)

    first = await sync_to_async(client.post)(f"/api/v1/betting/bets/{bet['id']}/confirm")
    second = await sync_to_async(client.post)(f"/api/v1/betting/bets/{bet['id']}/confirm")

    assert first.status_code == 202, first.json()
    assert first.json()["status"] == "unconfirmed"
    assert second.status_code == 202
    assert chatbet.count("/place-bet") == 1


def test_the_reconciliation_sweep_is_scheduled_and_settles_old_unconfirmed_bets(chatbet):
    import importlib

    from asgiref.sync import async_to_sync
    from django.apps import apps
    from django_celery_beat.models import PeriodicTask

    from betting.tasks import bets_reconcile_unconfirmed

    # Transactional tests empty the tables: run the schedule's migration step again.
    importlib.import_module("betting.migrations.0006_reconcile_schedule").create_task(apps, None)
    sweep = PeriodicTask.objects.get(task="betting.reconcile_unconfirmed")
    assert sweep.enabled
    assert (sweep.interval.every, sweep.interval.period) == (5, "minutes")
    conversation = start()
    async_to_sync(ask)(conversation, "Place a bet of 10 on Barcelona to beat Real Madrid", "m1")
    chatbet.fault("error500", paths=("/place-bet",))
    async_to_sync(ask)(conversation, "yes, place it", "m2")
    bet = Bet.objects.get(conversation=conversation)
    Bet.objects.filter(pk=bet.pk).update(sent_at=timezone.now() - services.RECONCILE_SETTLE)

    assert bets_reconcile_unconfirmed() == 1

    bet.refresh_from_db()
    assert bet.status == Bet.Status.FAILED
