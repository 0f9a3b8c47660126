"""Transport-neutral live turns: start a turn detached from any socket, number and buffer its
events, fan them out to every socket of the conversation, replay them on resume, stop them.

Stream events are plain dicts (`kind` start/tool/chunk/end/error plus `seq`, `reply_id`,
`message_id` = the client's id of the user message, `conversation_id`, `at`); consumers and the
SSE view render them in their own protocol. Each event is appended to a per-reply buffer (Redis
list, or a process dict in the embedded mode) before it is sent to the group `conversation.<hex>`,
so a client that joined the group and then reads the buffer misses nothing. A turn runs in the
process that started it; `turn_stop` cancels it there, or publishes on the Redis pub/sub channel
`chatbet:turnctl:<reply id>` that every process running turns is subscribed to.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
import uuid
import weakref
from dataclasses import dataclass
from typing import Any

from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from django.conf import settings
from django.utils import timezone

from conversations import services
from conversations.assistant.turn import turn_run
from conversations.identity import Identity
from conversations.models import Conversation, Message
from conversations.ratelimit import redis_async_client, redis_async_close

logger = logging.getLogger(__name__)

STREAM_EVENT = "chat.stream"
BUFFER_PREFIX = "chatbet:stream"
STOP_CHANNEL_PREFIX = "chatbet:turnctl"

# Turns running in this process, by assistant message id, so `stop` can cancel them here.
_running: dict[int, asyncio.Task[None]] = {}
# Strong references to every turn task: a task only weakly held by the loop could be collected.
_background: set[asyncio.Task[Any]] = set()
# The Redis pub/sub task that cancels local turns on stop requests from other processes.
_stop_listeners: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Task[None]] = (
    weakref.WeakKeyDictionary()
)
# Embedded mode (no REDIS_URL): reply id -> (expires at, events).
_local_buffers: dict[int, tuple[float, list[dict[str, Any]]]] = {}


class ConversationNotFound(Exception):
    pass


class ConversationForbidden(Exception):
    pass


class MessageNotFound(Exception):
    pass


@dataclass(frozen=True)
class TurnStarted:
    reply_id: int


@dataclass(frozen=True)
class TurnExisting:
    """The user message already has a reply: replay it, or resume it when still streaming."""

    reply: Message


def conversation_group(conversation_id: Any) -> str:
    return f"conversation.{uuid.UUID(str(conversation_id)).hex}"


def _now_iso() -> str:
    return timezone.now().isoformat()


# --- Conversations and messages (sync; call through database_sync_to_async) ------------------


def conversation_open(*, identity: Identity, session_id: str | None, language: str = "en") -> Conversation:
    """The identity's conversation `session_id`, or a new one when it is None.

    Raises ConversationNotFound (no such id) or ConversationForbidden (someone else's).
    """
    if session_id is None:
        return services.conversation_start(
            user=None if identity.user_id is None else _user(identity.user_id),
            guest_id=identity.guest_id,
            language=language,
        )
    try:
        key = uuid.UUID(str(session_id))
    except ValueError as exc:
        raise ConversationNotFound(session_id) from exc
    conversation = Conversation.objects.filter(pk=key).first()
    if conversation is None:
        raise ConversationNotFound(session_id)
    owned = (
        conversation.user_id == identity.user_id
        if identity.user_id is not None
        else conversation.user_id is None and conversation.guest_id == identity.guest_id
    )
    if not owned:
        raise ConversationForbidden(session_id)
    return conversation


def _user(user_id: int) -> Any:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(pk=user_id)


def user_message_get(*, conversation_id: Any, client_message_id: str) -> Message:
    message = Message.objects.filter(
        conversation_id=conversation_id, client_message_id=client_message_id, role=Message.Role.USER
    ).first()
    if message is None:
        raise MessageNotFound(client_message_id)
    return message


def reply_get(*, conversation_id: Any, client_message_id: str, reply_id: int | None = None) -> Message:
    """The assistant reply to the user message `client_message_id` (the latest one, or `reply_id`)."""
    replies = Message.objects.filter(
        conversation_id=conversation_id,
        role=Message.Role.ASSISTANT,
        parent__client_message_id=client_message_id,
    ).select_related("parent")
    if reply_id is not None:
        replies = replies.filter(pk=reply_id)
    reply = replies.order_by("-created_at", "-id").first()
    if reply is None:
        raise MessageNotFound(client_message_id)
    return reply


def reply_streaming(*, conversation_id: Any) -> Message | None:
    return (
        Message.objects.filter(conversation_id=conversation_id, status=Message.Status.STREAMING)
        .select_related("parent")
        .first()
    )


def _user_message_store(
    *, conversation_id: Any, content: str, client_message_id: str, metadata: dict[str, Any] | None
) -> tuple[Message, bool]:
    conversation = Conversation.objects.get(pk=conversation_id)
    return services.message_append_user(
        conversation=conversation, content=content, client_message_id=client_message_id, metadata=metadata
    )


def _reply_for_user_message(user_message_id: int) -> Message | None:
    return (
        Message.objects.filter(parent_id=user_message_id, role=Message.Role.ASSISTANT)
        .select_related("parent")
        .order_by("-created_at", "-id")
        .first()
    )


# --- Buffer ----------------------------------------------------------------------------------


def _buffer_key(reply_id: int) -> str:
    return f"{BUFFER_PREFIX}:{reply_id}"


async def _buffer_append(reply_id: int, event: dict[str, Any]) -> None:
    ttl = settings.CHAT_STREAM_BUFFER_TTL
    client = redis_async_client()
    if client is None:
        now = time.monotonic()
        if len(_local_buffers) > 1000:
            for key in [k for k, (expires, _) in _local_buffers.items() if expires < now]:
                del _local_buffers[key]
        _, events = _local_buffers.get(reply_id, (0.0, []))
        events.append(event)
        _local_buffers[reply_id] = (now + ttl, events)
        return
    async with client.pipeline(transaction=False) as pipe:
        pipe.rpush(_buffer_key(reply_id), json.dumps(event, separators=(",", ":")))
        pipe.expire(_buffer_key(reply_id), ttl)
        await pipe.execute()


async def _buffer_read(reply_id: int) -> list[dict[str, Any]]:
    client = redis_async_client()
    if client is None:
        expires, events = _local_buffers.get(reply_id, (0.0, []))
        return list(events) if expires >= time.monotonic() else []
    raw = await client.lrange(_buffer_key(reply_id), 0, -1)
    return [json.loads(item) for item in raw]


async def events_since(reply_id: int, last_seq: int) -> list[dict[str, Any]] | None:
    """Buffered events of a reply after `last_seq`, chunks with their `full_content`; None when the
    buffer is gone (expired, or the reply was never streamed here): replay from the database then."""
    events = await _buffer_read(reply_id)
    if not events:
        return None
    text = ""
    missed = []
    for event in events:
        if event["kind"] == "chunk":
            text += event["content"]
            event["full_content"] = text
        elif event["kind"] == "replace":
            text = event["content"]
        if event["seq"] > last_seq:
            missed.append(event)
    return missed


def message_replay(reply: Message, *, client_message_id: str) -> list[dict[str, Any]]:
    """A finished reply from the database as a short stream: start, one chunk, end (or error)."""
    base = {
        "reply_id": reply.pk,
        "message_id": client_message_id,
        "conversation_id": str(reply.conversation_id),
        "at": (reply.completed_at or reply.created_at or timezone.now()).isoformat(),
        "replayed": True,
    }
    events: list[dict[str, Any]] = [{**base, "kind": "start", "seq": 1}]
    if reply.status == Message.Status.FAILED:
        events.append({**base, "kind": "error", "seq": 2, "error_code": reply.error_code or "TURN_FAILED"})
        return events
    if reply.content:
        events.append(
            {
                **base,
                "kind": "chunk",
                "seq": 2,
                "index": 0,
                "content": reply.content,
                "full_content": reply.content,
            }
        )
    events.append(
        {**base, **_end_fields(reply, total_chunks=1 if reply.content else 0), "seq": len(events) + 1}
    )
    return events


def _end_fields(reply: Message, *, total_chunks: int) -> dict[str, Any]:
    return {
        "kind": "end",
        "status": reply.status,
        "content": reply.content,
        "total_chunks": total_chunks,
        "latency_ms": reply.latency_ms,
        "suggested_actions": list(reply.suggested_actions or []),
        "intent": reply.intent,
        "tools": [call.get("name") for call in reply.tool_calls or [] if isinstance(call, dict)],
    }


# --- Publisher -------------------------------------------------------------------------------


class TurnPublisher:
    """turn_run's listener: numbers the turn's events, buffers them and sends them to the group.

    Chunks do not wait for Redis: they queue, and one flusher task publishes the queue in order,
    merging the chunks that arrived while the previous publish was in flight into one. A slow
    LLM's chunks go out one by one; a burst (the offline engine, a fast model, a busy server)
    costs a few publishes instead of one per chunk. `finish` waits for the queue to drain.
    """

    def __init__(self, *, conversation_id: Any, client_message_id: str) -> None:
        self.conversation_id = str(conversation_id)
        self.group = conversation_group(conversation_id)
        self.client_message_id = client_message_id
        self.reply_id: int | None = None
        self.seq = 0
        self.chunks = 0
        self.text = ""  # the reply so far, as published
        self._queue: list[dict[str, Any]] = []
        self._flusher: asyncio.Task[None] | None = None
        self._failure: BaseException | None = None

    async def __call__(self, event: dict[str, Any]) -> None:
        kind = event.get("type")
        if kind == "start":
            self.reply_id = int(event["message_id"])
            await self.publish({"kind": "start"})
        elif kind == "tool_activity":
            data: dict[str, Any] = {k: event[k] for k in ("tool", "status", "label", "ok") if k in event}
            self._enqueue({"kind": "tool", **data})
        elif kind == "chunk":
            self._enqueue({"kind": "chunk", "content": str(event.get("content", ""))})
            delay = settings.CHAT_STREAM_CHUNK_DELAY_MS
            if delay:
                await asyncio.sleep(delay / 1000)
        elif kind == "replace":
            # The reply was replaced after the checks (e.g. an LLM answer swapped for the offline
            # one): clients show `content` instead of everything streamed so far.
            self._enqueue({"kind": "replace", "content": str(event.get("content", ""))})
        # "end" and "error" are published by `finish` from the stored message, which has every field.

    def _enqueue(self, data: dict[str, Any]) -> None:
        last = self._queue[-1] if self._queue else None
        if data["kind"] == "chunk" and last is not None and last["kind"] == "chunk":
            last["content"] += data["content"]
        else:
            self._queue.append(data)
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._flush(), name=f"publish-{self.reply_id}")

    async def _flush(self) -> None:
        while self._queue and self._failure is None:
            data = self._queue.pop(0)
            try:
                await self.publish(data)
            except Exception as exc:  # noqa: BLE001 - kept and raised by `drain`
                self._failure = exc

    async def drain(self) -> None:
        """Wait until every queued event is published; raises what a publish failed with."""
        while self._flusher is not None and not self._flusher.done():
            await asyncio.shield(self._flusher)
        if self._failure is not None:
            raise self._failure

    async def finish(self, reply: Message) -> None:
        await self.drain()
        if reply.status == Message.Status.FAILED:
            await self.publish({"kind": "error", "error_code": reply.error_code or "TURN_FAILED"})
        else:
            await self.publish(_end_fields(reply, total_chunks=self.chunks))

    async def publish(self, data: dict[str, Any]) -> None:
        assert self.reply_id is not None
        self.seq += 1
        if data["kind"] == "chunk":
            data = {**data, "index": self.chunks}
            self.chunks += 1
            self.text += data["content"]
        elif data["kind"] == "replace":
            self.text = data["content"]
        event = {
            **data,
            "seq": self.seq,
            "reply_id": self.reply_id,
            "message_id": self.client_message_id,
            "conversation_id": self.conversation_id,
            "at": _now_iso(),
        }
        await _buffer_append(self.reply_id, event)
        if event["kind"] == "chunk":
            event = {**event, "full_content": self.text}
        layer = get_channel_layer()
        if layer is not None:
            await layer.group_send(self.group, {"type": STREAM_EVENT, "event": event})


# --- Running, stopping -----------------------------------------------------------------------


async def turn_submit(
    *,
    conversation_id: Any,
    content: str,
    client_message_id: str,
    metadata: dict[str, Any] | None = None,
) -> TurnStarted | TurnExisting:
    """Store the user message (idempotent) and start its turn, or return the reply it already has.

    Raises services.TurnInProgress when another message's turn is running in the conversation.
    """
    user_message, created = await database_sync_to_async(_user_message_store)(
        conversation_id=conversation_id,
        content=content,
        client_message_id=client_message_id,
        metadata=metadata,
    )
    try:
        return await turn_start(
            conversation_id=conversation_id,
            user_message_id=user_message.pk,
            client_message_id=client_message_id,
            new_message=user_message if created else None,
        )
    except services.TurnInProgress:
        # A concurrent resend of this very message may have won the claim: then it is ours to resume.
        reply = await database_sync_to_async(_reply_for_user_message)(user_message.pk)
        if reply is not None:
            return TurnExisting(reply)
        raise


async def turn_regenerate(*, conversation_id: Any, client_message_id: str) -> TurnStarted:
    """A new reply to an earlier user message. Raises MessageNotFound or services.TurnInProgress."""
    user_message = await database_sync_to_async(user_message_get)(
        conversation_id=conversation_id, client_message_id=client_message_id
    )
    result = await turn_start(
        conversation_id=conversation_id,
        user_message_id=user_message.pk,
        client_message_id=client_message_id,
        regenerate=True,
    )
    assert isinstance(result, TurnStarted)
    return result


async def turn_start(
    *,
    conversation_id: Any,
    user_message_id: int,
    client_message_id: str,
    regenerate: bool = False,
    new_message: Message | None = None,
) -> TurnStarted | TurnExisting:
    """Run the turn as its own task, detached from the caller; returns once it is claimed.

    `new_message`: as for `turn_run`, the message when the caller has just stored it.
    Raises services.TurnInProgress when another turn of the conversation is running.
    """
    await _stop_listener_ensure()
    claimed: asyncio.Future[TurnStarted | TurnExisting] = asyncio.get_running_loop().create_future()
    publisher = TurnPublisher(conversation_id=conversation_id, client_message_id=client_message_id)
    task = asyncio.create_task(
        _drive(
            publisher,
            claimed,
            user_message_id=user_message_id,
            regenerate=regenerate,
            new_message=new_message,
        ),
        name=f"turn-{user_message_id}",
    )
    _background.add(task)
    task.add_done_callback(_background.discard)
    return await asyncio.shield(claimed)


def _settle(claimed: asyncio.Future[TurnStarted | TurnExisting], result: Any) -> None:
    if claimed.done():
        return
    if isinstance(result, BaseException):
        claimed.set_exception(result)
    else:
        claimed.set_result(result)


async def _drive(
    publisher: TurnPublisher,
    claimed: asyncio.Future[TurnStarted | TurnExisting],
    *,
    user_message_id: int,
    regenerate: bool,
    new_message: Message | None,
) -> None:
    me = asyncio.current_task()
    assert me is not None

    async def listener(event: dict[str, Any]) -> None:
        if event.get("type") == "start":
            reply_id = int(event["message_id"])
            _running[reply_id] = me
            await publisher(event)
            _settle(claimed, TurnStarted(reply_id))
            return
        await publisher(event)

    try:
        outcome = await turn_run(
            user_message_id=user_message_id, listener=listener, regenerate=regenerate, new_message=new_message
        )
        if outcome.replayed:
            _settle(claimed, TurnExisting(outcome.message))
        else:
            await publisher.finish(outcome.message)
    except services.TurnInProgress as exc:
        _settle(claimed, exc)
    except asyncio.CancelledError:
        if publisher.reply_id is None:
            claimed.cancel()
            raise
        # Stopped: turn_run kept the partial text and marked the reply cancelled; tell the sockets.
        me.uncancel()
        try:
            reply = await Message.objects.aget(pk=publisher.reply_id)
            await publisher.finish(reply)
        except Exception:  # the stored reply is the record; sockets resume from it
            logger.warning("could not publish the end of stopped reply %s", publisher.reply_id, exc_info=True)
    except Exception as exc:
        logger.exception("live turn for user message %s failed", user_message_id)
        _settle(claimed, exc)
        if publisher.reply_id is not None:
            try:
                await publisher.publish({"kind": "error", "error_code": "TURN_FAILED"})
            except Exception:  # noqa: BLE001 - the transport is down; the stored reply is the record
                logger.warning("could not publish the failure of reply %s", publisher.reply_id)
    finally:
        if publisher.reply_id is not None:
            _running.pop(publisher.reply_id, None)


async def _stop_listener_ensure() -> None:
    """Subscribe this process (once per event loop) to stop requests for the turns it runs.

    One pattern subscription per process on Redis pub/sub, rather than a channel-layer receive
    per turn: cancelling a pending channels_redis receive can leave its shared connection in a
    broken state, and a subscription costs nothing per turn.
    """
    client = redis_async_client()
    if client is None:
        return  # embedded mode: one process, the local registry is enough
    loop = asyncio.get_running_loop()
    listener = _stop_listeners.get(loop)
    if listener is not None and not listener.done():
        return
    ready: asyncio.Future[None] = loop.create_future()
    listener = asyncio.create_task(_stop_listen(client, ready), name="turn-stop-listener")
    _stop_listeners[loop] = listener
    await asyncio.wait_for(asyncio.shield(ready), timeout=5)


async def _stop_listen(client: Any, ready: asyncio.Future[None]) -> None:
    pubsub = client.pubsub(ignore_subscribe_messages=True)
    try:
        await pubsub.psubscribe(f"{STOP_CHANNEL_PREFIX}:*")
        ready.set_result(None)
        async for message in pubsub.listen():
            if message.get("type") != "pmessage":
                continue
            try:
                reply_id = int(bytes(message["channel"]).rsplit(b":", 1)[-1])
            except ValueError:
                continue
            task = _running.get(reply_id)
            if task is not None and not task.cancelling():
                task.cancel()
    except Exception as exc:  # noqa: BLE001 - logged; the next turn_start subscribes again
        logger.warning("turn stop listener ended: %s", exc)
        if not ready.done():
            ready.set_exception(exc)
    finally:
        await asyncio.shield(pubsub.aclose())


async def transport_close() -> None:
    """Stop this loop's stop listener and close its Redis client (tests, shutdown)."""
    listener = _stop_listeners.pop(asyncio.get_running_loop(), None)
    if listener is not None:
        listener.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await listener
    await redis_async_close()


async def turn_stop(*, conversation_id: Any, reply_id: int) -> None:
    """Cancel the turn producing `reply_id`, here or in whichever process runs it."""
    task = _running.get(reply_id)
    if task is not None:
        if not task.cancelling():
            task.cancel()
        return
    client = redis_async_client()
    if client is not None:
        await client.publish(f"{STOP_CHANNEL_PREFIX}:{reply_id}", "stop")


def turns_running() -> int:
    return len(_running)
