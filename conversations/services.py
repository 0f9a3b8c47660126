"""Writes for conversations: start one, append a user message (idempotent), begin and finish a turn.

A turn is claimed by inserting the assistant message as `streaming`; the partial unique constraint
on (conversation, status=streaming) makes that claim atomic across processes. Turns left streaming
by a crashed process are failed after TURN_STALE_AFTER so the conversation is never stuck.
"""

from __future__ import annotations

import logging
import secrets
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

from betting.selectors import betting_data_export, protection_active
from betting.services import betting_data_erase
from conversations.models import Conversation, ConversationShare, Feedback, Message

logger = logging.getLogger(__name__)

TURN_STALE_AFTER = timedelta(minutes=5)
TITLE_LENGTH = 60
MAX_MESSAGE_LENGTH = 4000
SHARE_TOKEN_BYTES = 24  # 192 random bits, 32 URL-safe characters


class ExclusionActive(Exception):
    """The account is protected by an active self-exclusion or cooling-off."""


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


def _savepoint_if_nested() -> AbstractContextManager[Any]:
    """For one statement that may raise IntegrityError: on its own (autocommit) it is already
    atomic and a failure leaves the connection usable, so no transaction round trips are spent;
    inside an outer transaction a savepoint keeps the failure from aborting it."""
    return transaction.atomic() if transaction.get_connection().in_atomic_block else nullcontext()


def message_append_user(
    *,
    conversation: Conversation,
    content: str,
    client_message_id: str,
    metadata: dict[str, Any] | None = None,
) -> tuple[Message, bool]:
    """Store the user's message once. A resend with the same client id returns the first copy.

    The insert comes first (a resend is the rare case): the unique (conversation, client id)
    constraint decides, so two concurrent copies of one message still store it once. The first
    message also titles the conversation; later ones leave it alone (the turn's finish moves
    `updated_at`), so a message is one INSERT.
    """
    titled = bool(conversation.title)
    try:
        with _savepoint_if_nested() if titled else transaction.atomic():
            message = Message.objects.create(
                conversation=conversation,
                role=Message.Role.USER,
                content=content,
                client_message_id=client_message_id,
                metadata=metadata or {},
            )
            if not titled:
                conversation.title = _title_from(content)
                conversation.save(update_fields=["title", "updated_at"])
    except IntegrityError:
        existing = Message.objects.filter(
            conversation=conversation, client_message_id=client_message_id
        ).first()
        if existing is None:
            raise
        return existing, False
    return message, True


def _fail_stale_turns(*, conversation_id: Any) -> int:
    cutoff = timezone.now() - TURN_STALE_AFTER
    stale = Message.objects.filter(
        conversation_id=conversation_id, status=Message.Status.STREAMING, created_at__lt=cutoff
    ).update(status=Message.Status.FAILED, error_code="TURN_ABANDONED", completed_at=timezone.now())
    if stale:
        logger.warning("failed %d abandoned turn(s) in conversation %s", stale, conversation_id)
    return stale


def turn_claim(*, user_message: Message, regenerate: bool = False, unanswered: bool = False) -> TurnClaim:
    """Claim the turn answering `user_message`, or return the reply it already has.

    `unanswered`: the caller knows there is no reply yet (it has just stored the message), so none
    is looked for. Raises TurnInProgress when another turn of the conversation is streaming.
    """
    if not (regenerate or unanswered):
        reply = (
            Message.objects.filter(parent=user_message, role=Message.Role.ASSISTANT)
            .order_by("-created_at")
            .first()
        )
        if reply is not None:
            return TurnClaim(assistant_message=reply, created=False)
    for attempt in range(2):
        try:
            with _savepoint_if_nested():
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
        assistant_message.save(update_fields=["status", "content", "completed_at", *fields])
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


# --- Data lifecycle (issue 10): export, erasure, retention ---------------------------------------
# Bets, gambling profiles and harm flags belong to the betting app, which exports and erases them;
# the erasure runs inside this transaction so it is all or nothing.

EXPIRE_BATCH = 500


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _message_export(message: Message) -> dict[str, Any]:
    feedback = next(iter(message.feedback.all()), None)
    return {
        "id": message.pk,
        "parent_id": message.parent_id,
        "role": message.role,
        "content": message.content,
        "client_message_id": message.client_message_id,
        "status": message.status,
        "created_at": _iso(message.created_at),
        "completed_at": _iso(message.completed_at),
        "intent": message.intent,
        "intent_confidence": message.intent_confidence,
        "entities": message.entities,
        "tool_calls": message.tool_calls,
        "suggested_actions": message.suggested_actions,
        "engine": message.engine,
        "model": message.model,
        "raw_content": message.raw_content,
        "prompt_tokens": message.prompt_tokens,
        "completion_tokens": message.completion_tokens,
        "total_tokens": message.total_tokens,
        "latency_ms": message.latency_ms,
        "error_code": message.error_code,
        "metadata": message.metadata,
        "feedback": (
            {"rating": feedback.rating, "reason": feedback.reason, "created_at": _iso(feedback.created_at)}
            if feedback is not None
            else None
        ),
    }


def conversation_export(*, conversation: Conversation) -> dict[str, Any]:
    """One conversation with every message and its feedback, as JSON-ready data."""
    messages = conversation.messages.prefetch_related("feedback").order_by("created_at", "id")
    return {
        "id": str(conversation.pk),
        "title": conversation.title,
        "owner": (
            {"user_id": conversation.user_id} if conversation.user_id else {"guest_id": conversation.guest_id}
        ),
        "language": conversation.language,
        "created_at": _iso(conversation.created_at),
        "updated_at": _iso(conversation.updated_at),
        "summary": conversation.summary,
        "context": conversation.context,
        "messages": [_message_export(m) for m in messages],
    }


def user_data_export(*, user: User) -> dict[str, Any]:
    """Everything ChatBet holds about `user`: account, responsible-gambling profile, conversations
    with messages, feedback, bets and harm flags."""
    conversations = Conversation.objects.filter(user=user).order_by("created_at")
    feedback = Feedback.objects.filter(message__conversation__user=user).order_by("created_at")
    betting = betting_data_export(user_id=user.pk)
    return {
        "format": "chatbet-user-export/1",
        "exported_at": timezone.now().isoformat(),
        "profile": {
            "id": user.pk,
            "username": user.username,
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
        },
        "gambling_profile": betting["gambling_profile"],
        "conversations": [conversation_export(conversation=c) for c in conversations],
        "feedback": [
            {
                "message_id": f.message_id,
                "rating": f.rating,
                "reason": f.reason,
                "created_at": _iso(f.created_at),
                "updated_at": _iso(f.updated_at),
            }
            for f in feedback
        ],
        "bets": betting["bets"],
        "harm_flags": betting["harm_flags"],
    }


@dataclass(frozen=True)
class ErasureReport:
    conversations: int
    messages: int
    feedback: int
    harm_flags: int
    bets_anonymised: int
    account_deleted: bool


def user_data_delete(*, user: User, delete_account: bool = True) -> ErasureReport:
    """Erase `user`'s conversations, messages, feedback and harm flags, and (by default) the account
    with its gambling profile and tokens. Bets are kept for regulatory retention with their amounts,
    odds, status and provider ids, but without the user, guest id or conversation; a slip still
    pending is cancelled first so an anonymous bet can never be placed.

    Raises ExclusionActive while a self-exclusion or cooling-off runs: deleting the account would
    delete the protection with it, so the account (and its profile) stays until it ends; the
    conversations can still be erased with delete_account=False."""
    if delete_account and protection_active(user_id=user.pk, now=timezone.now()):
        raise ExclusionActive(str(user.pk))
    with transaction.atomic():
        conversation_ids = list(Conversation.objects.filter(user=user).values_list("pk", flat=True))
        betting = betting_data_erase(user_id=user.pk, conversation_ids=conversation_ids)
        in_conversations = Q(conversation_id__in=conversation_ids)
        feedback = Feedback.objects.filter(message__conversation_id__in=conversation_ids).count()
        messages = Message.objects.filter(in_conversations).count()
        Conversation.objects.filter(pk__in=conversation_ids).delete()
        if delete_account:
            OutstandingToken.objects.filter(user=user).delete()
            user.delete()
    logger.info(
        "erased user data: %d conversations, %d messages, %d bets anonymised, account deleted=%s",
        len(conversation_ids),
        messages,
        betting.bets_anonymised,
        delete_account,
    )
    return ErasureReport(
        conversations=len(conversation_ids),
        messages=messages,
        feedback=feedback,
        harm_flags=betting.harm_flags,
        bets_anonymised=betting.bets_anonymised,
        account_deleted=delete_account,
    )


def conversations_expire(*, older_than_days: int, now: datetime | None = None) -> int:
    """Delete conversations idle (no new message) for more than `older_than_days`; 0 or less keeps
    everything. Works in batches so no single transaction holds many rows. Bets that pointed at
    an expired conversation keep everything but that link."""
    if older_than_days <= 0:
        return 0
    cutoff = (now or timezone.now()) - timedelta(days=older_than_days)
    total = 0
    while True:
        batch = list(
            Conversation.objects.filter(updated_at__lt=cutoff).values_list("pk", flat=True)[:EXPIRE_BATCH]
        )
        if not batch:
            break
        with transaction.atomic():
            Conversation.objects.filter(pk__in=batch, updated_at__lt=cutoff).delete()
        total += len(batch)
    logger.info("expired %d conversations idle for more than %d days", total, older_than_days)
    return total


# --- share links ------------------------------------------------------------------------------


class NothingToShare(Exception):
    """The conversation has no finished message yet."""


def share_create(*, conversation: Conversation) -> ConversationShare:
    """A new read-only link to the conversation as it stands now (later messages stay private)."""
    last = (
        Message.objects.filter(conversation=conversation)
        .exclude(status=Message.Status.STREAMING)
        .order_by("-id")
        .values_list("id", flat=True)
        .first()
    )
    if last is None:
        raise NothingToShare
    return ConversationShare.objects.create(
        conversation=conversation, token=secrets.token_urlsafe(SHARE_TOKEN_BYTES), last_message_id=last
    )


def share_revoke(*, share: ConversationShare) -> None:
    if share.revoked_at is None:
        share.revoked_at = timezone.now()
        share.save(update_fields=["revoked_at"])
