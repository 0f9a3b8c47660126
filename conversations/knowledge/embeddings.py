"""Embedding text with the configured LLM provider: Gemini's embedding model through google-genai, or
the `/embeddings` endpoint of the OpenAI-compatible server. None when no provider is configured
(or KNOWLEDGE_EMBEDDINGS is off); search then ranks by full text and TF-IDF similarity.

Synchronous on purpose: the knowledge tool, the loader command and the Celery task all run in
threads. A query's vector is cached, so a repeated question costs no request.

The two SDKs are imported by the embedder that uses them, not with this module: together they are
about 90 MB in every process (web, worker) that imports the tasks, and most configure one provider
or none.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar, cast

import httpx2
from django.conf import settings
from django.core.cache import cache

from conversations.assistant.providers import NO_KEY, llm_provider

if TYPE_CHECKING:
    import openai
    from google import genai

logger = logging.getLogger(__name__)

T = TypeVar("T")
BATCH = 64
QUERY_CACHE_SECONDS = 24 * 3600


class EmbeddingError(Exception):
    """The provider could not embed; callers fall back to lexical ranking."""


class Embedder(Protocol):
    # "<provider>:<model>": chunks embedded by another model are never compared with this one's.
    name: str

    def embed(self, texts: Sequence[str]) -> list[list[float]]: ...


class OpenAIEmbedder:
    def __init__(self) -> None:
        self.model = settings.OPENAI_EMBEDDING_MODEL
        self.name = f"openai:{self.model}"

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        import openai

        vectors: list[list[float]] = []
        try:
            for start in range(0, len(texts), BATCH):
                response = _openai_sync_client().embeddings.create(
                    model=self.model, input=list(texts[start : start + BATCH])
                )
                vectors += [item.embedding for item in sorted(response.data, key=lambda d: d.index)]
        except openai.OpenAIError as exc:
            raise EmbeddingError(type(exc).__name__) from exc
        return vectors


class GeminiEmbedder:
    def __init__(self) -> None:
        self.model = settings.GEMINI_EMBEDDING_MODEL
        self.name = f"gemini:{self.model}"

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        from google.genai import errors as genai_errors

        vectors: list[list[float]] = []
        try:
            for start in range(0, len(texts), BATCH):
                result = _gemini_sync_client().models.embed_content(
                    model=self.model, contents=list(texts[start : start + BATCH])
                )
                vectors += [list(e.values or []) for e in result.embeddings or []]
        except (genai_errors.APIError, httpx2.HTTPError, ValueError) as exc:
            raise EmbeddingError(type(exc).__name__) from exc
        return vectors


_lock = threading.Lock()
_clients: dict[str, tuple[tuple[object, ...], object]] = {}


def _cached(kind: str, key: tuple[object, ...], build: Callable[[], T]) -> T:
    """One client per kind, rebuilt when its settings change (as tests do)."""
    with _lock:
        entry = _clients.get(kind)
        if entry is None or entry[0] != key:
            entry = (key, build())
            _clients[kind] = entry
        return cast(T, entry[1])


def _openai_sync_client() -> openai.OpenAI:
    import openai

    key = (settings.OPENAI_BASE_URL, settings.OPENAI_API_KEY, settings.KNOWLEDGE_EMBED_TIMEOUT_MS)
    return _cached(
        "openai",
        key,
        lambda: openai.OpenAI(
            api_key=settings.OPENAI_API_KEY or NO_KEY,
            base_url=settings.OPENAI_BASE_URL,
            timeout=settings.KNOWLEDGE_EMBED_TIMEOUT_MS / 1000,
            max_retries=1,
        ),
    )


def _gemini_sync_client() -> genai.Client:
    from google import genai
    from google.genai import types as genai_types

    key = (settings.GOOGLE_API_KEY, settings.GEMINI_BASE_URL, settings.KNOWLEDGE_EMBED_TIMEOUT_MS)
    return _cached(
        "gemini",
        key,
        lambda: genai.Client(
            api_key=settings.GOOGLE_API_KEY,
            http_options=genai_types.HttpOptions(
                base_url=settings.GEMINI_BASE_URL, timeout=settings.KNOWLEDGE_EMBED_TIMEOUT_MS
            ),
        ),
    )


def embedder() -> Embedder | None:
    """The configured provider's embedder, or None (no LLM provider, or embeddings switched off)."""
    if not settings.KNOWLEDGE_EMBEDDINGS:
        return None
    provider = llm_provider()
    if provider == "openai":
        return OpenAIEmbedder()
    if provider == "gemini":
        return GeminiEmbedder()
    return None


def query_vector(model: Embedder, text: str) -> list[float]:
    """The vector of a search query, from the cache when this question was embedded before."""
    key = "kb-query:" + hashlib.sha256(f"{model.name}\n{text}".encode()).hexdigest()
    cached = cache.get(key)
    if cached is not None:
        return list(cached)
    vector = model.embed([text])[0]
    cache.set(key, vector, QUERY_CACHE_SECONDS)
    return vector
