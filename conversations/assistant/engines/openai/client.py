"""The AsyncOpenAI client built from settings, and how its failures are classified.

One client per event loop and configuration: the SDK's httpx2 connection pool belongs to the loop
that opened it, and tests or management commands run turns on loops of their own. Retries of
429/5xx/timeouts are the SDK's (`max_retries`, honouring Retry-After); the turn's deadline bounds
them. Local servers need no key, but the SDK wants one, so a placeholder is sent.
"""

from __future__ import annotations

import asyncio
import threading
import weakref

import httpx2
import openai
from django.conf import settings

from conversations.assistant.providers import NO_KEY

_lock = threading.Lock()
_clients: weakref.WeakKeyDictionary[
    asyncio.AbstractEventLoop, tuple[tuple[object, ...], openai.AsyncOpenAI]
] = weakref.WeakKeyDictionary()

# What counts against the breaker: the server is down, overloaded, unreachable or rejects our key.
# Other 4xx answers (a malformed request) say nothing about the server's health.
_BREAKER_STATUS = {401, 403, 408, 429}


def _config_key() -> tuple[object, ...]:
    return (
        settings.OPENAI_BASE_URL,
        settings.OPENAI_API_KEY,
        settings.OPENAI_TIMEOUT_MS,
        settings.OPENAI_RETRY_ATTEMPTS,
    )


def openai_client() -> openai.AsyncOpenAI:
    """The client for the running event loop (built on first use, rebuilt when settings change)."""
    loop = asyncio.get_running_loop()
    key = _config_key()
    with _lock:
        cached = _clients.get(loop)
        if cached is None or cached[0] != key:
            client = openai.AsyncOpenAI(
                api_key=settings.OPENAI_API_KEY or NO_KEY,
                base_url=settings.OPENAI_BASE_URL,
                timeout=settings.OPENAI_TIMEOUT_MS / 1000,
                max_retries=max(0, settings.OPENAI_RETRY_ATTEMPTS - 1),
            )
            cached = (key, client)
            _clients[loop] = cached
        return cached[1]


TRANSPORT_ERRORS: tuple[type[BaseException], ...] = (
    openai.APIError,
    httpx2.TimeoutException,
    httpx2.TransportError,
    TimeoutError,
)


def failure_code(exc: BaseException) -> str:
    """A stable Message.error_code for a failure of the OpenAI-compatible server."""
    if isinstance(exc, openai.APITimeoutError | httpx2.TimeoutException | TimeoutError):
        return "LLM_TIMEOUT"
    if isinstance(exc, openai.APIConnectionError | httpx2.TransportError):
        return "LLM_UNREACHABLE"
    if isinstance(exc, openai.RateLimitError):
        return "LLM_RATE_LIMITED"
    if isinstance(exc, openai.InternalServerError):
        return "LLM_UNAVAILABLE"
    if isinstance(exc, openai.APIStatusError):
        return "LLM_REJECTED"
    return "LLM_UNAVAILABLE"  # an error event in the middle of the stream


def counts_against_breaker(exc: BaseException) -> bool:
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code >= 500 or exc.status_code in _BREAKER_STATUS
    return True
