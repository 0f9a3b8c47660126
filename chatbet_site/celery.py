"""The single Celery app. Configuration comes from Django settings under the CELERY_ prefix."""

import contextlib
import os
from contextvars import Token
from typing import Any

from celery import Celery
from celery.signals import before_task_publish, task_postrun, task_prerun

from chatbet_site.logging import correlation_bind, correlation_clean, correlation_get, correlation_reset

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chatbet_site.settings")

app = Celery("chatbet")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="chatbet.ping")
def ping(nonce: str) -> str:
    """Worker round trip: leaves `celery-ping:<nonce>` in the shared cache for whoever asked."""
    from django.core.cache import cache

    cache.set(f"celery-ping:{nonce}", "pong", timeout=60)
    return "pong"


# --- Observability (issue 10): the correlation id travels with a task ------------------------
CORRELATION_HEADER = "chatbet_correlation_id"
_task_tokens: dict[str, Token[str]] = {}


@before_task_publish.connect
def _correlation_publish(headers: dict[str, Any] | None = None, **kwargs: Any) -> None:
    """The publisher's id goes into the message headers (a beat-scheduled task has none)."""
    correlation_id = correlation_get()
    if headers is not None and correlation_id:
        headers.setdefault(CORRELATION_HEADER, correlation_id)


@task_prerun.connect
def _correlation_prerun(task_id: str = "", task: Any = None, **kwargs: Any) -> None:
    request = getattr(task, "request", None)
    received = getattr(request, CORRELATION_HEADER, None) or (getattr(request, "headers", None) or {}).get(
        CORRELATION_HEADER
    )
    # An eager task keeps its caller's id; a scheduled run, with none, uses its task id.
    _task_tokens[task_id] = correlation_bind(correlation_clean(received or correlation_get() or task_id))


@task_postrun.connect
def _correlation_postrun(task_id: str = "", **kwargs: Any) -> None:
    token = _task_tokens.pop(task_id, None)
    if token is not None:
        with contextlib.suppress(ValueError):  # a pool that ran the task in another context
            correlation_reset(token)
