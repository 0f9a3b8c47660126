"""Suite-wide fixtures. The suite runs on real PostgreSQL and Redis, never SQLite or in-memory layers."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

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
