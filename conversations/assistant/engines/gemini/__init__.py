"""Gemini through google-genai: the engine and its process-wide client."""

from conversations.assistant.engines.gemini.client import gemini_client
from conversations.assistant.engines.gemini.engine import GeminiEngine

__all__ = ["GeminiEngine", "gemini_client"]
