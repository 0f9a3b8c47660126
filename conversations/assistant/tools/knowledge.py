"""explain_betting_term: answers from the knowledge base articles (editable in admin).

PostgreSQL full-text search ranks articles in the reader's language; SQLite (the embedded default)
falls back to tag and substring matching.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Q
from pydantic import BaseModel, Field

from conversations.assistant.tools.registry import Tool, ToolContext, ToolError, register
from conversations.models import Article

SEARCH_CONFIG = {"en": "english", "es": "spanish", "pt": "portuguese"}


class ExplainInput(BaseModel):
    term: str = Field(
        min_length=1, max_length=200, description="The betting term or question, e.g. 'double chance'"
    )
    language: str | None = Field(None, description="en, es or pt; defaults to the conversation's language")


@dataclass(frozen=True)
class ArticleView:
    slug: str
    title: str
    body: str

    def to_json(self) -> dict[str, Any]:
        return {"slug": self.slug, "title": self.title, "body": self.body}


def article_search(*, term: str, language: str) -> Article | None:
    articles = Article.objects.filter(is_published=True, language=language)
    key = term.strip().lower().replace(" ", "_").replace("-", "_")
    tagged = (
        articles.filter(Q(slug=key.replace("_", "-")) | Q(tags__contains=[key]))
        if connection.vendor == "postgresql"
        else None
    )
    if tagged is not None:
        hit = tagged.first()
        if hit is not None:
            return hit
    if connection.vendor == "postgresql":
        config = SEARCH_CONFIG.get(language, "simple")
        query = SearchQuery(term, config=config, search_type="websearch")
        vector = SearchVector("title", weight="A", config=config) + SearchVector(
            "body", weight="B", config=config
        )
        return (
            articles.annotate(rank=SearchRank(vector, query))
            .filter(rank__gt=0.01)
            .order_by("-rank", "slug")
            .first()
        )
    for article in articles:
        if key in article.tags or key.replace("_", "-") == article.slug:
            return article
    words = [w for w in term.lower().split() if len(w) > 3]
    best: tuple[int, Article | None] = (0, None)
    for article in articles:
        text = f"{article.title} {article.body}".lower()
        score = sum(text.count(w) for w in words) + 3 * sum(w in article.title.lower() for w in words)
        if score > best[0]:
            best = (score, article)
    return best[1]


def explain_betting_term(ctx: ToolContext, args: ExplainInput) -> ArticleView:
    language = args.language or ctx.language
    article = article_search(term=args.term, language=language) or article_search(
        term=args.term, language="en"
    )
    if article is None:
        raise ToolError("NO_ARTICLE", "No article about that yet.")
    return ArticleView(article.slug, article.title, article.body)


register(
    Tool(
        name="explain_betting_term",
        description="Explain a betting term or how ChatBet works, from the knowledge base.",
        input_model=ExplainInput,
        func=explain_betting_term,
        activity=lambda a, lang: {"es": "Buscando en la guía…", "pt": "Procurando no guia…"}.get(
            lang, "Looking it up…"
        ),
    )
)
