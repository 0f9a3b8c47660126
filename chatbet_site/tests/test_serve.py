"""The server command on a real socket: its access log never holds a query string (search text,
tokens), an oversized WebSocket message closes with 1009 and invalid UTF-8 with 1007, never a
silent TCP drop."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from chatbet_site.serve import WS_MAX_MESSAGE_BYTES
from chatbet_site.tests import live
from conversations.identity import guest_token_issue

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

TIMEOUT = 15


async def _open(base: str, token: str) -> ClientConnection:
    ws = await connect(
        f"{base.replace('http://', 'ws://')}/ws/chat/?guest_token={token}", open_timeout=TIMEOUT
    )
    assert json.loads(await asyncio.wait_for(ws.recv(), TIMEOUT))["type"] == "connection_ack"
    assert json.loads(await asyncio.wait_for(ws.recv(), TIMEOUT))["type"] == "session_created"
    return ws


async def _close_code(ws: ClientConnection) -> int | None:
    """The code of the server's close frame (None: the TCP connection was dropped without one)."""
    try:
        while True:
            await asyncio.wait_for(ws.recv(), TIMEOUT)
    except ConnectionClosed as closed:
        return closed.rcvd.code if closed.rcvd is not None else None


async def test_the_access_log_never_records_query_strings(tmp_path):
    access_log = tmp_path / "access.log"
    _, token = guest_token_issue()
    with live.daphne("--access-log", str(access_log)) as base:
        url = f"{base}/api/v1/sports/?search=my+private+words"
        assert (await asyncio.to_thread(httpx.get, url, timeout=TIMEOUT)).status_code == 200
        ws = await _open(base, token)
        await ws.close()
    log = access_log.read_text()
    assert "/api/v1/sports/" in log
    assert "/ws/chat/" in log
    assert "private" not in log
    assert token not in log
    assert "?" not in log


async def test_websocket_transport_errors_close_with_a_code():
    _, token = guest_token_issue()
    with live.daphne() as base:
        big = await _open(base, token)
        await big.send("x" * (WS_MAX_MESSAGE_BYTES + 10))
        assert await _close_code(big) == 1009

        garbled = await _open(base, token)
        await garbled.send(b'{"type": "ping", "x": "\xff\xfe"}', text=True)
        assert await _close_code(garbled) == 1007

        # Under the limit but over the chat's own frame limit: an error frame, the socket stays.
        kept = await _open(base, token)
        await kept.send("x" * 100_000)
        error = json.loads(await asyncio.wait_for(kept.recv(), TIMEOUT))
        assert error["error_code"] == "MESSAGE_TOO_LONG"
        await kept.send(json.dumps({"type": "ping", "message_id": "after"}))
        assert json.loads(await asyncio.wait_for(kept.recv(), TIMEOUT))["type"] == "pong"
        await kept.close()
