"""What every engine receives and returns; the pipeline in turn.py is the only caller."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from conversations.assistant.tools.registry import ToolRunner
from conversations.assistant.understanding import DialogueContext, Understanding


class EngineFailure(Exception):
    """An LLM engine could not produce a reply; the turn answers with the offline engine instead.

    `code` goes to Message.error_code; `partial` is the text already streamed to the listeners;
    `counts_against_breaker` is False for answers that were refused (safety), not failed.
    """

    def __init__(self, code: str, *, partial: str = "", counts_against_breaker: bool = True) -> None:
        super().__init__(code)
        self.code = code
        self.partial = partial
        self.counts_against_breaker = counts_against_breaker


@dataclass
class TurnInput:
    text: str
    language: str
    understanding: Understanding
    context: DialogueContext
    # (role, text) of earlier turns, oldest first; the Gemini engine also gets raw contents.
    history: list[tuple[str, str]]
    raw_history: list[dict[str, Any]] = field(default_factory=list)
    summary: str = ""
    betting_paused: bool = False
    # Why betting tools are off ("minor", "age", "self_excluded", "cooling_off", "paused"; "" when on).
    betting_block: str = ""
    # The person's display preference for odds: decimal, fractional or american.
    odds_format: str = "decimal"


@dataclass
class EngineReply:
    text: str
    context: DialogueContext
    entities: dict[str, Any]
    suggested_actions: list[str] = field(default_factory=list)
    model: str = ""
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    total_tokens: int | None = None
    raw_content: list[dict[str, Any]] | None = None
    # True when the engine already streamed `text` to the listeners chunk by chunk.
    streamed: bool = False
    notice: str = ""


Chunk = Callable[[str], Awaitable[None]]


class Engine(Protocol):
    name: str

    async def respond(self, turn: TurnInput, runner: ToolRunner, on_chunk: Chunk) -> EngineReply: ...
