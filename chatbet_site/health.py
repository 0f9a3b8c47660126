"""Liveness and readiness endpoints.

`/health/live` says the process answers. `/health/ready` checks every service the process needs
(database, Redis channel layer when configured, Celery broker) and answers 503 when one fails, so
a load balancer only routes to instances that can serve a turn.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from kombu import Connection

CHECK_TIMEOUT_S = 3.0

Check = Callable[[], Awaitable[dict[str, Any]]]


def _database_check() -> dict[str, Any]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"vendor": connection.vendor}


async def check_database() -> dict[str, Any]:
    # thread_sensitive: the query runs where Django manages (and closes) request connections.
    return await sync_to_async(_database_check)()


async def check_channel_layer() -> dict[str, Any]:
    layer = get_channel_layer()
    if layer is None:
        raise RuntimeError("no channel layer configured")
    channel = await layer.new_channel("health.")
    await layer.send(channel, {"type": "health.ping"})
    message = await layer.receive(channel)
    if message.get("type") != "health.ping":
        raise RuntimeError("channel layer returned an unexpected message")
    return {"backend": type(layer).__name__}


def _broker_check() -> dict[str, Any]:
    url = settings.CELERY_BROKER_URL
    options = getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", {})
    with Connection(url, connect_timeout=2, transport_options=options) as conn:
        conn.ensure_connection(max_retries=1, interval_start=0, timeout=2)
        return {"transport": conn.transport_cls}


async def check_broker() -> dict[str, Any]:
    return await sync_to_async(_broker_check, thread_sensitive=False)()


def readiness_checks() -> dict[str, Check]:
    checks: dict[str, Check] = {"database": check_database, "celery_broker": check_broker}
    if settings.REDIS_URL:
        checks["redis"] = check_channel_layer
    return checks


async def _run(check: Check) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        detail = await asyncio.wait_for(check(), timeout=CHECK_TIMEOUT_S)
    except Exception as exc:  # noqa: BLE001 - any failure is reported, never raised
        return {
            "status": "error",
            "error": type(exc).__name__,
            "latency_ms": round((time.perf_counter() - started) * 1000, 1),
        }
    return {"status": "ok", "latency_ms": round((time.perf_counter() - started) * 1000, 1), **detail}


def _gemini_state() -> dict[str, Any]:
    from conversations.assistant.engines import gemini_breaker

    breaker = gemini_breaker()
    state = breaker.state()
    return {
        "status": "ok" if state == "closed" else "degraded",
        "breaker": state.value,
        "retry_in_s": round(breaker.retry_in(), 1),
        "model": settings.GEMINI_MODEL,
    }


async def ready(request: HttpRequest) -> JsonResponse:
    checks = readiness_checks()
    results = await asyncio.gather(*(_run(check) for check in checks.values()))
    components = dict(zip(checks, results, strict=True))
    healthy = all(result["status"] == "ok" for result in components.values())
    if settings.GOOGLE_API_KEY:
        # Reported, never failing readiness: while Gemini is out, turns use the offline engine.
        components["gemini"] = await sync_to_async(_gemini_state, thread_sensitive=False)()
    return JsonResponse(
        {
            "status": "ok" if healthy else "unavailable",
            "time": timezone.now().isoformat(),
            "components": components,
        },
        status=200 if healthy else 503,
    )


async def live(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok", "time": timezone.now().isoformat()})
