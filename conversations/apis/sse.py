"""The send endpoint as Server-Sent Events: the same live turn the WebSocket uses, one HTTP stream.

Each event has `id: <reply id>:<seq>`, so a client that lost the connection re-sends the same
message (same message_id) with `Last-Event-ID` and gets only what it missed: from the stream
buffer while the reply is being written, from the database once it is done. The turn runs
detached, so a dropped connection never stops it.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from django.http import StreamingHttpResponse
from rest_framework.renderers import BaseRenderer

from conversations import services, streaming
from conversations.models import Message

HEARTBEAT_S = 15.0
# Event names: the stream kinds, as the WebSocket's streamed frames name them.
EVENT_NAMES = {
    "start": "streaming_start",
    "tool": "tool_activity",
    "chunk": "streaming_response",
    "replace": "streaming_replace",
    "end": "streaming_end",
    "error": "error",
}


class EventStreamRenderer(BaseRenderer):
    """Lets DRF accept `Accept: text/event-stream`; errors before the stream become one SSE event."""

    media_type = "text/event-stream"
    format = "sse"
    charset = "utf-8"

    def render(
        self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None
    ) -> bytes:
        return sse_frame("error", data if isinstance(data, dict) else {"detail": data}).encode()


def sse_frame(event: str, data: dict[str, Any], event_id: str | None = None) -> str:
    head = f"id: {event_id}\n" if event_id else ""
    return f"{head}event: {event}\ndata: {json.dumps(data, default=str, ensure_ascii=False)}\n\n"


def parse_last_event_id(raw: str | None) -> tuple[int, int] | None:
    if not raw:
        return None
    reply, _, seq = raw.partition(":")
    try:
        return int(reply), int(seq)
    except ValueError:
        return None


def _event_frame(event: dict[str, Any]) -> str:
    data = {k: v for k, v in event.items() if k != "kind"}
    return sse_frame(
        EVENT_NAMES.get(event["kind"], event["kind"]), data, f"{event['reply_id']}:{event['seq']}"
    )


async def _events(user_message: Message, resume: tuple[int, int] | None) -> AsyncIterator[str]:
    layer = get_channel_layer()
    assert layer is not None
    channel = await layer.new_channel("sse.")
    group = streaming.conversation_group(user_message.conversation_id)
    # Join the group before starting or resuming, so no live event falls between buffer and group.
    await layer.group_add(group, channel)
    try:
        reply_id, last_seq, backlog = await _start_or_resume(user_message, resume)
        if reply_id is None:
            yield sse_frame(
                "error", {"error_code": "TURN_IN_PROGRESS", "message": "Another message is being answered."}
            )
            return
        for event in backlog:
            if event["seq"] > last_seq:
                last_seq = event["seq"]
                yield _event_frame(event)
                if event["kind"] in ("end", "error"):
                    return
        while True:
            try:
                message = await asyncio.wait_for(layer.receive(channel), timeout=HEARTBEAT_S)
            except TimeoutError:
                yield ": ping\n\n"  # keeps proxies from closing an idle stream
                continue
            event = message.get("event") or {}
            if event.get("reply_id") != reply_id or event.get("seq", 0) <= last_seq:
                continue
            last_seq = event["seq"]
            yield _event_frame(event)
            if event["kind"] in ("end", "error"):
                return
    finally:
        await layer.group_discard(group, channel)


async def _start_or_resume(
    user_message: Message, resume: tuple[int, int] | None
) -> tuple[int | None, int, list[dict[str, Any]]]:
    """(reply id, last seq already seen, events to send first); reply id None when refused."""
    client_id = user_message.client_message_id
    if resume is not None:
        reply = await Message.objects.filter(pk=resume[0], parent=user_message).afirst()
        if reply is not None:
            return reply.pk, resume[1], await _backlog(reply, client_id)
    try:
        started = await streaming.turn_start(
            conversation_id=user_message.conversation_id,
            user_message_id=user_message.pk,
            client_message_id=client_id,
        )
    except services.TurnInProgress:
        return None, 0, []
    if isinstance(started, streaming.TurnStarted):
        # The turn may already have published events before we read: take them from the buffer.
        return started.reply_id, 0, await streaming.events_since(started.reply_id, 0) or []
    return started.reply.pk, 0, await _backlog(started.reply, client_id)


async def _backlog(reply: Message, client_id: str) -> list[dict[str, Any]]:
    buffered = await streaming.events_since(reply.pk, 0)
    if buffered is not None:
        return buffered
    await reply.arefresh_from_db()
    if reply.status == Message.Status.STREAMING:
        return []  # still running elsewhere with no buffer here: live events will follow
    return await database_sync_to_async(streaming.message_replay)(reply, client_message_id=client_id)


def sse_response(*, user_message: Message, last_event_id: str | None) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        _events(user_message, parse_last_event_id(last_event_id)), content_type="text/event-stream"
    )
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"
    return response
