"""Articles remember the file content they were loaded from; then load knowledge/articles/.

Rows seeded before (hard-wrapped text) are replaced by their files' paragraphs unless an operator
edited them; `manage.py load_articles` repeats the same load whenever the files change.
"""

from django.db import migrations, models


def load(apps, schema_editor):
    from conversations.knowledge.loader import articles_load

    articles_load(model=apps.get_model("conversations", "Article"))


class Migration(migrations.Migration):
    dependencies = [("conversations", "0003_retention_schedule")]
    operations = [
        migrations.AddField(
            model_name="article",
            name="source_digest",
            field=models.CharField(blank=True, editable=False, max_length=64),
        ),
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
