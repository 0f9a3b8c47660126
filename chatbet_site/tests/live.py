"""Test helpers for live services: a daphne subprocess on the test database, and stopping and
starting the throwaway PostgreSQL and Redis that scripts/with_services.sh started."""

from __future__ import annotations

import os
import shlex
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings as django_settings

ROOT = Path(__file__).resolve().parents[2]
APP = "chatbet_site.asgi:application"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_database_url() -> str:
    db = django_settings.DATABASES["default"]
    password = f":{quote(db['PASSWORD'])}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def wait_for_port(port: int, process: subprocess.Popen[bytes] | None = None, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if (process is not None and process.poll() is not None) or time.monotonic() > deadline:
                detail = process.stderr.read().decode()[-2000:] if process and process.stderr else ""
                raise RuntimeError(f"nothing listens on {port}: {detail}") from None
            time.sleep(0.1)


@contextmanager
def daphne(*args: str, **env: str) -> Iterator[str]:
    """The server command (chatbet_site.serve, daphne underneath) on a free port against the test
    database and Redis, with extra daphne `args`; yields http://127.0.0.1:PORT."""
    port = free_port()
    environment = {
        **os.environ,
        "DATABASE_URL": test_database_url(),
        "DEBUG": "true",
        "ALLOWED_HOSTS": "localhost,127.0.0.1",
        "ASSISTANT_ENGINE": "offline",
        "GOOGLE_API_KEY": "",
        "LOG_LEVEL": "WARNING",
        "LOG_FORMAT": "plain",
        **env,
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "chatbet_site.serve", "-b", "127.0.0.1", "-p", str(port), *args, APP],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def _as_postgres(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.getuid() == 0 else command


def require_managed_services() -> None:
    """Fault tests restart the servers scripts/with_services.sh started; with external ones they
    cannot, and they say so instead of passing vacuously."""
    missing = [
        name
        for name in ("CHATBET_TEST_PG_CTL", "CHATBET_TEST_PGDATA", "CHATBET_TEST_REDIS_CMD")
        if not os.environ.get(name)
    ]
    if missing:
        pytest.skip(f"needs the throwaway servers of scripts/with_services.sh (missing {', '.join(missing)})")


def postgres_stop() -> None:
    subprocess.run(
        _as_postgres(
            [
                os.environ["CHATBET_TEST_PG_CTL"],
                "-D",
                os.environ["CHATBET_TEST_PGDATA"],
                "-m",
                "fast",
                "-w",
                "stop",
            ]
        ),
        check=True,
        capture_output=True,
    )


def postgres_start() -> None:
    subprocess.run(
        _as_postgres(
            [
                os.environ["CHATBET_TEST_PG_CTL"],
                "-D",
                os.environ["CHATBET_TEST_PGDATA"],
                "-o",
                os.environ["CHATBET_TEST_PG_OPTS"],
                "-l",
                f"{os.environ['CHATBET_TEST_PGDATA']}/server.log",
                "-w",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )


def redis_port() -> int:
    return int(os.environ["REDIS_URL"].rsplit(":", 1)[1].split("/")[0])


def redis_stop() -> None:
    subprocess.run(
        ["redis-cli", "-p", str(redis_port()), "shutdown", "nosave"], capture_output=True, check=False
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", redis_port()), timeout=0.2).close()
            time.sleep(0.1)
        except OSError:
            return
    raise RuntimeError("redis did not stop")


def redis_start() -> None:
    subprocess.run(shlex.split(os.environ["CHATBET_TEST_REDIS_CMD"]), check=True, capture_output=True)
    wait_for_port(redis_port(), timeout=10)
