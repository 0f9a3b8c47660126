"""Load the knowledge articles (knowledge/articles/<language>/<slug>.md) into the database.

Idempotent: run it after editing the files (`make run` does). Articles edited in admin are kept
unless --force. With an embedding provider configured, new and changed articles are embedded too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from conversations.knowledge.embeddings import EmbeddingError, embedder
from conversations.knowledge.files import ARTICLES_DIR, ArticleFileError, articles_read
from conversations.knowledge.index import knowledge_index_refresh
from conversations.knowledge.loader import articles_load


class Command(BaseCommand):
    help = "Load the knowledge articles from knowledge/articles/ (keeps articles edited in admin)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dir", type=Path, default=ARTICLES_DIR, help="The articles folder.")
        parser.add_argument(
            "--force", action="store_true", help="Overwrite articles edited in admin with their files."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = articles_load(articles=articles_read(root=options["dir"]), force=options["force"])
        except ArticleFileError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"articles: {len(report.created)} created, {len(report.updated)} updated, "
            f"{report.unchanged} unchanged, {len(report.kept)} kept (edited in admin)"
        )
        for key in report.kept:
            self.stdout.write(f"  kept {key} (edited in admin; --force overwrites it)")
        model = embedder()
        if model is not None:
            try:
                indexed = knowledge_index_refresh(model=model)
            except EmbeddingError as exc:
                self.stderr.write(
                    f"embeddings: {model.name} failed ({exc}); search ranks by words until it works"
                )
            else:
                self.stdout.write(f"embeddings: {len(indexed.embedded)} articles embedded with {model.name}")
