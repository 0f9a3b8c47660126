"""Idle WebSockets on the Redis channel layer stay open: channels_redis blocks 5 s in BZPOPMIN per
receive, and redis-py's default 5 s socket timeout used to cut that read first, so every idle
socket was closed with 1011 about every five seconds. Daphne in a subprocess, real Redis."""

from __future__ import annotations

import asyncio
import json
import os

import pytest
from websockets.asyncio.client import ClientConnection, connect

from chatbet_site.tests import live
from conversations.identity import guest_token_issue

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

SOCKETS = 20
IDLE_SECONDS = 60
TIMEOUT = 15


async def _recv(ws: ClientConnection) -> dict:
    return json.loads(await asyncio.wait_for(ws.recv(), timeout=TIMEOUT))


async def _open(base: str) -> ClientConnection:
    _, token = guest_token_issue()
    ws = await connect(f"{base}/ws/chat/?guest_token={token}", open_timeout=TIMEOUT, ping_interval=None)
    assert (await _recv(ws))["type"] == "connection_ack"
    assert (await _recv(ws))["type"] == "session_created"
    return ws


async def test_idle_sockets_on_the_redis_layer_stay_open_and_answer(monkeypatch):
    assert os.environ["REDIS_URL"]  # daphne inherits it: the Redis channel layer, not in-memory
    # The server setting for Redis deployments (see REDIS_SOCKET_TIMEOUT in settings and README).
    monkeypatch.setenv("REDIS_SOCKET_TIMEOUT", "15")
    with live.daphne() as base:
        sockets = await asyncio.gather(*(_open(base.replace("http://", "ws://")) for _ in range(SOCKETS)))
        await asyncio.sleep(IDLE_SECONDS)
        closed = [ws.close_code for ws in sockets if ws.close_code is not None]
        assert closed == []
        for index, ws in enumerate(sockets):
            await ws.send(json.dumps({"type": "ping", "message_id": f"idle-{index}"}))
            pong = await _recv(ws)
            assert pong["type"] == "pong"
            assert pong["message_id"] == f"idle-{index}"
        await asyncio.gather(*(ws.close() for ws in sockets))
