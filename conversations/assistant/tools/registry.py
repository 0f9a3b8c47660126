"""The tool registry shared by both engines, and the runner that calls tools and records each call.

A tool is a typed function `(ToolContext, Input) -> ToolResult`. The input is a pydantic model, so
the same definition validates the offline engine's calls and generates Gemini's declarations. Tools
touch the database, so the runner calls them in a thread; every call is recorded (arguments, a
digest of the result, duration, the times of the data it returned) and announced to the turn's listeners as tool activity.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Generic, Protocol, TypeVar

from asgiref.sync import async_to_sync, sync_to_async
from pydantic import BaseModel, ValidationError

logger = logging.getLogger(__name__)

InputT = TypeVar("InputT", bound=BaseModel)


class ToolError(Exception):
    """A tool could not answer; `code` is stable and the message is safe to show."""

    def __init__(self, code: str, message: str = "") -> None:
        super().__init__(message or code)
        self.code = code


@dataclass(frozen=True)
class ToolContext:
    """Who the tools act for. Tools only ever see this user's (or guest's) data."""

    user_id: int | None
    guest_id: str
    conversation_id: str
    language: str
    now: datetime
    allowed: frozenset[str]


class ToolResult(Protocol):
    def to_json(self) -> dict[str, Any]: ...


@dataclass(frozen=True)
class Tool(Generic[InputT]):
    name: str
    description: str
    input_model: type[InputT]
    func: Callable[[ToolContext, InputT], ToolResult]
    # Short human line for the activity indicator, in the user's language.
    activity: Callable[[InputT, str], str]

    def declaration(self) -> dict[str, Any]:
        schema = self.input_model.model_json_schema()
        schema.pop("title", None)
        return {"name": self.name, "description": self.description, "parameters_json_schema": schema}


def to_jsonable(value: Any) -> Any:
    """Decimals become strings so prices keep their exact digits on the wire."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    return value


def digest(payload: Any) -> str:
    raw = json.dumps(to_jsonable(payload), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


# Keys under which tool results carry the time their data was fetched (odds "as of").
DATA_TIME_KEYS = frozenset({"fetched_at", "odds_time"})


def data_times(payload: Any) -> list[str]:
    """The distinct data times found anywhere in a tool result, oldest first (ISO 8601 strings)."""
    found: set[str] = set()
    stack = [payload]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                if key in DATA_TIME_KEYS and isinstance(item, str) and item:
                    found.add(item)
                else:
                    stack.append(item)
        elif isinstance(value, list | tuple):
            stack.extend(value)
    return sorted(found)


REGISTRY: dict[str, Tool[Any]] = {}


def register(tool: Tool[Any]) -> Tool[Any]:
    if tool.name in REGISTRY:
        raise ValueError(f"tool {tool.name} registered twice")
    REGISTRY[tool.name] = tool
    return tool


@dataclass
class ToolCallRecord:
    name: str
    arguments: dict[str, Any]
    ok: bool
    duration_ms: int
    digest: str = ""
    error: str = ""
    result: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "name": self.name,
            "arguments": to_jsonable(self.arguments),
            "ok": self.ok,
            "duration_ms": self.duration_ms,
            "digest": self.digest,
        }
        if self.error:
            data["error"] = self.error
        times = data_times(self.result) if self.result is not None else []
        if times:
            data["as_of"] = times  # shown with exports and shares of the reply
        return data


Emit = Callable[[str, dict[str, Any]], Awaitable[None]]


@dataclass
class ToolOutcome:
    ok: bool
    result: Any = None
    error_code: str = ""
    error_message: str = ""

    def to_json(self) -> dict[str, Any]:
        if self.ok:
            return to_jsonable(self.result.to_json())
        return {"error": self.error_code, "message": self.error_message}


@dataclass
class ToolRunner:
    context: ToolContext
    emit: Emit | None = None
    records: list[ToolCallRecord] = field(default_factory=list)

    async def call(self, name: str, arguments: dict[str, Any]) -> ToolOutcome:
        tool = REGISTRY.get(name)
        started = time.perf_counter()
        if tool is None:
            return self._record(name, arguments, started, ToolOutcome(False, error_code="UNKNOWN_TOOL"))
        if name not in self.context.allowed:
            return self._record(name, arguments, started, ToolOutcome(False, error_code="TOOL_NOT_ALLOWED"))
        try:
            parsed = tool.input_model.model_validate(arguments)
        except ValidationError as exc:
            message = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            return self._record(
                name,
                arguments,
                started,
                ToolOutcome(False, error_code="INVALID_ARGUMENTS", error_message=message),
            )
        if self.emit is not None:
            await self.emit(
                "tool_activity",
                {"tool": name, "status": "started", "label": tool.activity(parsed, self.context.language)},
            )
        try:
            result = await sync_to_async(tool.func)(self.context, parsed)
            outcome = ToolOutcome(True, result=result)
        except ToolError as exc:
            outcome = ToolOutcome(False, error_code=exc.code, error_message=str(exc))
        except Exception:  # a tool bug must not kill the turn; the engine answers without it
            logger.exception("tool %s failed", name)
            outcome = ToolOutcome(False, error_code="TOOL_FAILED")
        if self.emit is not None:
            await self.emit("tool_activity", {"tool": name, "status": "finished", "ok": outcome.ok})
        return self._record(name, parsed.model_dump(exclude_none=True), started, outcome)

    def call_sync(self, name: str, arguments: dict[str, Any]) -> ToolOutcome:
        """`call` for synchronous callers (REST views)."""
        return async_to_sync(self.call)(name, arguments)

    def _record(
        self, name: str, arguments: dict[str, Any], started: float, outcome: ToolOutcome
    ) -> ToolOutcome:
        payload = outcome.to_json()
        self.records.append(
            ToolCallRecord(
                name=name,
                arguments=arguments,
                ok=outcome.ok,
                duration_ms=int((time.perf_counter() - started) * 1000),
                digest=digest(payload),
                error=outcome.error_code,
                result=payload,
            )
        )
        return outcome

    def results_json(self) -> list[dict[str, Any]]:
        return [r.result for r in self.records if r.ok and r.result is not None]
