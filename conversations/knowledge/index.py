"""The semantic index: articles cut into passages, embedded, stored as ArticleChunk rows.

A passage is a run of whole paragraphs up to PASSAGE_CHARS, prefixed with the article's title so
it stands on its own. `knowledge_index_refresh` embeds what is missing or stale (the article's
content digest or the embedding model changed) and drops the rest; it runs after `load_articles`,
after an operator saves an article in admin (a Celery task), and when a search meets a stale
article. Vectors are plain float lists compared with numpy: the knowledge base is a few hundred
passages, well below where an index pays off.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
from django.db import transaction

from conversations.knowledge.embeddings import Embedder, EmbeddingError
from conversations.knowledge.files import content_digest
from conversations.models import Article, ArticleChunk

logger = logging.getLogger(__name__)

PASSAGE_CHARS = 700


def article_passages(*, title: str, body: str) -> list[str]:
    """Whole paragraphs grouped up to PASSAGE_CHARS (a longer paragraph stands alone), titled."""
    passages: list[str] = []
    current = ""
    for paragraph in (p.strip() for p in body.split("\n\n")):
        if not paragraph:
            continue
        if current and len(current) + len(paragraph) + 2 > PASSAGE_CHARS:
            passages.append(current)
            current = paragraph
        else:
            current = f"{current}\n\n{paragraph}" if current else paragraph
    if current:
        passages.append(current)
    return [f"{title}\n\n{passage}" for passage in passages] or [title]


def article_digest(article: Article) -> str:
    return content_digest(title=article.title, body=article.body, tags=article.tags or [])


@dataclass
class RefreshReport:
    embedded: list[int]  # article ids (re-)embedded
    removed: int  # chunks of unpublished articles or other models


def knowledge_index_refresh(*, model: Embedder, article_ids: list[int] | None = None) -> RefreshReport:
    """Embed every published article (or those in `article_ids`) whose passages are missing or stale.

    Raises EmbeddingError when the provider fails; nothing is half-written for an article.
    """
    published = Article.objects.filter(is_published=True)
    if article_ids is not None:
        published = published.filter(pk__in=article_ids)
    articles = list(published)
    wanted = set(stale_article_ids(model=model, articles=articles))
    stale = [a for a in articles if a.pk in wanted]
    embedded: list[int] = []
    for article in stale:
        digest = article_digest(article)
        passages = article_passages(title=article.title, body=article.body)
        vectors = model.embed(passages)
        if len(vectors) != len(passages):
            raise EmbeddingError("the provider returned a different number of vectors")
        with transaction.atomic():
            ArticleChunk.objects.filter(article=article, model=model.name).delete()
            ArticleChunk.objects.bulk_create(
                ArticleChunk(
                    article=article,
                    ordinal=number,
                    text=passage,
                    source_digest=digest,
                    model=model.name,
                    embedding=[float(x) for x in vector],
                )
                for number, (passage, vector) in enumerate(zip(passages, vectors, strict=True))
            )
        embedded.append(article.pk)
    removed = 0
    if article_ids is None:
        removed, _ = ArticleChunk.objects.exclude(model=model.name).delete()
        gone, _ = ArticleChunk.objects.filter(article__is_published=False).delete()
        removed += gone
    if embedded:
        logger.info("knowledge index: embedded %d articles with %s", len(embedded), model.name)
    return RefreshReport(embedded=embedded, removed=removed)


def stale_article_ids(*, model: Embedder, articles: list[Article]) -> list[int]:
    """Which of `articles` have no passages embedded from their current content by `model`."""
    fresh = set(
        ArticleChunk.objects.filter(model=model.name, article__in=articles).values_list(
            "article_id", "source_digest"
        )
    )
    return [a.pk for a in articles if (a.pk, article_digest(a)) not in fresh]


def semantic_scores(*, model: Embedder, vector: list[float], articles: list[Article]) -> dict[int, float]:
    """Per article, the best cosine similarity between `vector` and its current passages."""
    digests = {a.pk: article_digest(a) for a in articles}
    rows = list(
        ArticleChunk.objects.filter(model=model.name, article_id__in=digests).values_list(
            "article_id", "source_digest", "embedding"
        )
    )
    rows = [row for row in rows if digests.get(row[0]) == row[1] and row[2]]
    if not rows:
        return {}
    query = np.asarray(vector, dtype=np.float64)
    matrix = np.asarray([row[2] for row in rows], dtype=np.float64)
    if matrix.shape[1] != query.shape[0]:
        return {}
    norms = np.linalg.norm(matrix, axis=1) * (np.linalg.norm(query) or 1.0)
    similarity = (matrix @ query) / np.where(norms == 0, 1.0, norms)
    scores: dict[int, float] = {}
    for (article_id, _, _), score in zip(rows, similarity.tolist(), strict=True):
        scores[article_id] = max(scores.get(article_id, -1.0), float(score))
    return scores
