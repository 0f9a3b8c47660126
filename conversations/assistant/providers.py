"""Which LLM provider is configured: "offline", "gemini" or "openai". Settings only, no SDK import,
so the engines, health checks and knowledge search all read it without importing one another.

LLM_PROVIDER (or its older name ASSISTANT_ENGINE) chooses; empty means automatic: Gemini when
GOOGLE_API_KEY is set, else the OpenAI-compatible server when OPENAI_BASE_URL is set, else offline.
"""

from __future__ import annotations

import logging

from django.conf import settings

logger = logging.getLogger(__name__)

PROVIDERS = ("offline", "gemini", "openai")
NO_KEY = "no-key"  # what an OpenAI-compatible server without authentication is sent


def provider_usable(provider: str) -> bool:
    if provider == "gemini":
        return bool(settings.GOOGLE_API_KEY)
    if provider == "openai":
        return bool(settings.OPENAI_BASE_URL or settings.OPENAI_API_KEY)
    return provider == "offline"


def llm_provider() -> str:
    """The configured provider, "offline" when the chosen one lacks its settings (logged)."""
    choice = (settings.LLM_PROVIDER or settings.ASSISTANT_ENGINE or "").strip().lower()
    if not choice:
        if settings.GOOGLE_API_KEY:
            return "gemini"
        return "openai" if settings.OPENAI_BASE_URL else "offline"
    if choice not in PROVIDERS:
        logger.warning("LLM_PROVIDER=%s is not one of %s; using the offline engine", choice, PROVIDERS)
        return "offline"
    if not provider_usable(choice):
        needs = "GOOGLE_API_KEY" if choice == "gemini" else "OPENAI_BASE_URL or OPENAI_API_KEY"
        logger.warning("LLM_PROVIDER=%s but %s is empty; using the offline engine", choice, needs)
        return "offline"
    return choice
