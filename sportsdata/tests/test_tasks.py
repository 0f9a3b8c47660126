"""Prefetch tasks on a real Celery worker, and the beat schedule rows made by the data migration."""

from __future__ import annotations

import importlib
import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.apps import apps as django_apps
from django_celery_beat.models import PeriodicTask

from chatbet_site.celery import app as celery_app
from sportsdata.models import Fixture, SyncRun
from sportsdata.tasks import sync_all, sync_odds


def _wait_for(predicate, timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


@pytest.mark.django_db(transaction=True)
def test_sync_tasks_run_on_a_real_worker(api):
    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        sync_all.delay()
        assert _wait_for(
            lambda: SyncRun.objects.filter(kind=SyncRun.Kind.FULL).exclude(status="running").exists()
        )
        sync_odds.delay()
        assert _wait_for(
            lambda: SyncRun.objects.filter(kind=SyncRun.Kind.ODDS).exclude(status="running").exists()
        )
    assert SyncRun.objects.get(kind=SyncRun.Kind.FULL).status == SyncRun.Status.SUCCESS
    assert SyncRun.objects.get(kind=SyncRun.Kind.ODDS).status == SyncRun.Status.SUCCESS
    assert Fixture.objects.count() == 6


@pytest.mark.django_db
def test_overlapping_odds_task_is_skipped(api):
    from django.core.cache import cache

    cache.add("sportsdata:task:odds", "1", timeout=60)
    assert sync_odds() is None
    assert not SyncRun.objects.exists()
    cache.delete("sportsdata:task:odds")
    assert sync_odds() == SyncRun.objects.get().pk


@pytest.mark.django_db
def test_migration_schedules_the_prefetch_jobs_and_reverses():
    migration = importlib.import_module("sportsdata.migrations.0002_periodic_tasks")
    names = [name for name, *_ in migration.TASKS]
    migration.delete_tasks(django_apps, None)
    assert not PeriodicTask.objects.filter(name__in=names).exists()
    migration.create_tasks(django_apps, None)
    migration.create_tasks(django_apps, None)  # idempotent
    tasks = {t.task: t for t in PeriodicTask.objects.filter(name__in=names)}
    assert set(tasks) == {"sportsdata.sync_tournaments", "sportsdata.sync_fixtures", "sportsdata.sync_odds"}
    assert (tasks["sportsdata.sync_odds"].interval.every, tasks["sportsdata.sync_odds"].interval.period) == (
        60,
        "seconds",
    )
    assert tasks["sportsdata.sync_tournaments"].interval.period == "days"
    assert all(t.enabled for t in tasks.values())
    assert set(celery_app.tasks) >= set(tasks)
    migration.delete_tasks(django_apps, None)
    assert not PeriodicTask.objects.filter(name__in=names).exists()
