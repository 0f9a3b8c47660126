"""The chat WebSocket over the real Redis channel layer: every event, error code and refusal.

Also holds the communicator helpers the other live-chat test modules import.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
from asgiref.sync import sync_to_async
from channels.consumer import get_handler_name
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from channels.testing import WebsocketCommunicator
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.db import connections
from django.utils import timezone
from rest_framework_simplejwt.tokens import AccessToken

from chatbet_site.asgi import application
from conversations import ratelimit, streaming
from conversations.assistant import turn as turn_module
from conversations.consumers import ChatConsumer, JsonFrameConsumer, SportsUpdatesConsumer
from conversations.identity import SESSION_KEY, guest_token_issue
from conversations.models import Conversation, Feedback, Message
from conversations.tests.sportsdata_fixture import clasico_create
from sportsdata.models import Fixture
from sportsdata.services import SPORTS_UPDATES_GROUP

ORIGIN = (b"origin", b"http://localhost")
ODDS_QUESTION = "What are the odds for Barcelona vs Real Madrid?"
TIMEOUT = 10


# --- helpers shared with test_streaming and test_ws_e2e ----------------------------------------


def session_cookie_for_guest(guest_id: str) -> tuple[bytes, bytes]:
    session = SessionStore()
    session[SESSION_KEY] = guest_id
    session.save()
    return (b"cookie", f"sessionid={session.session_key}".encode())


async def connect(path: str = "/ws/chat/", headers: list[tuple[bytes, bytes]] | None = None, **kw: Any):
    communicator = WebsocketCommunicator(
        application, path, headers=headers if headers is not None else [ORIGIN], **kw
    )
    connected, code = await communicator.connect(timeout=TIMEOUT)
    return communicator, connected, code


async def open_chat(path: str = "/ws/chat/", headers: list[tuple[bytes, bytes]] | None = None):
    """A connected chat socket after its connection_ack and session_created."""
    communicator, connected, code = await connect(path, headers)
    assert connected, code
    ack = await communicator.receive_json_from(timeout=TIMEOUT)
    created = await communicator.receive_json_from(timeout=TIMEOUT)
    assert ack["type"] == "connection_ack"
    assert created["type"] == "session_created"
    return communicator, created["session_id"]


async def frames_until(
    communicator: WebsocketCommunicator, *types: str, timeout: float = TIMEOUT
) -> list[dict]:
    """Frames up to and including the first one whose type is in `types`."""
    frames = []
    while True:
        frame = await communicator.receive_json_from(timeout=timeout)
        frames.append(frame)
        if frame["type"] in types:
            return frames


def slow_stream(settings, monkeypatch, delay_ms: int = 40) -> None:
    monkeypatch.setattr(turn_module, "CHUNK_WORDS", 1)
    settings.CHAT_STREAM_CHUNK_DELAY_MS = delay_ms


async def settle_turns() -> None:
    """Wait for turn tasks still running (a test may leave one behind on purpose), then close
    this loop's Redis client."""
    pending = [task for task in list(streaming._background) if not task.done()]
    if pending:
        _, still = await asyncio.wait(pending, timeout=TIMEOUT)
        for task in still:
            task.cancel()
    await streaming.transport_close()
    # The turns' sync ORM work ran on asgiref's shared thread: close its connection.
    await sync_to_async(connections.close_all)()


# --- fixtures --------------------------------------------------------------------------------


@pytest.fixture
def sports(transactional_db, settings) -> Fixture:
    settings.CHATBET_ODDS_MAX_AGE = 10**7
    return clasico_create()


@pytest.fixture(autouse=True)
async def _turns_settled() -> AsyncIterator[None]:
    yield
    await settle_turns()


pytestmark = pytest.mark.django_db(transaction=True)


# --- connect, identity, ownership ------------------------------------------------------------


async def test_new_conversation_ack_and_session_created(sports):
    communicator, connected, _ = await connect()
    assert connected
    ack = await communicator.receive_json_from(timeout=TIMEOUT)
    created = await communicator.receive_json_from(timeout=TIMEOUT)
    assert ack["type"] == "connection_ack"
    assert {
        "client_id",
        "server_time",
        "supported_features",
        "session_id",
        "message_id",
        "timestamp",
    } <= ack.keys()
    assert {"streaming_responses", "resume", "stop", "regenerate", "feedback"} <= set(
        ack["supported_features"]
    )
    assert created["type"] == "session_created"
    assert created["created"] is True
    assert created["user_id"].startswith("guest-")
    conversation = await Conversation.objects.aget(pk=created["session_id"])
    assert conversation.guest_id == created["user_id"]
    await communicator.disconnect()


async def test_browser_guest_reconnects_to_its_conversation_by_path_and_query(sports):
    cookie = await database_sync_to_async(session_cookie_for_guest)("guest-abc")
    first, session_id = await open_chat(headers=[ORIGIN, cookie])
    await first.disconnect()
    for path in (f"/ws/chat/{session_id}/", f"/ws/chat/?session_id={session_id}"):
        again, same = await open_chat(path, headers=[ORIGIN, cookie])
        assert same == session_id
        await again.disconnect()


async def test_foreign_unknown_and_malformed_sessions_are_refused_before_accept(sports):
    other = await database_sync_to_async(Conversation.objects.create)(guest_id="guest-someone-else")
    cookie = await database_sync_to_async(session_cookie_for_guest)("guest-me")
    for path, expected in (
        (f"/ws/chat/{other.pk}/", 4403),
        (f"/ws/chat/?session_id={other.pk}", 4403),
        (f"/ws/chat/{uuid.uuid4()}/", 4404),
        ("/ws/chat/not-a-uuid/", 4404),
    ):
        _communicator, connected, code = await connect(path, headers=[ORIGIN, cookie])
        assert (connected, code) == (False, expected), path


async def test_jwt_without_origin_is_accepted_and_scoped_to_its_user(sports):
    users = get_user_model()
    ana = await database_sync_to_async(users.objects.create_user)(username="ana")
    bob = await database_sync_to_async(users.objects.create_user)(username="bob")
    bobs = await database_sync_to_async(Conversation.objects.create)(user=bob)
    token = str(AccessToken.for_user(ana))

    communicator, connected, _ = await connect(f"/ws/chat/?token={token}", headers=[])
    assert connected
    await communicator.receive_json_from(timeout=TIMEOUT)
    created = await communicator.receive_json_from(timeout=TIMEOUT)
    assert created["user_id"] == f"user-{ana.pk}"
    await communicator.disconnect()

    # The bearer subprotocol works too, and the token is not echoed back.
    communicator, connected, subprotocol = await connect(
        "/ws/chat/", headers=[], subprotocols=["chatbet", f"bearer.{token}"]
    )
    assert (connected, subprotocol) == (True, "chatbet")
    await communicator.disconnect()

    _, connected, code = await connect(f"/ws/chat/{bobs.pk}/?token={token}", headers=[])
    assert (connected, code) == (False, 4403)


async def test_invalid_token_and_missing_credentials_are_refused(sports):
    _, connected, code = await connect("/ws/chat/?token=not-a-jwt", headers=[])
    assert (connected, code) == (False, 4401)
    # An invalid token is not downgraded to the browser session either.
    _, connected, code = await connect("/ws/chat/?token=not-a-jwt", headers=[ORIGIN])
    assert (connected, code) == (False, 4401)
    # No Origin and no token: not a browser and not authenticated.
    _, connected, _ = await connect("/ws/chat/", headers=[])
    assert not connected


async def test_browser_on_a_foreign_origin_is_refused_even_with_a_token(sports):
    user = await database_sync_to_async(get_user_model().objects.create_user)(username="ana")
    token = str(AccessToken.for_user(user))
    _, connected, _ = await connect(
        f"/ws/chat/?token={token}", headers=[(b"origin", b"https://evil.example")]
    )
    assert not connected


async def test_mobile_guest_token(sports):
    guest_id, token = guest_token_issue()
    communicator, connected, _ = await connect(f"/ws/chat/?guest_token={token}", headers=[])
    assert connected
    await communicator.receive_json_from(timeout=TIMEOUT)
    created = await communicator.receive_json_from(timeout=TIMEOUT)
    assert created["user_id"] == guest_id
    await communicator.disconnect()
    _, connected, code = await connect("/ws/chat/?guest_token=forged", headers=[])
    assert (connected, code) == (False, 4401)


# --- the streamed turn -----------------------------------------------------------------------


async def test_streamed_reply_has_the_old_protocol_shape_with_seq(sports, settings):
    # Paced like a model streaming tokens, so the reply arrives in several chunks (an instant reply
    # is coalesced into fewer publishes: see test_streaming).
    settings.CHAT_STREAM_CHUNK_DELAY_MS = 5
    communicator, session_id = await open_chat()
    await communicator.send_json_to(
        {
            "type": "user_message",
            "content": ODDS_QUESTION,
            "message_id": "m-1",
            "session_id": session_id,
            "metadata": {"client": "web"},
        }
    )
    frames = await frames_until(communicator, "streaming_end")
    typing_off = await communicator.receive_json_from(timeout=TIMEOUT)
    assert typing_off["type"] == "typing"
    assert typing_off["is_typing"] is False
    assert frames[0]["type"] == "typing"
    assert frames[0]["is_typing"] is True
    types = [f["type"] for f in frames]
    assert types[1] == "streaming_start"
    assert "tool_activity" in types
    chunks = [f for f in frames if f["type"] == "streaming_response"]
    assert len(chunks) > 1
    for frame in frames:
        assert frame["session_id"] == session_id
        assert frame["message_id"] == "m-1"
        assert frame["timestamp"]
    streamed = [f for f in frames if "seq" in f]
    assert [f["seq"] for f in streamed] == list(range(1, len(streamed) + 1))
    assert [c["chunk_index"] for c in chunks] == list(range(len(chunks)))
    text = ""
    for chunk in chunks:
        text += chunk["content"]
        assert chunk["full_content"] == text
        assert chunk["is_final"] is False
    end = frames[-1]
    reply = await Message.objects.aget(pk=int(end["reply_id"]))
    assert reply.status == Message.Status.COMPLETE
    assert end["final_content"] == reply.content == text
    assert "2.10" in reply.content
    assert end["total_chunks"] == len(chunks)
    assert end["detected_intent"] == reply.intent
    assert end["function_calls_made"] == [c["name"] for c in reply.tool_calls]
    assert end["suggested_actions"] == reply.suggested_actions
    assert isinstance(end["response_time_ms"], int)
    assert end["status"] == "complete"
    user_message = await Message.objects.aget(conversation_id=session_id, client_message_id="m-1")
    assert user_message.metadata == {"client": "web"}
    await communicator.disconnect()


async def test_resend_returns_the_first_reply_and_never_a_second(sports):
    communicator, session_id = await open_chat()
    message = {"type": "user_message", "content": ODDS_QUESTION, "message_id": "m-1"}
    await communicator.send_json_to(message)
    first = (await frames_until(communicator, "streaming_end"))[-1]
    await communicator.receive_json_from(timeout=TIMEOUT)  # typing off
    await communicator.send_json_to(message)
    replay = [f for f in await frames_until(communicator, "streaming_end") if f["type"] != "typing"]
    assert replay[0]["type"] == "streaming_start"
    assert all(f["reply_id"] == first["reply_id"] for f in replay if "reply_id" in f)
    assert replay[-1]["final_content"] == first["final_content"]
    assert await Message.objects.filter(conversation_id=session_id, role="assistant").acount() == 1
    assert await Message.objects.filter(conversation_id=session_id, role="user").acount() == 1
    await communicator.disconnect()


async def test_resend_while_streaming_resumes_the_same_turn(sports, settings, monkeypatch):
    slow_stream(settings, monkeypatch)
    communicator, session_id = await open_chat()
    message = {"type": "user_message", "content": ODDS_QUESTION, "message_id": "m-1"}
    await communicator.send_json_to(message)
    await frames_until(communicator, "streaming_response")
    await communicator.send_json_to(message)
    frames = await frames_until(communicator, "streaming_end", timeout=30)
    assert {f.get("reply_id") for f in frames if "reply_id" in f}
    assert len({f["reply_id"] for f in frames if "reply_id" in f}) == 1
    assert not [f for f in frames if f["type"] == "error"]
    assert await Message.objects.filter(conversation_id=session_id, role="assistant").acount() == 1
    await communicator.disconnect()


async def test_a_second_message_during_a_turn_gets_turn_in_progress(sports, settings, monkeypatch):
    slow_stream(settings, monkeypatch)
    communicator, _session_id = await open_chat()
    await communicator.send_json_to({"type": "user_message", "content": ODDS_QUESTION, "message_id": "m-1"})
    await frames_until(communicator, "streaming_start")
    await communicator.send_json_to({"type": "user_message", "content": "and Atletico?", "message_id": "m-2"})
    frames = await frames_until(communicator, "error")
    assert frames[-1]["error_code"] == "TURN_IN_PROGRESS"
    assert frames[-1]["message_id"] == "m-2"
    await frames_until(communicator, "streaming_end", timeout=30)
    await communicator.disconnect()


async def test_stop_cancels_generation_and_keeps_the_partial_text(sports, settings, monkeypatch):
    slow_stream(settings, monkeypatch, delay_ms=80)
    communicator, _session_id = await open_chat()
    await communicator.send_json_to({"type": "user_message", "content": ODDS_QUESTION, "message_id": "m-1"})
    await frames_until(communicator, "streaming_response")
    await communicator.send_json_to({"type": "stop", "message_id": "m-1"})
    frames = await frames_until(communicator, "streaming_end")
    end = frames[-1]
    assert end["status"] == "cancelled"
    reply = await Message.objects.aget(pk=int(end["reply_id"]))
    assert reply.status == Message.Status.CANCELLED
    assert reply.content == end["final_content"]
    assert 0 < len(reply.content) < 80
    assert streaming.turns_running() == 0
    # Nothing more is generated, and the conversation takes the next message.
    await communicator.receive_json_from(timeout=TIMEOUT)  # typing off
    assert await communicator.receive_nothing(timeout=0.4)
    settings.CHAT_STREAM_CHUNK_DELAY_MS = 0
    await communicator.send_json_to({"type": "user_message", "content": "hello", "message_id": "m-2"})
    assert (await frames_until(communicator, "streaming_end"))[-1]["status"] == "complete"
    await communicator.disconnect()


async def test_stop_without_a_running_turn_is_not_streaming(sports):
    communicator, _ = await open_chat()
    await communicator.send_json_to({"type": "stop"})
    assert (await communicator.receive_json_from(timeout=TIMEOUT))["error_code"] == "NOT_STREAMING"
    await communicator.send_json_to({"type": "stop", "message_id": "nope"})
    assert (await communicator.receive_json_from(timeout=TIMEOUT))["error_code"] == "MESSAGE_NOT_FOUND"
    await communicator.disconnect()


async def test_disconnect_mid_stream_then_resume_from_last_seq(sports, settings, monkeypatch):
    slow_stream(settings, monkeypatch)
    cookie = await database_sync_to_async(session_cookie_for_guest)("guest-resumer")
    first, session_id = await open_chat(headers=[ORIGIN, cookie])
    await first.send_json_to({"type": "user_message", "content": ODDS_QUESTION, "message_id": "m-1"})
    seen = await frames_until(first, "streaming_response")
    seen += [await first.receive_json_from(timeout=TIMEOUT) for _ in range(2)]
    await first.disconnect()
    last_seq = max(f["seq"] for f in seen if "seq" in f)
    text_so_far = [f for f in seen if f["type"] == "streaming_response"][-1]["full_content"]

    second, _ = await open_chat(f"/ws/chat/{session_id}/", headers=[ORIGIN, cookie])
    await second.send_json_to({"type": "resume", "message_id": "m-1", "last_seq": last_seq})
    frames = await frames_until(second, "streaming_end", timeout=30)
    seqs = [f["seq"] for f in frames if "seq" in f]
    assert seqs[0] == last_seq + 1
    assert seqs == sorted(seqs)
    assert len(seqs) == len(set(seqs))
    chunks = [f for f in frames if f["type"] == "streaming_response"]
    assert chunks[0]["full_content"].startswith(text_so_far)
    reply = await Message.objects.aget(pk=int(frames[-1]["reply_id"]))
    assert reply.status == Message.Status.COMPLETE
    assert text_so_far + "".join(c["content"] for c in chunks) == reply.content
    await second.disconnect()


async def test_resume_after_the_buffer_expired_replays_from_the_database(sports):
    communicator, _session_id = await open_chat()
    await communicator.send_json_to({"type": "user_message", "content": ODDS_QUESTION, "message_id": "m-1"})
    end = (await frames_until(communicator, "streaming_end"))[-1]
    await communicator.receive_json_from(timeout=TIMEOUT)  # typing off
    await communicator.send_json_to({"type": "resume", "message_id": "m-1", "last_seq": 3})
    buffered = await frames_until(communicator, "streaming_end")
    assert buffered[0]["seq"] == 4
    assert "replayed" not in buffered[-1]
    await communicator.receive_json_from(timeout=TIMEOUT)  # typing off

    client = ratelimit.redis_async_client()
    assert client is not None
    await client.delete(f"{streaming.BUFFER_PREFIX}:{end['reply_id']}")
    await communicator.send_json_to({"type": "resume", "message_id": "m-1", "last_seq": 3})
    replayed = await communicator.receive_json_from(timeout=TIMEOUT)
    assert replayed["type"] == "streaming_end"
    assert replayed["replayed"] is True
    assert replayed["final_content"] == end["final_content"]
    await communicator.send_json_to({"type": "resume", "message_id": "unknown"})
    assert (await communicator.receive_json_from(timeout=TIMEOUT))["error_code"] == "MESSAGE_NOT_FOUND"
    await communicator.disconnect()


async def test_two_sockets_of_one_conversation_both_get_the_stream(sports):
    cookie = await database_sync_to_async(session_cookie_for_guest)("guest-two-tabs")
    laptop, session_id = await open_chat(headers=[ORIGIN, cookie])
    phone, _ = await open_chat(f"/ws/chat/{session_id}/", headers=[ORIGIN, cookie])
    await phone.send_json_to({"type": "typing", "is_typing": True})
    typing = await laptop.receive_json_from(timeout=TIMEOUT)
    assert (typing["type"], typing["is_typing"], typing["source"]) == ("typing", True, "user")
    assert await phone.receive_nothing(timeout=0.2)  # not echoed to the sender

    await laptop.send_json_to({"type": "user_message", "content": ODDS_QUESTION, "message_id": "m-1"})
    on_laptop = await frames_until(laptop, "streaming_end")
    on_phone = await frames_until(phone, "streaming_end")
    assert [f["seq"] for f in on_laptop if "seq" in f] == [f["seq"] for f in on_phone if "seq" in f]
    assert on_laptop[-1]["final_content"] == on_phone[-1]["final_content"]
    await laptop.disconnect()
    await phone.disconnect()


async def test_regenerate_and_feedback(sports):
    communicator, session_id = await open_chat()
    await communicator.send_json_to({"type": "user_message", "content": ODDS_QUESTION, "message_id": "m-1"})
    first = (await frames_until(communicator, "streaming_end"))[-1]
    await communicator.receive_json_from(timeout=TIMEOUT)
    await communicator.send_json_to({"type": "regenerate", "message_id": "m-1"})
    second = (await frames_until(communicator, "streaming_end"))[-1]
    await communicator.receive_json_from(timeout=TIMEOUT)
    assert second["reply_id"] != first["reply_id"]
    assert second["message_id"] == "m-1"
    assert await Message.objects.filter(conversation_id=session_id, role="assistant").acount() == 2

    await communicator.send_json_to(
        {"type": "feedback", "message_id": "m-1", "rating": "down", "reason": "too short"}
    )
    ack = await communicator.receive_json_from(timeout=TIMEOUT)
    assert (ack["type"], ack["reply_id"], ack["rating"]) == ("feedback_received", second["reply_id"], -1)
    await communicator.send_json_to(
        {"type": "feedback", "message_id": "m-1", "rating": 1, "reply_id": int(first["reply_id"])}
    )
    assert (await communicator.receive_json_from(timeout=TIMEOUT))["reply_id"] == first["reply_id"]
    ratings = {f.message_id: (f.rating, f.reason) async for f in Feedback.objects.all()}
    assert ratings == {int(second["reply_id"]): (-1, "too short"), int(first["reply_id"]): (1, "")}

    await communicator.send_json_to({"type": "regenerate", "message_id": "nope"})
    assert (await communicator.receive_json_from(timeout=TIMEOUT))["error_code"] == "MESSAGE_NOT_FOUND"
    await communicator.send_json_to({"type": "feedback", "message_id": "m-1", "rating": 5})
    error = await communicator.receive_json_from(timeout=TIMEOUT)
    assert (error["error_code"], error["details"]["field"]) == ("INVALID_MESSAGE", "rating")
    await communicator.disconnect()


async def test_a_failing_turn_sends_turn_failed(sports, monkeypatch):
    def broken_engine(preferred=None):
        raise RuntimeError("engine down")

    monkeypatch.setattr(turn_module, "select_engine", broken_engine)
    communicator, _ = await open_chat()
    await communicator.send_json_to({"type": "user_message", "content": ODDS_QUESTION, "message_id": "m-1"})
    frames = await frames_until(communicator, "error")
    assert frames[-1]["error_code"] == "TURN_FAILED"
    assert frames[-1]["seq"] > 1
    reply = await Message.objects.aget(pk=int(frames[-1]["reply_id"]))
    assert reply.status == Message.Status.FAILED
    await communicator.disconnect()


# --- bad input -------------------------------------------------------------------------------


async def test_bad_input_gets_error_codes_and_the_socket_survives(sports):
    communicator, session_id = await open_chat()

    async def error_for(**send: Any) -> dict:
        await communicator.send_to(**send)
        frame = await communicator.receive_json_from(timeout=TIMEOUT)
        assert frame["type"] == "error"
        assert frame["session_id"] == session_id
        assert frame["error_message"]
        return frame

    assert (await error_for(text_data="{not json"))["error_code"] == "INVALID_JSON"
    assert (await error_for(text_data=json.dumps({"type": "launch_rockets"})))["error_code"] == "UNKNOWN_TYPE"
    assert (await error_for(text_data=json.dumps(["user_message"])))["error_code"] == "INVALID_MESSAGE"
    assert (await error_for(text_data=json.dumps({"content": "hi"})))["error_code"] == "INVALID_MESSAGE"
    missing_id = await error_for(text_data=json.dumps({"type": "user_message", "content": "hi"}))
    assert (missing_id["error_code"], missing_id["details"]["field"]) == ("INVALID_MESSAGE", "message_id")
    missing_content = await error_for(text_data=json.dumps({"type": "user_message", "message_id": "m-1"}))
    assert (missing_content["error_code"], missing_content["details"]["field"]) == (
        "INVALID_MESSAGE",
        "content",
    )
    too_long = await error_for(
        text_data=json.dumps({"type": "user_message", "message_id": "m-1", "content": "x" * 4001})
    )
    assert (too_long["error_code"], too_long["message_id"]) == ("MESSAGE_TOO_LONG", "m-1")
    assert (await error_for(text_data="x" * 20000))["error_code"] == "MESSAGE_TOO_LONG"
    assert (await error_for(bytes_data=b"\x00\x01"))["error_code"] == "UNSUPPORTED_FRAME"
    mismatch = await error_for(
        text_data=json.dumps(
            {"type": "user_message", "message_id": "m-1", "content": "hi", "session_id": str(uuid.uuid4())}
        )
    )
    assert mismatch["error_code"] == "SESSION_MISMATCH"
    assert await Message.objects.filter(conversation_id=session_id).acount() == 0

    await communicator.send_json_to({"type": "ping", "timestamp": "t-1"})
    pong = await communicator.receive_json_from(timeout=TIMEOUT)
    assert (pong["type"], pong["client_timestamp"]) == ("pong", "t-1")
    await communicator.disconnect()


async def test_flooding_is_rate_limited_per_user_across_sockets(sports, settings):
    settings.CHAT_RATE_MESSAGES = 2
    cookie = await database_sync_to_async(session_cookie_for_guest)("guest-flood")
    one, session_id = await open_chat(headers=[ORIGIN, cookie])
    two, _ = await open_chat(f"/ws/chat/{session_id}/", headers=[ORIGIN, cookie])
    await one.send_json_to({"type": "user_message", "content": "hello", "message_id": "m-1"})
    await frames_until(one, "streaming_end")
    await frames_until(two, "streaming_end")
    await one.receive_json_from(timeout=TIMEOUT)
    await two.receive_json_from(timeout=TIMEOUT)
    await two.send_json_to({"type": "user_message", "content": "hello", "message_id": "m-1"})
    await frames_until(two, "streaming_end")
    # The third message of this user in the window is refused, whichever socket sends it.
    await one.send_json_to({"type": "user_message", "content": "hi again", "message_id": "m-2"})
    error = await one.receive_json_from(timeout=TIMEOUT)
    assert (error["error_code"], error["message_id"]) == ("RATE_LIMITED", "m-2")
    await one.disconnect()
    await two.disconnect()


async def test_frame_flood_gets_one_rate_limited_then_silence(sports, settings):
    settings.CHAT_RATE_FRAMES = 5
    communicator, _ = await open_chat()
    for _ in range(5):
        await communicator.send_json_to({"type": "ping"})
        assert (await communicator.receive_json_from(timeout=TIMEOUT))["type"] == "pong"
    for _ in range(10):
        await communicator.send_json_to({"type": "ping"})
    error = await communicator.receive_json_from(timeout=TIMEOUT)
    assert error["error_code"] == "RATE_LIMITED"
    assert await communicator.receive_nothing(timeout=0.3)
    await communicator.disconnect()


# --- sports updates --------------------------------------------------------------------------


async def test_sports_updates_deliver_subscribed_odds_changes_only(sports):
    communicator, connected, _ = await connect("/ws/sports-updates/")
    assert connected
    assert (await communicator.receive_json_from(timeout=TIMEOUT))["type"] == "connection_ack"
    await communicator.send_json_to({"type": "subscribe", "fixture_ids": [sports.pk]})
    subscribed = await communicator.receive_json_from(timeout=TIMEOUT)
    assert (subscribed["type"], subscribed["fixture_ids"]) == ("subscribed", [sports.pk])

    layer = get_channel_layer()
    event = {
        "type": "sports.odds_changed",
        "fixture_id": sports.pk,
        "fixture_provider_id": sports.provider_id,
        "tournament_id": sports.tournament_id,
        "status": "active",
        "changes": [{"market": "result", "selection": "home", "price": "2.050", "previous": "2.100"}],
        "at": timezone.now().isoformat(),
    }
    await layer.group_send(
        SPORTS_UPDATES_GROUP, {**event, "fixture_id": sports.pk + 1000, "tournament_id": 0}
    )
    await layer.group_send(SPORTS_UPDATES_GROUP, event)
    update = await communicator.receive_json_from(timeout=TIMEOUT)
    assert update["type"] == "odds_update"
    assert update["fixture_id"] == sports.pk
    assert update["changes"] == event["changes"]
    assert await communicator.receive_nothing(timeout=0.2)

    await communicator.send_json_to({"type": "subscribe", "fixture_ids": ["x"]})
    assert (await communicator.receive_json_from(timeout=TIMEOUT))["error_code"] == "INVALID_MESSAGE"
    await communicator.send_json_to({"type": "unsubscribe", "all": True})
    assert (await communicator.receive_json_from(timeout=TIMEOUT))["fixture_ids"] == []
    await layer.group_send(SPORTS_UPDATES_GROUP, event)
    assert await communicator.receive_nothing(timeout=0.3)
    await communicator.send_json_to({"type": "user_message"})
    assert (await communicator.receive_json_from(timeout=TIMEOUT))["error_code"] == "UNKNOWN_TYPE"
    await communicator.disconnect()


async def test_sports_updates_for_a_tournament(sports):
    communicator, connected, _ = await connect("/ws/sports-updates/")
    assert connected
    await communicator.receive_json_from(timeout=TIMEOUT)
    await communicator.send_json_to({"type": "subscribe", "tournament_ids": [sports.tournament_id]})
    await communicator.receive_json_from(timeout=TIMEOUT)
    await get_channel_layer().group_send(
        SPORTS_UPDATES_GROUP,
        {
            "type": "sports.odds_changed",
            "fixture_id": 999,
            "tournament_id": sports.tournament_id,
            "changes": [],
        },
    )
    assert (await communicator.receive_json_from(timeout=TIMEOUT))["fixture_id"] == 999
    await communicator.disconnect()


@pytest.mark.parametrize("consumer", [ChatConsumer, SportsUpdatesConsumer])
def test_every_relayed_group_event_has_its_handler(consumer: type[JsonFrameConsumer]) -> None:
    # Relayed events skip channels' dispatch (and its close_old_connections thread hop), so a
    # misspelt type would never reach a handler: each must name one.
    assert consumer.relay_events
    for event_type in consumer.relay_events:
        assert callable(getattr(consumer, get_handler_name({"type": event_type}), None)), event_type
