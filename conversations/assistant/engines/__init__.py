"""Engines turn an understood message plus tool results into a reply: offline templates or Gemini.

`select_engine` picks Gemini when a key is set, ASSISTANT_ENGINE does not force "offline" and the
Gemini breaker lets calls through; otherwise the deterministic offline engine answers. This module
stays light (no google-genai import) because health checks and the turn import it.
"""

from __future__ import annotations

import logging
from typing import Protocol, runtime_checkable

from django.conf import settings

from chatbet_site.breaker import CircuitBreaker
from conversations.assistant.engines.base import Engine, EngineReply, TurnInput
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


def llm_configured() -> bool:
    """Whether turns may go to Gemini at all (a key is set and the offline engine is not forced);
    when not, a turn needs no conversation history, only the dialogue context."""
    return bool(settings.GOOGLE_API_KEY) and (settings.ASSISTANT_ENGINE or "").lower() != "offline"


def select_engine(preferred: str | None = None) -> Engine:
    """Gemini when configured and its breaker is closed (or this call is the half-open probe)."""
    from conversations.assistant.engines.offline import OfflineEngine

    choice = (preferred or settings.ASSISTANT_ENGINE or "").lower()
    if choice == "offline":
        return OfflineEngine()
    if not settings.GOOGLE_API_KEY:
        if choice == "gemini":
            logger.warning("ASSISTANT_ENGINE=gemini but GOOGLE_API_KEY is empty; using the offline engine")
        return OfflineEngine()
    if not gemini_breaker().allow():
        return OfflineEngine()
    from conversations.assistant.engines.gemini import GeminiEngine

    return GeminiEngine()
