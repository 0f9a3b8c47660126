"""Who the client is when reverse proxies sit in front: forwarded headers trusted only from them.

`X-Forwarded-For` and `X-Forwarded-Proto` are plain request headers that anyone can send, so they
mean something only when a proxy we run wrote them. With `TRUSTED_PROXIES` (addresses or CIDR
ranges), the chain is walked from the nearest hop back while the hop is one of ours; with
`TRUSTED_PROXY_COUNT=N`, the app is reachable only through N proxies and the address N hops back
is the client. With neither (the default), the peer of the TCP connection is the client and the
forwarded headers are dropped. The middleware rewrites `REMOTE_ADDR`, which the API throttles,
django-axes, the `/metrics` address gate and the logs all read.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Sequence
from typing import Any

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.conf import settings
from django.http import HttpRequest

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
FORWARDED_HEADERS = (
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_FORWARDED",
)


def proxy_networks(entries: Sequence[str]) -> list[IPNetwork]:
    """The TRUSTED_PROXIES entries as networks; an entry that is not an address or range is an error."""
    return [ipaddress.ip_network(entry.strip(), strict=False) for entry in entries if entry.strip()]


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _trusted(address: str, networks: Sequence[IPNetwork]) -> bool:
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(parsed in network for network in networks)


def client_address(
    *, peer: str, forwarded_for: str, proxy_count: int, proxies: Sequence[IPNetwork]
) -> tuple[str, bool]:
    """(the client's address, whether the peer is a trusted proxy) for one request."""
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()] if forwarded_for else []
    if proxies:
        if not _trusted(peer, proxies):
            return peer, False
        address = peer
        while hops and _trusted(address, proxies):
            address = hops.pop()
        return (address if _is_address(address) else peer), True
    if proxy_count > 0:
        chain = [*hops, peer]
        address = chain[-(proxy_count + 1)] if len(chain) > proxy_count else chain[0]
        return (address if _is_address(address) else peer), True
    return peer, False


class TrustedProxyMiddleware:
    """First in the stack: REMOTE_ADDR becomes the client's address, and the forwarded headers
    survive only when a trusted proxy sent them (so SECURE_PROXY_SSL_HEADER cannot be forged)."""

    sync_capable = True
    async_capable = True

    def __init__(self, get_response: Callable[[HttpRequest], Any]) -> None:
        self.get_response = get_response
        self.proxy_count: int = settings.TRUSTED_PROXY_COUNT
        self.proxies = proxy_networks(settings.TRUSTED_PROXIES)
        if iscoroutinefunction(get_response):
            markcoroutinefunction(self)

    def __call__(self, request: HttpRequest) -> Any:
        # Sync or async alike: the work is done before handing on, and the next layer's result
        # (a response or a coroutine) is returned as it is.
        self.settle(request)
        return self.get_response(request)

    def settle(self, request: HttpRequest) -> None:
        meta = request.META
        address, via_proxy = client_address(
            peer=meta.get("REMOTE_ADDR", ""),
            forwarded_for=meta.get("HTTP_X_FORWARDED_FOR", ""),
            proxy_count=self.proxy_count,
            proxies=self.proxies,
        )
        meta["REMOTE_ADDR"] = address
        if not via_proxy:
            for header in FORWARDED_HEADERS:
                meta.pop(header, None)


def request_client_ip(request: Any) -> str | None:
    """AXES_CLIENT_IP_CALLABLE: the address TrustedProxyMiddleware settled on (None when the peer
    is not an IP address, e.g. a Unix socket or an in-process test client)."""
    address = str(request.META.get("REMOTE_ADDR", ""))
    return address if _is_address(address) else None
