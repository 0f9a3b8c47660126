"""What both LLM engines do around a provider call: the turn's deadline, failures mapped to
EngineFailure, the provider's circuit breaker fed; and the checks on the finished text."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from asgiref.sync import sync_to_async

from chatbet_site.breaker import CircuitBreaker
from conversations.assistant.engines.base import EngineFailure
from conversations.assistant.engines.prompt import leaks_rules
from conversations.assistant.engines.stream import StreamGate

logger = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Provider:
    """One LLM provider's failure vocabulary (its SDK's errors, their stable codes, its breaker)."""

    name: str
    breaker: Callable[[], CircuitBreaker]
    deadline_ms: Callable[[], int]
    errors: tuple[type[BaseException], ...]
    failure_code: Callable[[BaseException], str]
    counts_against_breaker: Callable[[BaseException], bool]


async def guarded(provider: Provider, work: Awaitable[T], *, partial: Callable[[], str]) -> T:
    """Run `work` within the turn's deadline; map failures to EngineFailure and feed the breaker."""
    breaker = provider.breaker()
    try:
        async with asyncio.timeout(provider.deadline_ms() / 1000):
            result = await work
    except EngineFailure as failure:
        if failure.counts_against_breaker:
            await sync_to_async(breaker.record_failure, thread_sensitive=False)()
        raise
    except provider.errors as exc:
        code = provider.failure_code(exc)
        logger.warning("%s call failed: %s (%s)", provider.name, code, type(exc).__name__)
        if provider.counts_against_breaker(exc):
            await sync_to_async(breaker.record_failure, thread_sensitive=False)()
        raise EngineFailure(code, partial=partial()) from exc
    await sync_to_async(breaker.record_success, thread_sensitive=False)()
    return result


def finished_text(gate: StreamGate) -> str:
    """The streamed answer, refused when it echoes the system rules or says nothing."""
    text = gate.text
    if leaks_rules(text):
        raise EngineFailure("LLM_PROMPT_LEAK", partial=gate.streamed, counts_against_breaker=False)
    if not text.strip():
        raise EngineFailure("LLM_EMPTY_REPLY", partial=gate.streamed)
    return text
