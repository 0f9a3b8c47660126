"""Beat schedule for the sweep that reconciles unconfirmed bets (every 5 minutes); operators
change it in admin."""

from django.db import migrations
from django.utils import timezone

NAME = "betting: reconcile unconfirmed bets (every 5 minutes)"
TASK = "betting.reconcile_unconfirmed"


def create_task(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTasks = apps.get_model("django_celery_beat", "PeriodicTasks")
    schedule, _ = IntervalSchedule.objects.get_or_create(every=5, period="minutes")
    PeriodicTask.objects.update_or_create(
        name=NAME,
        defaults={"task": TASK, "interval": schedule, "crontab": None, "enabled": True, "expire_seconds": 240},
    )
    # Beat re-reads its schedule when this counter moves.
    PeriodicTasks.objects.update_or_create(ident=1, defaults={"last_update": timezone.now()})


def delete_task(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("betting", "0005_combo_legs_account_protection"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_task, delete_task)]
