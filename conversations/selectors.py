"""Reads for conversations, always scoped to their owner (a user or a guest identity)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Exists, OuterRef, QuerySet

from conversations.models import Conversation, ConversationShare, Message


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


def conversations_search(*, conversations: QuerySet[Conversation], text: str) -> QuerySet[Conversation]:
    """Conversations with a message matching `text`: PostgreSQL full-text search, substring on SQLite."""
    messages = Message.objects.filter(conversation=OuterRef("pk"))
    if connection.vendor == "postgresql":
        query = SearchQuery(text, config="simple", search_type="websearch")
        return conversations.filter(
            Exists(messages.annotate(search=SearchVector("content", config="simple")).filter(search=query))
        )
    return conversations.filter(Exists(messages.filter(content__icontains=text)))


def messages_recent(*, conversation_id: Any, limit: int) -> list[Message]:
    """The last `limit` messages in chronological order, with only what a turn's history needs
    (role, content, raw LLM content): the other fields are deferred."""
    rows = list(
        Message.objects.filter(conversation_id=conversation_id)
        .only("id", "conversation_id", "role", "content", "raw_content", "status", "created_at")
        .order_by("-created_at", "-id")[:limit]
    )
    rows.reverse()
    return rows


@dataclass(frozen=True)
class MessagePage:
    messages: list[Message]
    has_older: bool
    has_newer: bool


def messages_page(
    *,
    conversation_id: Any,
    limit: int,
    before: int | None = None,
    after: int | None = None,
    around: int | None = None,
) -> MessagePage:
    """A window of messages in chronological order, keyset-paged by id in either direction."""
    base = Message.objects.filter(conversation_id=conversation_id).prefetch_related("feedback")
    if around is not None:
        older = list(base.filter(id__lt=around).order_by("-id")[: limit // 2 + 1])
        newer = list(base.filter(id__gte=around).order_by("id")[: limit - limit // 2 + 1])
        has_older, has_newer = len(older) > limit // 2, len(newer) > limit - limit // 2
        rows = list(reversed(older[: limit // 2])) + newer[: limit - limit // 2]
        return MessagePage(rows, has_older, has_newer)
    if after is not None:
        rows = list(base.filter(id__gt=after).order_by("id")[: limit + 1])
        return MessagePage(rows[:limit], has_older=True, has_newer=len(rows) > limit)
    window = base.filter(id__lt=before) if before is not None else base
    rows = list(window.order_by("-id")[: limit + 1])
    page = list(reversed(rows[:limit]))
    return MessagePage(page, has_older=len(rows) > limit, has_newer=before is not None)


def messages_transcript(*, conversation_id: Any, up_to: int | None = None) -> list[Message]:
    """The conversation as the page shows it, oldest first: finished messages, and of several
    replies to one question (regenerated) only the newest. `up_to` stops at a message id."""
    rows = Message.objects.filter(conversation_id=conversation_id).exclude(status=Message.Status.STREAMING)
    if up_to is not None:
        rows = rows.filter(id__lte=up_to)
    messages = list(
        rows.only("id", "parent_id", "role", "content", "status", "tool_calls", "created_at").order_by(
            "created_at", "id"
        )
    )
    newest_reply = {m.parent_id: m.pk for m in messages if m.role == Message.Role.ASSISTANT and m.parent_id}
    return [
        m
        for m in messages
        if m.role != Message.Role.ASSISTANT or m.parent_id is None or newest_reply[m.parent_id] == m.pk
    ]


def share_get_active(*, token: str) -> ConversationShare | None:
    """The live (not revoked) share with this token; a revoked or unknown token is None."""
    if not token or len(token) > 64:
        return None
    return (
        ConversationShare.objects.select_related("conversation")
        .filter(token=token, revoked_at__isnull=True)
        .first()
    )


def shares_for_conversation(*, conversation: Conversation) -> QuerySet[ConversationShare]:
    return ConversationShare.objects.filter(conversation=conversation, revoked_at__isnull=True)
