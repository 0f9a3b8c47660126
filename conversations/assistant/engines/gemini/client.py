"""The process-wide google-genai client, built from settings, and how its failures are classified.

One client per process (rebuilt only when the Gemini settings change, as tests do); httpx2 keeps
a connection pool per event loop, so the same client serves daphne, Celery and management commands.
Retries of 429/5xx/timeouts are the SDK's (HttpRetryOptions); the turn's deadline bounds them.
"""

from __future__ import annotations

import threading

import httpx2
from django.conf import settings
from google import genai
from google.genai import errors, types

_lock = threading.Lock()
_cached: tuple[tuple[object, ...], genai.Client] | None = None

# What counts against the breaker: the service is down, overloaded, unreachable or rejects our key.
# Other 4xx answers (a malformed request) say nothing about Gemini's health.
_BREAKER_STATUS = {401, 403, 408, 429}


def _config_key() -> tuple[object, ...]:
    return (
        settings.GOOGLE_API_KEY,
        settings.GEMINI_BASE_URL,
        settings.GEMINI_TIMEOUT_MS,
        settings.GEMINI_RETRY_ATTEMPTS,
        settings.GEMINI_RETRY_INITIAL_DELAY,
        settings.GEMINI_RETRY_MAX_DELAY,
    )


def gemini_client() -> genai.Client:
    global _cached
    key = _config_key()
    with _lock:
        if _cached is None or _cached[0] != key:
            retry = types.HttpRetryOptions(
                attempts=max(1, settings.GEMINI_RETRY_ATTEMPTS),
                initial_delay=settings.GEMINI_RETRY_INITIAL_DELAY,
                max_delay=settings.GEMINI_RETRY_MAX_DELAY,
                http_status_codes=[408, 429, 500, 502, 503, 504],
            )
            client = genai.Client(
                api_key=settings.GOOGLE_API_KEY,
                http_options=types.HttpOptions(
                    base_url=settings.GEMINI_BASE_URL,
                    timeout=settings.GEMINI_TIMEOUT_MS,
                    retry_options=retry,
                ),
            )
            # The replaced client is left to the garbage collector: a turn may still be using it.
            _cached = (key, client)
        return _cached[1]


# Raised by the SDK for transport trouble; the turn's own deadline raises TimeoutError.
TRANSPORT_ERRORS: tuple[type[BaseException], ...] = (
    errors.APIError,
    httpx2.TimeoutException,
    httpx2.TransportError,
    TimeoutError,
)


def failure_code(exc: BaseException) -> str:
    """A stable Message.error_code for a Gemini failure."""
    if isinstance(exc, errors.APIError):
        if exc.code == 429:
            return "LLM_RATE_LIMITED"
        if isinstance(exc, errors.ServerError):
            return "LLM_UNAVAILABLE"
        return "LLM_REJECTED"
    if isinstance(exc, httpx2.TimeoutException | TimeoutError):
        return "LLM_TIMEOUT"
    return "LLM_UNREACHABLE"


def counts_against_breaker(exc: BaseException) -> bool:
    if isinstance(exc, errors.ServerError):
        return True
    if isinstance(exc, errors.APIError):
        return exc.code in _BREAKER_STATUS
    return True
