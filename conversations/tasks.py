"""Celery jobs of the conversations app: the daily retention sweep (scheduled by migration 0003) and
re-embedding knowledge articles after they change."""

from __future__ import annotations

import logging

from celery import shared_task
from django.conf import settings

from conversations import services
from conversations.knowledge.embeddings import EmbeddingError, embedder
from conversations.knowledge.index import knowledge_index_refresh

logger = logging.getLogger(__name__)


@shared_task(name="conversations.tasks.conversations_expire", acks_late=True)
def conversations_expire() -> int:
    """Delete conversations idle longer than CONVERSATION_RETENTION_DAYS (0 disables the sweep)."""
    return services.conversations_expire(older_than_days=settings.CONVERSATION_RETENTION_DAYS)


@shared_task(name="conversations.tasks.knowledge_embed", acks_late=True)
def knowledge_embed(article_ids: list[int] | None = None) -> int:
    """Embed the given articles (all stale ones when None) with the configured provider; idempotent."""
    model = embedder()
    if model is None:
        return 0
    try:
        report = knowledge_index_refresh(model=model, article_ids=article_ids)
    except EmbeddingError as exc:
        logger.warning("knowledge index: embedding failed (%s); search ranks by words meanwhile", exc)
        return 0
    return len(report.embedded)
