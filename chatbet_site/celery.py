"""The single Celery app. Configuration comes from Django settings under the CELERY_ prefix."""

import os

from celery import Celery

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
