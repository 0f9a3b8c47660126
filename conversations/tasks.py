"""Celery jobs of the conversations app: the daily retention sweep (scheduled by migration 0003)."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings

from conversations import services


@shared_task(name="conversations.tasks.conversations_expire", acks_late=True)
def conversations_expire() -> int:
    """Delete conversations idle longer than CONVERSATION_RETENTION_DAYS (0 disables the sweep)."""
    return services.conversations_expire(older_than_days=settings.CONVERSATION_RETENTION_DAYS)
