"""Every admin page of our models renders for staff (with data) and is refused to everyone else."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import reverse

from betting.models import HarmFlag
from conversations import services

pytestmark = pytest.mark.django_db

OUR_APPS = {"conversations", "sportsdata", "betting", "django_celery_beat"}


def admin_models():
    return [model for model in admin.site._registry if model._meta.app_label in OUR_APPS]


def test_every_changelist_and_add_page_renders_for_staff(client):
    staff = get_user_model().objects.create_superuser("ops", "ops@example.com", "pw-123456")
    conversation = services.conversation_start(guest_id="guest-a")
    services.message_append_user(conversation=conversation, content="hola", client_message_id="1")
    HarmFlag.objects.create(guest_id="guest-a", conversation=conversation, signals=["chasing_losses"])
    client.force_login(staff)
    models = admin_models()
    assert len(models) >= 10
    for model in models:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        response = client.get(url)
        assert response.status_code == 200, url
    detail = reverse("admin:conversations_conversation_change", args=[conversation.pk])
    assert b"hola" in client.get(detail).content


def test_non_staff_are_sent_to_the_login_page(client):
    user = get_user_model().objects.create_user("ana", password="pw-123456")
    client.force_login(user)
    response = client.get(reverse("admin:conversations_conversation_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
