"""Conversations and their messages, per-message feedback, and the assistant's knowledge base.

A conversation belongs to a user or to a guest identity, never both. A user message is unique per
(conversation, client message id), which is what makes resends idempotent; an assistant message
points at the user message it answers (`parent`). At most one assistant message per conversation
is `streaming` at a time: the database itself refuses a second concurrent turn.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q


class Conversation(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="conversations",
    )
    guest_id = models.CharField(max_length=64, blank=True, db_index=True)
    title = models.CharField(max_length=120, blank=True)
    language = models.CharField(max_length=8, default="en")
    # Dialogue slots carried between turns (last teams, fixture, market, pending bet, ...).
    context = models.JSONField(default=dict, blank=True)
    # Condensed older history for the LLM, so prompts stay small.
    summary = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        indexes = [
            models.Index(fields=["user", "-updated_at"], name="conversation_user_recent"),
            models.Index(fields=["guest_id", "-updated_at"], name="conversation_guest_recent"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(user__isnull=False) & Q(guest_id="")) | (Q(user__isnull=True) & ~Q(guest_id="")),
                name="conversation_one_owner",
            )
        ]

    def __str__(self) -> str:
        return self.title or str(self.id)


class Message(models.Model):
    class Role(models.TextChoices):
        USER = "user", "User"
        ASSISTANT = "assistant", "Assistant"

    class Status(models.TextChoices):
        COMPLETE = "complete", "Complete"
        STREAMING = "streaming", "Streaming"
        FAILED = "failed", "Failed"
        CANCELLED = "cancelled", "Cancelled"

    class Engine(models.TextChoices):
        NONE = "", "None"
        OFFLINE = "offline", "Offline"
        GEMINI = "gemini", "Gemini"
        OPENAI = "openai", "OpenAI-compatible"

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    role = models.CharField(max_length=16, choices=Role.choices)
    content = models.TextField(blank=True)
    client_message_id = models.CharField(max_length=64, blank=True, default="")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.COMPLETE)
    intent = models.CharField(max_length=40, blank=True)
    intent_confidence = models.FloatField(null=True, blank=True)
    entities = models.JSONField(default=dict, blank=True)
    # [{"name", "arguments", "ok", "digest", "duration_ms"}] in call order.
    tool_calls = models.JSONField(default=list, blank=True)
    suggested_actions = models.JSONField(default=list, blank=True)
    engine = models.CharField(max_length=16, choices=Engine.choices, blank=True, default=Engine.NONE)
    model = models.CharField(max_length=80, blank=True)
    # The LLM's raw turn contents (function calls, thought signatures) to send back unchanged.
    raw_content = models.JSONField(null=True, blank=True)
    prompt_tokens = models.IntegerField(null=True, blank=True)
    completion_tokens = models.IntegerField(null=True, blank=True)
    total_tokens = models.IntegerField(null=True, blank=True)
    latency_ms = models.IntegerField(null=True, blank=True)
    error_code = models.CharField(max_length=40, blank=True)
    metadata = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["conversation", "created_at", "id"], name="message_conversation_page")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "client_message_id"],
                condition=~Q(client_message_id=""),
                name="message_unique_client_id",
            ),
            models.UniqueConstraint(
                fields=["conversation"],
                condition=Q(status="streaming"),
                name="message_one_streaming_turn",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.role} {self.id} in {self.conversation_id}"


class Feedback(models.Model):
    class Rating(models.IntegerChoices):
        DOWN = -1, "Thumbs down"
        UP = 1, "Thumbs up"

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="feedback")
    rating = models.SmallIntegerField(choices=Rating.choices)
    reason = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["message"], name="feedback_one_per_message")]

    def __str__(self) -> str:
        return f"{self.rating:+d} on {self.message_id}"


class Article(models.Model):
    """A short knowledge-base article the assistant quotes for terms and help, per language.

    Loaded from knowledge/articles/<language>/<slug>.md (`load_articles`); operators edit it in admin.
    """

    class Language(models.TextChoices):
        EN = "en", "English"
        ES = "es", "Español"
        PT = "pt", "Português"

    slug = models.SlugField(max_length=80)
    language = models.CharField(max_length=2, choices=Language.choices)
    title = models.CharField(max_length=200)
    body = models.TextField()
    tags = models.JSONField(default=list, blank=True)
    is_published = models.BooleanField(default=True)
    # Digest of the file content this row was last loaded from; a row whose content no longer
    # matches it was edited in admin and is not overwritten by the next load.
    source_digest = models.CharField(max_length=64, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["slug", "language"]
        constraints = [models.UniqueConstraint(fields=["slug", "language"], name="article_slug_language")]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"


class ConversationShare(models.Model):
    """A read-only link to a conversation as it stood when shared (messages up to `last_message_id`).

    The token is the only key: unguessable, shown to the owner, dead once revoked.
    """

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="shares")
    token = models.CharField(max_length=64, unique=True)
    last_message_id = models.BigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"share of {self.conversation_id}"


class ArticleChunk(models.Model):
    """A passage of an article with its embedding, for semantic search.

    Rebuilt when the article's content (its digest) or the embedding model changes.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="chunks")
    ordinal = models.PositiveSmallIntegerField()
    text = models.TextField()
    # content_digest() of the article the passage was cut from: a different digest means stale.
    source_digest = models.CharField(max_length=64)
    # "<provider>:<model>", e.g. "openai:text-embedding-3-small"; vectors of two models never mix.
    model = models.CharField(max_length=120)
    embedding = models.JSONField()  # list of floats

    class Meta:
        ordering = ["article", "model", "ordinal"]
        constraints = [
            models.UniqueConstraint(fields=["article", "model", "ordinal"], name="article_chunk_unique")
        ]

    def __str__(self) -> str:
        return f"{self.article_id}#{self.ordinal} ({self.model})"


class RevokedCredential(models.Model):
    """A credential that must no longer work: a logged-out JWT session (every access and refresh
    token carrying its `sid`) or a revoked guest identity. Kept until no token of it can still be
    unexpired, then purged (conversations.identity)."""

    key = models.CharField(max_length=100, unique=True)
    expires_at = models.DateTimeField(db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.key
