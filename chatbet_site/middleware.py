"""The outermost HTTP middleware: a correlation id per request, one access log line, errors counted.

The id is the client's `X-Request-ID` when it looks like an id (a load balancer's, a mobile
client's), else a new one; it is echoed in the response's `X-Request-ID` and stamped on every log
record of the request (chatbet_site.logging). Error responses are counted by their envelope code
(`chatbet_errors_total{transport="http"}`), whichever layer built them.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.http import HttpRequest, HttpResponseBase

from chatbet_site import logging as chatbet_logging
from chatbet_site import metrics

logger = logging.getLogger("chatbet.request")

HEADER = "X-Request-ID"
# Probes and scrapes would drown the access log.
QUIET_PREFIXES = ("/health/", "/metrics", "/static/")
MAX_ERROR_BODY = 4096

GetResponse = Callable[[HttpRequest], HttpResponseBase | Awaitable[HttpResponseBase]]


def _error_code(response: HttpResponseBase) -> str:
    """The envelope's code of an error response (DRF's or a JsonResponse), else HTTP_<status>."""
    data: Any = getattr(response, "data", None)
    if data is None and response.get("Content-Type", "").startswith("application/json"):
        content = getattr(response, "content", b"")
        if content and len(content) <= MAX_ERROR_BODY:
            try:
                data = json.loads(content)
            except ValueError:
                data = None
    error = data.get("error") if isinstance(data, dict) else None
    code = error.get("code") if isinstance(error, dict) else None
    return code if isinstance(code, str) else f"HTTP_{response.status_code}"


class CorrelationIdMiddleware:
    sync_capable = True
    async_capable = True

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response
        self.is_async = iscoroutinefunction(get_response)
        if self.is_async:
            markcoroutinefunction(self)

    def __call__(self, request: HttpRequest) -> Any:
        if self.is_async:
            return self.__acall__(request)
        tokens = self._begin(request)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            assert isinstance(response, HttpResponseBase)
            return self._end(request, response, started)
        finally:
            self._reset(tokens)

    async def __acall__(self, request: HttpRequest) -> HttpResponseBase:
        tokens = self._begin(request)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            assert not isinstance(response, HttpResponseBase)
            return self._end(request, await response, started)
        finally:
            self._reset(tokens)

    @staticmethod
    def _begin(request: HttpRequest) -> tuple[Any, Any]:
        correlation_id = chatbet_logging.correlation_clean(request.headers.get(HEADER))
        request.correlation_id = correlation_id  # type: ignore[attr-defined]
        return (
            chatbet_logging.correlation_bind(correlation_id),
            chatbet_logging.request_info_bind(
                method=chatbet_logging.printable(request.method or "", limit=16),
                path=chatbet_logging.printable(request.path),
            ),
        )

    @staticmethod
    def _reset(tokens: tuple[Any, Any]) -> None:
        chatbet_logging.correlation_reset(tokens[0])
        chatbet_logging.request_info_reset(tokens[1])

    @staticmethod
    def _end(request: HttpRequest, response: HttpResponseBase, started: float) -> HttpResponseBase:
        response[HEADER] = request.correlation_id  # type: ignore[attr-defined]
        status = response.status_code
        if status >= 400:
            metrics.error_observe(_error_code(response), transport="http")
        if not request.path.startswith(QUIET_PREFIXES):
            logger.log(
                logging.WARNING if status >= 500 else logging.INFO,
                "%s %s %d",
                chatbet_logging.printable(request.method or "", limit=16),
                chatbet_logging.printable(request.path),
                status,
                extra={
                    "status_code": status,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )
        return response
