"""Daily beat schedule for the conversation retention sweep; operators change it in admin."""

from django.db import migrations
from django.utils import timezone

NAME = "conversations: expire old conversations (daily)"
TASK = "conversations.tasks.conversations_expire"


def create_task(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTasks = apps.get_model("django_celery_beat", "PeriodicTasks")
    # 03:17 UTC: a quiet hour, off the round minutes other jobs like.
    schedule, _ = CrontabSchedule.objects.get_or_create(
        minute="17", hour="3", day_of_week="*", day_of_month="*", month_of_year="*", timezone="UTC"
    )
    PeriodicTask.objects.update_or_create(
        name=NAME,
        defaults={
            "task": TASK,
            "crontab": schedule,
            "interval": None,
            "enabled": True,
            "expire_seconds": 3600,
        },
    )
    # Beat re-reads its schedule when this counter moves.
    PeriodicTasks.objects.update_or_create(ident=1, defaults={"last_update": timezone.now()})


def delete_task(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("conversations", "0002_seed_articles"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_task, delete_task)]
