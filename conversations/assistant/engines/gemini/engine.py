"""The Gemini engine: a manual function-calling loop over the shared tool registry, streamed.

Each round streams one model turn; its text goes to the listeners through the StreamGate, its
function calls (one or several) run through the turn's ToolRunner, in order, and go back as one
function-response turn. Model contents are kept exactly as received (thought signatures included)
and stored on the message. Rounds are capped: the last one forbids further calls. Any API failure,
timeout or safety block raises EngineFailure; the turn then answers with the offline engine.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from google.genai import types

from conversations.assistant import catalog_store
from conversations.assistant.engines.base import Chunk, EngineFailure, EngineReply, TurnInput
from conversations.assistant.engines.breakers import gemini_breaker
from conversations.assistant.engines.gemini.client import (
    TRANSPORT_ERRORS,
    counts_against_breaker,
    failure_code,
    gemini_client,
)
from conversations.assistant.engines.guard import Provider, finished_text, guarded
from conversations.assistant.engines.prompt import (
    REVISE_NOTE,
    declarations,
    grounded_for,
    history_contents,
    leaks_rules,
    schedule_examples,
    system_instruction,
    tool_names_for,
)
from conversations.assistant.engines.state import reply_state
from conversations.assistant.engines.stream import StreamGate
from conversations.assistant.tools.registry import ToolOutcome, ToolRunner
from conversations.assistant.understanding import Catalog

logger = logging.getLogger(__name__)

PROVIDER = Provider(
    name="gemini",
    breaker=gemini_breaker,
    deadline_ms=lambda: settings.GEMINI_TURN_DEADLINE_MS,
    errors=TRANSPORT_ERRORS,
    failure_code=failure_code,
    counts_against_breaker=counts_against_breaker,
)


MAX_CALLS_PER_ROUND = 8
BLOCKED = {
    types.FinishReason.SAFETY,
    types.FinishReason.PROHIBITED_CONTENT,
    types.FinishReason.BLOCKLIST,
    types.FinishReason.SPII,
    types.FinishReason.RECITATION,
}
MALFORMED = {
    types.FinishReason.MALFORMED_FUNCTION_CALL,
    types.FinishReason.UNEXPECTED_TOOL_CALL,
    types.FinishReason.MALFORMED_RESPONSE,
}


@dataclass
class Usage:
    prompt: int = 0
    candidates: int = 0
    total: int = 0
    model_version: str = ""

    def add(self, metadata: types.GenerateContentResponseUsageMetadata | None) -> None:
        if metadata is None:
            return
        self.prompt += metadata.prompt_token_count or 0
        self.candidates += metadata.candidates_token_count or 0
        self.total += metadata.total_token_count or 0


@dataclass
class _Turn:
    """What one respond() call accumulates: the request contents and this turn's own contents."""

    turn: TurnInput
    runner: ToolRunner
    catalog: Catalog
    config: types.GenerateContentConfig
    contents: list[types.Content]
    own: list[types.Content] = field(default_factory=list)
    calls: list[tuple[str, ToolOutcome]] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)


def _dump(contents: list[types.Content]) -> list[dict[str, Any]]:
    return [c.model_dump(mode="json", exclude_none=True) for c in contents]


def _append_part(parts: list[types.Part], part: types.Part) -> None:
    """Join streamed text pieces into one part; anything carrying a signature or a call stays whole."""
    plain = part.text is not None and not part.thought_signature and part.function_call is None
    if plain and parts:
        last = parts[-1]
        if last.text is not None and last.function_call is None and bool(last.thought) == bool(part.thought):
            parts[-1] = last.model_copy(update={"text": last.text + (part.text or "")})
            return
    parts.append(part)


class GeminiEngine:
    name = "gemini"

    async def respond(self, turn: TurnInput, runner: ToolRunner, on_chunk: Chunk) -> EngineReply:
        catalog = await catalog_store.acatalog()
        tool = declarations(tool_names_for(turn.understanding, runner.context.allowed))
        betting = "propose_bet" in runner.context.allowed
        examples = await schedule_examples(turn, now=runner.context.now)
        config = types.GenerateContentConfig(
            system_instruction=system_instruction(
                turn,
                catalog=catalog,
                today=runner.context.now.date(),
                betting_allowed=betting,
                examples=examples,
            ),
            temperature=0.3,
            max_output_tokens=settings.GEMINI_MAX_OUTPUT_TOKENS,
            tools=[tool] if tool is not None else None,
            automatic_function_calling=types.AutomaticFunctionCallingConfig(disable=True),
        )
        contents = history_contents(turn, max_turns=settings.GEMINI_HISTORY_TURNS)
        contents.append(types.Content(role="user", parts=[types.Part(text=turn.text)]))
        state = _Turn(turn, runner, catalog, config, contents)
        gate = StreamGate(on_chunk, grounded=lambda: grounded_for(runner, turn.text), leaks=leaks_rules)
        await guarded(PROVIDER, self._loop(state, gate), partial=lambda: gate.streamed)
        text = finished_text(gate)
        context, entities = reply_state(turn, catalog=catalog, runner=runner, calls=state.calls)
        return EngineReply(
            text=text,
            context=context,
            entities=entities,
            model=state.usage.model_version or settings.GEMINI_MODEL,
            prompt_tokens=state.usage.prompt,
            completion_tokens=state.usage.candidates,
            total_tokens=state.usage.total,
            raw_content=_dump(state.own),
            streamed=True,
        )

    async def revise(
        self, turn: TurnInput, runner: ToolRunner, reply: EngineReply, problems: list[str]
    ) -> EngineReply:
        """Ask once more, unstreamed and without tools, for the answer minus `problems` (figures no
        tool result grounds). The function calls and results of the first answer stay in context."""
        catalog = await catalog_store.acatalog()
        own = [types.Content.model_validate(c) for c in reply.raw_content or []]
        contents = history_contents(turn, max_turns=settings.GEMINI_HISTORY_TURNS)
        contents.append(types.Content(role="user", parts=[types.Part(text=turn.text)]))
        tool = declarations(tool_names_for(turn.understanding, runner.context.allowed))
        note = REVISE_NOTE.format(figures=", ".join(problems[:10]))
        contents += [*own, types.Content(role="user", parts=[types.Part(text=note)])]
        config = types.GenerateContentConfig(
            system_instruction=system_instruction(
                turn,
                catalog=catalog,
                today=runner.context.now.date(),
                betting_allowed="propose_bet" in runner.context.allowed,
            ),
            temperature=0.0,
            max_output_tokens=settings.GEMINI_MAX_OUTPUT_TOKENS,
            tools=[tool] if tool is not None else None,
            tool_config=types.ToolConfig(
                function_calling_config=types.FunctionCallingConfig(mode=types.FunctionCallingConfigMode.NONE)
            ),
            automatic_function_calling=types.AutomaticFunctionCallingConfig(disable=True),
        )
        response = await guarded(
            PROVIDER,
            gemini_client().aio.models.generate_content(
                model=settings.GEMINI_MODEL, contents=contents, config=config
            ),
            partial=lambda: "",
        )
        candidate = _check_blocked(response, partial="")
        content = candidate.content if candidate is not None else None
        parts = list(content.parts or []) if content is not None else []
        text = "".join(p.text or "" for p in parts if not p.thought)
        if not text.strip() or leaks_rules(text):
            raise EngineFailure("LLM_EMPTY_REPLY", counts_against_breaker=False)
        usage = response.usage_metadata
        return EngineReply(
            text=text,
            context=reply.context,
            entities=reply.entities,
            suggested_actions=reply.suggested_actions,
            model=response.model_version or reply.model,
            prompt_tokens=(reply.prompt_tokens or 0) + ((usage.prompt_token_count or 0) if usage else 0),
            completion_tokens=(reply.completion_tokens or 0)
            + ((usage.candidates_token_count or 0) if usage else 0),
            total_tokens=(reply.total_tokens or 0) + ((usage.total_token_count or 0) if usage else 0),
            raw_content=[*(reply.raw_content or [])[:-1], *_dump([types.Content(role="model", parts=parts)])],
        )

    async def _loop(self, state: _Turn, gate: StreamGate) -> None:
        client = gemini_client()
        rounds = max(0, settings.GEMINI_MAX_TOOL_ROUNDS)
        for round_number in range(rounds + 1):
            config = state.config
            if round_number == rounds and config.tools:
                # Out of rounds: the model must answer with what it has.
                config = config.model_copy(
                    update={
                        "tool_config": types.ToolConfig(
                            function_calling_config=types.FunctionCallingConfig(
                                mode=types.FunctionCallingConfigMode.NONE
                            )
                        )
                    }
                )
            stream = await client.aio.models.generate_content_stream(
                model=settings.GEMINI_MODEL, contents=state.contents, config=config
            )
            parts: list[types.Part] = []
            calls: list[types.FunctionCall] = []
            usage: types.GenerateContentResponseUsageMetadata | None = None
            separated = False
            async for chunk in stream:
                usage = chunk.usage_metadata or usage
                state.usage.model_version = chunk.model_version or state.usage.model_version
                candidate = _check_blocked(chunk, partial=gate.streamed)
                if candidate is None or candidate.content is None:
                    continue
                for part in candidate.content.parts or []:
                    _append_part(parts, part)
                    if part.function_call is not None:
                        calls.append(part.function_call)
                    elif part.text and not part.thought:
                        if gate.text and not separated:
                            await gate.feed("\n\n")  # text of an earlier round came before
                        separated = True
                        await gate.feed(part.text)
            state.usage.add(usage)
            await gate.flush()
            model_turn = types.Content(role="model", parts=parts)
            state.contents.append(model_turn)
            state.own.append(model_turn)
            if not calls or round_number == rounds:
                return
            responses = [await self._call(state, call) for call in calls[:MAX_CALLS_PER_ROUND]]
            responses += [
                types.Part(
                    function_response=types.FunctionResponse(
                        id=call.id, name=call.name, response={"error": "TOO_MANY_CALLS"}
                    )
                )
                for call in calls[MAX_CALLS_PER_ROUND:]
            ]
            tool_turn = types.Content(role="user", parts=responses)
            state.contents.append(tool_turn)
            state.own.append(tool_turn)

    async def _call(self, state: _Turn, call: types.FunctionCall) -> types.Part:
        name = call.name or ""
        outcome = await state.runner.call(name, dict(call.args or {}))
        state.calls.append((name, outcome))
        payload = outcome.to_json()
        response = {"result": payload} if outcome.ok else {"error": payload}
        return types.Part(function_response=types.FunctionResponse(id=call.id, name=name, response=response))


def _check_blocked(response: types.GenerateContentResponse, *, partial: str) -> types.Candidate | None:
    """The first candidate; raises EngineFailure for a blocked prompt or answer (never silently)."""
    feedback = response.prompt_feedback
    if feedback is not None and feedback.block_reason is not None:
        raise EngineFailure("LLM_SAFETY_BLOCK", partial=partial, counts_against_breaker=False)
    if not response.candidates:
        return None
    candidate = response.candidates[0]
    if candidate.finish_reason in BLOCKED:
        raise EngineFailure("LLM_SAFETY_BLOCK", partial=partial, counts_against_breaker=False)
    if candidate.finish_reason in MALFORMED:
        raise EngineFailure("LLM_BAD_OUTPUT", partial=partial)
    return candidate
