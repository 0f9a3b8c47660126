"""Formerly seeded the knowledge base from a Python module; 0004 now loads the Markdown files
(knowledge/articles/), so this step does nothing and stays only to keep the migration graph."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("conversations", "0001_initial")]
    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
