"""Writes for conversations: start one, append a user message (idempotent), begin and finish a turn.

A turn is claimed by inserting the assistant message as `streaming`; the partial unique constraint
on (conversation, status=streaming) makes that claim atomic across processes. Turns left streaming
by a crashed process are failed after TURN_STALE_AFTER so the conversation is never stuck.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone

from conversations.models import Conversation, Feedback, Message

logger = logging.getLogger(__name__)

TURN_STALE_AFTER = timedelta(minutes=5)
TITLE_LENGTH = 60
MAX_MESSAGE_LENGTH = 4000


class TurnInProgress(Exception):
    """Another turn of this conversation is still running."""


@dataclass(frozen=True)
class TurnClaim:
    """Either a fresh assistant message to fill (`created`) or the existing reply to a resend."""

    assistant_message: Message
    created: bool


def conversation_start(*, user: User | None = None, guest_id: str = "", language: str = "en") -> Conversation:
    if (user is None) == (not guest_id):
        raise ValueError("a conversation needs exactly one owner: a user or a guest id")
    return Conversation.objects.create(user=user, guest_id="" if user else guest_id, language=language)


def conversation_rename(*, conversation: Conversation, title: str) -> Conversation:
    conversation.title = title.strip()[:120]
    conversation.save(update_fields=["title", "updated_at"])
    return conversation


def conversation_delete(*, conversation: Conversation) -> None:
    conversation.delete()


def _title_from(content: str) -> str:
    text = " ".join(content.split())
    return text if len(text) <= TITLE_LENGTH else text[: TITLE_LENGTH - 1].rstrip() + "…"


def message_append_user(
    *,
    conversation: Conversation,
    content: str,
    client_message_id: str,
    metadata: dict[str, Any] | None = None,
) -> tuple[Message, bool]:
    """Store the user's message once. A resend with the same client id returns the first copy."""
    existing = Message.objects.filter(conversation=conversation, client_message_id=client_message_id).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            message = Message.objects.create(
                conversation=conversation,
                role=Message.Role.USER,
                content=content,
                client_message_id=client_message_id,
                metadata=metadata or {},
            )
            fields = ["updated_at"]
            if not conversation.title:
                conversation.title = _title_from(content)
                fields.append("title")
            conversation.save(update_fields=fields)
    except IntegrityError:
        # A concurrent resend won the insert; theirs is the one.
        return Message.objects.get(conversation=conversation, client_message_id=client_message_id), False
    return message, True


def _fail_stale_turns(*, conversation_id: Any) -> int:
    cutoff = timezone.now() - TURN_STALE_AFTER
    stale = Message.objects.filter(
        conversation_id=conversation_id, status=Message.Status.STREAMING, created_at__lt=cutoff
    ).update(status=Message.Status.FAILED, error_code="TURN_ABANDONED", completed_at=timezone.now())
    if stale:
        logger.warning("failed %d abandoned turn(s) in conversation %s", stale, conversation_id)
    return stale


def turn_claim(*, user_message: Message, regenerate: bool = False) -> TurnClaim:
    """Claim the turn answering `user_message`, or return the reply it already has.

    Raises TurnInProgress when another turn of the conversation is streaming.
    """
    if not regenerate:
        reply = (
            Message.objects.filter(parent=user_message, role=Message.Role.ASSISTANT)
            .order_by("-created_at")
            .first()
        )
        if reply is not None:
            return TurnClaim(assistant_message=reply, created=False)
    for attempt in range(2):
        try:
            with transaction.atomic():
                assistant = Message.objects.create(
                    conversation_id=user_message.conversation_id,
                    parent=user_message,
                    role=Message.Role.ASSISTANT,
                    status=Message.Status.STREAMING,
                )
            return TurnClaim(assistant_message=assistant, created=True)
        except IntegrityError as exc:
            # Another turn is streaming; if it was abandoned by a crashed process, free the slot once.
            if attempt == 0 and _fail_stale_turns(conversation_id=user_message.conversation_id):
                continue
            raise TurnInProgress(str(user_message.conversation_id)) from exc
    raise AssertionError("unreachable")


def turn_finish(
    *,
    assistant_message: Message,
    status: str,
    content: str,
    fields: dict[str, Any],
    context: dict[str, Any] | None = None,
    language: str | None = None,
) -> Message:
    """Persist the outcome of a turn, and the conversation's new dialogue context, atomically."""
    now = timezone.now()
    assistant_message.status = status
    assistant_message.content = content
    assistant_message.completed_at = now
    for name, value in fields.items():
        setattr(assistant_message, name, value)
    with transaction.atomic():
        assistant_message.save()
        updates: dict[str, Any] = {"updated_at": now}
        if context is not None:
            updates["context"] = context
        if language:
            updates["language"] = language
        Conversation.objects.filter(pk=assistant_message.conversation_id).update(**updates)
    return assistant_message


def feedback_set(*, message: Message, rating: int, reason: str = "") -> Feedback:
    if rating not in (Feedback.Rating.UP, Feedback.Rating.DOWN):
        raise ValueError("rating must be 1 or -1")
    feedback, _ = Feedback.objects.update_or_create(
        message=message, defaults={"rating": rating, "reason": reason[:500]}
    )
    return feedback


def guest_conversations_adopt(*, guest_id: str, user: User) -> int:
    """Move a guest's conversations to the account they just created or logged into."""
    if not guest_id:
        return 0
    return Conversation.objects.filter(user__isnull=True, guest_id=guest_id).update(user=user, guest_id="")
