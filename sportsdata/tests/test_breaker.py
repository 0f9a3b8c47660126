"""The cache-backed circuit breaker: state transitions, shared state, single half-open probe."""

from __future__ import annotations

import pytest

from chatbet_site.breaker import BreakerState, CircuitBreaker, CircuitOpenError


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_opens_after_threshold_and_half_opens_after_cool_down():
    clock = Clock()
    breaker = CircuitBreaker("t1", failure_threshold=2, cool_down=10, clock=clock)
    breaker.record_failure()
    assert breaker.state() is BreakerState.CLOSED
    breaker.record_failure()
    assert breaker.state() is BreakerState.OPEN
    assert not breaker.allow()
    clock.now += 10.5
    assert breaker.state() is BreakerState.HALF_OPEN
    assert breaker.allow()  # the one probe
    assert not breaker.allow()  # everyone else waits for it
    breaker.record_failure()  # probe failed: open again for a full cool-down
    assert breaker.state() is BreakerState.OPEN
    clock.now += 11
    assert breaker.allow()
    breaker.record_success()
    assert breaker.state() is BreakerState.CLOSED
    assert breaker.allow()


def test_state_is_shared_between_instances():
    clock = Clock()
    one = CircuitBreaker("shared", failure_threshold=1, cool_down=5, clock=clock)
    other = CircuitBreaker("shared", failure_threshold=1, cool_down=5, clock=clock)
    one.record_failure()
    assert other.state() is BreakerState.OPEN
    assert CircuitBreaker("another-name", clock=clock).state() is BreakerState.CLOSED


def test_call_wrapper_counts_only_failures():
    breaker = CircuitBreaker("t2", failure_threshold=1, cool_down=60)
    with pytest.raises(KeyError):
        breaker.call(lambda: dict[str, int]()["x"], is_failure=lambda exc: not isinstance(exc, KeyError))
    assert breaker.state() is BreakerState.CLOSED

    def boom() -> None:
        raise RuntimeError("down")

    with pytest.raises(RuntimeError):
        breaker.call(boom)
    with pytest.raises(CircuitOpenError):
        breaker.call(lambda: 1)
    breaker.reset()
    assert breaker.call(lambda: 7) == 7
