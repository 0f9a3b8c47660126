"""ChatBet Django project: settings, URL and ASGI routing, and the one Celery app."""

from chatbet_site.celery import app as celery_app

__all__ = ["celery_app"]
