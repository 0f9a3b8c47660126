"""Observability: readiness with sync freshness, /metrics (access and counting), JSON logs with a
correlation id through HTTP, WebSocket turns and Celery tasks, and no message text in logs."""

from __future__ import annotations

import io
import json
import logging
import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from asgiref.sync import sync_to_async
from celery.contrib.testing.worker import start_worker
from django.utils import timezone
from prometheus_client import REGISTRY
from rest_framework.test import APIClient

from chatbet_site.celery import app as celery_app
from chatbet_site.logging import CorrelationFilter, JsonFormatter, correlation_bind, correlation_reset
from conversations.models import Conversation
from conversations.tasks import conversations_expire
from conversations.tests.sportsdata_fixture import clasico_create
from conversations.tests.test_consumers import (
    ORIGIN,
    frames_until,
    open_chat,
    session_cookie_for_guest,
    settle_turns,
)
from sportsdata.models import SyncRun
from sportsdata.services.runs import SyncOutcome, syncrun_execute

pytestmark = pytest.mark.django_db(transaction=True)

SECRET_TEXT = "zebra quokka odds for Barcelona vs Real Madrid"


def metric(name: str, **labels: str) -> float:
    """The sum of every sample of `name` whose labels include `labels` (0 when none)."""
    total = 0.0
    for family in REGISTRY.collect():
        for sample in family.samples:
            if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items()):
                total += sample.value
    return total


class JsonLines:
    def __init__(self, stream: io.StringIO, handler: logging.Handler) -> None:
        self.stream = stream
        self.handler = handler

    def attach(self) -> None:
        """(Again) on the root logger: a worker's start re-applies LOGGING, which drops it."""
        root = logging.getLogger()
        if self.handler not in root.handlers:
            root.addHandler(self.handler)
        root.setLevel(logging.INFO)

    def records(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.stream.getvalue().splitlines() if line.strip()]

    def text(self) -> str:
        return self.stream.getvalue()


@pytest.fixture
def json_log() -> Iterator[JsonLines]:
    """The real formatter and filter on the root logger, writing to a buffer."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(CorrelationFilter())
    handler.setLevel(logging.DEBUG)
    root = logging.getLogger()
    previous = root.level
    lines = JsonLines(stream, handler)
    lines.attach()
    yield lines
    root.removeHandler(handler)
    root.setLevel(previous)


@pytest.fixture
def sports(settings):
    settings.CHATBET_ODDS_MAX_AGE = 10**7
    settings.ASSISTANT_ENGINE = "offline"
    return clasico_create()


# --- /health/ready ------------------------------------------------------------------------------


def test_ready_reports_sync_freshness_without_failing_readiness(client, settings):
    settings.SYNC_STALE_AFTER = {"tournaments": 86_400, "fixtures": 3_600, "odds": 600}
    body = client.get("/health/ready").json()
    sync = body["components"]["sportsdata_sync"]
    assert body["status"] == "ok"
    assert sync["status"] == "degraded"
    assert sorted(sync["stale"]) == ["fixtures", "odds", "tournaments"]
    assert sync["kinds"]["odds"]["last_success_at"] is None

    now = timezone.now()
    SyncRun.objects.create(kind="full", status="success", started_at=now - timedelta(hours=2),
                           finished_at=now - timedelta(hours=2))  # fmt: skip
    SyncRun.objects.create(kind="odds", status="partial", started_at=now - timedelta(seconds=70),
                           finished_at=now - timedelta(seconds=60))  # fmt: skip
    SyncRun.objects.create(kind="odds", status="failed", started_at=now - timedelta(seconds=5),
                           finished_at=now - timedelta(seconds=4))  # fmt: skip
    response = client.get("/health/ready")
    sync = response.json()["components"]["sportsdata_sync"]
    assert response.status_code == 200
    # The FULL run two hours ago refreshed tournaments (fresh) and fixtures (stale after an hour).
    assert sync["stale"] == ["fixtures"]
    assert sync["status"] == "degraded"
    assert 55 <= sync["kinds"]["odds"]["age_s"] <= 120
    assert sync["kinds"]["odds"]["last_status"] == "failed"
    assert 7100 <= sync["kinds"]["tournaments"]["age_s"] <= 7300

    SyncRun.objects.create(kind="fixtures", status="success", started_at=now, finished_at=now)
    sync = client.get("/health/ready").json()["components"]["sportsdata_sync"]
    assert sync["status"] == "ok"
    assert sync["stale"] == []


# --- /metrics -----------------------------------------------------------------------------------


def test_metrics_are_404_unless_enabled_and_allowed(client, settings):
    settings.METRICS_ENABLED = False
    assert client.get("/metrics").status_code == 404
    settings.METRICS_ENABLED = True
    settings.METRICS_TOKEN = "scrape-secret"
    settings.METRICS_ALLOWED_IPS = ["127.0.0.1", "::1"]
    local = client.get("/metrics")  # the test client comes from 127.0.0.1
    assert local.status_code == 200
    assert local["Content-Type"].startswith("text/plain")
    assert client.get("/metrics", REMOTE_ADDR="10.1.2.3").status_code == 404
    assert client.get("/metrics", REMOTE_ADDR="10.1.2.3", HTTP_AUTHORIZATION="Bearer nope").status_code == 404
    with_token = client.get("/metrics", REMOTE_ADDR="10.1.2.3", HTTP_AUTHORIZATION="Bearer scrape-secret")
    assert with_token.status_code == 200
    settings.METRICS_ALLOWED_IPS = ["10.1.0.0/16"]
    assert client.get("/metrics", REMOTE_ADDR="10.1.2.3").status_code == 200
    assert client.get("/metrics").status_code == 404
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer ").status_code == 404


def test_metrics_expose_ours_and_django_prometheus(client, settings):
    settings.METRICS_ENABLED = True
    now = timezone.now()
    SyncRun.objects.create(kind="odds", status="success", started_at=now, finished_at=now)
    client.get("/health/live")
    body = client.get("/metrics").content.decode()
    for name in (
        "django_http_requests_total_by_method_total",
        "django_http_responses_total_by_status_view_method_total",
        "chatbet_turns_total",
        "chatbet_turn_latency_seconds",
        "chatbet_llm_tokens_total",
        "chatbet_tool_calls_total",
        "chatbet_websockets_open",
        "chatbet_sync_runs_total",
        "chatbet_errors_total",
    ):
        assert f"# TYPE {name.removesuffix('_total')}" in body or f"# TYPE {name}" in body, name
    assert 'chatbet_sync_last_success_age_seconds{kind="odds"}' in body


def test_sync_runs_and_rest_errors_are_counted():
    before_ok = metric("chatbet_sync_runs_total", kind="odds", status="success")
    before_failed = metric("chatbet_sync_runs_total", kind="odds", status="failed")
    syncrun_execute(kind="odds", step=lambda: SyncOutcome(counts={"odds": 1}))

    def broken() -> SyncOutcome:
        raise RuntimeError("api down")

    syncrun_execute(kind="odds", step=broken)
    assert metric("chatbet_sync_runs_total", kind="odds", status="success") == before_ok + 1
    assert metric("chatbet_sync_runs_total", kind="odds", status="failed") == before_failed + 1

    client = APIClient()
    before = metric("chatbet_errors_total", code="NOT_AUTHENTICATED", transport="http")
    before_404 = metric("chatbet_errors_total", code="NOT_FOUND", transport="http")
    assert client.get("/api/v1/auth/me").status_code == 401
    assert client.get("/api/v1/no-such-endpoint").status_code == 404
    assert metric("chatbet_errors_total", code="NOT_AUTHENTICATED", transport="http") == before + 1
    assert metric("chatbet_errors_total", code="NOT_FOUND", transport="http") == before_404 + 1


async def test_websocket_turn_counts_sockets_turns_tools_errors_and_logs_with_one_id(sports, json_log):
    cookie = await sync_to_async(session_cookie_for_guest)("guest-metrics")
    sockets = metric("chatbet_websockets_open", consumer="ChatConsumer")
    turns = metric("chatbet_turns_total", engine="offline", status="complete")
    latency = metric("chatbet_turn_latency_seconds_count", engine="offline")
    tools = metric("chatbet_tool_calls_total")
    bad_json = metric("chatbet_errors_total", code="INVALID_JSON", transport="ws")

    communicator, _ = await open_chat(headers=[ORIGIN, cookie])
    assert metric("chatbet_websockets_open", consumer="ChatConsumer") == sockets + 1
    await communicator.send_to(text_data="{not json")
    assert (await communicator.receive_json_from(timeout=10))["type"] == "error"
    assert metric("chatbet_errors_total", code="INVALID_JSON", transport="ws") == bad_json + 1

    await communicator.send_json_to({"type": "user_message", "content": SECRET_TEXT, "message_id": "m-1"})
    await frames_until(communicator, "streaming_end")
    await settle_turns()
    assert metric("chatbet_turns_total", engine="offline", status="complete") == turns + 1
    assert metric("chatbet_turn_latency_seconds_count", engine="offline") == latency + 1
    assert metric("chatbet_tool_calls_total") > tools
    await communicator.disconnect()
    assert metric("chatbet_websockets_open", consumer="ChatConsumer") == sockets

    finished = [r for r in json_log.records() if r["message"].startswith("turn finished")]
    assert len(finished) == 1
    assert finished[0]["correlation_id"].startswith("ws-")
    assert finished[0]["logger"] == "chatbet_site.metrics"
    # No user text, reply text or prompt in any line.
    assert "zebra" not in json_log.text()
    assert "quokka" not in json_log.text()


# --- correlation ids ----------------------------------------------------------------------------


def test_http_request_id_is_echoed_generated_or_replaced(client):
    given = client.get("/health/live", HTTP_X_REQUEST_ID="lb-1234.abc")
    assert given["X-Request-ID"] == "lb-1234.abc"
    generated = client.get("/health/live")
    assert len(generated["X-Request-ID"]) == 32
    hostile = client.get("/health/live", HTTP_X_REQUEST_ID="evil\nline " + "x" * 300)
    assert hostile["X-Request-ID"] != "evil\nline " + "x" * 300
    assert len(hostile["X-Request-ID"]) == 32


def test_rest_turn_log_lines_carry_the_request_id(sports, json_log):
    client = APIClient()
    token = client.post("/api/v1/auth/guest").json()["guest_token"]
    client.credentials(HTTP_AUTHORIZATION=f"Guest {token}")
    session_id = client.post("/api/v1/conversations/", {}, format="json").json()["session_id"]
    response = client.post(
        f"/api/v1/conversations/{session_id}/messages/",
        {"content": SECRET_TEXT, "message_id": "m-1"},
        format="json",
        HTTP_X_REQUEST_ID="req-turn-42",
    )
    assert response.status_code == 201
    assert response["X-Request-ID"] == "req-turn-42"
    lines = [r for r in json_log.records() if r["correlation_id"] == "req-turn-42"]
    assert any(r["message"].startswith("turn finished") for r in lines)
    access = [r for r in lines if r["logger"] == "chatbet.request"]
    assert access
    assert access[0]["status_code"] == 201
    assert access[0]["method"] == "POST"
    assert access[0]["path"] == f"/api/v1/conversations/{session_id}/messages/"
    # Lines of other requests have other ids.
    assert {r["correlation_id"] for r in json_log.records() if r["logger"] == "chatbet.request"} > {
        "req-turn-42"
    }
    assert "zebra" not in json_log.text()


def test_celery_task_inherits_the_publishers_correlation_id(json_log):
    Conversation.objects.create(guest_id="guest-old")
    Conversation.objects.filter(guest_id="guest-old").update(updated_at=timezone.now() - timedelta(days=400))
    token = correlation_bind("cel-req-7")
    try:
        with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            json_log.attach()
            conversations_expire.delay()
            deadline = time.monotonic() + 15
            while Conversation.objects.filter(guest_id="guest-old").exists() and time.monotonic() < deadline:
                time.sleep(0.05)
            time.sleep(0.2)
    finally:
        correlation_reset(token)
    assert not Conversation.objects.filter(guest_id="guest-old").exists()
    expired = [r for r in json_log.records() if r["message"].startswith("expired 1 conversations")]
    assert expired, json_log.text()
    assert expired[0]["correlation_id"] == "cel-req-7"


def test_json_formatter_writes_one_object_per_line_with_the_id():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(CorrelationFilter())
    log = logging.getLogger("chatbet.test.formatter")
    log.addHandler(handler)
    log.propagate = False
    token = correlation_bind("abc-123")
    try:
        log.warning("two\nlines %s", "x", extra={"status_code": 418})
        try:
            raise ValueError("boom")
        except ValueError:
            log.exception("failed")
    finally:
        correlation_reset(token)
        log.removeHandler(handler)
        log.propagate = True
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert first["message"] == "two\nlines x"
    assert first["level"] == "WARNING"
    assert first["logger"] == "chatbet.test.formatter"
    assert first["correlation_id"] == "abc-123"
    assert first["status_code"] == 418
    assert first["time"].endswith("+00:00")
    assert second["exc_type"] == "ValueError"
    assert "boom" in second["exc"]


def test_log_format_setting_picks_the_console_formatter(settings):
    assert settings.LOG_FORMAT in ("json", "plain")
    assert settings.LOGGING["handlers"]["console"]["formatter"] == settings.LOG_FORMAT
    assert settings.LOGGING["handlers"]["console"]["filters"] == ["correlation"]
    assert settings.MIDDLEWARE[0] == "chatbet_site.middleware.CorrelationIdMiddleware"


def test_access_log_escapes_control_characters_in_the_path(client, json_log):
    client.get("/api/v1/conversations/a%0Aforged%20line/")
    lines = [r for r in json_log.records() if r["logger"] == "chatbet.request"]
    assert lines[-1]["path"] == "/api/v1/conversations/a\\nforged line/"
    assert "\n" not in lines[-1]["message"]


def test_django_request_warnings_carry_the_request_id(client, json_log):
    client.get("/api/v1/auth/me", HTTP_X_REQUEST_ID="req-401")
    warning = [r for r in json_log.records() if r["logger"] == "django.request"]
    assert warning
    assert warning[-1]["correlation_id"] == "req-401"
    assert warning[-1]["status_code"] == 401


def test_our_request_logs_never_hold_a_query_string(client, json_log):
    """The search box sends `?search=<text>`: message text must not reach the logs (daphne's own
    access log is covered in test_serve)."""
    client.get("/api/v1/conversations/?search=my+private+words")
    client.get("/api/v1/no-such-endpoint/?search=my+private+words")  # a logged 404 warning
    records = json_log.records()
    assert [r for r in records if r["logger"] == "chatbet.request"]
    assert not [r for r in records if "private" in json.dumps(r)]
