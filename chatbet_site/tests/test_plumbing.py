"""The plumbing is real: PostgreSQL, the Redis channel layer, a Celery worker on Redis, readiness."""

from __future__ import annotations

import time
import uuid

import pytest
from celery.contrib.testing.worker import start_worker
from channels.layers import get_channel_layer
from channels.testing import WebsocketCommunicator
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test import override_settings

from chatbet_site.asgi import application
from chatbet_site.celery import app as celery_app
from chatbet_site.celery import ping


@pytest.mark.django_db
def test_model_round_trip_on_postgresql():
    user_model = get_user_model()
    user_model.objects.create_user(username="ana", password="s3cret-pass")
    assert connection.vendor == "postgresql"
    assert user_model.objects.get(username="ana").check_password("s3cret-pass")


@pytest.mark.django_db(transaction=True)
async def test_websocket_round_trip_through_redis_channel_layer():
    assert type(get_channel_layer()).__name__ == "RedisChannelLayer"
    communicator = WebsocketCommunicator(application, "/ws/echo/", headers=[(b"origin", b"http://localhost")])
    connected, _ = await communicator.connect()
    assert connected
    await communicator.send_to(text_data="hola")
    assert await communicator.receive_from(timeout=3) == "hola"
    await communicator.disconnect()


async def test_websocket_from_foreign_origin_is_refused():
    communicator = WebsocketCommunicator(
        application, "/ws/echo/", headers=[(b"origin", b"http://evil.example")]
    )
    connected, _ = await communicator.connect()
    assert not connected


@pytest.mark.django_db(transaction=True)
def test_celery_task_runs_on_a_real_worker_over_redis():
    assert celery_app.conf.broker_url.startswith("redis://")
    nonce = uuid.uuid4().hex
    assert cache.get(f"celery-ping:{nonce}") is None
    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        ping.delay(nonce)
        deadline = time.monotonic() + 15
        while cache.get(f"celery-ping:{nonce}") is None and time.monotonic() < deadline:
            time.sleep(0.05)
    assert cache.get(f"celery-ping:{nonce}") == "pong"


@pytest.mark.django_db
def test_health_live(client):
    response = client.get("/health/live")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert client.get("/health/").status_code == 200


@pytest.mark.django_db(transaction=True)
def test_health_ready_all_components_ok(client):
    response = client.get("/health/ready")
    body = response.json()
    assert response.status_code == 200, body
    required = {"database", "redis", "celery_broker"}
    assert required <= set(body["components"])
    assert all(body["components"][name]["status"] == "ok" for name in required)


@pytest.mark.django_db(transaction=True)
def test_health_ready_is_503_when_redis_is_unreachable(client, settings):
    dead = "redis://127.0.0.1:1/0"
    with override_settings(
        REDIS_URL=dead,
        CELERY_BROKER_URL=dead,
        CHANNEL_LAYERS={
            "default": {"BACKEND": "channels_redis.core.RedisChannelLayer", "CONFIG": {"hosts": [dead]}}
        },
    ):
        response = client.get("/health/ready")
    body = response.json()
    assert response.status_code == 503
    assert body["components"]["redis"]["status"] == "error"
    assert body["components"]["database"]["status"] == "ok"
