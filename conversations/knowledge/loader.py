"""Loading the article files into the Article table, idempotently, without undoing operators' edits.

A row remembers the digest of the file content it was loaded from (`source_digest`). On each load:
a missing article is created; a row still saying what it was loaded from follows its file; a row an
operator edited in admin (its content no longer matches its digest) is kept as they left it, unless
`force`. Rows from before digests were recorded count as unedited when they differ from the file
only in line wrapping. The data migration passes its historical model; everything else the live one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from conversations.knowledge.files import ArticleFile, articles_read, content_digest


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # edited in admin; left alone
    unchanged: int = 0

    @property
    def changed(self) -> list[str]:
        return [*self.created, *self.updated]


def _words(text: str) -> str:
    return " ".join(text.split())


def _pristine(row: Any) -> bool:
    """The row still says what it was loaded from (no operator edit since)."""
    return row.source_digest == content_digest(title=row.title, body=row.body, tags=row.tags or [])


def _rewrapped_only(row: Any, article: ArticleFile) -> bool:
    return (
        not row.source_digest
        and _words(row.title) == _words(article.title)
        and _words(row.body) == _words(article.body)
        and list(row.tags or []) == list(article.tags)
    )


def articles_load(
    *, articles: list[ArticleFile] | None = None, force: bool = False, model: Any = None
) -> LoadReport:
    if model is None:
        from conversations.models import Article

        model = Article
    report = LoadReport()
    wanted = articles if articles is not None else articles_read()
    rows = {(row.slug, row.language): row for row in model.objects.all()}
    for article in wanted:
        key = f"{article.language}/{article.slug}"
        row = rows.get((article.slug, article.language))
        if row is None:
            model.objects.create(
                slug=article.slug,
                language=article.language,
                title=article.title,
                body=article.body,
                tags=list(article.tags),
                source_digest=article.digest,
            )
            report.created.append(key)
            continue
        if row.source_digest == article.digest and _pristine(row):
            report.unchanged += 1
            continue
        if not (force or _pristine(row) or _rewrapped_only(row, article)):
            report.kept.append(key)
            continue
        row.title, row.body, row.tags = article.title, article.body, list(article.tags)
        row.source_digest = article.digest
        row.save(update_fields=["title", "body", "tags", "source_digest", "updated_at"])
        report.updated.append(key)
    return report
