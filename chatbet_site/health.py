"""Liveness and readiness endpoints.

`/health/live` says the process answers. `/health/ready` checks every service the process needs
(database, Redis channel layer when configured, Celery broker) and answers 503 when one fails, so
a load balancer only routes to instances that can serve a turn. The circuit breakers in use (the
LLM's, from the registry in chatbet_site.breaker) and the age of the last sports data sync are
reported beside them but never fail readiness.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from kombu import Connection

from chatbet_site.breaker import BreakerEntry, breakers_in_use

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


def _breaker_state(entry: BreakerEntry) -> dict[str, Any]:
    breaker = entry.build()
    state = breaker.state()
    return {
        "status": "ok" if state == "closed" else "degraded",
        "breaker": state.value,
        "retry_in_s": round(breaker.retry_in(), 1),
        **entry.details(),
    }


# --- Observability (issue 10): sports data freshness ---------------------------------------------
SYNC_KINDS = ("tournaments", "fixtures", "odds")


def sync_freshness(*, now: datetime) -> dict[str, dict[str, Any]]:
    """Per kind: when the last run that stored data (success or partial) finished, its age, and the
    status of the newest run. A FULL run refreshes every kind.

    One newest-row lookup per (kind, status) on the (kind, status, -started_at) index, rather than
    an aggregate over a table that grows by a row a minute.
    """
    from sportsdata.models import SyncRun

    newest: dict[tuple[str, str], SyncRun] = {}
    for kind in (*SYNC_KINDS, SyncRun.Kind.FULL):
        for status in SyncRun.Status.values:
            run = (
                SyncRun.objects.filter(kind=kind, status=status)
                .only("started_at", "finished_at", "status")
                .order_by("-started_at")
                .first()
            )
            if run is not None:
                newest[(kind, status)] = run
    stored = (SyncRun.Status.SUCCESS, SyncRun.Status.PARTIAL)
    result: dict[str, dict[str, Any]] = {}
    for kind in SYNC_KINDS:
        good = [
            run.finished_at
            for (k, status), run in newest.items()
            if k in (kind, SyncRun.Kind.FULL) and status in stored and run.finished_at is not None
        ]
        last = max(good, default=None)
        runs = [run for (k, _), run in newest.items() if k == kind]
        latest = max(runs, key=lambda run: run.started_at, default=None)
        result[kind] = {
            "last_success_at": last.isoformat() if last else None,
            "age_s": round((now - last).total_seconds(), 1) if last else None,
            "last_status": latest.status if latest else None,
        }
    return result


async def _reported(check: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    try:
        return await asyncio.wait_for(sync_to_async(check)(), timeout=CHECK_TIMEOUT_S)
    except Exception as exc:  # noqa: BLE001 - a reported component never fails the probe
        return {"status": "error", "error": type(exc).__name__}


def _sync_state() -> dict[str, Any]:
    """Reported, never failing readiness: stale sports data still answers questions (with its age
    stated), and a stuck sync is a job for the workers, not a reason to stop serving chat."""
    limits: dict[str, int] = settings.SYNC_STALE_AFTER
    kinds = sync_freshness(now=timezone.now())
    stale = [
        kind for kind, row in kinds.items() if row["age_s"] is None or row["age_s"] > limits.get(kind, 86_400)
    ]
    return {"status": "degraded" if stale else "ok", "stale": stale, "kinds": kinds}


async def ready(request: HttpRequest) -> JsonResponse:
    checks = readiness_checks()
    results = await asyncio.gather(*(_run(check) for check in checks.values()))
    components = dict(zip(checks, results, strict=True))
    healthy = all(result["status"] == "ok" for result in components.values())
    for entry in breakers_in_use():
        # Reported, never failing readiness: while the LLM is out, turns use the offline engine.
        components[entry.name] = await sync_to_async(_breaker_state, thread_sensitive=False)(entry)
    if components["database"]["status"] == "ok":
        components["sportsdata_sync"] = await _reported(_sync_state)
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
