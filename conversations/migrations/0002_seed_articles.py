"""Seed the knowledge base with the articles in conversations/assistant/kb_articles.py.

Existing rows (same slug and language) are left as operators edited them.
"""

from django.db import migrations


def seed(apps, schema_editor):
    from conversations.assistant.kb_articles import seed_articles

    Article = apps.get_model("conversations", "Article")
    existing = set(Article.objects.values_list("slug", "language"))
    Article.objects.bulk_create(
        Article(slug=a.slug, language=a.language, title=a.title, body=a.body, tags=list(a.tags))
        for a in seed_articles()
        if (a.slug, a.language) not in existing
    )


def unseed(apps, schema_editor):
    from conversations.assistant.kb_articles import seed_articles

    Article = apps.get_model("conversations", "Article")
    for a in seed_articles():
        Article.objects.filter(slug=a.slug, language=a.language).delete()


class Migration(migrations.Migration):
    dependencies = [("conversations", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
