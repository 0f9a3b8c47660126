"""Engines turn an understood message plus tool results into a reply: offline templates, Gemini or
any OpenAI-compatible server.

`select_engine` returns the configured provider's engine (see providers.py) while its breaker lets
calls through; otherwise the deterministic offline engine answers. This module stays light (no SDK import)
because health checks and the turn import it.
"""

from __future__ import annotations

import logging
from typing import Protocol, runtime_checkable

from conversations.assistant.engines.base import Engine, EngineFailure, EngineReply, TurnInput
from conversations.assistant.engines.breakers import (
    engine_breaker,
    engine_breakers_register,
    gemini_breaker,
    openai_breaker,
)
from conversations.assistant.engines.phrases import t
from conversations.assistant.providers import PROVIDERS, llm_provider, provider_usable
from conversations.assistant.tools.registry import ToolRunner

__all__ = [
    "EngineFailure",
    "RevisableEngine",
    "engine_breaker",
    "engine_breakers_register",
    "fallback_notice",
    "gemini_breaker",
    "llm_configured",
    "llm_provider",
    "openai_breaker",
    "select_engine",
]

logger = logging.getLogger(__name__)


@runtime_checkable
class RevisableEngine(Protocol):
    """An engine that can rewrite a reply whose figures no tool result grounds (the LLM can)."""

    async def revise(
        self, turn: TurnInput, runner: ToolRunner, reply: EngineReply, problems: list[str]
    ) -> EngineReply: ...


def fallback_notice(language: str) -> str:
    """The short line shown above the offline engine's answer when an LLM engine failed."""
    return t("fallback_notice", language)


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
