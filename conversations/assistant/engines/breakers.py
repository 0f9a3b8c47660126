"""The LLM providers' circuit breakers, registered where health and metrics read them
(chatbet_site.breaker); the engines use them without importing the engines package."""

from __future__ import annotations

from django.conf import settings

from chatbet_site.breaker import CircuitBreaker, breaker_register
from conversations.assistant.providers import llm_provider


def gemini_breaker() -> CircuitBreaker:
    # Built per use from settings (cheap): the state itself lives in the shared cache.
    return CircuitBreaker(
        "gemini",
        failure_threshold=settings.GEMINI_BREAKER_THRESHOLD,
        cool_down=settings.GEMINI_BREAKER_COOL_DOWN,
    )


def openai_breaker() -> CircuitBreaker:
    return CircuitBreaker(
        "openai",
        failure_threshold=settings.OPENAI_BREAKER_THRESHOLD,
        cool_down=settings.OPENAI_BREAKER_COOL_DOWN,
    )


def engine_breaker(provider: str) -> CircuitBreaker | None:
    return {"gemini": gemini_breaker, "openai": openai_breaker}.get(provider, lambda: None)()


def engine_breakers_register() -> None:
    """Put the LLM breakers in the registry health and metrics read (conversations' ready())."""
    breaker_register(
        "gemini",
        gemini_breaker,
        in_use=lambda: llm_provider() == "gemini",
        details=lambda: {"model": settings.GEMINI_MODEL},
    )
    breaker_register(
        "openai",
        openai_breaker,
        in_use=lambda: llm_provider() == "openai",
        details=lambda: {"model": settings.OPENAI_MODEL},
    )
