"""Engines turn an understood message plus tool results into a reply: offline templates, Gemini or
any OpenAI-compatible server.

`select_engine` returns the configured provider's engine (see providers.py) while its breaker lets
calls through; otherwise the deterministic offline engine answers. This module stays light (no SDK import)
because health checks and the turn import it.
"""

from __future__ import annotations

import logging
from typing import Protocol, runtime_checkable

from django.conf import settings

from chatbet_site.breaker import CircuitBreaker
from conversations.assistant.engines.base import Engine, EngineReply, TurnInput
from conversations.assistant.providers import PROVIDERS, llm_provider, provider_usable
from conversations.assistant.tools.registry import ToolRunner

logger = logging.getLogger(__name__)


class EngineFailure(Exception):
    """An LLM engine could not produce a reply; the turn answers with the offline engine instead.

    `code` goes to Message.error_code; `partial` is the text already streamed to the listeners;
    `counts_against_breaker` is False for answers that were refused (safety), not failed.
    """

    def __init__(self, code: str, *, partial: str = "", counts_against_breaker: bool = True) -> None:
        super().__init__(code)
        self.code = code
        self.partial = partial
        self.counts_against_breaker = counts_against_breaker


@runtime_checkable
class RevisableEngine(Protocol):
    """An engine that can rewrite a reply whose figures no tool result grounds (the LLM can)."""

    async def revise(
        self, turn: TurnInput, runner: ToolRunner, reply: EngineReply, problems: list[str]
    ) -> EngineReply: ...


_NOTICES = {
    "en": "_The full assistant is unavailable right now, so here is a simpler answer._",
    "es": "_El asistente completo no está disponible ahora mismo; aquí tienes una respuesta más sencilla._",
    "pt": "_O assistente completo está indisponível agora; aqui vai uma resposta mais simples._",
}


def fallback_notice(language: str) -> str:
    """The short line shown above the offline engine's answer when an LLM engine failed."""
    return _NOTICES.get(language[:2].lower(), _NOTICES["en"])


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


def llm_configured() -> bool:
    """Whether turns may go to an LLM at all; when not, a turn needs no conversation history,
    only the dialogue context."""
    return llm_provider() != "offline"


def select_engine(preferred: str | None = None) -> Engine:
    """The provider's engine when its breaker is closed (or this call is the half-open probe)."""
    from conversations.assistant.engines.offline import OfflineEngine

    provider = (preferred or "").lower() or llm_provider()
    if provider not in PROVIDERS or not provider_usable(provider):
        return OfflineEngine()
    breaker = engine_breaker(provider)
    if breaker is None or not breaker.allow():
        return OfflineEngine()
    if provider == "openai":
        from conversations.assistant.engines.openai import OpenAIEngine

        return OpenAIEngine()
    from conversations.assistant.engines.gemini import GeminiEngine

    return GeminiEngine()
