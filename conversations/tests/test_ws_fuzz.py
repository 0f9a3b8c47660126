"""Hypothesis fuzzing of WebSocket frames: no crash, the socket stays open, and every bad frame is
answered with an error frame carrying a stable code."""

from __future__ import annotations

import json

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chatbet_site.asgi import application
from conversations.identity import guest_token_issue
from conversations.tests.test_consumers import settle_turns

pytestmark = pytest.mark.django_db(transaction=True)

ERROR_CODES = {
    "INVALID_JSON",
    "INVALID_MESSAGE",
    "UNKNOWN_TYPE",
    "MESSAGE_TOO_LONG",
    "UNSUPPORTED_FRAME",
    "RATE_LIMITED",
    "SESSION_MISMATCH",
    "MESSAGE_NOT_FOUND",
    "NOT_STREAMING",
    "TURN_IN_PROGRESS",
}
TYPES = [
    "user_message",
    "typing",
    "ping",
    "resume",
    "stop",
    "regenerate",
    "feedback",
    "subscribe",
    "nonsense",
]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
frames = st.one_of(
    st.text(min_size=1, max_size=200),  # mostly not JSON
    json_values.map(json.dumps),  # JSON that is not an object, or an object without a type
    st.fixed_dictionaries(
        {"type": st.sampled_from(TYPES)},
        optional={
            "content": json_values,
            "message_id": json_values,
            "last_seq": json_values,
            "rating": json_values,
            "session_id": json_values,
            "metadata": json_values,
        },
    ).map(json.dumps),
)


async def _exchange(batch: list[str]) -> tuple[list[str], int]:
    _, token = guest_token_issue()
    communicator = WebsocketCommunicator(application, f"/ws/chat/?guest_token={token}")
    connected, _ = await communicator.connect(timeout=10)
    assert connected
    await communicator.receive_json_from(timeout=10)  # connection_ack
    await communicator.receive_json_from(timeout=10)  # session_created
    for text in batch:
        await communicator.send_to(text_data=text)
    await communicator.send_to(bytes_data=b"\x00\x01")
    await communicator.send_to(text_data=json.dumps({"type": "ping", "timestamp": "end-of-batch"}))
    errors: list[str] = []
    while True:
        frame = await communicator.receive_json_from(timeout=20)
        if frame["type"] == "error":
            errors.append(frame["error_code"])
        if frame["type"] == "pong" and frame.get("client_timestamp") == "end-of-batch":
            break
    await communicator.disconnect()
    await settle_turns()
    return errors, len(batch)


def _not_json_object(text: str) -> bool:
    try:
        return not isinstance(json.loads(text), dict)
    except ValueError:
        return True


@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(batch=st.lists(frames, min_size=10, max_size=30))
def test_random_frames_never_crash_the_consumer_and_bad_ones_get_error_codes(batch):
    errors, _ = async_to_sync(_exchange)(batch)
    # The socket answered the final ping, so it survived every frame; each frame that is not a
    # JSON object, and the binary frame, got an error with a known code.
    assert set(errors) <= ERROR_CODES | {"TURN_FAILED"}
    assert len(errors) >= sum(_not_json_object(text) for text in batch) + 1
    assert "UNSUPPORTED_FRAME" in errors
