"""A user's data: export has everything, erasure leaves nothing of their conversations (bets kept
anonymised), the retention sweep deletes idle conversations, and its beat schedule exists."""

from __future__ import annotations

import importlib
import json
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django_celery_beat.models import PeriodicTask
from rest_framework.test import APIClient

from betting.models import Bet, GamblingProfile, HarmFlag
from conversations import services
from conversations.models import Conversation, Feedback, Message
from conversations.tasks import conversations_expire

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-pass-123"


def user_with_history(username: str, fixture: Any) -> dict[str, Any]:
    """A user with a conversation (two turns, feedback, a harm flag), a profile and two bets."""
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@x.io"
    )
    now = timezone.now()
    GamblingProfile.objects.create(user=user, age_confirmed_at=now, stake_limit_daily=Decimal("50.00"))
    conversation = services.conversation_start(user=user)
    question, _ = services.message_append_user(
        conversation=conversation, content=f"{username}: odds for the clasico?", client_message_id="m-1"
    )
    reply = Message.objects.create(
        conversation=conversation,
        parent=question,
        role="assistant",
        content=f"{username}: Barcelona 2.10",
        intent="odds_information_query",
        engine="offline",
        tool_calls=[{"name": "odds_get", "ok": True}],
        entities={"teams": ["Barcelona", "Real Madrid"]},
    )
    feedback = Feedback.objects.create(message=reply, rating=-1, reason=f"{username} disliked it")
    flag = HarmFlag.objects.create(
        user=user, conversation=conversation, message=question, signals=["chasing_losses"], notes="call back"
    )
    bets = [
        Bet.objects.create(
            user=user,
            conversation=conversation,
            fixture=fixture,
            market="result",
            selection="home",
            selection_name="Barcelona",
            bet_id="bet-home",
            odds=Decimal("2.100"),
            stake=Decimal("10.00"),
            potential_return=Decimal("21.00"),
            odds_fetched_at=now,
            status=status,
            expires_at=now + timedelta(minutes=5),
            provider_bet_id="prov-1" if status == Bet.Status.PLACED else "",
        )
        for status in (Bet.Status.PLACED, Bet.Status.PENDING)
    ]
    return {
        "user": user,
        "conversation": conversation,
        "question": question,
        "reply": reply,
        "feedback": feedback,
        "flag": flag,
        "bets": bets,
    }


def jwt_client(username: str) -> APIClient:
    client = APIClient()
    token = client.post("/api/v1/auth/token", {"username": username, "password": PASSWORD}, format="json")
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token.json()['access']}")
    return client


def test_export_contains_everything_of_the_user_and_nothing_of_others(sports):
    ana = user_with_history("ana", sports["clasico"])
    user_with_history("bob", sports["clasico"])
    data = services.user_data_export(user=ana["user"])
    json.dumps(data)  # JSON-ready as it is
    assert data["profile"]["username"] == "ana"
    assert data["profile"]["email"] == "ana@x.io"
    assert data["gambling_profile"]["stake_limit_daily"] == "50.00"
    assert [c["id"] for c in data["conversations"]] == [str(ana["conversation"].pk)]
    messages = data["conversations"][0]["messages"]
    assert [m["content"] for m in messages] == ["ana: odds for the clasico?", "ana: Barcelona 2.10"]
    assert messages[1]["intent"] == "odds_information_query"
    assert messages[1]["tool_calls"] == [{"name": "odds_get", "ok": True}]
    assert messages[1]["feedback"]["reason"] == "ana disliked it"
    assert data["feedback"] == [
        {
            "message_id": ana["reply"].pk,
            "rating": -1,
            "reason": "ana disliked it",
            "created_at": ana["feedback"].created_at.isoformat(),
            "updated_at": ana["feedback"].updated_at.isoformat(),
        }
    ]
    assert sorted(b["status"] for b in data["bets"]) == ["pending", "placed"]
    assert {b["stake"] for b in data["bets"]} == {"10.00"}
    assert data["bets"][0]["fixture"]["name"] == "Barcelona vs Real Madrid"
    assert [f["notes"] for f in data["harm_flags"]] == ["call back"]
    assert "bob" not in json.dumps(data)


def test_export_api_is_the_callers_own_download(sports):
    ana = user_with_history("ana", sports["clasico"])
    user_with_history("bob", sports["clasico"])
    response = jwt_client("ana").get("/api/v1/auth/me/export")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    body = response.json()
    assert body["profile"]["id"] == ana["user"].pk
    assert "bob" not in response.content.decode()
    assert APIClient().get("/api/v1/auth/me/export").status_code == 401
    guest = APIClient()
    guest.credentials(HTTP_AUTHORIZATION=f"Guest {guest.post('/api/v1/auth/guest').json()['guest_token']}")
    assert guest.get("/api/v1/auth/me/export").status_code in (401, 403)


def test_delete_api_leaves_nothing_of_the_users_conversations_and_keeps_bets_anonymised(sports):
    ana = user_with_history("ana", sports["clasico"])
    bob = user_with_history("bob", sports["clasico"])
    client = jwt_client("ana")
    assert client.get("/api/v1/auth/me").status_code == 200
    assert client.delete("/api/v1/auth/me").status_code == 204

    assert not get_user_model().objects.filter(username="ana").exists()
    assert not Conversation.objects.filter(pk=ana["conversation"].pk).exists()
    assert not Message.objects.filter(conversation_id=ana["conversation"].pk).exists()
    assert not Message.objects.filter(content__startswith="ana:").exists()
    assert not Feedback.objects.filter(pk=ana["feedback"].pk).exists()
    assert not HarmFlag.objects.filter(pk=ana["flag"].pk).exists()
    assert not GamblingProfile.objects.filter(user_id=ana["user"].pk).exists()
    kept = Bet.objects.filter(pk__in=[b.pk for b in ana["bets"]]).order_by("pk")
    assert [(b.user_id, b.guest_id, b.conversation_id) for b in kept] == [(None, "", None)] * 2
    assert [b.status for b in kept] == ["placed", "cancelled"]  # a pending slip can never be placed
    assert kept[0].provider_bet_id == "prov-1"
    assert (kept[0].stake, kept[0].odds, kept[0].potential_return) == (
        Decimal("10.00"),
        Decimal("2.100"),
        Decimal("21.00"),
    )
    # The caller's token is dead, and the other user has everything.
    assert client.get("/api/v1/auth/me").status_code == 401
    assert Message.objects.filter(conversation=bob["conversation"]).count() == 2
    assert HarmFlag.objects.filter(pk=bob["flag"].pk).exists()
    assert Bet.objects.filter(user=bob["user"]).count() == 2


def test_erasure_can_keep_the_account(sports):
    ana = user_with_history("ana", sports["clasico"])
    report = services.user_data_delete(user=ana["user"], delete_account=False)
    assert (report.conversations, report.messages, report.feedback, report.harm_flags) == (1, 2, 1, 1)
    assert report.bets_anonymised == 2
    assert get_user_model().objects.filter(pk=ana["user"].pk).exists()
    assert GamblingProfile.objects.filter(user=ana["user"]).exists()
    assert services.user_data_export(user=ana["user"])["conversations"] == []


def test_conversations_expire_removes_idle_ones_only(sports, settings):
    ana = user_with_history("ana", sports["clasico"])
    fresh = services.conversation_start(guest_id="guest-fresh")
    now = timezone.now()
    Conversation.objects.filter(pk=ana["conversation"].pk).update(updated_at=now - timedelta(days=400))
    assert services.conversations_expire(older_than_days=0) == 0
    assert services.conversations_expire(older_than_days=500) == 0
    settings.CONVERSATION_RETENTION_DAYS = 365
    assert conversations_expire.apply().get() == 1
    assert not Conversation.objects.filter(pk=ana["conversation"].pk).exists()
    assert not Message.objects.filter(conversation_id=ana["conversation"].pk).exists()
    assert Conversation.objects.filter(pk=fresh.pk).exists()
    # Bets stay with their user; only the link to the expired conversation goes.
    assert list(Bet.objects.filter(user=ana["user"]).values_list("conversation_id", flat=True)) == [
        None,
        None,
    ]


def test_expiry_works_in_batches(monkeypatch):
    monkeypatch.setattr(services, "EXPIRE_BATCH", 2)
    for i in range(5):
        services.conversation_start(guest_id=f"guest-{i}")
    Conversation.objects.update(updated_at=timezone.now() - timedelta(days=40))
    assert services.conversations_expire(older_than_days=30) == 5
    assert not Conversation.objects.exists()


def test_retention_job_is_scheduled_daily_by_a_reversible_migration():
    migration = importlib.import_module("conversations.migrations.0003_retention_schedule")
    executor = MigrationExecutor(connection)
    executor.migrate([("conversations", "0002_seed_articles")])
    assert not PeriodicTask.objects.filter(name=migration.NAME).exists()
    executor.loader.build_graph()
    executor.migrate([("conversations", "0003_retention_schedule")])
    task = PeriodicTask.objects.get(name=migration.NAME)
    assert task.task == "conversations.tasks.conversations_expire"
    assert task.enabled
    assert task.interval is None
    assert (task.crontab.minute, task.crontab.hour, task.crontab.day_of_week) == ("17", "3", "*")
    assert str(task.crontab.timezone) == "UTC"
    # Back to the latest state: later migrations (and the tables they add) were unapplied above.
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_an_account_under_self_exclusion_cannot_be_deleted_but_its_conversations_can():
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.utils import timezone
    from rest_framework.test import APIClient

    from betting import services as betting_services
    from betting.selectors import Owner
    from conversations import services
    from conversations.models import Conversation

    user = get_user_model().objects.create_user(username="excluded", password="a-long-pass-123")
    now = timezone.now()
    betting_services.self_exclusion_start(
        owner=Owner(user_id=user.pk), until=now + timedelta(days=30), now=now
    )
    services.conversation_start(user=user)
    client = APIClient()
    client.force_authenticate(user)
    refused = client.delete("/api/v1/auth/me")
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "EXCLUSION_ACTIVE"
    assert get_user_model().objects.filter(pk=user.pk).exists()
    services.user_data_delete(user=user, delete_account=False)
    assert not Conversation.objects.filter(user=user).exists()
    assert get_user_model().objects.filter(pk=user.pk).exists()
