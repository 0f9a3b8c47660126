"""A circuit breaker whose state lives in the Django cache, so every process agrees on it.

Closed: calls pass and failures are counted. After `failure_threshold` consecutive failures it
opens: calls are refused for `cool_down` seconds. Then it is half-open: one probe call is let
through; its success closes the breaker, its failure opens it again for another cool-down.

Owners of a breaker register it (`breaker_register`, from their app's ready()); health and
metrics read the registry (`breakers_in_use`) instead of importing the owners.
"""

from __future__ import annotations

import enum
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.core.cache import caches
from django.core.cache.backends.base import BaseCache

logger = logging.getLogger(__name__)

T = TypeVar("T")


class BreakerState(enum.StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


class CircuitOpenError(Exception):
    """Raised instead of calling a dependency whose breaker is open."""

    def __init__(self, name: str, retry_in: float) -> None:
        super().__init__(f"circuit {name!r} is open; retry in {retry_in:.1f}s")
        self.name = name
        self.retry_in = retry_in


class CircuitBreaker:
    def __init__(
        self,
        name: str,
        *,
        failure_threshold: int = 5,
        cool_down: float = 30.0,
        cache_alias: str = "default",
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.name = name
        self.failure_threshold = max(1, failure_threshold)
        self.cool_down = cool_down
        self._cache_alias = cache_alias
        self._clock = clock
        prefix = f"breaker:{name}"
        self._failures_key = f"{prefix}:failures"
        self._opened_key = f"{prefix}:opened_at"
        self._probe_key = f"{prefix}:probe"

    @property
    def _cache(self) -> BaseCache:
        # Looked up per use: tests and processes may swap cache settings after import.
        return caches[self._cache_alias]

    def _keys_ttl(self) -> int:
        # Long enough to outlive a cool-down, short enough that a forgotten breaker resets itself.
        return int(max(self.cool_down * 10, 3600))

    def state(self) -> BreakerState:
        opened_at = self._cache.get(self._opened_key)
        if opened_at is None:
            return BreakerState.CLOSED
        if self._clock() - float(opened_at) < self.cool_down:
            return BreakerState.OPEN
        return BreakerState.HALF_OPEN

    def retry_in(self) -> float:
        opened_at = self._cache.get(self._opened_key)
        if opened_at is None:
            return 0.0
        return max(0.0, self.cool_down - (self._clock() - float(opened_at)))

    def allow(self) -> bool:
        """True when a call may go ahead; in half-open state only one caller gets the probe."""
        state = self.state()
        if state is BreakerState.CLOSED:
            return True
        if state is BreakerState.OPEN:
            return False
        # cache.add is atomic across processes: exactly one caller wins the probe per cool-down.
        return bool(self._cache.add(self._probe_key, "1", timeout=max(1, int(self.cool_down))))

    def record_success(self) -> None:
        if self._cache.get(self._opened_key) is not None:
            logger.info("circuit %s closed", self.name)
        self._cache.delete_many([self._failures_key, self._opened_key, self._probe_key])

    def record_failure(self) -> None:
        was_half_open = self.state() is BreakerState.HALF_OPEN
        ttl = self._keys_ttl()
        self._cache.add(self._failures_key, 0, timeout=ttl)
        try:
            failures = int(self._cache.incr(self._failures_key))
        except ValueError:  # the key expired between add and incr
            self._cache.set(self._failures_key, 1, timeout=ttl)
            failures = 1
        if was_half_open or failures >= self.failure_threshold:
            self._cache.set(self._opened_key, self._clock(), timeout=ttl)
            self._cache.delete(self._probe_key)
            logger.warning("circuit %s open after %d failures", self.name, failures)

    def reset(self) -> None:
        self._cache.delete_many([self._failures_key, self._opened_key, self._probe_key])

    def call(self, func: Callable[[], T], *, is_failure: Callable[[BaseException], bool] | None = None) -> T:
        """Run `func` under the breaker. Exceptions for which `is_failure` is False pass through
        without counting (e.g. a 4xx answer: the dependency is up, the request was wrong)."""
        if not self.allow():
            raise CircuitOpenError(self.name, self.retry_in())
        try:
            result = func()
        except BaseException as exc:
            if is_failure is None or is_failure(exc):
                self.record_failure()
            else:
                self.record_success()
            raise
        self.record_success()
        return result


@dataclass(frozen=True)
class BreakerEntry:
    """A registered breaker: `build` makes it from the current settings (its state is in the
    cache), `in_use` says whether the process calls its dependency at all, `details` adds what
    health shows beside its state (e.g. the model)."""

    name: str
    build: Callable[[], CircuitBreaker]
    in_use: Callable[[], bool] = lambda: True
    details: Callable[[], dict[str, Any]] = field(default=dict)


_registry: dict[str, BreakerEntry] = {}


def breaker_register(
    name: str,
    build: Callable[[], CircuitBreaker],
    *,
    in_use: Callable[[], bool] | None = None,
    details: Callable[[], dict[str, Any]] | None = None,
) -> None:
    """Register (or replace) the breaker `name`."""
    _registry[name] = BreakerEntry(name, build, in_use or (lambda: True), details or dict)


def breakers_in_use() -> list[BreakerEntry]:
    return [entry for entry in _registry.values() if entry.in_use()]
