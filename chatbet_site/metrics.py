"""Prometheus metrics: ChatBet's own (turns, latency, tokens, tools, sockets, syncs, errors) and the
`/metrics` view that exposes them with django-prometheus's HTTP metrics.

Each process counts in its own memory, so each daphne process (and worker) exposes its own
numbers; with PROMETHEUS_MULTIPROC_DIR set (before start, one directory per host, emptied on
deploy) every process writes to that directory and any one `/metrics` shows the host's sum.
`/metrics` answers only when METRICS_ENABLED is on, and then only to `Authorization: Bearer
<METRICS_TOKEN>` or a client address in METRICS_ALLOWED_IPS; everyone else gets a 404.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
import os
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector

from chatbet_site.breaker import BreakerState, breakers_in_use

if TYPE_CHECKING:
    from conversations.models import Message
    from sportsdata.models import SyncRun

logger = logging.getLogger(__name__)

TURNS = Counter(
    "chatbet_turns", "Assistant turns finished, by engine, intent and status.", ["engine", "intent", "status"]
)
TURN_LATENCY = Histogram(
    "chatbet_turn_latency_seconds",
    "Time from claiming a turn to persisting its reply.",
    ["engine"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60),
)
LLM_TOKENS = Counter("chatbet_llm_tokens", "LLM tokens used by turns.", ["engine", "kind"])
TOOL_CALLS = Counter("chatbet_tool_calls", "Assistant tool calls, by tool and outcome.", ["tool", "ok"])
ENGINE_FALLBACKS = Counter(
    "chatbet_engine_fallbacks",
    "Turns the offline engine answered because the LLM failed.",
    ["engine", "code"],
)
WEBSOCKETS_OPEN = Gauge(
    "chatbet_websockets_open", "WebSockets open now.", ["consumer"], multiprocess_mode="livesum"
)
SYNC_RUNS = Counter("chatbet_sync_runs", "Sports data sync runs, by kind and status.", ["kind", "status"])
SYNC_DURATION = Histogram(
    "chatbet_sync_run_duration_seconds",
    "Duration of sports data sync runs.",
    ["kind"],
    buckets=(0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300),
)
ERRORS = Counter("chatbet_errors", "Errors answered to clients, by stable code.", ["code", "transport"])

_CODE = re.compile(r"^[A-Z][A-Z0-9_]{0,39}$")
_LABEL = re.compile(r"[^a-zA-Z0-9_.:-]")


def _label(value: Any, *, default: str = "none") -> str:
    """A bounded, printable label value: metrics must never carry free text."""
    text = _LABEL.sub("_", str(value or ""))[:40]
    return text or default


def turn_observe(message: Message) -> None:
    """Count one finished turn (complete, failed or cancelled) and log its one summary line."""
    try:
        engine = _label(message.engine)
        TURNS.labels(engine, _label(message.intent), _label(message.status)).inc()
        if message.latency_ms is not None:
            TURN_LATENCY.labels(engine).observe(message.latency_ms / 1000)
        if message.prompt_tokens:
            LLM_TOKENS.labels(engine, "prompt").inc(message.prompt_tokens)
        if message.completion_tokens:
            LLM_TOKENS.labels(engine, "completion").inc(message.completion_tokens)
        for call in message.tool_calls or []:
            if isinstance(call, dict):
                TOOL_CALLS.labels(_label(call.get("name")), "true" if call.get("ok") else "false").inc()
        failed = (message.metadata or {}).get("failed_engine")
        if isinstance(failed, dict):
            ENGINE_FALLBACKS.labels(_label(failed.get("engine")), _label(failed.get("code"))).inc()
        logger.info(
            "turn finished: reply=%s engine=%s intent=%s status=%s latency_ms=%s tokens=%s tools=%d error=%s",
            message.pk,
            engine,
            message.intent or "-",
            message.status,
            message.latency_ms,
            message.total_tokens,
            len(message.tool_calls or []),
            message.error_code or "-",
        )
    except Exception:  # observing a turn must never break it
        logger.exception("could not record the metrics of turn %s", getattr(message, "pk", None))


def websocket_opened(consumer: str) -> None:
    WEBSOCKETS_OPEN.labels(_label(consumer)).inc()


def websocket_closed(consumer: str) -> None:
    WEBSOCKETS_OPEN.labels(_label(consumer)).dec()


def sync_run_observe(run: SyncRun) -> None:
    SYNC_RUNS.labels(_label(run.kind), _label(run.status)).inc()
    if run.duration_ms is not None:
        SYNC_DURATION.labels(_label(run.kind)).observe(run.duration_ms / 1000)


def error_observe(code: str, *, transport: str) -> None:
    ERRORS.labels(code if _CODE.match(code or "") else "OTHER", transport).inc()


class SyncFreshnessCollector:
    """Age of the last sync run that stored data, per kind, read from the database at scrape time
    (the runs happen in Celery workers, whose memory this process cannot see)."""

    def collect(self) -> Iterator[Metric]:
        from chatbet_site.health import sync_freshness

        family = GaugeMetricFamily(
            "chatbet_sync_last_success_age_seconds",
            "Seconds since the last sync run that stored data (success or partial), per kind.",
            labels=["kind"],
        )
        for kind, row in sync_freshness(now=timezone.now()).items():
            if row["age_s"] is not None:
                family.add_metric([kind], row["age_s"])
        yield family


class BreakerCollector:
    """State of every circuit breaker in use (chatbet_site.breaker's registry), read from the
    shared cache at scrape time: 0 closed, 1 half-open (probing), 2 open."""

    LEVELS: ClassVar[dict[BreakerState, int]] = {
        BreakerState.CLOSED: 0,
        BreakerState.HALF_OPEN: 1,
        BreakerState.OPEN: 2,
    }

    def collect(self) -> Iterator[Metric]:
        family = GaugeMetricFamily(
            "chatbet_circuit_breaker_state",
            "Circuit breaker state per dependency: 0 closed, 1 half-open, 2 open.",
            labels=["name"],
        )
        for entry in breakers_in_use():
            family.add_metric([entry.name], self.LEVELS[entry.build().state()])
        yield family


def _client_allowed(request: HttpRequest) -> bool:
    token = settings.METRICS_TOKEN
    header = request.headers.get("Authorization", "")
    if token and header.startswith("Bearer "):
        return hmac.compare_digest(header[len("Bearer ") :].strip().encode(), token.encode())
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    for allowed in settings.METRICS_ALLOWED_IPS:
        try:
            if address in ipaddress.ip_network(allowed, strict=False):
                return True
        except ValueError:
            continue
    return False


def metrics_registry() -> CollectorRegistry:
    """What a scrape shows: this process's metrics, or every process's in multiprocess mode."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)
        return registry
    return REGISTRY


def metrics_view(request: HttpRequest) -> HttpResponse:
    if not settings.METRICS_ENABLED or not _client_allowed(request):
        raise Http404
    freshness = CollectorRegistry(auto_describe=False)
    freshness.register(SyncFreshnessCollector())
    freshness.register(BreakerCollector())
    body = generate_latest(metrics_registry()) + generate_latest(freshness)
    return HttpResponse(body, content_type=CONTENT_TYPE_LATEST)
