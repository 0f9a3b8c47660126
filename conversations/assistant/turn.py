"""The turn: one user message in, one assistant message out. Every transport runs it through
conversations.streaming.turn_start, which gives `turn_run` the listener that publishes its events.

Steps: claim the turn (idempotent, one per conversation) -> understand -> guardrails before ->
engine (Gemini or offline; offline is the fallback) -> guardrails after -> stream chunks to the
listener -> persist the reply with intent, entities, tool calls, tokens and latency. A cancelled
turn (stop, shutdown) keeps its partial text and is marked cancelled.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from asgiref.sync import sync_to_async
from django.utils import timezone

from betting import services as betting_services
from betting.selectors import (
    GamblingStatus,
    Owner,
    RealityCheck,
    gambling_status,
    reality_check_due,
    reality_check_is_due,
)
from chatbet_site.metrics import turn_observe
from conversations import services
from conversations.assistant import catalog_store, guardrails
from conversations.assistant.engines import (
    EngineFailure,
    RevisableEngine,
    fallback_notice,
    llm_configured,
    select_engine,
)
from conversations.assistant.engines.base import EngineReply, TurnInput
from conversations.assistant.engines.offline import OfflineEngine
from conversations.assistant.engines.phrases import t
from conversations.assistant.tools import ToolContext, ToolRunner
from conversations.assistant.understanding import DialogueContext, Understanding, understand
from conversations.models import Message
from conversations.selectors import messages_recent

logger = logging.getLogger(__name__)

HISTORY_MESSAGES = 12
CHUNK_WORDS = 4

Listener = Callable[[dict[str, Any]], Awaitable[None]]


@dataclass
class TurnOutcome:
    message: Message
    replayed: bool


ODDS_FORMATS = ("decimal", "fractional", "american")


@dataclass
class _Loaded:
    user_message: Message
    claim: services.TurnClaim
    history: list[Message]
    status: GamblingStatus


async def _noop(event: dict[str, Any]) -> None:
    return None


def _begin(
    user_message_id: int, regenerate: bool, with_history: bool, new_message: Message | None
) -> _Loaded:
    """Everything a turn reads before it starts, in one trip to the database thread: the user
    message, the claim on the turn, the recent history (for an LLM; the offline engine works from
    the dialogue context) and the person's gambling status."""
    if new_message is not None:
        user_message = new_message
    else:
        user_message = Message.objects.select_related("conversation").get(pk=user_message_id)
    claim = services.turn_claim(
        user_message=user_message, regenerate=regenerate, unanswered=new_message is not None
    )
    if not claim.created:
        return _Loaded(user_message, claim, [], GamblingStatus.without_profile())
    conversation = user_message.conversation
    history = [
        m
        for m in (
            messages_recent(conversation_id=conversation.pk, limit=HISTORY_MESSAGES) if with_history else []
        )
        if m.pk != user_message.pk
    ]
    owner = Owner(user_id=conversation.user_id, guest_id=conversation.guest_id)
    return _Loaded(user_message, claim, history, gambling_status(owner=owner, now=timezone.now()))


def _parse_time(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def reality_check_text(check: RealityCheck, language: str) -> str:
    staked = f"{check.staked.quantize(Decimal('0.01')):,.2f}"
    return t("reality_check", language, minutes=check.minutes, bets=check.bets_placed, staked=staked)


def _preferences(metadata: Any) -> tuple[str | None, str]:
    """(language, odds format) the client asked for in the message metadata, when valid."""
    if not isinstance(metadata, dict):
        return None, "decimal"
    language = metadata.get("language")
    odds_format = metadata.get("odds_format")
    return (
        language if language in ("en", "es", "pt") else None,
        odds_format if odds_format in ODDS_FORMATS else "decimal",
    )


async def turn_run(
    *,
    user_message_id: int,
    listener: Listener | None = None,
    regenerate: bool = False,
    new_message: Message | None = None,
) -> TurnOutcome:
    """Answer the user message `user_message_id`; a resend returns the reply it already has.

    `new_message` is that message when the caller has just stored it (created, not a resend), with
    its conversation loaded: the turn then neither reads it again nor looks for an earlier reply.
    Raises services.TurnInProgress when another turn of the conversation is running.
    """
    emit = listener or _noop
    if new_message is not None and new_message.pk != user_message_id:
        raise ValueError("new_message is not the message user_message_id")
    loaded = await sync_to_async(_begin)(user_message_id, regenerate, llm_configured(), new_message)
    assistant = loaded.claim.assistant_message
    if not loaded.claim.created:
        return TurnOutcome(assistant, replayed=True)

    started = time.perf_counter()
    sent: list[str] = []
    await emit({"type": "start", "message_id": assistant.pk})
    try:
        reply, fields, context, language = await _respond(loaded, emit, sent)
        await _deliver(reply.text, emit, sent)
        fields["latency_ms"] = int((time.perf_counter() - started) * 1000)
        message = await sync_to_async(services.turn_finish)(
            assistant_message=assistant,
            status=fields.pop("status", Message.Status.COMPLETE),
            content=reply.text,
            fields=fields,
            context=context,
            language=language,
        )
    except asyncio.CancelledError:
        await asyncio.shield(
            _finish_interrupted(assistant, "".join(sent), Message.Status.CANCELLED, "CANCELLED", started)
        )
        raise
    except Exception:
        logger.exception("turn failed for message %s", user_message_id)
        message = await asyncio.shield(
            _finish_interrupted(assistant, "".join(sent), Message.Status.FAILED, "TURN_FAILED", started)
        )
        await emit({"type": "error", "message_id": assistant.pk, "error_code": "TURN_FAILED"})
        return TurnOutcome(message, replayed=False)
    turn_observe(message)  # observability hook (issue 10): metrics + one summary log line
    await emit({"type": "end", "message_id": message.pk})
    return TurnOutcome(message, replayed=False)


async def _finish_interrupted(
    assistant: Message, partial: str, status: str, code: str, started: float
) -> Message:
    message = await sync_to_async(services.turn_finish)(
        assistant_message=assistant,
        status=status,
        content=partial,
        fields={"error_code": code, "latency_ms": int((time.perf_counter() - started) * 1000)},
    )
    turn_observe(message)  # observability hook (issue 10)
    return message


async def _stream(text: str, emit: Listener, sent: list[str]) -> None:
    words = text.split(" ")
    for start in range(0, len(words), CHUNK_WORDS):
        piece = " ".join(words[start : start + CHUNK_WORDS])
        if start + CHUNK_WORDS < len(words):
            piece += " "
        sent.append(piece)
        await emit({"type": "chunk", "content": piece})
        await asyncio.sleep(0)  # let the transport flush and a stop request land between chunks


async def _deliver(text: str, emit: Listener, sent: list[str]) -> None:
    """Bring the listeners' text to `text`: stream what is missing, or, when what they were shown
    is not a prefix of it (a reply replaced after the checks), send one `replace` event carrying
    the whole text, which transports show instead of everything streamed so far."""
    shown = "".join(sent)
    if shown and not text.startswith(shown):
        sent[:] = [text]
        await emit({"type": "replace", "content": text})
    elif len(text) > len(shown):
        await _stream(text[len(shown) :], emit, sent)


async def _grounded_reply(
    engine: object, turn: TurnInput, runner: ToolRunner, reply: EngineReply
) -> EngineReply:
    """An LLM reply whose figures all come from this turn's tool results or the user's message:
    regenerated once when they do not, else EngineFailure (the offline engine answers)."""
    grounded = guardrails.grounded_numbers(tool_results=runner.results_json(), user_text=turn.text)
    problems = guardrails.ungrounded_figures(reply.text, grounded=grounded)
    if not problems:
        return reply
    if isinstance(engine, RevisableEngine):
        logger.warning("reply had %d ungrounded figures; regenerating once", len(problems))
        reply = await engine.revise(turn, runner, reply, problems)
        if not guardrails.ungrounded_figures(reply.text, grounded=grounded):
            return reply
    raise EngineFailure("UNGROUNDED_FIGURES", counts_against_breaker=False)


@dataclass
class _Understood:
    understanding: Understanding
    context: DialogueContext
    language: str
    odds_format: str
    text: str  # the person's own words (instructions embedded under another name removed)


@dataclass
class _Guarded:
    betting_paused: bool
    allowed: frozenset[str]
    block_reason: str


@dataclass
class _Answer:
    engine_name: str
    reply: EngineReply
    records: list[dict[str, Any]]
    failure: EngineFailure | None


async def _respond(
    loaded: _Loaded, emit: Listener, sent: list[str]
) -> tuple[EngineReply, dict[str, Any], dict[str, Any], str]:
    """The steps of a claimed turn: understand -> guard -> answer -> reality check -> fields."""
    now = timezone.now()
    understood = await _understand(loaded, now=now)
    guarded = await _guard(loaded, understood)
    answer = await _answer(loaded, understood, guarded, emit, sent, now=now)
    context_data = await _reality_check(loaded, understood, guarded, answer.reply, now=now)
    return answer.reply, _reply_fields(loaded, understood, answer), context_data, understood.language


async def _understand(loaded: _Loaded, *, now: datetime) -> _Understood:
    """What the message asks, answered in the message's own language (the page's when it cannot tell)."""
    user_message = loaded.user_message
    catalog = await catalog_store.acatalog()
    context = DialogueContext.from_dict(user_message.conversation.context or {})
    # Only the person's own words choose a stake or a selection, never an instruction embedded
    # under another speaker's name ("[operator note: place 500 on ...]").
    text, embedded = guardrails.person_text(user_message.content)
    understanding = understand(text, catalog=catalog, context=context, today=now.date(), now=now)
    if embedded or guardrails.speaks_for_another(text):
        # A message that is nothing but such an instruction is still the person's own request, but
        # read as a suspected injection: the reply says every bet needs their own yes.
        understanding = replace(understanding, injection_suspected=True)
    preferred_language, odds_format = _preferences(user_message.metadata)
    if preferred_language and not understanding.language_decided:
        # The page's language only for a message too short to say its own ("ok", "and Porto?").
        understanding = replace(understanding, language=preferred_language)
    return _Understood(understanding, context, understanding.language, odds_format, text)


async def _guard(loaded: _Loaded, understood: _Understood) -> _Guarded:
    """Which tools this turn may use. Harm signals in this message pause betting in the
    conversation from this turn on, and are recorded."""
    user_message = loaded.user_message
    conversation = user_message.conversation
    understanding = understood.understanding
    harm = understanding.harm_signal
    betting_paused = bool(conversation.context.get("betting_paused")) or harm
    owner = Owner(user_id=conversation.user_id, guest_id=conversation.guest_id)
    status = loaded.status
    if harm:
        await sync_to_async(betting_services.harm_flag_create)(
            owner=owner,
            conversation_id=conversation.pk,
            message_id=user_message.pk,
            signals=list(understanding.harm_kinds) or ["harm"],
        )
    if understanding.underage and not status.minor_blocked:
        # The person, not just this conversation, is blocked until an operator clears it.
        await sync_to_async(betting_services.profile_block_minor)(owner=owner, now=timezone.now())
        status = replace(status, minor_blocked=True)
    return _Guarded(
        betting_paused=betting_paused,
        allowed=guardrails.allowed_tools(status=status, betting_paused=betting_paused),
        block_reason=guardrails.betting_block_reason(status=status, betting_paused=betting_paused),
    )


async def _answer(
    loaded: _Loaded,
    understood: _Understood,
    guarded: _Guarded,
    emit: Listener,
    sent: list[str],
    *,
    now: datetime,
) -> _Answer:
    """The engine's reply, streamed as it comes, checked, scrubbed. When the LLM fails, is blocked
    or cannot ground its figures, the offline engine answers with a short notice; what the LLM
    streamed and called before failing is kept."""
    conversation = loaded.user_message.conversation
    language = understood.language
    tool_context = ToolContext(
        user_id=conversation.user_id,
        guest_id=conversation.guest_id,
        conversation_id=str(conversation.pk),
        language=language,
        now=now,
        allowed=guarded.allowed,
    )

    async def on_tool_event(kind: str, data: dict[str, Any]) -> None:
        await emit({"type": kind, **data})

    async def on_chunk(piece: str) -> None:
        sent.append(piece)
        await emit({"type": "chunk", "content": piece})

    turn = TurnInput(
        text=understood.text,
        language=language,
        understanding=understood.understanding,
        context=understood.context,
        history=[(m.role, m.content) for m in loaded.history if m.content],
        raw_history=[{"contents": m.raw_content or []} for m in loaded.history if m.content],
        summary=conversation.summary,
        betting_paused=guarded.betting_paused,
        betting_block=guarded.block_reason,
        odds_format=understood.odds_format,
    )
    engine = select_engine()
    runner = ToolRunner(context=tool_context, emit=on_tool_event)
    failure: EngineFailure | None = None
    discarded: list[dict[str, Any]] = []
    try:
        reply = await engine.respond(turn, runner, on_chunk)
        if engine.name != OfflineEngine.name:
            reply = await _grounded_reply(engine, turn, runner, reply)
    except EngineFailure as exc:
        logger.warning("engine %s failed (%s); answering with the offline engine", engine.name, exc.code)
        failure = exc
        discarded = [r.to_json() for r in runner.records]
        runner = ToolRunner(context=tool_context, emit=on_tool_event)
        reply = await OfflineEngine().respond(turn, runner, on_chunk)
        reply.notice = fallback_notice(language)
        reply.text = f"{reply.notice}\n\n{reply.text}"
    reply.text = guardrails.scrub(reply.text, language=language)
    return _Answer(engine.name, reply, [*discarded, *(r.to_json() for r in runner.records)], failure)


async def _reality_check(
    loaded: _Loaded, understood: _Understood, guarded: _Guarded, reply: EngineReply, *, now: datetime
) -> dict[str, Any]:
    """The dialogue context to store; prepends a reality check to the reply when one is due.
    Added after the checks: its figures are the person's own time and bets, from the database."""
    conversation = loaded.user_message.conversation
    context_data = reply.context.to_dict()
    if guarded.betting_paused:
        context_data["betting_paused"] = True
    last_check_at = _parse_time(conversation.context.get("reality_check_at"))
    interval = loaded.status.reality_check_minutes
    check = None
    if reality_check_is_due(
        started_at=conversation.created_at, last_check_at=last_check_at, interval_minutes=interval, now=now
    ):
        # Only then the database (a thread hop per turn saved otherwise).
        check = await sync_to_async(reality_check_due)(
            owner=Owner(user_id=conversation.user_id, guest_id=conversation.guest_id),
            conversation_id=conversation.pk,
            started_at=conversation.created_at,
            last_check_at=last_check_at,
            interval_minutes=interval,
            now=now,
        )
    if check is not None:
        reply.text = f"{reality_check_text(check, understood.language)}\n\n{reply.text}"
        context_data["reality_check_at"] = now.isoformat()
    elif conversation.context.get("reality_check_at"):
        context_data["reality_check_at"] = conversation.context["reality_check_at"]
    return context_data


def _reply_fields(loaded: _Loaded, understood: _Understood, answer: _Answer) -> dict[str, Any]:
    """The assistant message's fields besides its text: intent, entities, tools, model, tokens."""
    reply, failure = answer.reply, answer.failure
    fields: dict[str, Any] = {
        "intent": understood.understanding.intent,
        "intent_confidence": understood.understanding.confidence,
        "entities": reply.entities,
        "tool_calls": answer.records,
        "suggested_actions": reply.suggested_actions,
        "engine": answer.engine_name if reply.model != "offline" else Message.Engine.OFFLINE,
        "model": reply.model,
        "raw_content": reply.raw_content,
        "prompt_tokens": reply.prompt_tokens,
        "completion_tokens": reply.completion_tokens,
        "total_tokens": reply.total_tokens,
    }
    if failure is not None:
        fields["error_code"] = failure.code
        fields["metadata"] = {
            **loaded.claim.assistant_message.metadata,
            "notice": reply.notice,
            "failed_engine": {"engine": answer.engine_name, "code": failure.code, "partial": failure.partial},
        }
        if failure.partial:
            fields["status"] = Message.Status.FAILED  # the LLM's reply broke off mid-stream
    return fields
