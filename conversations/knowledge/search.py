"""Finding the article that answers a question, in the reader's language.

An exact tag or slug wins outright. Otherwise two rankings are fused by reciprocal rank fusion
(score = sum of 1 / (RRF_K + rank)): the full-text rank (PostgreSQL's, per language; word overlap
on SQLite) and a similarity rank, which is the cosine between the question's embedding and the
articles' passages when an embedding provider is configured, else TF-IDF over character n-grams
(robust to plurals, accents and typos). Only articles that clear a ranking's own relevance floor
enter it, so an unrelated question finds nothing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.cache import cache
from django.db import connection
from django.db.models import Max

from conversations.knowledge.embeddings import EmbeddingError, embedder, query_vector
from conversations.knowledge.index import semantic_scores, stale_article_ids
from conversations.models import Article
from conversations.tasks import knowledge_embed

logger = logging.getLogger(__name__)

SEARCH_CONFIG = {"en": "english", "es": "spanish", "pt": "portuguese"}
RRF_K = 60
FULL_TEXT_MIN_RANK = 0.01
TFIDF_MIN_SIMILARITY = 0.16  # off-topic questions score about 0.13-0.15 on the bundled articles
RANK_DEPTH = 5  # how many of each ranking take part in the fusion


def reciprocal_rank_fusion(rankings: Sequence[Sequence[int]], *, k: int = RRF_K) -> list[int]:
    """Ids ordered by the sum of 1 / (k + rank) over the rankings they appear in (rank from 1);
    ties keep the order of first appearance."""
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return sorted(scores, key=lambda item: -scores[item])


def _document(article: Article) -> str:
    return f"{article.title}\n{' '.join(article.tags or [])}\n{article.body}"


def full_text_ranking(*, term: str, language: str, articles: list[Article]) -> list[int]:
    if not articles:
        return []
    if connection.vendor == "postgresql":
        config = SEARCH_CONFIG.get(language, "simple")
        query = SearchQuery(term, config=config, search_type="websearch")
        vector = SearchVector("title", weight="A", config=config) + SearchVector(
            "body", weight="B", config=config
        )
        ranked = (
            Article.objects.filter(pk__in=[a.pk for a in articles])
            .annotate(rank=SearchRank(vector, query))
            .filter(rank__gt=FULL_TEXT_MIN_RANK)
            .order_by("-rank", "slug")
            .values_list("pk", flat=True)
        )
        return list(ranked[:RANK_DEPTH])
    words = [w for w in term.lower().split() if len(w) > 3]
    scored = []
    for article in articles:
        text = f"{article.title} {article.body}".lower()
        score = sum(text.count(w) for w in words) + 3 * sum(w in article.title.lower() for w in words)
        if score > 0:
            scored.append((-score, article.slug, article.pk))
    return [pk for _, _, pk in sorted(scored)[:RANK_DEPTH]]


_tfidf_lock = threading.Lock()
_tfidf_cache: dict[str, tuple[object, Any, object, list[int]]] = {}


def tfidf_ranking(*, term: str, language: str, articles: list[Article]) -> list[int]:
    """Articles by TF-IDF cosine over character n-grams; the model is refitted when articles change."""
    if not articles:
        return []
    # Imported on first use: scikit-learn is ~100 MB a process, and most never need this fallback.
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    version = (
        Article.objects.filter(pk__in=[a.pk for a in articles]).aggregate(Max("updated_at"))[
            "updated_at__max"
        ],
        tuple(sorted(a.pk for a in articles)),
    )
    with _tfidf_lock:
        cached = _tfidf_cache.get(language)
        if cached is None or cached[0] != version:
            by_id = {a.pk: a for a in articles}
            ids = sorted(by_id)
            vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
            matrix = vectorizer.fit_transform([_document(by_id[pk]) for pk in ids])
            cached = (version, vectorizer, matrix, ids)
            _tfidf_cache[language] = cached
    _, vectorizer, matrix, ids = cached
    similarity = cosine_similarity(vectorizer.transform([term]), matrix)[0]
    order = sorted(range(len(ids)), key=lambda i: -similarity[i])
    return [ids[i] for i in order[:RANK_DEPTH] if similarity[i] >= TFIDF_MIN_SIMILARITY]


def semantic_ranking(*, term: str, articles: list[Article]) -> list[int] | None:
    """Articles by embedding similarity, or None when no provider is configured or it failed."""
    model = embedder()
    if model is None or not articles:
        return None
    stale = stale_article_ids(model=model, articles=articles)
    if stale:
        _refresh_later(stale)
    try:
        vector = query_vector(model, term)
    except EmbeddingError as exc:
        logger.warning("knowledge search: embedding the question failed (%s); ranking by words", exc)
        return None
    scores = semantic_scores(model=model, vector=vector, articles=articles)
    if not scores:
        return None
    floor = settings.KNOWLEDGE_MIN_SIMILARITY
    ranked = sorted((pk for pk, score in scores.items() if score >= floor), key=lambda pk: -scores[pk])
    return ranked[:RANK_DEPTH]


def _refresh_later(article_ids: list[int]) -> None:
    """Queue the re-embedding of stale articles once a minute at most (searches keep meeting them
    until the worker is done)."""
    if not cache.add("kb-embed-queued:" + ",".join(map(str, sorted(article_ids))), 1, 60):
        return
    try:
        knowledge_embed.delay(article_ids=article_ids)
    except Exception as exc:  # noqa: BLE001 - a broker hiccup must not fail the search
        logger.warning("knowledge search: could not queue re-embedding (%s)", type(exc).__name__)


def article_search(*, term: str, language: str) -> Article | None:
    articles = list(Article.objects.filter(is_published=True, language=language))
    if not articles:
        return None
    key = term.strip().lower().replace(" ", "_").replace("-", "_")
    for article in articles:
        if key in (article.tags or []) or key.replace("_", "-") == article.slug:
            return article
    rankings = [full_text_ranking(term=term, language=language, articles=articles)]
    semantic = semantic_ranking(term=term, articles=articles)
    rankings.append(
        semantic if semantic is not None else tfidf_ranking(term=term, language=language, articles=articles)
    )
    fused = reciprocal_rank_fusion(rankings)
    if not fused:
        return None
    by_id = {a.pk: a for a in articles}
    return by_id[fused[0]]
