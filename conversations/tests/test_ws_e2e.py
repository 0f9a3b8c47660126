"""End to end: daphne in a subprocess on the test database and Redis, a real WebSocket client.

The stream is slowed inside daphne (CHAT_STREAM_CHUNK_DELAY_MS) so there is time to disconnect,
stop and resume in the middle of it.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from channels.db import database_sync_to_async
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import InvalidStatus
from websockets.typing import Origin

from chatbet_site.tests import live
from conversations.identity import guest_token_issue
from conversations.models import Conversation, Message
from conversations.tests.sportsdata_fixture import clasico_create
from conversations.tests.test_consumers import (
    ODDS_QUESTION,
    session_cookie_for_guest,
    settle_turns,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
ORIGIN = Origin("http://localhost")
TIMEOUT = 15


@pytest.fixture
def server(transactional_db, settings) -> Iterator[str]:
    settings.CHATBET_ODDS_MAX_AGE = 10**7
    clasico_create()
    with live.daphne(CHATBET_ODDS_MAX_AGE=str(10**7), CHAT_STREAM_CHUNK_DELAY_MS="120") as base:
        yield base.replace("http://", "ws://")


@pytest.fixture(autouse=True)
async def _settled():
    yield
    await settle_turns()


async def _recv(ws, timeout: float = TIMEOUT) -> dict:
    return json.loads(await asyncio.wait_for(ws.recv(), timeout=timeout))


async def _until(ws, *types: str) -> list[dict]:
    frames = []
    while True:
        frame = await _recv(ws)
        frames.append(frame)
        if frame["type"] in types:
            return frames


async def _open(url: str, **kw) -> tuple[ClientConnection, str]:
    ws = await connect(url, open_timeout=TIMEOUT, **kw)
    assert (await _recv(ws))["type"] == "connection_ack"
    created = await _recv(ws)
    assert created["type"] == "session_created"
    return ws, created["session_id"]


async def test_a_browser_without_a_session_chats_as_a_new_guest(server):
    ws, session_id = await _open(f"{server}/ws/chat/", origin=ORIGIN)
    conversation = await Conversation.objects.aget(pk=session_id)
    assert conversation.guest_id.startswith("guest-")
    await ws.close()


async def test_streamed_reply_resend_and_two_devices(server):
    # A browser guest: its id lives in the Django session the chat page created.
    _name, value = await database_sync_to_async(session_cookie_for_guest)("guest-e2e")
    cookie = value.decode()
    laptop, session_id = await _open(
        f"{server}/ws/chat/", origin=ORIGIN, additional_headers={"Cookie": cookie}
    )
    phone, same = await _open(
        f"{server}/ws/chat/{session_id}/", origin=ORIGIN, additional_headers={"Cookie": cookie}
    )
    assert same == session_id

    message = {
        "type": "user_message",
        "content": ODDS_QUESTION,
        "message_id": "m-1",
        "session_id": session_id,
    }
    await laptop.send(json.dumps(message))
    on_laptop = await _until(laptop, "streaming_end")
    on_phone = await _until(phone, "streaming_end")
    chunks = [f for f in on_laptop if f["type"] == "streaming_response"]
    assert len(chunks) > 1
    assert on_laptop[-1]["final_content"] == chunks[-1]["full_content"]
    assert "2.10" in on_laptop[-1]["final_content"]
    assert [f.get("seq") for f in on_laptop] == [f.get("seq") for f in on_phone]
    assert (await _recv(laptop))["type"] == "typing"

    # Resending the same message id replays the first reply: no second reply is produced.
    await laptop.send(json.dumps(message))
    replay = await _until(laptop, "streaming_end")
    assert replay[-1]["reply_id"] == on_laptop[-1]["reply_id"]
    assert replay[-1]["final_content"] == on_laptop[-1]["final_content"]
    count = await Message.objects.filter(conversation_id=session_id, role="assistant").acount()
    assert count == 1
    await laptop.close()
    await phone.close()


async def test_disconnect_mid_stream_resume_and_stop(server):
    _guest_id, token = guest_token_issue()
    url = f"{server}/ws/chat/?guest_token={token}"  # a mobile client: no Origin header
    first, session_id = await _open(url)
    await first.send(json.dumps({"type": "user_message", "content": ODDS_QUESTION, "message_id": "m-1"}))
    seen = await _until(first, "streaming_response")
    await first.close()  # mid-stream: the turn goes on without any socket
    last_seq = max(f["seq"] for f in seen if "seq" in f)
    await asyncio.sleep(0.5)

    second, _ = await _open(f"{server}/ws/chat/{session_id}/?guest_token={token}")
    await second.send(json.dumps({"type": "resume", "message_id": "m-1", "last_seq": last_seq}))
    frames = await _until(second, "streaming_end")
    seqs = [f["seq"] for f in frames if "seq" in f]
    assert seqs[0] == last_seq + 1
    assert seqs == list(range(last_seq + 1, last_seq + 1 + len(seqs)))
    reply = await Message.objects.aget(pk=int(frames[-1]["reply_id"]))
    assert reply.status == Message.Status.COMPLETE
    assert frames[-1]["final_content"] == reply.content
    await _recv(second)  # typing off

    # Stop: generation ends on the server, the partial text is kept and marked cancelled.
    await second.send(
        json.dumps({"type": "user_message", "content": ODDS_QUESTION + " Again", "message_id": "m-2"})
    )
    await _until(second, "streaming_response")
    await second.send(json.dumps({"type": "stop"}))
    end = (await _until(second, "streaming_end"))[-1]
    assert end["status"] == "cancelled"
    stopped = await Message.objects.aget(pk=int(end["reply_id"]))
    assert stopped.status == Message.Status.CANCELLED
    assert stopped.content == end["final_content"]
    assert len(stopped.content) < len(reply.content)
    await second.close()


async def test_foreign_session_and_anonymous_native_clients_are_refused(server):
    other = await Conversation.objects.acreate(guest_id="guest-someone-else")
    _, token = guest_token_issue()
    with pytest.raises(InvalidStatus) as refused:
        await connect(f"{server}/ws/chat/{other.pk}/?guest_token={token}", open_timeout=TIMEOUT)
    assert refused.value.response.status_code == 403
    with pytest.raises(InvalidStatus):
        await connect(f"{server}/ws/chat/", open_timeout=TIMEOUT)  # no Origin, no token
    with pytest.raises(InvalidStatus):
        await connect(
            f"{server}/ws/chat/?guest_token={token}",
            origin=Origin("https://evil.example"),
            open_timeout=TIMEOUT,
        )
    ws, _ = await _open(f"{server}/ws/chat/?guest_token={token}")
    await ws.send(b"\x00binary")
    assert (await _recv(ws))["error_code"] == "UNSUPPORTED_FRAME"
    await ws.send("{broken")
    assert (await _recv(ws))["error_code"] == "INVALID_JSON"
    await ws.close()
