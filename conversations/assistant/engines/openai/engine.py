"""The OpenAI-compatible engine: Chat Completions with streaming and tool calling, over the shared tools.

The same loop as the Gemini engine: each round streams one assistant message; its text goes to the
listeners through the StreamGate (figures no tool result grounds, banned phrases and rule leaks
never go out), its tool calls (streamed in pieces, joined by index) run through the turn's
ToolRunner in order and go back as `tool` messages. Rounds are capped: the last one sets
`tool_choice="none"`. Any API failure, timeout, refusal or content filter raises EngineFailure; the
turn then answers with the offline engine. The model's own messages are stored on the reply.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

from conversations.assistant import catalog_store
from conversations.assistant.engines.base import Chunk, EngineFailure, EngineReply, TurnInput
from conversations.assistant.engines.breakers import openai_breaker
from conversations.assistant.engines.guard import Provider, finished_text, guarded
from conversations.assistant.engines.openai.client import (
    TRANSPORT_ERRORS,
    counts_against_breaker,
    failure_code,
    openai_client,
)
from conversations.assistant.engines.openai.reasoning import ThinkFilter
from conversations.assistant.engines.prompt import (
    REVISE_NOTE,
    compact_schema,
    grounded_for,
    leaks_rules,
    schedule_examples,
    system_instruction,
    tool_names_for,
)
from conversations.assistant.engines.state import reply_state
from conversations.assistant.engines.stream import StreamGate
from conversations.assistant.tools import REGISTRY
from conversations.assistant.tools.registry import ToolOutcome, ToolRunner

logger = logging.getLogger(__name__)

PROVIDER = Provider(
    name="openai-compatible",
    breaker=openai_breaker,
    deadline_ms=lambda: settings.OPENAI_TURN_DEADLINE_MS,
    errors=TRANSPORT_ERRORS,
    failure_code=failure_code,
    counts_against_breaker=counts_against_breaker,
)

Message = dict[str, Any]

MAX_CALLS_PER_ROUND = 8
TEMPERATURE = 0.3


def tool_specs(names: list[str]) -> list[dict[str, Any]]:
    """Chat Completions `tools` for the registry's tools, with the same compact schemas as Gemini's."""
    specs = []
    for name in names:
        declared = REGISTRY[name].declaration()
        specs.append(
            {
                "type": "function",
                "function": {
                    "name": declared["name"],
                    "description": declared["description"],
                    "parameters": compact_schema(declared["parameters_json_schema"]),
                },
            }
        )
    return specs


def history_messages(turn: TurnInput, *, max_turns: int) -> list[Message]:
    """The last `max_turns` exchanges as chat messages (text only), oldest first, starting with the user."""
    keep = max(0, max_turns) * 2
    pairs = list(turn.history)[-keep:] if keep else []
    messages: list[Message] = []
    for role, text in pairs:
        role = "assistant" if role == "assistant" else "user"
        if messages and messages[-1]["role"] == role:
            messages[-1] = {"role": role, "content": f"{messages[-1]['content']}\n\n{text}"}
        else:
            messages.append({"role": role, "content": text})
    while messages and messages[0]["role"] != "user":
        messages.pop(0)
    return messages


@dataclass
class Usage:
    prompt: int = 0
    completion: int = 0
    total: int = 0
    model: str = ""
    reported: bool = False

    def add(self, usage: Any) -> None:
        if usage is None:
            return
        self.reported = True
        self.prompt += usage.prompt_tokens or 0
        self.completion += usage.completion_tokens or 0
        self.total += usage.total_tokens or 0


@dataclass
class _ToolCall:
    id: str = ""
    name: str = ""
    arguments: str = ""


@dataclass
class _Turn:
    """What one respond() call accumulates: the request messages and this turn's own messages."""

    runner: ToolRunner
    base: list[Message]
    tools: list[dict[str, Any]]
    own: list[Message] = field(default_factory=list)
    calls: list[tuple[str, ToolOutcome]] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)

    @property
    def messages(self) -> list[Message]:
        return [*self.base, *self.own]


class OpenAIEngine:
    name = "openai"

    async def _base(self, turn: TurnInput, runner: ToolRunner) -> tuple[list[Message], list[dict[str, Any]]]:
        catalog = await catalog_store.acatalog()
        betting = "propose_bet" in runner.context.allowed
        examples = await schedule_examples(turn, now=runner.context.now)
        system = system_instruction(
            turn,
            catalog=catalog,
            today=runner.context.now.date(),
            betting_allowed=betting,
            examples=examples,
        )
        messages: list[Message] = [{"role": "system", "content": system}]
        messages += history_messages(turn, max_turns=settings.OPENAI_HISTORY_TURNS)
        messages.append({"role": "user", "content": turn.text})
        return messages, tool_specs(tool_names_for(turn.understanding, runner.context.allowed))

    async def respond(self, turn: TurnInput, runner: ToolRunner, on_chunk: Chunk) -> EngineReply:
        base, tools = await self._base(turn, runner)
        state = _Turn(runner=runner, base=base, tools=tools)
        gate = StreamGate(on_chunk, grounded=lambda: grounded_for(runner, turn.text), leaks=leaks_rules)
        await guarded(PROVIDER, self._loop(state, gate), partial=lambda: gate.streamed)
        text = finished_text(gate)
        catalog = await catalog_store.acatalog()
        context, entities = reply_state(turn, catalog=catalog, runner=runner, calls=state.calls)
        usage = state.usage
        return EngineReply(
            text=text,
            context=context,
            entities=entities,
            model=usage.model or settings.OPENAI_MODEL,
            prompt_tokens=usage.prompt if usage.reported else None,
            completion_tokens=usage.completion if usage.reported else None,
            total_tokens=usage.total if usage.reported else None,
            raw_content=state.own,
            streamed=True,
        )

    async def revise(
        self, turn: TurnInput, runner: ToolRunner, reply: EngineReply, problems: list[str]
    ) -> EngineReply:
        """Ask once more, unstreamed and with tools switched off, for the answer minus `problems`
        (figures no tool result grounds). The first answer's tool calls and results stay in context."""
        base, tools = await self._base(turn, runner)
        note = REVISE_NOTE.format(figures=", ".join(problems[:10]))
        messages = [*base, *(reply.raw_content or []), {"role": "user", "content": note}]
        request: dict[str, Any] = {
            "model": settings.OPENAI_MODEL,
            "messages": messages,
            "temperature": 0.0,
            "max_tokens": settings.OPENAI_MAX_OUTPUT_TOKENS,
        }
        if tools:
            request |= {"tools": tools, "tool_choice": "none"}
        completion = await guarded(
            PROVIDER, openai_client().chat.completions.create(**request), partial=lambda: ""
        )
        choice = completion.choices[0] if completion.choices else None
        if choice is not None and (choice.finish_reason == "content_filter" or choice.message.refusal):
            raise EngineFailure("LLM_SAFETY_BLOCK", counts_against_breaker=False)
        text = (choice.message.content or "") if choice is not None else ""
        if not text.strip() or leaks_rules(text):
            raise EngineFailure("LLM_EMPTY_REPLY", counts_against_breaker=False)
        usage = completion.usage
        return EngineReply(
            text=text,
            context=reply.context,
            entities=reply.entities,
            suggested_actions=reply.suggested_actions,
            model=completion.model or reply.model,
            prompt_tokens=(reply.prompt_tokens or 0) + (usage.prompt_tokens if usage else 0),
            completion_tokens=(reply.completion_tokens or 0) + (usage.completion_tokens if usage else 0),
            total_tokens=(reply.total_tokens or 0) + (usage.total_tokens if usage else 0),
            raw_content=[*(reply.raw_content or [])[:-1], {"role": "assistant", "content": text}],
        )

    async def _loop(self, state: _Turn, gate: StreamGate) -> None:
        client = openai_client()
        rounds = max(0, settings.OPENAI_MAX_TOOL_ROUNDS)
        for round_number in range(rounds + 1):
            request: dict[str, Any] = {
                "model": settings.OPENAI_MODEL,
                "messages": state.messages,
                "temperature": TEMPERATURE,
                "max_tokens": settings.OPENAI_MAX_OUTPUT_TOKENS,
                "stream": True,
                "stream_options": {"include_usage": True},
            }
            if state.tools:
                # Out of rounds: the model must answer with what it has.
                request |= {"tools": state.tools, "tool_choice": "none" if round_number == rounds else "auto"}
            stream = await client.chat.completions.create(**request)
            said, calls = await self._round(state, gate, stream)
            message: Message = {"role": "assistant", "content": said or None}
            if calls:
                message["tool_calls"] = [
                    {"id": c.id, "type": "function", "function": {"name": c.name, "arguments": c.arguments}}
                    for c in calls
                ]
            state.own.append(message)
            if not calls or round_number == rounds:
                return
            for call in calls[:MAX_CALLS_PER_ROUND]:
                state.own.append(await self._call(state, call))
            for call in calls[MAX_CALLS_PER_ROUND:]:
                state.own.append(_tool_message(call, {"error": "TOO_MANY_CALLS"}))

    async def _round(self, state: _Turn, gate: StreamGate, stream: Any) -> tuple[str, list[_ToolCall]]:
        """Consume one streamed assistant message: its text (fed to the gate) and its tool calls."""
        said, refusal = "", ""
        thinking = ThinkFilter()
        pending: dict[int, _ToolCall] = {}

        async def show(text: str) -> None:
            nonlocal said
            if not text:
                return
            if gate.text and not said:
                await gate.feed("\n\n")  # text of an earlier round came before
            said += text
            await gate.feed(text)

        async for chunk in stream:
            state.usage.model = chunk.model or state.usage.model
            state.usage.add(chunk.usage)
            for choice in chunk.choices[:1]:
                delta = choice.delta
                await show(thinking.feed(delta.content or ""))
                refusal += delta.refusal or ""
                for piece in delta.tool_calls or []:
                    _accumulate(pending, piece)
                if choice.finish_reason == "content_filter":
                    raise EngineFailure(
                        "LLM_SAFETY_BLOCK", partial=gate.streamed, counts_against_breaker=False
                    )
        await show(thinking.flush())
        await gate.flush()
        if refusal and not said and not pending:
            raise EngineFailure("LLM_SAFETY_BLOCK", partial=gate.streamed, counts_against_breaker=False)
        calls = [pending[index] for index in sorted(pending)]
        for number, call in enumerate(calls):
            call.id = call.id or f"call_{len(state.own)}_{number}"  # some servers send no ids
        return said, calls

    async def _call(self, state: _Turn, call: _ToolCall) -> Message:
        try:
            arguments = json.loads(call.arguments or "{}")
        except json.JSONDecodeError:
            arguments = None
        if not isinstance(arguments, dict):
            return _tool_message(
                call, {"error": {"error": "INVALID_ARGUMENTS", "message": "arguments are not a JSON object"}}
            )
        outcome = await state.runner.call(call.name, arguments)
        state.calls.append((call.name, outcome))
        payload = outcome.to_json()
        return _tool_message(call, {"result": payload} if outcome.ok else {"error": payload})


def _accumulate(pending: dict[int, _ToolCall], piece: Any) -> None:
    """Join one streamed tool-call piece into its call. Pieces carry an index; without one, a new id
    (or, without ids, a name after arguments) starts the next call and anything else continues it."""
    index = getattr(piece, "index", None)
    if not isinstance(index, int):
        last = max(pending) if pending else -1
        named = piece.function is not None and bool(piece.function.name)
        starts_new = (
            last < 0
            or bool(piece.id and piece.id != pending[last].id)
            or (not piece.id and named and bool(pending[last].arguments))
        )
        index = last + 1 if starts_new else last
    call = pending.setdefault(index, _ToolCall())
    call.id = piece.id or call.id
    if piece.function is not None:
        name = piece.function.name or ""
        if name != call.name:  # some servers repeat the whole name in every piece
            call.name += name
        call.arguments += piece.function.arguments or ""


def _tool_message(call: _ToolCall, content: dict[str, Any]) -> Message:
    return {"role": "tool", "tool_call_id": call.id, "content": json.dumps(content, ensure_ascii=False)}
