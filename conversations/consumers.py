"""WebSocket consumers: live chat (/ws/chat/...) and odds updates (/ws/sports-updates/).

Thin by design: parse a frame, call conversations.streaming or a service, send protocol frames
(conversations.protocol; docs/websocket.md). A turn runs as its own task in streaming, never in
the consumer, so a closed socket does not stop it; every socket of a conversation is in the
group `conversation.<hex>` and gets the stream from there. Bad input is answered with an error
frame and never closes the socket.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import parse_qs

from channels.consumer import get_handler_name
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
from django.utils import timezone

from chatbet_site import metrics
from chatbet_site.inputs import DB_INT_MAX, METADATA_MAX_BYTES, JsonRejected, json_parse, metadata_too_large
from chatbet_site.logging import correlation_bind, correlation_new, correlation_reset
from conversations import protocol, services, streaming
from conversations.identity import CLOSE_REVOKED, Identity, credential_group
from conversations.models import Feedback, Message
from conversations.ratelimit import Limit, rate_limit_ahit
from conversations.ws_auth import accept_subprotocol, identity_for_scope, scope_credential
from sportsdata.services import ODDS_CHANGED_EVENT, SPORTS_UPDATES_GROUP

logger = logging.getLogger(__name__)

CLOSE_UNAUTHENTICATED = 4401
CLOSE_FORBIDDEN = 4403
CLOSE_NOT_FOUND = 4404
MAX_CLIENT_ID = 64
MAX_SUBSCRIPTIONS = 200

Handler = Callable[[dict[str, Any]], Awaitable[None]]


class InvalidMessage(Exception):
    def __init__(self, field: str, problem: str = "required") -> None:
        super().__init__(field)
        self.details = {"field": field, "problem": problem}


def _client_id(content: dict[str, Any], field: str = "message_id", *, required: bool = True) -> str | None:
    value = content.get(field)
    if value is None and not required:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_CLIENT_ID:
        raise InvalidMessage(field, "required" if value in (None, "") else "invalid")
    return value.strip()


def _int_field(content: dict[str, Any], field: str, *, default: int | None = None) -> int | None:
    value = content.get(field, default)
    if value is None:
        return None
    # ASCII digits only: str.isdigit() also accepts superscripts and other scripts' digits.
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 19:
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= DB_INT_MAX:
        raise InvalidMessage(field, "invalid")
    return value


class JsonFrameConsumer(AsyncWebsocketConsumer):
    """Frame hygiene shared by the chat and sports consumers: a per-identity frame budget, text
    frames only, JSON objects with a known `type`, one `on_<type>` handler per type."""

    session_id: str | None = None
    rate_subject: str = ""
    handlers: frozenset[str] = frozenset()
    # Group events whose handler only relays a payload to this socket (no database). Channels runs
    # close_old_connections in the sync thread before every dispatched message; for a relayed
    # stream chunk that is a thread hop, queued behind every turn's database work, for nothing.
    relay_events: frozenset[str] = frozenset({"auth.revoked"})
    _flood_window_notified: int = -1
    credential_group: str = ""

    async def dispatch(self, message: dict[str, Any]) -> None:
        if message["type"] in self.relay_events:
            await getattr(self, get_handler_name(message))(message)
            return
        await super().dispatch(message)

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        # Observability (issue 10): one correlation id per frame, inherited by the turn it starts.
        token = correlation_bind(f"ws-{correlation_new()}")
        try:
            await self._receive(text_data, bytes_data)
        except InvalidMessage as exc:
            await self.send_error("INVALID_MESSAGE", details=exc.details)
        except Exception:
            logger.exception("chat frame handling failed")
            await self.send_error("INTERNAL_ERROR")
        finally:
            correlation_reset(token)

    # --- observability (issue 10): open sockets gauge -----------------------------------------

    async def accept(self, subprotocol: str | None = None, headers: Any = None) -> None:
        await super().accept(subprotocol=subprotocol, headers=headers)
        self._counted_open = True
        metrics.websocket_opened(type(self).__name__)

    async def websocket_disconnect(self, message: dict[str, Any]) -> None:
        if getattr(self, "_counted_open", False):
            self._counted_open = False
            metrics.websocket_closed(type(self).__name__)
        if self.credential_group:
            await self.channel_layer.group_discard(self.credential_group, self.channel_name)
        await super().websocket_disconnect(message)

    # --- logout closes the socket ---------------------------------------------------------------

    async def follow_credential(self) -> None:
        """Join the group of the credential this socket authenticated with, so that logging it
        out (conversations.identity.credential_revoke) closes the socket."""
        credential = scope_credential(self.scope)
        if credential:
            self.credential_group = credential_group(credential)
            await self.channel_layer.group_add(self.credential_group, self.channel_name)

    async def auth_revoked(self, event: dict[str, Any]) -> None:
        await self.close(code=CLOSE_REVOKED, reason="logged out")

    async def _receive(self, text_data: str | None, bytes_data: bytes | None) -> None:
        frames = Limit("ws-frames", settings.CHAT_RATE_FRAMES, settings.CHAT_RATE_WINDOW_S)
        if not await rate_limit_ahit(rule=frames, subject=self.rate_subject):
            await self._flooded()
            return
        if text_data is None:
            await self.send_error("UNSUPPORTED_FRAME")
            return
        if len(text_data) > settings.CHAT_MAX_FRAME_CHARS:
            await self.send_error(
                "MESSAGE_TOO_LONG", details={"max_frame_chars": settings.CHAT_MAX_FRAME_CHARS}
            )
            return
        try:
            content = json_parse(text_data)
        except JsonRejected as exc:
            await self.send_error("INVALID_JSON", details={"reason": exc.reason})
            return
        if not isinstance(content, dict):
            raise InvalidMessage("type", "the frame must be a JSON object")
        kind = content.get("type")
        if not isinstance(kind, str) or not kind:
            raise InvalidMessage("type")
        if kind not in self.handlers:
            await self.send_error("UNKNOWN_TYPE", details={"type": kind[:40]})
            return
        handler: Handler = getattr(self, f"on_{kind}")
        await handler(content)

    async def _flooded(self) -> None:
        # One RATE_LIMITED per window: answering every flooded frame would amplify the flood.
        window = int(time.time()) // settings.CHAT_RATE_WINDOW_S
        if window != self._flood_window_notified:
            self._flood_window_notified = window
            await self.send_error("RATE_LIMITED", details={"retry_after_s": settings.CHAT_RATE_WINDOW_S})

    async def send_frame(self, frame: dict[str, Any]) -> None:
        await self.send(text_data=json.dumps(frame, separators=(",", ":"), ensure_ascii=False))

    async def send_error(
        self, code: str, *, message_id: str | None = None, details: dict[str, Any] | None = None
    ) -> None:
        metrics.error_observe(code, transport="ws")  # observability hook (issue 10)
        await self.send_frame(
            protocol.error_frame(code, session_id=self.session_id, message_id=message_id, details=details)
        )

    async def on_ping(self, content: dict[str, Any]) -> None:
        await self.send_frame(
            protocol.frame(
                "pong",
                session_id=self.session_id,
                message_id=content.get("message_id") if isinstance(content.get("message_id"), str) else None,
                client_timestamp=content.get("timestamp"),
            )
        )


class ChatConsumer(JsonFrameConsumer):
    handlers = frozenset({"user_message", "typing", "ping", "resume", "stop", "regenerate", "feedback"})
    relay_events = frozenset({"auth.revoked", streaming.STREAM_EVENT, "chat.typing"})

    identity: Identity
    group: str = ""

    async def connect(self) -> None:
        self.sent_seq: dict[int, int] = {}
        identity, headers = await identity_for_scope(self.scope)
        if identity is None:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        kwargs = self.scope.get("url_route", {}).get("kwargs", {})
        query = parse_qs(self.scope.get("query_string", b"").decode("latin1"))
        session_id = kwargs.get("session_id") or query.get("session_id", [None])[0] or None
        try:
            conversation = await database_sync_to_async(streaming.conversation_open)(
                identity=identity, session_id=session_id
            )
        except streaming.ConversationNotFound:
            await self.close(code=CLOSE_NOT_FOUND)
            return
        except streaming.ConversationForbidden:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        self.identity = identity
        self.rate_subject = f"u{identity.user_id}" if identity.user_id is not None else identity.guest_id
        self.session_id = str(conversation.pk)
        self.group = streaming.conversation_group(conversation.pk)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.follow_credential()
        await self.accept(subprotocol=accept_subprotocol(self.scope), headers=headers or None)
        await self.send_frame(
            protocol.frame(
                "connection_ack",
                session_id=self.session_id,
                client_id=self.channel_name.rsplit("!", 1)[-1],
                server_time=timezone.now().isoformat(),
                supported_features=protocol.SUPPORTED_FEATURES,
                protocol_version=protocol.PROTOCOL_VERSION,
            )
        )
        await self.send_frame(
            protocol.frame(
                "session_created",
                session_id=self.session_id,
                user_id=identity.public_id,
                created=session_id is None,
            )
        )

    async def disconnect(self, code: int) -> None:
        # The turn keeps running: it belongs to the conversation, not to this socket.
        if self.group:
            await self.channel_layer.group_discard(self.group, self.channel_name)

    # --- client frames ----------------------------------------------------------------------

    async def on_user_message(self, content: dict[str, Any]) -> None:
        message_id = _client_id(content)
        assert message_id is not None
        text = content.get("content")
        if not isinstance(text, str) or not text.strip():
            raise InvalidMessage("content")
        if len(text) > services.MAX_MESSAGE_LENGTH:
            await self.send_error(
                "MESSAGE_TOO_LONG", message_id=message_id, details={"max_length": services.MAX_MESSAGE_LENGTH}
            )
            return
        session_id = content.get("session_id")
        if session_id not in (None, "", self.session_id):
            await self.send_error("SESSION_MISMATCH", message_id=message_id)
            return
        metadata = content.get("metadata") or {}
        if not isinstance(metadata, dict) or metadata_too_large(metadata):
            raise InvalidMessage("metadata", f"an object of at most {METADATA_MAX_BYTES} bytes of JSON")
        if not await self._message_allowed(message_id):
            return
        try:
            result = await streaming.turn_submit(
                conversation_id=self.session_id, content=text, client_message_id=message_id, metadata=metadata
            )
        except services.TurnInProgress:
            await self.send_error("TURN_IN_PROGRESS", message_id=message_id)
            return
        if isinstance(result, streaming.TurnExisting):
            await self._replay(result.reply, message_id=message_id, last_seq=0)

    async def on_resume(self, content: dict[str, Any]) -> None:
        message_id = _client_id(content)
        assert message_id is not None
        last_seq = _int_field(content, "last_seq", default=0) or 0
        reply = await self._reply(message_id, _int_field(content, "reply_id"))
        if reply is not None:
            await self._replay(reply, message_id=message_id, last_seq=last_seq)

    async def on_stop(self, content: dict[str, Any]) -> None:
        message_id = _client_id(content, required=False)
        reply: Message | None
        if message_id is None:
            reply = await database_sync_to_async(streaming.reply_streaming)(conversation_id=self.session_id)
        else:
            reply = await self._reply(message_id)
            if reply is None:
                return
        if reply is None or reply.status != Message.Status.STREAMING:
            await self.send_error("NOT_STREAMING", message_id=message_id)
            return
        # The stream's own streaming_end (status "cancelled") confirms the stop to every socket.
        await streaming.turn_stop(conversation_id=self.session_id, reply_id=reply.pk)

    async def on_regenerate(self, content: dict[str, Any]) -> None:
        message_id = _client_id(content)
        assert message_id is not None
        if not await self._message_allowed(message_id):
            return
        try:
            await streaming.turn_regenerate(conversation_id=self.session_id, client_message_id=message_id)
        except streaming.MessageNotFound:
            await self.send_error("MESSAGE_NOT_FOUND", message_id=message_id)
        except services.TurnInProgress:
            await self.send_error("TURN_IN_PROGRESS", message_id=message_id)

    async def on_feedback(self, content: dict[str, Any]) -> None:
        message_id = _client_id(content)
        assert message_id is not None
        ratings = {1: 1, -1: -1, "up": 1, "down": -1}
        raw = content.get("rating")
        rating = ratings.get(raw) if isinstance(raw, int | str) and not isinstance(raw, bool) else None
        if rating is None:
            raise InvalidMessage("rating", "must be 1, -1, 'up' or 'down'")
        reason = content.get("reason") or ""
        if not isinstance(reason, str):
            raise InvalidMessage("reason", "invalid")
        reply = await self._reply(message_id, _int_field(content, "reply_id"))
        if reply is None:
            return
        feedback: Feedback = await database_sync_to_async(services.feedback_set)(
            message=reply, rating=rating, reason=reason
        )
        await self.send_frame(
            protocol.frame(
                "feedback_received",
                session_id=self.session_id,
                message_id=message_id,
                reply_id=str(reply.pk),
                rating=feedback.rating,
            )
        )

    async def on_typing(self, content: dict[str, Any]) -> None:
        is_typing = content.get("is_typing", True)
        if not isinstance(is_typing, bool):
            raise InvalidMessage("is_typing", "invalid")
        await self.channel_layer.group_send(
            self.group,
            {
                "type": "chat.typing",
                "sender": self.channel_name,
                "is_typing": is_typing,
                "user_id": self.identity.public_id,
            },
        )

    # --- group events -----------------------------------------------------------------------

    async def chat_stream(self, event: dict[str, Any]) -> None:
        stream_event = event["event"]
        reply_id = int(stream_event["reply_id"])
        if stream_event["seq"] <= self.sent_seq.get(reply_id, 0):
            return  # already sent by a resume on this socket
        self.sent_seq[reply_id] = stream_event["seq"]
        for frame in protocol.stream_frames(stream_event, session_id=str(self.session_id)):
            await self.send_frame(frame)

    async def chat_typing(self, event: dict[str, Any]) -> None:
        if event.get("sender") == self.channel_name:
            return
        await self.send_frame(
            protocol.frame(
                "typing",
                session_id=self.session_id,
                is_typing=bool(event.get("is_typing")),
                source="user",
                user_id=event.get("user_id"),
            )
        )

    # --- helpers ----------------------------------------------------------------------------

    async def _reply(self, message_id: str, reply_id: int | None = None) -> Message | None:
        """The reply to this conversation's user message `message_id` (or its reply `reply_id`);
        None, after a MESSAGE_NOT_FOUND error, when there is none."""
        try:
            return await database_sync_to_async(streaming.reply_get)(
                conversation_id=self.session_id, client_message_id=message_id, reply_id=reply_id
            )
        except streaming.MessageNotFound:
            await self.send_error("MESSAGE_NOT_FOUND", message_id=message_id)
            return None

    async def _message_allowed(self, message_id: str) -> bool:
        rule = Limit("ws-messages", settings.CHAT_RATE_MESSAGES, settings.CHAT_RATE_WINDOW_S)
        if await rate_limit_ahit(rule=rule, subject=self.rate_subject):
            return True
        await self.send_error(
            "RATE_LIMITED", message_id=message_id, details={"retry_after_s": settings.CHAT_RATE_WINDOW_S}
        )
        return False

    async def _replay(self, reply: Message, *, message_id: str, last_seq: int) -> None:
        """Send what this socket missed of `reply`: from the buffer while it exists (the stream's
        own seq), else from the database (a finished reply as start/chunk/end, marked replayed)."""
        events = await streaming.events_since(reply.pk, last_seq)
        if events is None:
            if reply.status == Message.Status.STREAMING:
                return  # nothing buffered yet; the live events follow through the group
            events = streaming.message_replay(reply, client_message_id=message_id)
            if last_seq > 0:
                events = events[-1:]  # the client has part of it: the final message is enough
        else:
            for event in events:
                self.sent_seq[reply.pk] = max(self.sent_seq.get(reply.pk, 0), event["seq"])
        for event in events:
            for frame in protocol.stream_frames(event, session_id=str(self.session_id)):
                await self.send_frame(frame)


class SportsUpdatesConsumer(JsonFrameConsumer):
    """Odds changes for the fixtures and tournaments a client subscribed to. Joins the broadcast
    group only while it has a subscription, so idle sockets cost the sync jobs nothing."""

    handlers = frozenset({"subscribe", "unsubscribe", "ping"})
    relay_events = frozenset({"auth.revoked", ODDS_CHANGED_EVENT})

    async def connect(self) -> None:
        self.fixtures: set[int] = set()
        self.tournaments: set[int] = set()
        self.joined = False
        if self.scope.get("auth") == "invalid":
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        identity = self.scope.get("identity")
        user = self.scope.get("user")
        if isinstance(identity, Identity):
            self.rate_subject = identity.guest_id or f"u{identity.user_id}"
        elif user is not None and user.is_authenticated:
            self.rate_subject = f"u{user.pk}"
        else:
            self.rate_subject = f"ch-{self.channel_name.rsplit('!', 1)[-1]}"
        await self.follow_credential()
        await self.accept(subprotocol=accept_subprotocol(self.scope))
        await self.send_frame(
            protocol.frame(
                "connection_ack",
                session_id=None,
                client_id=self.channel_name.rsplit("!", 1)[-1],
                server_time=timezone.now().isoformat(),
                supported_features=["sports_updates", "ping_pong"],
                protocol_version=protocol.PROTOCOL_VERSION,
            )
        )

    async def disconnect(self, code: int) -> None:
        if self.joined:
            await self.channel_layer.group_discard(SPORTS_UPDATES_GROUP, self.channel_name)

    @staticmethod
    def _ids(content: dict[str, Any], field: str) -> set[int]:
        value = content.get(field) or []
        if not isinstance(value, list) or len(value) > MAX_SUBSCRIPTIONS:
            raise InvalidMessage(field, f"a list of at most {MAX_SUBSCRIPTIONS} ids")
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in value):
            raise InvalidMessage(field, "ids are integers")
        return set(value)

    async def on_subscribe(self, content: dict[str, Any]) -> None:
        fixtures, tournaments = self._ids(content, "fixture_ids"), self._ids(content, "tournament_ids")
        if not fixtures and not tournaments:
            raise InvalidMessage("fixture_ids", "give fixture_ids or tournament_ids")
        self.fixtures |= fixtures
        self.tournaments |= tournaments
        if len(self.fixtures) > MAX_SUBSCRIPTIONS or len(self.tournaments) > MAX_SUBSCRIPTIONS:
            self.fixtures -= fixtures
            self.tournaments -= tournaments
            raise InvalidMessage("fixture_ids", "too many subscriptions")
        await self._sync_group()
        await self._send_subscriptions()

    async def on_unsubscribe(self, content: dict[str, Any]) -> None:
        if content.get("all"):
            self.fixtures.clear()
            self.tournaments.clear()
        else:
            self.fixtures -= self._ids(content, "fixture_ids")
            self.tournaments -= self._ids(content, "tournament_ids")
        await self._sync_group()
        await self._send_subscriptions()

    async def _sync_group(self) -> None:
        wanted = bool(self.fixtures or self.tournaments)
        if wanted and not self.joined:
            await self.channel_layer.group_add(SPORTS_UPDATES_GROUP, self.channel_name)
        elif not wanted and self.joined:
            await self.channel_layer.group_discard(SPORTS_UPDATES_GROUP, self.channel_name)
        self.joined = wanted

    async def _send_subscriptions(self) -> None:
        await self.send_frame(
            protocol.frame(
                "subscribed",
                session_id=None,
                fixture_ids=sorted(self.fixtures),
                tournament_ids=sorted(self.tournaments),
            )
        )

    async def sports_odds_changed(self, event: dict[str, Any]) -> None:
        if (
            event.get("fixture_id") not in self.fixtures
            and event.get("tournament_id") not in self.tournaments
        ):
            return
        await self.send_frame(
            protocol.frame(
                "odds_update",
                session_id=None,
                fixture_id=event.get("fixture_id"),
                fixture_provider_id=event.get("fixture_provider_id"),
                tournament_id=event.get("tournament_id"),
                status=event.get("status"),
                changes=event.get("changes", []),
                changed_at=event.get("at"),
            )
        )
