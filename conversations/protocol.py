"""The chat WebSocket protocol's server frames (docs/websocket.md), built from stream events.

Compatible with the protocol earlier ChatBet clients spoke (connection_ack, session_created,
typing, streaming_start/response/end, error, pong), extended with seq, reply_id, tool_activity
and replay markers. Every frame carries type, session_id, message_id and timestamp.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.utils import timezone

PROTOCOL_VERSION = 2
SUPPORTED_FEATURES = [
    "streaming_responses",
    "typing_indicators",
    "sports_updates",
    "ping_pong",
    "resume",
    "stop",
    "regenerate",
    "feedback",
    "tool_activity",
    "idempotent_messages",
]

ERROR_MESSAGES = {
    "INVALID_JSON": "The frame is not valid JSON.",
    "UNKNOWN_TYPE": "Unknown message type.",
    "INVALID_MESSAGE": "The message is missing a field or has a wrong one.",
    "MESSAGE_TOO_LONG": "The message is too long.",
    "UNSUPPORTED_FRAME": "Binary frames are not supported; send JSON text.",
    "RATE_LIMITED": "Too many messages; slow down and retry shortly.",
    "TURN_IN_PROGRESS": "The assistant is still answering another message in this conversation.",
    "MESSAGE_NOT_FOUND": "No such message in this conversation.",
    "NOT_STREAMING": "Nothing is being generated for that message.",
    "SESSION_MISMATCH": "The message names another session than this connection's.",
    "TURN_FAILED": "The assistant could not answer this message. Try again or rephrase it.",
    "INTERNAL_ERROR": "Something went wrong on our side.",
}


def frame(
    kind: str, *, session_id: str | None, message_id: str | None = None, **fields: Any
) -> dict[str, Any]:
    """A server frame; frames not about a client message get a fresh server message id."""
    return {
        "type": kind,
        "session_id": session_id,
        "message_id": message_id or f"srv-{uuid.uuid4().hex}",
        "timestamp": fields.pop("timestamp", None) or timezone.now().isoformat(),
        **fields,
    }


def error_frame(
    code: str,
    *,
    session_id: str | None,
    message_id: str | None = None,
    details: dict[str, Any] | None = None,
    message: str | None = None,
) -> dict[str, Any]:
    return frame(
        "error",
        session_id=session_id,
        message_id=message_id,
        error_code=code,
        error_message=message or ERROR_MESSAGES.get(code, code),
        details=details or {},
    )


def stream_frames(event: dict[str, Any], *, session_id: str) -> list[dict[str, Any]]:
    """The frames for one stream event (see conversations.streaming): a start also shows the
    assistant typing, an end or error stops it. Replayed events are marked `replayed`."""
    kind = event["kind"]
    replayed = bool(event.get("replayed"))
    common: dict[str, Any] = {
        "session_id": session_id,
        "message_id": event["message_id"],
        "timestamp": event.get("at"),
        "seq": event["seq"],
        "reply_id": str(event["reply_id"]),
    }
    if replayed:
        common["replayed"] = True
    typing = {"session_id": session_id, "message_id": event["message_id"], "source": "assistant"}
    if kind == "start":
        frames = [] if replayed else [frame("typing", **typing, is_typing=True)]
        return [*frames, frame("streaming_start", **common)]
    if kind == "tool":
        fields = {k: event[k] for k in ("tool", "status", "label", "ok") if k in event}
        return [frame("tool_activity", **common, **fields)]
    if kind == "chunk":
        return [
            frame(
                "streaming_response",
                **common,
                content=event["content"],
                full_content=event.get("full_content", event["content"]),
                chunk_index=event["index"],
                is_final=False,
            )
        ]
    if kind == "replace":
        # Not in the old protocol: show `full_content` instead of the text streamed so far.
        return [frame("streaming_replace", **common, full_content=event["content"])]
    stop_typing = [] if replayed else [frame("typing", **typing, is_typing=False)]
    if kind == "end":
        end = frame(
            "streaming_end",
            **common,
            final_content=event.get("content", ""),
            total_chunks=event.get("total_chunks", 0),
            response_time_ms=event.get("latency_ms"),
            suggested_actions=event.get("suggested_actions", []),
            detected_intent=event.get("intent", ""),
            function_calls_made=event.get("tools", []),
            status=event.get("status", "complete"),
        )
        return [end, *stop_typing]
    code = str(event.get("error_code") or "TURN_FAILED")
    error = frame(
        "error",
        **common,
        error_code=code,
        error_message=ERROR_MESSAGES.get(code, ERROR_MESSAGES["TURN_FAILED"]),
        details={"reply_id": str(event["reply_id"]), "status": "failed"},
    )
    return [error, *stop_typing]
