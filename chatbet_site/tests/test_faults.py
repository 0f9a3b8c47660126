"""Fault tolerance with the real services: Redis and PostgreSQL restarted under a live daphne,
a sync worker killed mid-run. Marked `fault` (run alone with `make test ARGS="-m fault"`)."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time

import httpx
import pytest
from django.db import connections
from websockets.asyncio.client import connect
from websockets.exceptions import WebSocketException

from chatbet_site.tests import live
from conversations.identity import guest_token_issue
from conversations.models import Message
from sportsdata.models import Fixture, Odds, SyncRun
from sportsdata.tests.fake_chatbet import fake_server

pytestmark = [pytest.mark.fault, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

TIMEOUT = 20


@pytest.fixture(autouse=True)
def _managed():
    live.require_managed_services()


async def _recv(ws, timeout: float = TIMEOUT) -> dict:
    return json.loads(await asyncio.wait_for(ws.recv(), timeout=timeout))


async def _frames_until(ws, message_id: str, types: set[str]) -> list[dict]:
    frames = []
    while True:
        frame = await _recv(ws)
        frames.append(frame)
        if frame["type"] in types and frame.get("message_id") == message_id:
            return frames


def _wait(predicate, timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        time.sleep(0.2)


def test_redis_restart_mid_answer_loses_no_message_and_the_client_resumes(chatbet):
    _, token = guest_token_issue()

    async def scenario(base: str) -> tuple[str, dict]:
        url = base.replace("http", "ws") + f"/ws/chat/?guest_token={token}"
        async with connect(url, open_timeout=TIMEOUT) as ws:
            await _recv(ws)  # connection_ack
            session_id = (await _recv(ws))["session_id"]
            await ws.send(
                json.dumps(
                    {
                        "type": "user_message",
                        "content": "Odds for Barcelona vs Real Madrid?",
                        "message_id": "r1",
                    }
                )
            )
            await _frames_until(ws, "r1", {"streaming_response"})
            await asyncio.to_thread(live.redis_stop)
            await asyncio.sleep(1)
            await asyncio.to_thread(live.redis_start)
        # The old socket may have died with Redis; a new one resumes the same message.
        for _attempt in range(40):
            try:
                async with connect(
                    base.replace("http", "ws") + f"/ws/chat/{session_id}/?guest_token={token}",
                    open_timeout=TIMEOUT,
                ) as ws:
                    await _recv(ws)
                    await _recv(ws)
                    await ws.send(json.dumps({"type": "resume", "message_id": "r1", "last_seq": 0}))
                    frames = await _frames_until(ws, "r1", {"streaming_end", "error"})
                    return session_id, frames[-1]
            except (OSError, TimeoutError, WebSocketException):
                await asyncio.sleep(0.5)
        raise AssertionError("could not reconnect after the Redis restart")

    with live.daphne(CHAT_STREAM_CHUNK_DELAY_MS="150", CHATBET_ODDS_MAX_AGE=str(10**7),
                     CHATBET_API_BASE_URL=chatbet.url) as base:  # fmt: skip
        session_id, last = asyncio.run(scenario(base))
    assert last["type"] in ("streaming_end", "error")
    connections.close_all()
    user_messages = Message.objects.filter(conversation_id=session_id, role="user", client_message_id="r1")
    assert user_messages.count() == 1
    replies = Message.objects.filter(parent=user_messages.get())
    assert replies.count() == 1
    assert replies.get().status in (Message.Status.COMPLETE, Message.Status.FAILED)


def test_postgres_restart_gives_clean_errors_and_recovers_by_itself():
    _, token = guest_token_issue()
    headers = {"Authorization": f"Guest {token}"}
    with live.daphne() as base, httpx.Client(base_url=base, timeout=TIMEOUT) as client:
        assert client.get("/health/ready").status_code == 200
        assert client.post("/api/v1/conversations/", json={}, headers=headers).status_code == 201
        connections.close_all()
        live.postgres_stop()
        try:
            ready = client.get("/health/ready")
            assert ready.status_code == 503
            assert ready.json()["components"]["database"]["status"] == "error"
            down = client.post("/api/v1/conversations/", json={}, headers=headers)
            assert down.status_code == 503
            assert down.json()["error"]["code"] == "SERVICE_UNAVAILABLE"
        finally:
            live.postgres_start()
        _wait(lambda: client.get("/health/ready").status_code == 200)
        assert client.post("/api/v1/conversations/", json={}, headers=headers).status_code == 201


def test_a_sync_worker_killed_mid_run_is_completed_by_the_next_run_without_duplicates(settings):
    for fake in fake_server():
        env = {
            **os.environ,
            "DATABASE_URL": live.test_database_url(),
            "DEBUG": "true",
            "CHATBET_API_BASE_URL": fake.url,
            "LOG_LEVEL": "WARNING",
        }
        fake.fault("slow", paths=("/sports/odds",), delay=0.5)
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "sync_sportsdata"], cwd=live.ROOT, env=env, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        _wait(lambda f=fake: Fixture.objects.exists() and f.count("/sports/odds") >= 1)
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
        fake.clear_fault()
        interrupted = SyncRun.objects.get()
        assert interrupted.status == SyncRun.Status.RUNNING
        connections.close_all()

        settings.CHATBET_API_BASE_URL = fake.url
        from sportsdata.client import chatbet_breaker, chatbet_client
        from sportsdata.services import sportsdata_sync_all

        chatbet_breaker().reset()
        run = sportsdata_sync_all(client=chatbet_client())
        assert run.status == SyncRun.Status.SUCCESS
        interrupted.refresh_from_db()
        assert interrupted.status == SyncRun.Status.FAILED
        assert "abandoned" in interrupted.error
        fixture_ids = list(Fixture.objects.values_list("provider_id", flat=True))
        assert len(fixture_ids) == len(set(fixture_ids)) == len(fake.dataset["fixtures"])
        current = Odds.objects.filter(is_current=True)
        keys = list(current.values_list("fixture_id", "market", "selection"))
        assert len(keys) == len(set(keys))
        again = sportsdata_sync_all(client=chatbet_client())
        assert again.counts.get("odds.odds_created", 0) == 0
        assert Odds.objects.count() == current.count() + Odds.objects.filter(is_current=False).count()
