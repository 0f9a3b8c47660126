"""Fixed-window rate limits shared by every daphne process (WebSocket frames; REST uses DRF throttles).

With REDIS_URL set, a window is one Redis key (INCR + EXPIRE in one round trip); without it the
Django cache stands in, which is per process in the embedded mode and that is good enough there.
The async Redis client is kept per event loop because redis.asyncio connections are loop-bound.
"""

from __future__ import annotations

import asyncio
import time
import weakref
from dataclasses import dataclass

import redis.asyncio as aredis
from asgiref.sync import sync_to_async
from django.conf import settings
from django.core.cache import cache

KEY_PREFIX = "chatbet:rl"

_async_clients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, aredis.Redis] = (
    weakref.WeakKeyDictionary()
)


@dataclass(frozen=True)
class Limit:
    name: str
    limit: int
    window_s: int


def redis_async_client() -> aredis.Redis | None:
    """The process's redis.asyncio client for the running loop, or None without REDIS_URL."""
    url = settings.REDIS_URL
    if not url:
        return None
    loop = asyncio.get_running_loop()
    client = _async_clients.get(loop)
    if client is None:
        # Room for hundreds of concurrent turns (redis-py caps a pool at 100 by default).
        client = aredis.Redis.from_url(
            url, health_check_interval=30, max_connections=settings.REDIS_MAX_CONNECTIONS
        )
        _async_clients[loop] = client
    return client


async def redis_async_close() -> None:
    """Close the running loop's client (tests and shutdown); the next call opens a new one."""
    client = _async_clients.pop(asyncio.get_running_loop(), None)
    if client is not None:
        await client.aclose()


def _key(rule: Limit, subject: str) -> tuple[str, int]:
    window = int(time.time()) // rule.window_s
    return f"{KEY_PREFIX}:{rule.name}:{subject}:{window}", rule.window_s + 1


def _cache_hit(key: str, ttl: int) -> int:
    cache.add(key, 0, ttl)
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr
        cache.set(key, 1, ttl)
        return 1


async def rate_limit_ahit(*, rule: Limit, subject: str) -> bool:
    """Count one hit for `subject` under `rule`; False when the window's allowance is used up."""
    key, ttl = _key(rule, subject)
    client = redis_async_client()
    if client is None:
        count = await sync_to_async(_cache_hit, thread_sensitive=False)(key, ttl)
    else:
        async with client.pipeline(transaction=False) as pipe:
            pipe.incr(key)
            pipe.expire(key, ttl, nx=True)
            count, _ = await pipe.execute()
    return int(count) <= rule.limit
