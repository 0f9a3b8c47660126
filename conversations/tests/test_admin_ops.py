"""Operators' admin: transcript, filters, search, exports, analytics, users with their responsible-
gambling status, the harm flags queue, sync runs and beat schedules; staff only."""

from __future__ import annotations

import importlib
import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from betting.models import GamblingProfile, HarmFlag
from conversations import services
from conversations.models import Conversation, Feedback, Message
from conversations.tests.test_analytics import seed_analytics
from sportsdata.models import SyncRun

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:conversations_conversation_changelist"


@pytest.fixture
def staff_client(client):
    staff = get_user_model().objects.create_superuser("ops", "ops@example.com", "pw-123456")
    client.force_login(staff)
    client.staff = staff
    return client


def ids(response) -> set[str]:
    return {str(c.pk) for c in response.context["cl"].result_list}


def guests(response) -> set[str]:
    return {c.guest_id for c in response.context["cl"].result_list}


def test_transcript_inline_shows_intent_tools_engine_tokens_and_latency(staff_client):
    seed_analytics()
    conversation = Conversation.objects.get(guest_id="guest-a")
    Message.objects.filter(conversation=conversation, role="user").update(content="Odds <b>please</b>\nnow")
    page = staff_client.get(reverse("admin:conversations_conversation_change", args=[conversation.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    for text in ("odds_information_query", "odds_get ✓", "Gemini", "40 + 10 = 50", "100", "TIMEOUT"):
        assert text in html, text
    assert "Odds &lt;b&gt;please&lt;/b&gt;<br>now" in html  # readable and escaped
    assert reverse("admin:conversations_conversation_export_md", args=[conversation.pk]) in html


def test_filters_date_intent_engine_failed_flagged_and_thumbs_down(staff_client):
    seed_analytics()
    a = Conversation.objects.get(guest_id="guest-a")
    HarmFlag.objects.create(guest_id="guest-a", conversation=a, signals=["chasing_losses"])
    url = reverse(CHANGELIST)
    assert guests(staff_client.get(url)) == {"guest-a", "guest-b", "guest-old"}
    assert guests(staff_client.get(url, {"failed": "yes"})) == {"guest-b"}
    assert guests(staff_client.get(url, {"failed": "no"})) == {"guest-a", "guest-old"}
    assert guests(staff_client.get(url, {"flagged": "yes"})) == {"guest-a"}
    assert guests(staff_client.get(url, {"thumbs_down": "yes"})) == {"guest-a", "guest-old"}
    assert guests(staff_client.get(url, {"intent": "greeting"})) == {"guest-b"}
    assert guests(staff_client.get(url, {"intent": "odds_information_query"})) == {"guest-a"}
    assert guests(staff_client.get(url, {"engine": "offline"})) == {"guest-a", "guest-b"}
    since = (timezone.now() - timedelta(days=5)).isoformat()
    assert guests(staff_client.get(url, {"created_at__gte": since})) == {"guest-a", "guest-b"}
    flagged = staff_client.get(url).content.decode()
    assert "icon-yes.svg" in flagged


def test_search_by_content_and_by_user(staff_client):
    user = get_user_model().objects.create_user("carla", "carla@example.com", "pw-123456")
    mine = services.conversation_start(user=user)
    services.message_append_user(conversation=mine, content="Who wins the derby?", client_message_id="1")
    theirs = services.conversation_start(guest_id="guest-x")
    services.message_append_user(conversation=theirs, content="Odds for Arsenal", client_message_id="1")
    url = reverse(CHANGELIST)
    assert ids(staff_client.get(url, {"q": "derby"})) == {str(mine.pk)}
    assert ids(staff_client.get(url, {"q": "carla"})) == {str(mine.pk)}
    assert ids(staff_client.get(url, {"q": "carla@example.com"})) == {str(mine.pk)}
    assert ids(staff_client.get(url, {"q": "arsenal"})) == {str(theirs.pk)}


def test_export_one_conversation_as_json_and_markdown(staff_client):
    seed_analytics()
    conversation = Conversation.objects.get(guest_id="guest-a")
    as_json = staff_client.get(
        reverse("admin:conversations_conversation_export_json", args=[conversation.pk])
    )
    assert as_json.status_code == 200
    assert as_json["Content-Disposition"] == f'attachment; filename="conversation-{conversation.pk}.json"'
    data = json.loads(as_json.content)
    assert data["id"] == str(conversation.pk)
    assert [m["role"] for m in data["messages"]] == ["user", "assistant", "user", "assistant"]
    assert data["messages"][1]["feedback"]["reason"] == "wrong odds"
    as_md = staff_client.get(reverse("admin:conversations_conversation_export_md", args=[conversation.pk]))
    text = as_md.content.decode()
    assert as_md["Content-Type"].startswith("text/markdown")
    assert "### Assistant" in text
    assert "intent `odds_information_query`" in text
    assert "tools: odds_get ✓" in text
    assert "> 👎 wrong odds" in text
    assert "**failed**" not in text
    missing = reverse(
        "admin:conversations_conversation_export_json", args=["00000000-0000-0000-0000-000000000000"]
    )
    assert staff_client.get(missing).status_code == 404
    action = staff_client.post(
        reverse(CHANGELIST), {"action": "export_json", "_selected_action": [str(conversation.pk)]}
    )
    assert [c["id"] for c in json.loads(action.content)] == [str(conversation.pk)]


def test_analytics_page_renders_the_seeded_numbers_as_svg(staff_client):
    seed_analytics()
    SyncRun.objects.create(
        kind="odds", status="success", started_at=timezone.now(), finished_at=timezone.now()
    )
    index = staff_client.get(reverse("admin:index")).content.decode()
    url = reverse("admin:conversations_analytics")
    assert url in index
    page = staff_client.get(url, {"days": "7"})
    html = page.content.decode()
    assert page.status_code == 200
    assert html.count('role="img"') == 7
    assert "<script" not in html.split('id="content-main"')[1]
    for text in ("300 ms / 880 ms", "25% (1 of 4 LLM turns)", "50% (1 of 2 rated replies)", "33.3"):
        assert text in html, text
    assert "Barcelona" in html
    assert "LaLiga" in html
    assert "success" in html  # sync freshness table
    assert staff_client.get(url, {"days": "nonsense"}).status_code == 200


def test_users_show_responsible_gambling_status_and_filter(staff_client):
    User = get_user_model()
    excluded = User.objects.create_user("excluded")
    limited = User.objects.create_user("limited")
    User.objects.create_user("plain")
    now = timezone.now()
    GamblingProfile.objects.create(
        user=excluded, age_confirmed_at=now, self_excluded_until=now + timedelta(days=30)
    )
    GamblingProfile.objects.create(
        user=limited,
        age_confirmed_at=now,
        cooling_off_until=now + timedelta(hours=5),
        stake_limit_daily=Decimal("20"),
    )
    url = reverse("admin:auth_user_changelist")
    html = staff_client.get(url).content.decode()
    assert "self-excluded until" in html
    assert "cooling off until" in html
    assert "limits: daily 20" in html
    names = {u.username for u in staff_client.get(url, {"rg": "excluded"}).context["cl"].result_list}
    assert names == {"excluded"}
    names = {u.username for u in staff_client.get(url, {"rg": "limits"}).context["cl"].result_list}
    assert names == {"limited"}
    change = staff_client.get(reverse("admin:auth_user_change", args=[excluded.pk]))
    assert change.status_code == 200
    assert "Self excluded until" in change.content.decode()


def test_user_export_and_erase_actions(staff_client):
    user = get_user_model().objects.create_user("dana", "dana@example.com", "pw-123456")
    conversation = services.conversation_start(user=user)
    message, _ = services.message_append_user(conversation=conversation, content="hi", client_message_id="1")
    Feedback.objects.create(message=message, rating=-1)
    url = reverse("admin:auth_user_changelist")
    exported = staff_client.post(url, {"action": "export_data", "_selected_action": [user.pk]})
    data = json.loads(exported.content)
    assert data["profile"]["username"] == "dana"
    assert data["conversations"][0]["messages"][0]["content"] == "hi"

    confirm = staff_client.post(
        url, {"action": "erase_data", "_selected_action": [user.pk, staff_client.staff.pk]}
    )
    assert confirm.status_code == 200
    assert "dana" in confirm.content.decode()
    assert get_user_model().objects.filter(pk=user.pk).exists()
    done = staff_client.post(url, {"action": "erase_data", "_selected_action": [user.pk], "confirm": "yes"})
    assert done.status_code == 302
    assert not get_user_model().objects.filter(pk=user.pk).exists()
    assert not Conversation.objects.filter(pk=conversation.pk).exists()
    assert get_user_model().objects.filter(pk=staff_client.staff.pk).exists()


def test_flags_queue_notes_and_resolve(staff_client):
    conversation = services.conversation_start(guest_id="guest-f")
    flag = HarmFlag.objects.create(guest_id="guest-f", conversation=conversation, signals=["chasing_losses"])
    other = HarmFlag.objects.create(guest_id="guest-g", signals=["distress"])
    change = reverse("admin:betting_harmflag_change", args=[flag.pk])
    response = staff_client.post(change, {"status": "resolved", "notes": "called, fine"})
    assert response.status_code == 302
    flag.refresh_from_db()
    assert (flag.status, flag.notes) == ("resolved", "called, fine")
    assert flag.resolved_at is not None
    queue = reverse("admin:betting_harmflag_changelist")
    assert "called, fine" in staff_client.get(queue).content.decode()
    staff_client.post(queue, {"action": "resolve_flags", "_selected_action": [other.pk]})
    other.refresh_from_db()
    assert other.status == "resolved"


def test_sync_runs_and_periodic_tasks_are_in_admin(staff_client):
    SyncRun.objects.create(kind="odds", status="failed", started_at=timezone.now(), error="api said boom")
    runs = staff_client.get(reverse("admin:sportsdata_syncrun_changelist"))
    assert "api said boom" in runs.content.decode()
    # A transactional test elsewhere may have flushed the migration's rows: put them back first.
    from django.apps import apps

    importlib.import_module("conversations.migrations.0003_retention_schedule").create_task(apps, None)
    tasks = staff_client.get(reverse("admin:django_celery_beat_periodictask_changelist"))
    assert tasks.status_code == 200
    assert "conversations: expire old conversations (daily)" in tasks.content.decode()
    task = PeriodicTask.objects.get(name="conversations: expire old conversations (daily)")
    edit = staff_client.get(reverse("admin:django_celery_beat_periodictask_change", args=[task.pk]))
    assert edit.status_code == 200
    assert b'name="enabled"' in edit.content


def test_non_staff_are_refused_everywhere(client):
    conversation = services.conversation_start(guest_id="guest-z")
    user = get_user_model().objects.create_user("ana", password="pw-123456")
    client.force_login(user)
    for url in (
        reverse("admin:conversations_analytics"),
        reverse("admin:conversations_conversation_export_json", args=[conversation.pk]),
        reverse("admin:conversations_conversation_export_md", args=[conversation.pk]),
        reverse("admin:auth_user_changelist"),
        reverse(CHANGELIST),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/admin/login/" in response["Location"]
    client.logout()
    assert client.get(reverse("admin:conversations_analytics")).status_code == 302
