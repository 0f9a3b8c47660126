"""conversations.streaming without a socket: the detached turn, its buffer, and stop requests
arriving from another process through the channel layer."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer

from conversations import services, streaming
from conversations.models import Conversation, Message
from conversations.tests.sportsdata_fixture import clasico_create
from conversations.tests.test_consumers import (
    ODDS_QUESTION,
    TIMEOUT,
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


async def _listen(conversation_id) -> tuple[str, Any]:
    """A channel in the conversation's group, as a consumer would have."""
    layer = get_channel_layer()
    channel = await layer.new_channel()
    await layer.group_add(streaming.conversation_group(conversation_id), channel)
    return channel, layer


async def _events_until_end(layer, channel) -> list[dict]:
    events = []
    while True:
        message = await asyncio.wait_for(layer.receive(channel), timeout=TIMEOUT)
        assert message["type"] == streaming.STREAM_EVENT
        events.append(message["event"])
        if message["event"]["kind"] in ("end", "error"):
            return events


async def test_turn_runs_detached_and_its_buffer_matches_the_live_events(sports):
    conversation = await database_sync_to_async(Conversation.objects.create)(guest_id="guest-1")
    channel, layer = await _listen(conversation.pk)
    result = await streaming.turn_submit(
        conversation_id=conversation.pk, content=ODDS_QUESTION, client_message_id="m-1"
    )
    assert isinstance(result, streaming.TurnStarted)
    live = await _events_until_end(layer, channel)
    assert [e["seq"] for e in live] == list(range(1, len(live) + 1))
    assert live[0]["kind"] == "start"
    assert {e["reply_id"] for e in live} == {result.reply_id}

    buffered = await streaming.events_since(result.reply_id, 0)
    assert buffered is not None
    assert buffered == live  # full_content is rebuilt for buffered chunks
    tail = await streaming.events_since(result.reply_id, len(live) - 2)
    assert tail is not None
    assert [e["seq"] for e in tail] == [len(live) - 1, len(live)]
    assert await streaming.events_since(result.reply_id + 999, 0) is None

    again = await streaming.turn_submit(
        conversation_id=conversation.pk, content=ODDS_QUESTION, client_message_id="m-1"
    )
    assert isinstance(again, streaming.TurnExisting)
    assert again.reply.pk == result.reply_id


async def test_turn_in_progress_for_another_message(sports, settings, monkeypatch):
    slow_stream(settings, monkeypatch)
    conversation = await database_sync_to_async(Conversation.objects.create)(guest_id="guest-1")
    first = await streaming.turn_submit(
        conversation_id=conversation.pk, content=ODDS_QUESTION, client_message_id="m-1"
    )
    assert isinstance(first, streaming.TurnStarted)
    with pytest.raises(services.TurnInProgress):
        await streaming.turn_submit(conversation_id=conversation.pk, content="hello", client_message_id="m-2")
    # The same message again is not "in progress": it is the running turn, to resume.
    same = await streaming.turn_submit(
        conversation_id=conversation.pk, content=ODDS_QUESTION, client_message_id="m-1"
    )
    assert isinstance(same, streaming.TurnExisting)
    assert same.reply.pk == first.reply_id
    assert same.reply.status == Message.Status.STREAMING
    await streaming.turn_stop(conversation_id=conversation.pk, reply_id=first.reply_id)


async def test_stop_request_from_another_process_reaches_the_owning_turn(sports, settings, monkeypatch):
    slow_stream(settings, monkeypatch)
    conversation = await database_sync_to_async(Conversation.objects.create)(guest_id="guest-1")
    channel, layer = await _listen(conversation.pk)
    result = await streaming.turn_submit(
        conversation_id=conversation.pk, content=ODDS_QUESTION, client_message_id="m-1"
    )
    assert isinstance(result, streaming.TurnStarted)
    for _ in range(4):
        await asyncio.wait_for(layer.receive(channel), timeout=TIMEOUT)
    # Another process has no task for this reply in its registry: it publishes the request.
    task = streaming._running.pop(result.reply_id)
    await streaming.turn_stop(conversation_id=conversation.pk, reply_id=result.reply_id)
    streaming._running[result.reply_id] = task
    assert not task.cancelling()  # not cancelled locally: the request went through Redis
    events = await _events_until_end(layer, channel)
    end = events[-1]
    assert (end["kind"], end["status"]) == ("end", "cancelled")
    reply = await Message.objects.aget(pk=result.reply_id)
    assert reply.status == Message.Status.CANCELLED
    assert reply.content == end["content"]
    assert streaming.turns_running() == 0


async def test_database_replay_of_finished_replies(sports):
    conversation = await database_sync_to_async(Conversation.objects.create)(guest_id="guest-1")
    user, _ = await database_sync_to_async(services.message_append_user)(
        conversation=conversation, content="hi", client_message_id="m-1"
    )
    failed = await Message.objects.acreate(
        conversation=conversation, parent=user, role="assistant", status="failed", error_code="TURN_FAILED"
    )
    events = streaming.message_replay(failed, client_message_id="m-1")
    assert [e["kind"] for e in events] == ["start", "error"]
    done = await Message.objects.acreate(
        conversation=conversation, parent=user, role="assistant", status="complete", content="Hello!"
    )
    events = streaming.message_replay(done, client_message_id="m-1")
    assert [(e["kind"], e["seq"]) for e in events] == [("start", 1), ("chunk", 2), ("end", 3)]
    assert events[1]["full_content"] == events[2]["content"] == "Hello!"
    assert all(e["replayed"] for e in events)


async def test_a_burst_of_chunks_is_coalesced_in_order_and_nothing_is_lost(sports):
    conversation = await database_sync_to_async(Conversation.objects.create)(guest_id="guest-1")
    channel, layer = await _listen(conversation.pk)
    reply = await database_sync_to_async(Message.objects.create)(
        conversation=conversation, role=Message.Role.ASSISTANT, status=Message.Status.STREAMING
    )
    publisher = streaming.TurnPublisher(conversation_id=conversation.pk, client_message_id="m-1")
    await publisher({"type": "start", "message_id": reply.pk})
    pieces = [f"word{i} " for i in range(40)]
    for piece in pieces:  # a burst: no chunk waits for Redis
        await publisher({"type": "chunk", "content": piece})
    await publisher({"type": "tool_activity", "tool": "get_odds", "status": "started", "label": "x"})
    await publisher({"type": "chunk", "content": "after the tool"})
    reply.content = "".join(pieces) + "after the tool"
    reply.status = Message.Status.COMPLETE
    await publisher.finish(reply)

    events = await _events_until_end(layer, channel)
    kinds = [e["kind"] for e in events]
    assert kinds[0] == "start"
    assert kinds[-1] == "end"
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    chunks = [e for e in events if e["kind"] == "chunk"]
    assert 2 <= len(chunks) < len(pieces)  # merged, yet the tool event still splits them
    assert kinds.index("tool") < len(kinds) - 2
    assert events[kinds.index("tool") + 1]["content"] == "after the tool"
    assert [c["index"] for c in chunks] == list(range(len(chunks)))
    text = ""
    for chunk in chunks:
        text += chunk["content"]
        assert chunk["full_content"] == text
    assert text == reply.content
    assert events[-1]["total_chunks"] == len(chunks)
    buffered = await streaming.events_since(reply.pk, 0)
    assert buffered is not None
    assert [e["seq"] for e in buffered] == [e["seq"] for e in events]
