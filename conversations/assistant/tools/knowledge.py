"""explain_betting_term: answers from the knowledge base articles (editable in admin), found by
conversations.knowledge.search (tags, full text fused with embedding or TF-IDF similarity)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field

from conversations.assistant.tools.registry import Tool, ToolContext, ToolError, register
from conversations.knowledge.search import article_search


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
