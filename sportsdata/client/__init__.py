"""ChatBet Sports API client package: typed values, parsing, the httpx client and demo mode.

`chatbet_client()` builds the client from settings (one per configuration per process); with
CHATBET_API_BASE_URL="demo" it is the same client over the bundled demo transport.
"""

from __future__ import annotations

import threading

from django.conf import settings

from chatbet_site.breaker import CircuitBreaker
from sportsdata.client.http import ChatBetClient
from sportsdata.client.types import (
    ChatBetError,
    ChatBetOutcomeUnknown,
    ChatBetPayloadError,
    ChatBetRequestError,
    ChatBetUnavailable,
)

__all__ = [
    "ChatBetClient",
    "ChatBetError",
    "ChatBetOutcomeUnknown",
    "ChatBetPayloadError",
    "ChatBetRequestError",
    "ChatBetUnavailable",
    "chatbet_breaker",
    "chatbet_client",
]

DEMO_BASE_URL = "http://chatbet-demo.invalid"

_clients: dict[tuple[object, ...], ChatBetClient] = {}
_clients_lock = threading.Lock()


def chatbet_breaker() -> CircuitBreaker:
    return CircuitBreaker(
        "chatbet-api",
        failure_threshold=settings.CHATBET_API_BREAKER_THRESHOLD,
        cool_down=settings.CHATBET_API_BREAKER_COOL_DOWN,
    )


def chatbet_client() -> ChatBetClient:
    base_url = settings.CHATBET_API_BASE_URL.strip()
    key = (
        base_url,
        settings.CHATBET_API_TIMEOUT,
        settings.CHATBET_API_CONNECT_TIMEOUT,
        settings.CHATBET_API_RETRIES,
        settings.CHATBET_API_BACKOFF,
        settings.CHATBET_API_BREAKER_THRESHOLD,
        settings.CHATBET_API_BREAKER_COOL_DOWN,
        settings.CHATBET_USER_ID,
        settings.CHATBET_USER_KEY,
    )
    with _clients_lock:
        client = _clients.get(key)
        if client is None:
            transport = None
            if base_url.lower() == "demo":
                from sportsdata.client.demo import demo_transport

                transport, base_url = demo_transport(), DEMO_BASE_URL
            client = ChatBetClient(
                base_url=base_url,
                transport=transport,
                timeout=settings.CHATBET_API_TIMEOUT,
                connect_timeout=settings.CHATBET_API_CONNECT_TIMEOUT,
                retries=settings.CHATBET_API_RETRIES,
                backoff=settings.CHATBET_API_BACKOFF,
                breaker=chatbet_breaker(),
                user_id=settings.CHATBET_USER_ID,
                user_key=settings.CHATBET_USER_KEY,
            )
            _clients[key] = client
        return client
