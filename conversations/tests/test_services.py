"""Conversation services on PostgreSQL: ownership, idempotent user messages, one turn at a time."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import IntegrityError
from django.utils import timezone

from conversations import selectors, services
from conversations.models import Conversation, Message

pytestmark = pytest.mark.django_db


def test_conversation_needs_exactly_one_owner():
    user = get_user_model().objects.create_user(username="ana")
    with pytest.raises(ValueError, match="exactly one owner"):
        services.conversation_start()
    with pytest.raises(ValueError, match="exactly one owner"):
        services.conversation_start(user=user, guest_id="g-1")
    with pytest.raises(IntegrityError):
        Conversation.objects.create(guest_id="")


def test_first_message_sets_the_title_and_resend_is_idempotent():
    conversation = services.conversation_start(guest_id="g-1")
    first, created = services.message_append_user(
        conversation=conversation, content="When does Barcelona play this weekend?", client_message_id="m-1"
    )
    again, created_again = services.message_append_user(
        conversation=conversation, content="When does Barcelona play this weekend?", client_message_id="m-1"
    )
    assert created
    assert not created_again
    assert first.pk == again.pk
    assert Message.objects.filter(conversation=conversation).count() == 1
    conversation.refresh_from_db()
    assert conversation.title == "When does Barcelona play this weekend?"


def test_long_titles_are_cut():
    conversation = services.conversation_start(guest_id="g-1")
    services.message_append_user(conversation=conversation, content="x " * 200, client_message_id="m-1")
    conversation.refresh_from_db()
    assert len(conversation.title) == services.TITLE_LENGTH
    assert conversation.title.endswith("…")


def test_only_one_streaming_turn_per_conversation():
    conversation = services.conversation_start(guest_id="g-1")
    one, _ = services.message_append_user(conversation=conversation, content="hi", client_message_id="1")
    two, _ = services.message_append_user(conversation=conversation, content="hello", client_message_id="2")
    claim = services.turn_claim(user_message=one)
    assert claim.created
    assert claim.assistant_message.status == Message.Status.STREAMING
    with pytest.raises(services.TurnInProgress):
        services.turn_claim(user_message=two)
    services.turn_finish(
        assistant_message=claim.assistant_message, status=Message.Status.COMPLETE, content="Hi!", fields={}
    )
    assert services.turn_claim(user_message=two).created


def test_resend_after_reply_returns_the_same_reply():
    conversation = services.conversation_start(guest_id="g-1")
    message, _ = services.message_append_user(conversation=conversation, content="hi", client_message_id="1")
    claim = services.turn_claim(user_message=message)
    services.turn_finish(
        assistant_message=claim.assistant_message, status=Message.Status.COMPLETE, content="Hi!", fields={}
    )
    again = services.turn_claim(user_message=message)
    assert not again.created
    assert again.assistant_message.pk == claim.assistant_message.pk


def test_abandoned_streaming_turn_is_failed_and_frees_the_conversation():
    conversation = services.conversation_start(guest_id="g-1")
    one, _ = services.message_append_user(conversation=conversation, content="hi", client_message_id="1")
    two, _ = services.message_append_user(conversation=conversation, content="again", client_message_id="2")
    stuck = services.turn_claim(user_message=one).assistant_message
    Message.objects.filter(pk=stuck.pk).update(
        created_at=timezone.now() - services.TURN_STALE_AFTER - timedelta(seconds=1)
    )
    assert services.turn_claim(user_message=two).created
    stuck.refresh_from_db()
    assert stuck.status == Message.Status.FAILED
    assert stuck.error_code == "TURN_ABANDONED"


def test_another_owner_cannot_read_the_conversation():
    user = get_user_model().objects.create_user(username="ana")
    other = get_user_model().objects.create_user(username="bob")
    mine = services.conversation_start(user=user)
    guest = services.conversation_start(guest_id="g-1")
    assert selectors.conversation_get_for_owner(conversation_id=mine.pk, user_id=user.pk) == mine
    assert selectors.conversation_get_for_owner(conversation_id=mine.pk, user_id=other.pk) is None
    assert selectors.conversation_get_for_owner(conversation_id=mine.pk, user_id=None, guest_id="g-1") is None
    assert (
        selectors.conversation_get_for_owner(conversation_id=guest.pk, user_id=None, guest_id="g-2") is None
    )
    assert selectors.conversation_get_for_owner(conversation_id="not-a-uuid", user_id=user.pk) is None
    assert list(selectors.conversations_for_owner(user_id=None, guest_id="")) == []
