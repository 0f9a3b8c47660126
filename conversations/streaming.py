"""Transport-neutral live turns: the one way every transport (WebSocket, SSE, REST JSON,
regenerate, the evaluation command) starts or joins a turn, numbers and buffers its events, fans
them out to every socket of the conversation, follows them to the end, replays them, stops them.

Stream events are plain dicts (`kind` start/tool/chunk/replace/end/error plus `seq`, `reply_id`,
`message_id` = the client's id of the user message, `conversation_id`, `at`); consumers and the
SSE view render them in their own protocol, REST JSON waits for the end. Each event is appended to
a per-reply buffer (Redis list, or a process dict in the embedded mode) before it is sent to the
group `conversation.<hex>`, so a follower that joined the group and then reads the buffer misses
nothing; a follower in the event loop running the turn reads the publisher itself. A turn runs
in the process that started it; `turn_stop` cancels it there, or publishes on the Redis pub/sub
channel `chatbet:turnctl:<reply id>` that every process running turns is subscribed to.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
import uuid
import weakref
from collections.abc import AsyncGenerator
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

# Turns running in this process, by assistant message id, so `stop` can cancel them here, and
# their publishers, which followers in the same event loop read instead of the channel layer.
_running: dict[int, asyncio.Task[None]] = {}
_publishers: dict[int, TurnPublisher] = {}
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
    return _with_full_content(events, last_seq)


def _with_full_content(events: list[dict[str, Any]], last_seq: int) -> list[dict[str, Any]]:
    """The events after `last_seq`, each chunk with the reply's text up to it (`full_content`)."""
    text = ""
    missed = []
    for event in events:
        if event["kind"] == "chunk":
            text += event["content"]
            event = {**event, "full_content": text}
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
        self.events: list[dict[str, Any]] = []  # published so far, as buffered
        self.followers: set[asyncio.Queue[dict[str, Any]]] = set()
        self.reply: Message | None = None  # the stored reply, once finished
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

    def follow(self) -> tuple[list[dict[str, Any]], asyncio.Queue[dict[str, Any]]]:
        """(events published so far, queue of the next ones): nothing falls between the two."""
        queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.followers.add(queue)
        return _with_full_content(self.events, 0), queue

    async def finish(self, reply: Message) -> None:
        self.reply = reply
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
        self.events.append(event)
        if event["kind"] == "chunk":
            event = {**event, "full_content": self.text}
        for queue in self.followers:
            queue.put_nowait(event)
        layer = get_channel_layer()
        if layer is not None:
            await layer.group_send(self.group, {"type": STREAM_EVENT, "event": event})


# --- Running, following, stopping ------------------------------------------------------------


async def turn_submit(
    *,
    conversation_id: Any,
    content: str,
    client_message_id: str,
    metadata: dict[str, Any] | None = None,
) -> TurnStarted | TurnExisting:
    """Store the user message (idempotent) and start its turn, or join the reply it already has.

    Raises services.TurnInProgress when another message's turn is running in the conversation.
    """
    user_message, created = await database_sync_to_async(_user_message_store)(
        conversation_id=conversation_id,
        content=content,
        client_message_id=client_message_id,
        metadata=metadata,
    )
    return await turn_start(
        conversation_id=conversation_id,
        user_message_id=user_message.pk,
        client_message_id=client_message_id,
        new_message=user_message if created else None,
    )


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
    """Start the turn answering the user message, or join the reply it already has (finished, or
    still streaming here or in another process). Every transport starts turns through here.

    The turn runs as its own task, detached from the caller; this returns once it is claimed.
    `new_message`: as for `turn_run`, the message when the caller has just stored it.
    Raises services.TurnInProgress when another message's turn is running in the conversation.
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
    try:
        return await asyncio.shield(claimed)
    except services.TurnInProgress:
        if regenerate:
            raise
        # A concurrent send of this very message may have won the claim: then it is ours to join.
        reply = await database_sync_to_async(_reply_for_user_message)(user_message_id)
        if reply is not None:
            return TurnExisting(reply)
        raise


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
            _publishers[reply_id] = publisher
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
            _publishers.pop(publisher.reply_id, None)


def _terminal(event: dict[str, Any]) -> bool:
    return event["kind"] in ("end", "error")


def turn_events(
    *,
    conversation_id: Any,
    reply_id: int,
    client_message_id: str,
    after_seq: int = 0,
    idle_s: float | None = None,
) -> AsyncGenerator[dict[str, Any] | None]:
    """The events of reply `reply_id` after `after_seq`, live, up to its end (or error).

    From the publisher when the turn runs in this event loop; otherwise from the conversation's
    group (joined before the buffer is read, so nothing falls between), or from the database when
    the reply is finished and its buffer gone. Yields None after `idle_s` seconds without an event
    (for heartbeats); never ends by itself if the turn's process died mid-stream: bound the wait.
    Close it (`contextlib.aclosing`) when leaving early: that leaves the group.
    """
    task = _running.get(reply_id)
    publisher = _publishers.get(reply_id)
    if task is not None and publisher is not None and task.get_loop() is asyncio.get_running_loop():
        return _follow_local(publisher, task, after_seq, idle_s)
    return _follow_group(conversation_id, reply_id, client_message_id, after_seq, idle_s)


async def _follow_local(
    publisher: TurnPublisher, task: asyncio.Task[None], after_seq: int, idle_s: float | None
) -> AsyncGenerator[dict[str, Any] | None]:
    backlog, queue = publisher.follow()
    try:
        for event in backlog:
            if event["seq"] > after_seq:
                yield event
            if _terminal(event):
                return
        while True:
            try:
                event = await asyncio.wait_for(queue.get(), timeout=idle_s)
            except TimeoutError:
                yield None
                continue
            if _terminal(event):
                # The turn's task ends right after its last publish: let it, so a caller that
                # closes the event loop next (async_to_sync without an outer loop) cancels nothing.
                await asyncio.wait([task])
                yield event
                return
            yield event
    finally:
        publisher.followers.discard(queue)


async def _follow_group(
    conversation_id: Any, reply_id: int, client_message_id: str, after_seq: int, idle_s: float | None
) -> AsyncGenerator[dict[str, Any] | None]:
    layer = get_channel_layer()
    assert layer is not None
    channel = await layer.new_channel("turn.")
    group = conversation_group(conversation_id)
    await layer.group_add(group, channel)
    try:
        backlog = await events_since(reply_id, after_seq)
        if backlog is None:
            reply = await Message.objects.aget(pk=reply_id)
            if reply.status != Message.Status.STREAMING:
                # Finished and no buffer: the reply from the database (only its end if the
                # follower has part of it).
                replay = message_replay(reply, client_message_id=client_message_id)
                for event in replay[-1:] if after_seq > 0 else replay:
                    yield event
                return
            backlog = []  # still running elsewhere with no buffer here: live events will follow
        last_seq = after_seq
        for event in backlog:
            last_seq = event["seq"]
            yield event
            if _terminal(event):
                return
        while True:
            try:
                message = await asyncio.wait_for(layer.receive(channel), timeout=idle_s)
            except TimeoutError:
                yield None
                continue
            event = message.get("event") or {}
            if event.get("reply_id") != reply_id or event.get("seq", 0) <= last_seq:
                continue
            last_seq = event["seq"]
            yield event
            if _terminal(event):
                return
    finally:
        await layer.group_discard(group, channel)


async def turn_answer(
    *,
    conversation_id: Any,
    user_message_id: int,
    client_message_id: str,
    new_message: Message | None = None,
    regenerate: bool = False,
    wait_s: float,
) -> tuple[Message, bool]:
    """Start or join the turn (as `turn_start`), follow its stream to the end and return the
    stored reply and whether it existed before (a resend). After `wait_s` seconds the reply is
    returned as it is, still streaming. For callers that want the answer, not the stream."""
    started = await turn_start(
        conversation_id=conversation_id,
        user_message_id=user_message_id,
        client_message_id=client_message_id,
        regenerate=regenerate,
        new_message=new_message,
    )
    if isinstance(started, TurnExisting):
        if started.reply.status != Message.Status.STREAMING:
            return started.reply, True
        reply_id, replayed = started.reply.pk, True
    else:
        reply_id, replayed = started.reply_id, False
    return await _reply_at_end(conversation_id, reply_id, client_message_id, wait_s), replayed


async def _reply_at_end(
    conversation_id: Any, reply_id: int, client_message_id: str, wait_s: float
) -> Message:
    publisher = _publishers.get(reply_id)
    with contextlib.suppress(TimeoutError):
        async with (
            asyncio.timeout(wait_s),
            contextlib.aclosing(
                turn_events(
                    conversation_id=conversation_id, reply_id=reply_id, client_message_id=client_message_id
                )
            ) as events,
        ):
            async for event in events:
                if event is not None and _terminal(event):
                    break
    if publisher is not None and publisher.reply is not None:
        return publisher.reply
    return await Message.objects.aget(pk=reply_id)


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
        if task.get_loop() is asyncio.get_running_loop():
            _cancel(task)
        else:  # another event loop of this process (a sync caller's)
            task.get_loop().call_soon_threadsafe(_cancel, task)
        return
    client = redis_async_client()
    if client is not None:
        await client.publish(f"{STOP_CHANNEL_PREFIX}:{reply_id}", "stop")


def _cancel(task: asyncio.Task[None]) -> None:
    if not task.done() and not task.cancelling():
        task.cancel()


async def turn_stop_wait(
    *, conversation_id: Any, reply_id: int, client_message_id: str, wait_s: float
) -> Message:
    """Stop the turn producing `reply_id` and return the reply once its stream has ended (as it
    is stored after `wait_s` seconds otherwise)."""
    await turn_stop(conversation_id=conversation_id, reply_id=reply_id)
    return await _reply_at_end(conversation_id, reply_id, client_message_id, wait_s)


def turns_running() -> int:
    return len(_running)
