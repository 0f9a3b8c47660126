"""Fixtures for the assistant's LLM tests: fake Gemini and OpenAI-compatible APIs, a small set of
sports data and the knowledge articles."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conversations.assistant.engines import gemini_breaker, openai_breaker
from conversations.knowledge.loader import articles_load
from conversations.tests.fake_gemini import FakeGemini, fake_gemini_server
from conversations.tests.fake_openai import FakeOpenAI, fake_openai_server
from conversations.tests.sportsdata_fixture import clasico_create
from sportsdata.models import Fixture


@pytest.fixture
def gemini(settings) -> Iterator[FakeGemini]:
    """A fake Gemini API with the settings pointing the engine at it: quick retries, short timeouts."""
    for fake in fake_gemini_server():
        settings.GOOGLE_API_KEY = fake.api_key
        settings.GEMINI_BASE_URL = fake.url
        settings.GEMINI_MODEL = "gemini-test"
        settings.ASSISTANT_ENGINE = ""
        settings.LLM_PROVIDER = ""
        settings.GEMINI_TIMEOUT_MS = 3000
        settings.GEMINI_TURN_DEADLINE_MS = 8000
        settings.GEMINI_RETRY_ATTEMPTS = 3
        settings.GEMINI_RETRY_INITIAL_DELAY = 0.01
        settings.GEMINI_RETRY_MAX_DELAY = 0.05
        settings.GEMINI_MAX_TOOL_ROUNDS = 4
        settings.GEMINI_BREAKER_THRESHOLD = 3
        settings.GEMINI_BREAKER_COOL_DOWN = 60.0
        gemini_breaker().reset()
        yield fake


@pytest.fixture
def openai_server(settings) -> Iterator[FakeOpenAI]:
    """A fake OpenAI-compatible server; only OPENAI_BASE_URL (and a key) point the assistant at it."""
    for fake in fake_openai_server():
        settings.GOOGLE_API_KEY = ""
        settings.LLM_PROVIDER = ""
        settings.ASSISTANT_ENGINE = ""
        settings.OPENAI_BASE_URL = fake.url
        settings.OPENAI_API_KEY = fake.api_key
        settings.OPENAI_MODEL = "llama-test"
        settings.OPENAI_TIMEOUT_MS = 3000
        settings.OPENAI_TURN_DEADLINE_MS = 8000
        settings.OPENAI_RETRY_ATTEMPTS = 3
        settings.OPENAI_MAX_TOOL_ROUNDS = 4
        settings.OPENAI_BREAKER_THRESHOLD = 3
        settings.OPENAI_BREAKER_COOL_DOWN = 60.0
        openai_breaker().reset()
        yield fake


@pytest.fixture
def sports(settings) -> dict[str, Fixture]:
    """LaLiga: Barcelona vs Real Madrid tomorrow with fresh 1X2 odds 2.10 / 3.40 / 3.50."""
    settings.CHATBET_ODDS_MAX_AGE = 10**6  # never refresh from the ChatBet API
    return {"clasico": clasico_create()}


@pytest.fixture
def knowledge_base() -> None:
    """The knowledge articles from their files (earlier transactional tests flush the migration's rows)."""
    articles_load()
