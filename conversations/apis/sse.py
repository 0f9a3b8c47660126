"""The send endpoint as Server-Sent Events: the same live turn the WebSocket uses, one HTTP stream.

Each event has `id: <reply id>:<seq>`, so a client that lost the connection re-sends the same
message (same message_id) with `Last-Event-ID` and gets only what it missed: from the stream
buffer while the reply is being written, from the database once it is done. The turn runs
detached, so a dropped connection never stops it.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncIterator
from typing import Any

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


_MAX_ID = 2**63 - 1  # a bigint primary key; beyond it the database refuses the number itself


def parse_last_event_id(raw: str | None) -> tuple[int, int] | None:
    """(reply id, seq) from `Last-Event-ID: <reply>:<seq>`; anything else starts afresh."""
    if not raw:
        return None
    reply, _, seq = raw.partition(":")
    try:
        parsed = int(reply), int(seq)
    except ValueError:
        return None
    return parsed if 0 < parsed[0] <= _MAX_ID and 0 <= parsed[1] <= _MAX_ID else None


def _event_frame(event: dict[str, Any]) -> str:
    data = {k: v for k, v in event.items() if k != "kind"}
    return sse_frame(
        EVENT_NAMES.get(event["kind"], event["kind"]), data, f"{event['reply_id']}:{event['seq']}"
    )


async def _events(user_message: Message, resume: tuple[int, int] | None) -> AsyncIterator[str]:
    client_id = user_message.client_message_id
    reply_id, last_seq = await _start_or_resume(user_message, resume)
    if reply_id is None:
        yield sse_frame(
            "error", {"error_code": "TURN_IN_PROGRESS", "message": "Another message is being answered."}
        )
        return
    events = streaming.turn_events(
        conversation_id=user_message.conversation_id,
        reply_id=reply_id,
        client_message_id=client_id,
        after_seq=last_seq,
        idle_s=HEARTBEAT_S,
    )
    async with contextlib.aclosing(events):
        async for event in events:
            # Nothing for a while: a comment keeps proxies from closing an idle stream.
            yield ": ping\n\n" if event is None else _event_frame(event)


async def _start_or_resume(user_message: Message, resume: tuple[int, int] | None) -> tuple[int | None, int]:
    """(reply id, last seq already seen); reply id None when another message's turn is running."""
    if resume is not None:
        reply = await Message.objects.filter(pk=resume[0], parent=user_message).afirst()
        if reply is not None:
            return reply.pk, resume[1]
    try:
        started = await streaming.turn_start(
            conversation_id=user_message.conversation_id,
            user_message_id=user_message.pk,
            client_message_id=user_message.client_message_id,
        )
    except services.TurnInProgress:
        return None, 0
    if isinstance(started, streaming.TurnStarted):
        return started.reply_id, 0
    return started.reply.pk, 0


def sse_response(*, user_message: Message, last_event_id: str | None) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        _events(user_message, parse_last_event_id(last_event_id)), content_type="text/event-stream"
    )
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"
    return response
