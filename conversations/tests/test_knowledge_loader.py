"""Loading knowledge/articles/ into the database: idempotent, keeps admin edits, fixes old wrapped rows."""

from __future__ import annotations

import importlib
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

from conversations.knowledge.files import ArticleFileError, article_parse, articles_read
from conversations.knowledge.loader import articles_load
from conversations.models import Article

pytestmark = pytest.mark.django_db

ARTICLE = """---
slug: zz-refund-rule
title: Draw no bet
tags: [draw_no_bet]
---

If the match is a draw your stake comes back.
"""


def _write(root: Path, language: str, slug: str, text: str) -> None:
    (root / language).mkdir(parents=True, exist_ok=True)
    (root / language / f"{slug}.md").write_text(text, encoding="utf-8")


def test_the_migration_loads_every_article_once_and_a_second_load_changes_nothing():
    migration = importlib.import_module("conversations.migrations.0004_article_source_digest")
    Article.objects.all().delete()
    migration.load(apps, None)
    files = articles_read()
    counts = {language: Article.objects.filter(language=language).count() for language in ("en", "es", "pt")}
    assert min(counts.values()) >= 33
    assert sum(counts.values()) == len(files)
    report = articles_load()
    assert report.changed == []
    assert report.unchanged == len(files)
    assert Article.objects.count() == len(files)


def test_a_changed_file_updates_its_row_but_an_article_edited_in_admin_is_kept(tmp_path):
    _write(tmp_path, "en", "zz-refund-rule", ARTICLE)
    _write(
        tmp_path,
        "en",
        "zz-operator-note",
        ARTICLE.replace("zz-refund-rule", "zz-operator-note").replace("Draw no", "Cash"),
    )
    assert len(articles_load(articles=articles_read(root=tmp_path)).created) == 2
    edited = Article.objects.get(slug="zz-operator-note")
    edited.body = "Written by an operator."
    edited.save()

    _write(tmp_path, "en", "zz-refund-rule", ARTICLE.replace("comes back", "is refunded"))
    _write(
        tmp_path,
        "en",
        "zz-operator-note",
        ARTICLE.replace("zz-refund-rule", "zz-operator-note").replace("comes", "goes"),
    )
    report = articles_load(articles=articles_read(root=tmp_path))

    assert report.updated == ["en/zz-refund-rule"]
    assert report.kept == ["en/zz-operator-note"]
    assert Article.objects.get(slug="zz-refund-rule").body == "If the match is a draw your stake is refunded."
    assert Article.objects.get(slug="zz-operator-note").body == "Written by an operator."
    forced = articles_load(articles=articles_read(root=tmp_path), force=True)
    assert forced.updated == ["en/zz-operator-note"]
    assert "goes back" in Article.objects.get(slug="zz-operator-note").body


def test_rows_seeded_before_digests_get_their_paragraphs_unwrapped_unless_edited():
    article = next(a for a in articles_read() if a.language == "en" and len(a.body) > 300)
    other = next(a for a in articles_read() if a.language == "es" and a.slug != article.slug)
    Article.objects.all().delete()
    words = article.body.split(" ")
    wrapped = "\n".join(" ".join(words[i : i + 12]) for i in range(0, len(words), 12))
    Article.objects.create(
        slug=article.slug, language="en", title=article.title, body=wrapped, tags=list(article.tags)
    )
    Article.objects.create(
        slug=other.slug, language="es", title=other.title, body="Texto propio.", tags=list(other.tags)
    )
    report = articles_load()
    assert f"en/{article.slug}" in report.updated
    assert report.kept == [f"es/{other.slug}"]
    assert Article.objects.get(slug=article.slug, language="en").body == article.body


def test_the_command_reports_and_a_bad_file_is_a_clear_error(tmp_path):
    out = StringIO()
    call_command("load_articles", stdout=out)
    assert "created" in out.getvalue()
    assert "kept" in out.getvalue()
    with pytest.raises(ArticleFileError, match="front matter"):
        article_parse(text="no front matter", language="en", source="x.md")
    with pytest.raises(ArticleFileError, match="slug"):
        article_parse(text=ARTICLE.replace("zz-refund-rule", "Draw No Bet"), language="en", source="x.md")
    _write(tmp_path, "en", "wrong-name", ARTICLE)
    with pytest.raises(ArticleFileError, match="file name"):
        articles_read(root=tmp_path)
    with pytest.raises(CommandError, match="file name"):
        call_command("load_articles", "--dir", str(tmp_path), stdout=out)
