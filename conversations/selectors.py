"""Reads for conversations, always scoped to their owner (a user or a guest identity)."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import QuerySet

from conversations.models import Conversation, Message


def conversations_for_owner(*, user_id: int | None, guest_id: str = "") -> QuerySet[Conversation]:
    if user_id is not None:
        return Conversation.objects.filter(user_id=user_id)
    if guest_id:
        return Conversation.objects.filter(user__isnull=True, guest_id=guest_id)
    return Conversation.objects.none()


def conversation_get_for_owner(
    *, conversation_id: Any, user_id: int | None, guest_id: str = ""
) -> Conversation | None:
    try:
        key = uuid.UUID(str(conversation_id))
    except ValueError:
        return None
    return conversations_for_owner(user_id=user_id, guest_id=guest_id).filter(pk=key).first()


def messages_recent(*, conversation_id: Any, limit: int) -> list[Message]:
    """The last `limit` messages in chronological order."""
    rows = list(
        Message.objects.filter(conversation_id=conversation_id).order_by("-created_at", "-id")[:limit]
    )
    rows.reverse()
    return rows
