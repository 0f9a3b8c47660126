"""Beat schedules for the prefetch jobs; operators change them in admin afterwards."""

from django.db import migrations
from django.utils import timezone

TASKS = [
    # (name, task, every, period, expire_seconds)
    ("sportsdata: tournaments (daily)", "sportsdata.sync_tournaments", 1, "days", 3600),
    ("sportsdata: fixtures (every 3 hours)", "sportsdata.sync_fixtures", 3, "hours", 1800),
    ("sportsdata: odds (every minute)", "sportsdata.sync_odds", 60, "seconds", 55),
]


def create_tasks(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTasks = apps.get_model("django_celery_beat", "PeriodicTasks")
    for name, task, every, period, expire in TASKS:
        schedule, _ = IntervalSchedule.objects.get_or_create(every=every, period=period)
        PeriodicTask.objects.update_or_create(
            name=name,
            defaults={"task": task, "interval": schedule, "enabled": True, "expire_seconds": expire},
        )
    # Beat re-reads its schedule when this counter moves.
    PeriodicTasks.objects.update_or_create(ident=1, defaults={"last_update": timezone.now()})


def delete_tasks(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(name__in=[name for name, *_ in TASKS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("sportsdata", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_tasks, delete_tasks)]
