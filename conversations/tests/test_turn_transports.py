"""One turn, every transport: a REST JSON send is the same live turn the WebSocket and SSE follow,
so a resend over another transport joins it, stop cancels it, and every socket sees it."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer
from channels.testing import HttpCommunicator
from django.core.management import call_command
from django.utils import timezone

from betting import services as betting_services
from betting.selectors import Owner
from chatbet_site.asgi import application
from conversations import services, streaming
from conversations.identity import guest_token_issue
from conversations.models import Message
from conversations.tests.sportsdata_fixture import clasico_create
from conversations.tests.test_api_sse import parse
from conversations.tests.test_consumers import (
    ODDS_QUESTION,
    TIMEOUT,
    frames_until,
    open_chat,
    session_cookie_for_guest,
    settle_turns,
    slow_stream,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sports(transactional_db, settings):
    settings.CHATBET_ODDS_MAX_AGE = 10**7
    return clasico_create()


@pytest.fixture(autouse=True)
async def _turns_settled():
    yield
    await settle_turns()


async def _conversation() -> tuple[str, str, str]:
    """(guest id, token, conversation id) of an age-confirmed guest."""
    guest_id, token = guest_token_issue()
    await sync_to_async(betting_services.profile_confirm_age)(
        owner=Owner(user_id=None, guest_id=guest_id), now=timezone.now()
    )
    conversation = await sync_to_async(services.conversation_start)(guest_id=guest_id)
    return guest_id, token, str(conversation.pk)


async def _post(path: str, token: str, body: dict[str, Any] | None = None, accept: str = "application/json"):
    """A POST through the real ASGI application, as daphne serves it: each request has its own
    thread for sync code (Django's test clients share one, which serialises concurrent requests)."""
    payload = json.dumps(body or {}).encode()
    communicator = HttpCommunicator(
        application,
        "POST",
        path,
        body=payload,
        headers=[
            (b"host", b"localhost"),
            (b"content-type", b"application/json"),
            (b"content-length", str(len(payload)).encode()),
            (b"accept", accept.encode()),
            (b"authorization", f"Guest {token}".encode()),
        ],
    )
    await communicator.send_input({"type": "http.request", "body": payload})
    response = await communicator.receive_output(TIMEOUT)
    assert response["type"] == "http.response.start"
    received = b""
    while True:
        message = await communicator.receive_output(TIMEOUT)
        received += message.get("body", b"")
        if not message.get("more_body"):
            break
    await communicator.wait()
    return {"status": response["status"], "body": received}


async def _send_json(conversation_id: str, token: str, body: dict[str, Any]) -> tuple[int, dict]:
    response = await _post(f"/api/v1/conversations/{conversation_id}/messages/", token, body)
    return response["status"], json.loads(response["body"])


async def _send_sse(conversation_id: str, token: str, body: dict[str, Any]) -> list:
    response = await _post(
        f"/api/v1/conversations/{conversation_id}/messages/", token, body, accept="text/event-stream"
    )
    assert response["status"] == 200
    return parse(response["body"])


async def _listen(conversation_id: str) -> tuple[str, Any]:
    """A channel in the conversation's group, as a consumer would have."""
    layer = get_channel_layer()
    channel = await layer.new_channel()
    await layer.group_add(streaming.conversation_group(conversation_id), channel)
    return channel, layer


async def _first_chunk(layer, channel) -> dict:
    while True:
        message = await asyncio.wait_for(layer.receive(channel), timeout=TIMEOUT)
        if message.get("event", {}).get("kind") == "chunk":
            return message["event"]


async def test_same_message_id_by_rest_json_and_sse_at_once_is_one_turn(sports, settings, monkeypatch):
    slow_stream(settings, monkeypatch)
    _, token, conversation_id = await _conversation()
    channel, layer = await _listen(conversation_id)
    body = {"content": ODDS_QUESTION, "message_id": "both-1"}
    rest = asyncio.create_task(_send_json(conversation_id, token, body))
    first = await _first_chunk(layer, channel)  # the REST JSON turn is streaming
    # Before the one turn runner, this joined nothing and waited forever.
    sse_events = await asyncio.wait_for(_send_sse(conversation_id, token, body), TIMEOUT)
    assert not rest.done() or sse_events[0][2]["at"] < first["at"]  # they overlapped
    status, reply = await asyncio.wait_for(rest, TIMEOUT)

    assert status == 201
    assert reply["status"] == Message.Status.COMPLETE
    assert "3.40" in reply["message"]
    name, end = sse_events[-1][1], sse_events[-1][2]
    assert name == "streaming_end"
    assert str(end["reply_id"]) == reply["message_id"]
    assert end["content"] == reply["message"]
    assert not end.get("replayed")  # followed live, not replayed from the database afterwards
    # The SSE request joined mid-stream: it still has the whole text, from the first chunk on.
    chunks = "".join(data["content"] for _, event, data in sse_events if event == "streaming_response")
    assert chunks == reply["message"]
    replies = [
        m async for m in Message.objects.filter(conversation_id=conversation_id, role=Message.Role.ASSISTANT)
    ]
    assert [m.pk for m in replies] == [int(reply["message_id"])]


async def test_stop_during_a_rest_json_turn_ends_it_as_cancelled(sports, settings, monkeypatch):
    slow_stream(settings, monkeypatch)
    _, token, conversation_id = await _conversation()
    channel, layer = await _listen(conversation_id)
    rest = asyncio.create_task(
        _send_json(conversation_id, token, {"content": ODDS_QUESTION, "message_id": "stop-1"})
    )
    chunk = await _first_chunk(layer, channel)
    stop = await _post(f"/api/v1/conversations/{conversation_id}/messages/{chunk['reply_id']}/stop", token)
    assert stop["status"] == 200
    assert json.loads(stop["body"])["status"] == Message.Status.CANCELLED
    status, reply = await asyncio.wait_for(rest, TIMEOUT)
    assert status == 201
    assert reply["status"] == Message.Status.CANCELLED
    assert reply["message_id"] == str(chunk["reply_id"])
    stored = await Message.objects.aget(pk=chunk["reply_id"])
    assert stored.status == Message.Status.CANCELLED
    assert stored.content == reply["message"]
    assert "3.40" not in stored.content  # stopped before the odds were written


async def test_a_websocket_of_the_conversation_sees_a_rest_json_turn(sports):
    guest_id, token, conversation_id = await _conversation()
    cookie = await sync_to_async(session_cookie_for_guest)(guest_id)
    communicator, _ = await open_chat(
        f"/ws/chat/{conversation_id}/", headers=[(b"origin", b"http://localhost"), cookie]
    )
    status, reply = await _send_json(
        conversation_id, token, {"content": ODDS_QUESTION, "message_id": "rest-1"}
    )
    assert status == 201
    frames = await frames_until(communicator, "streaming_end")
    chunks = [f for f in frames if f["type"] == "streaming_response"]
    assert chunks
    assert all(f["message_id"] == "rest-1" for f in chunks)
    assert "".join(f["content"] for f in chunks) == reply["message"]
    assert frames[-1]["reply_id"] == reply["message_id"]
    await communicator.disconnect()


def test_evaluate_assistant_turns_follow_the_dialogue_of_the_conversation(sports, tmp_path):
    """The command goes through the live turn too; each turn sees the context the one before saved."""
    cases = tmp_path / "cases.jsonl"
    case = {
        "id": "c1",
        "lang": "en",
        "turns": [{"user": "When does Barcelona play?"}, {"user": "And the odds?"}],
    }
    cases.write_text(json.dumps(case))
    output = tmp_path / "results.jsonl"
    call_command("evaluate_assistant", str(cases), "--output", str(output), "--engine", "offline")
    lines = [json.loads(line) for line in output.read_text().splitlines()]
    assert [line["turn"] for line in lines] == [0, 1]
    assert lines[1]["entities"]["teams"] == ["Barcelona", "Real Madrid"]
    assert "3.40" in lines[1]["reply"]
