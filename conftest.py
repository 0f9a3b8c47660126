"""Suite-wide fixtures. The suite runs on real PostgreSQL and Redis, never SQLite or in-memory layers."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from pytest_django import DjangoDbBlocker

# Shared fixtures: `chatbet` syncs sports data from a fake ChatBet API server into the test database.
pytest_plugins = ["conversations.tests.sportsdata_fixture"]


def pytest_configure(config: pytest.Config) -> None:
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")) or not os.environ.get("REDIS_URL"):
        raise pytest.UsageError(
            "The test suite runs on PostgreSQL and Redis: run it with `make test`, which starts them, "
            "or set DATABASE_URL=postgres://... and REDIS_URL=redis://..."
        )


@pytest.fixture(autouse=True)
def _flush_redis() -> Iterator[None]:
    """Each test starts with an empty Redis (channel layer, cache, locks)."""
    import redis

    client = redis.Redis.from_url(os.environ["REDIS_URL"])
    client.flushdb()
    yield
    client.close()


@pytest.fixture(scope="session", autouse=True)
def _close_stray_connections(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[None]:
    """Async tests run ORM calls on asgiref's worker thread, whose connection outlives them; end
    such sessions before the test database is dropped (else the drop fails with 'being accessed')."""
    yield
    from django.db import connection

    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
