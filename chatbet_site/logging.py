"""Log plumbing: the correlation id of the work in hand, and a one-JSON-object-per-line formatter.

The correlation id lives in a context variable, so it follows an HTTP request, a WebSocket frame
and the turn task it starts (asyncio copies the context into new tasks), and a Celery task (the
publisher passes it in a message header; chatbet_site.celery binds it again in the worker).
Records carry only what the code passed as %-args: never message text, prompts or secrets.
"""

from __future__ import annotations

import logging
import re
import uuid
from contextvars import ContextVar, Token
from datetime import UTC, datetime
from typing import Any

from pythonjsonlogger import json as jsonlogger

_correlation_id: ContextVar[str] = ContextVar("chatbet_correlation_id", default="")
_request_info: ContextVar[tuple[str, str]] = ContextVar("chatbet_request_info", default=("", ""))

# An incoming X-Request-ID is reused only when it looks like an id, so a client cannot inject
# text (or a log line break) into every record of its request.
_VALID_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,128}$")

# The `extra=` fields copied into the JSON object; anything else passed as extra is left out.
_EXTRA_ALLOWED = frozenset({"status_code", "duration_ms", "task_name", "task_id", "code", "kind"})


def printable(text: str, *, limit: int = 200) -> str:
    """`text` safe for a log line: control characters escaped (no forged line breaks), cut short."""
    if text.isprintable() and len(text) <= limit:
        return text
    cleaned = "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)
    return cleaned[:limit]


def correlation_new() -> str:
    return uuid.uuid4().hex


def correlation_clean(value: str | None) -> str:
    """`value` when it is an acceptable id, else a new one."""
    if value and _VALID_ID.match(value):
        return value
    return correlation_new()


def correlation_get() -> str:
    return _correlation_id.get()


def correlation_bind(value: str) -> Token[str]:
    return _correlation_id.set(value)


def correlation_reset(token: Token[str]) -> None:
    _correlation_id.reset(token)


def request_info_bind(*, method: str, path: str) -> Token[tuple[str, str]]:
    return _request_info.set((method, path))


def request_info_reset(token: Token[tuple[str, str]]) -> None:
    _request_info.reset(token)


class CorrelationFilter(logging.Filter):
    """Stamps the correlation id (and request method/path) on a record where it is emitted.

    A handler filter runs in the emitting thread and context, so the id is right even when the
    record is formatted later or elsewhere.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "correlation_id", ""):
            # django.request logs after the middleware has returned: the request still has its id.
            request = getattr(record, "request", None)
            record.correlation_id = _correlation_id.get() or getattr(request, "correlation_id", "")
        if not hasattr(record, "http_method"):
            record.http_method, record.http_path = _request_info.get()
        return True


class JsonFormatter(jsonlogger.JsonFormatter):
    """One JSON object per line (python-json-logger): time, level, logger, message, correlation_id,
    the request's method/path/status when known, and only the allowed `extra=` fields."""

    def __init__(self) -> None:
        super().__init__(json_ensure_ascii=False)

    def add_fields(
        self, log_data: dict[str, Any], record: logging.LogRecord, message_dict: dict[str, Any]
    ) -> None:
        log_data["time"] = datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds")
        log_data["level"] = record.levelname
        log_data["logger"] = record.name
        log_data["message"] = record.message
        log_data["correlation_id"] = getattr(record, "correlation_id", "") or _correlation_id.get()
        method = getattr(record, "http_method", "")
        path = getattr(record, "http_path", "")
        if not method:
            method, path = _request_info.get()
        request = getattr(record, "request", None)
        if request is not None and not method:
            # django.request / django.server pass the request itself as `extra`.
            method, path = getattr(request, "method", "") or "", getattr(request, "path", "") or ""
        if method:
            log_data["method"] = method
            log_data["path"] = path
        for key in _EXTRA_ALLOWED:
            value = getattr(record, key, None)
            if value is not None:
                log_data[key] = value
        if record.exc_info:
            log_data["exc_type"] = record.exc_info[0].__name__ if record.exc_info[0] else ""
        if "exc_info" in message_dict:
            log_data["exc"] = message_dict["exc_info"]


class PlainFormatter(logging.Formatter):
    """The developer's format, with the correlation id (when there is one) in brackets."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s%(cid)s %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        cid = getattr(record, "correlation_id", "") or _correlation_id.get()
        record.cid = f" [{cid}]" if cid else ""
        return super().format(record)
