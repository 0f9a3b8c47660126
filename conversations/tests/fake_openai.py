"""A fake OpenAI-compatible HTTP API on a real loopback socket, for the real `openai` SDK to talk to.

Routes `POST /v1/chat/completions` (streamed as SSE over chunked encoding, flushed per event and
ended by `data: [DONE]`, or one JSON body) and `POST /v1/embeddings`. Chat replies come from a
script queue (or a `responder` when it is empty); embeddings from `embedder`. Every request is
logged with its parsed body. Tool-call arguments stream in two pieces, as real servers split them.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from conversations.tests.fake_http import FakeHandler, serve

MODEL = "fake-llama-3"


# --- building replies -------------------------------------------------------------------------


def text_reply(*pieces: str, chunk_delay: float = 0.0) -> dict[str, Any]:
    """One assistant answer, streamed one piece per chunk."""
    return {"pieces": list(pieces), "chunk_delay": chunk_delay}


def calls_reply(*calls: tuple[str, dict[str, Any]], ids: bool = True, indexes: bool = True) -> dict[str, Any]:
    """Tool calls, each streamed in two pieces; `indexes=False` leaves out `index`, as some servers do."""
    return {"calls": [(name, json.dumps(args)) for name, args in calls], "ids": ids, "indexes": indexes}


def raw_calls_reply(*calls: tuple[str, str]) -> dict[str, Any]:
    """Tool calls with arguments exactly as given (e.g. not JSON)."""
    return {"calls": list(calls), "ids": True}


def error_reply(
    status: int, message: str = "fake error", *, retry_after_ms: int | None = 5
) -> dict[str, Any]:
    kinds = {
        429: "rate_limit_exceeded",
        500: "server_error",
        503: "server_error",
        400: "invalid_request_error",
    }
    return {
        "status": status,
        "error": {"message": message, "type": kinds.get(status, "error"), "code": None},
        "retry_after_ms": retry_after_ms,
    }


def midstream_error_reply(*pieces: str, message: str = "model crashed") -> dict[str, Any]:
    """Some text, then an error event in the middle of the stream (HTTP 200 already sent)."""
    return {"pieces": list(pieces), "then_error": {"message": message, "type": "server_error"}}


def filtered_reply(text: str = "") -> dict[str, Any]:
    return {"pieces": [text], "finish": "content_filter"}


# --- the server -------------------------------------------------------------------------------


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]
    size: int

    @property
    def stream(self) -> bool:
        return bool(self.body.get("stream"))

    @property
    def messages(self) -> list[dict[str, Any]]:
        return list(self.body.get("messages") or [])

    @property
    def system_text(self) -> str:
        return "".join(m.get("content") or "" for m in self.messages if m.get("role") == "system")

    @property
    def tool_names(self) -> list[str]:
        return [t["function"]["name"] for t in self.body.get("tools") or []]


Responder = Callable[[Request], dict[str, Any]]
Embedder = Callable[[str], list[float]]


@dataclass
class FakeOpenAI:
    api_key: str = "sk-fake"
    script: deque[dict[str, Any]] = field(default_factory=deque)
    requests: list[Request] = field(default_factory=list)
    embedding_requests: list[Request] = field(default_factory=list)
    responder: Responder | None = None
    embedder: Embedder | None = None
    url: str = ""  # the base URL clients use, ending in /v1
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, *replies: dict[str, Any]) -> None:
        with self.lock:
            self.script.extend(replies)

    def next_reply(self, request: Request) -> dict[str, Any]:
        with self.lock:
            self.requests.append(request)
            if self.script:
                return self.script.popleft()
            responder = self.responder
        if responder is not None:
            return responder(request)
        return error_reply(500, "the fake has no scripted reply left", retry_after_ms=None)


def _chunk(request_id: str, delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
    return {
        "id": request_id,
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": MODEL,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }


def _stream_events(request: Request, reply: dict[str, Any], request_id: str) -> list[dict[str, Any]]:
    """The chunks of one streamed answer (without the usage chunk and [DONE])."""
    events: list[dict[str, Any]] = [_chunk(request_id, {"role": "assistant", "content": ""})]
    for piece in reply.get("pieces", []):
        events.append(_chunk(request_id, {"content": piece}))
    for index, (name, arguments) in enumerate(reply.get("calls", [])):
        half = len(arguments) // 2
        first: dict[str, Any] = {
            "type": "function",
            "function": {"name": name, "arguments": arguments[:half]},
        }
        rest: dict[str, Any] = {"function": {"arguments": arguments[half:]}}
        if reply.get("indexes", True):
            first["index"] = rest["index"] = index
        if reply.get("ids", True):
            first["id"] = f"call_{len(request.messages)}_{index}"
        events.append(_chunk(request_id, {"tool_calls": [first]}))
        events.append(_chunk(request_id, {"tool_calls": [rest]}))
    if "then_error" not in reply:
        finish = reply.get("finish") or ("tool_calls" if reply.get("calls") else "stop")
        events.append(_chunk(request_id, {}, finish))
    return events


def _usage(request: Request, reply: dict[str, Any]) -> dict[str, int]:
    said = "".join(reply.get("pieces", [])) + "".join(a for _, a in reply.get("calls", []))
    prompt, completion = math.ceil(request.size / 4), math.ceil(len(said) / 4)
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}


def _completion(request: Request, reply: dict[str, Any], request_id: str) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": "".join(reply.get("pieces", [])) or None}
    if reply.get("calls"):
        message["tool_calls"] = [
            {"id": f"call_{i}", "type": "function", "function": {"name": n, "arguments": a}}
            for i, (n, a) in enumerate(reply["calls"])
        ]
    finish = reply.get("finish") or ("tool_calls" if reply.get("calls") else "stop")
    return {
        "id": request_id,
        "object": "chat.completion",
        "created": int(time.time()),
        "model": MODEL,
        "choices": [{"index": 0, "message": message, "finish_reason": finish}],
        "usage": _usage(request, reply),
    }


class _Handler(FakeHandler):
    def do_POST(self) -> None:
        raw = self.read_body()
        fake = self.server.fake
        if self.headers.get("Authorization") != f"Bearer {fake.api_key}":
            self.send_json(401, {"error": {"message": "bad api key", "type": "invalid_request_error"}})
            return
        request = Request(
            path=self.path,
            headers={k.lower(): v for k, v in self.headers.items()},
            body=json.loads(raw or b"{}"),
            size=len(raw),
        )
        if self.path == "/v1/embeddings":
            self._embeddings(fake, request)
        elif self.path == "/v1/chat/completions":
            self._chat(fake, request)
        else:
            self.send_json(404, {"error": {"message": "no route", "type": "invalid_request_error"}})

    def _embeddings(self, fake: FakeOpenAI, request: Request) -> None:
        with fake.lock:
            fake.embedding_requests.append(request)
        texts = request.body.get("input")
        texts = [texts] if isinstance(texts, str) else list(texts or [])
        if fake.embedder is None:
            self.send_json(500, {"error": {"message": "no embedder", "type": "server_error"}})
            return
        data = [
            {"object": "embedding", "index": i, "embedding": fake.embedder(t)} for i, t in enumerate(texts)
        ]
        tokens = sum(math.ceil(len(t) / 4) for t in texts)
        self.send_json(
            200,
            {
                "object": "list",
                "data": data,
                "model": request.body.get("model"),
                "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
            },
        )

    def _chat(self, fake: FakeOpenAI, request: Request) -> None:
        reply = fake.next_reply(request)
        if reply.get("sleep"):
            time.sleep(float(reply["sleep"]))
        if "status" in reply:
            headers = {}
            if reply.get("retry_after_ms") is not None:
                headers["retry-after-ms"] = str(reply["retry_after_ms"])
            self.send_json(int(reply["status"]), {"error": reply["error"]}, headers)
            return
        request_id = f"chatcmpl-{len(fake.requests)}"
        if not request.stream:
            self.send_json(200, _completion(request, reply, request_id))
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        delay = float(reply.get("chunk_delay") or 0.0)
        for index, event in enumerate(_stream_events(request, reply, request_id)):
            if index > 1 and delay:
                time.sleep(delay)
            self._write_event(event)
        if "then_error" in reply:
            self._write_event({"error": reply["then_error"]})
        else:
            if (request.body.get("stream_options") or {}).get("include_usage"):
                usage = _chunk(request_id, {})
                usage["choices"], usage["usage"] = [], _usage(request, reply)
                self._write_event(usage)
            self.write_chunk(b"data: [DONE]\n\n")
        self.write_chunk(b"")

    def _write_event(self, payload: dict[str, Any]) -> None:
        self.write_chunk(f"data: {json.dumps(payload)}\n\n".encode())


def fake_openai_server(api_key: str = "sk-fake") -> Iterator[FakeOpenAI]:
    """Start a fake on 127.0.0.1:<free port>; yields it with `url` (…/v1) set, stops it afterwards."""
    fake = FakeOpenAI(api_key=api_key)
    yield from serve(fake, _Handler, name="fake-openai", path="/v1")


def last_user_text(request: Request) -> str:
    for message in reversed(request.messages):
        if message.get("role") == "user":
            return str(message.get("content") or "")
    return ""


def planned_responder(
    plan: Callable[[str], list[tuple[str, dict[str, Any]]]],
    answer: Callable[[Request], str] = lambda request: "Here is what I found.",
) -> Responder:
    """A scripted model: on a new user message it calls the tools `plan(user_text)` names (all in
    one turn), then answers with `answer(request)` once their results came back."""

    def respond(request: Request) -> dict[str, Any]:
        last = request.messages[-1] if request.messages else {}
        calls = [] if last.get("role") == "tool" else plan(last_user_text(request))
        if calls:
            return calls_reply(*calls)
        return text_reply(answer(request))

    return respond
