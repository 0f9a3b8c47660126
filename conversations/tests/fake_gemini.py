"""A fake Gemini HTTP API on a real loopback socket, for the real google-genai SDK to talk to.

Routes `POST /(v1|v1beta)/models/{model}:(generateContent|streamGenerateContent)`, plus
`:batchEmbedContents` answered by an `embedder` callable; streaming
answers are SSE over chunked encoding, flushed per event. Replies come from a script queue (or a
`responder` callable when the queue is empty); every request is logged with its parsed body.
Bodies are read in camelCase or snake_case, as the SDK mixes both. Usage is estimated when a
reply gives none: promptTokenCount = ceil(request body bytes / 4), candidates = ceil(text chars / 4).
"""

from __future__ import annotations

import json
import math
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from conversations.tests.fake_http import FakeHandler, serve

ROUTE = re.compile(
    r"^/(v1beta|v1)/models/([^:/?]+):(generateContent|streamGenerateContent|batchEmbedContents)(\?alt=sse)?$"
)
MODEL_VERSION = "gemini-fake-001"


def pick(data: dict[str, Any] | None, camel: str) -> Any:
    """`data[camel]` or its snake_case spelling."""
    if not data:
        return None
    if camel in data:
        return data[camel]
    return data.get(re.sub(r"(?<!^)([A-Z])", r"_\1", camel).lower())


# --- building replies -------------------------------------------------------------------------


def text_chunk(text: str, *, finish: str | None = None, signature: str | None = None) -> dict[str, Any]:
    part: dict[str, Any] = {"text": text}
    if signature:
        part["thoughtSignature"] = signature
    candidate: dict[str, Any] = {"content": {"role": "model", "parts": [part]}, "index": 0}
    if finish:
        candidate["finishReason"] = finish
    return {"candidates": [candidate]}


def calls_chunk(*calls: tuple[str, dict[str, Any]], signature: str | None = None) -> dict[str, Any]:
    parts = []
    for number, (name, args) in enumerate(calls):
        part: dict[str, Any] = {"functionCall": {"id": f"call-{number + 1}", "name": name, "args": args}}
        if signature and number == 0:
            part["thoughtSignature"] = signature  # Gemini signs the first call of a turn
        parts.append(part)
    return {
        "candidates": [{"content": {"role": "model", "parts": parts}, "finishReason": "STOP", "index": 0}]
    }


def text_reply(*pieces: str, signature: str | None = None, chunk_delay: float = 0.0) -> dict[str, Any]:
    """One model answer as stream chunks (a unary request gets them merged)."""
    chunks = [text_chunk(p) for p in pieces[:-1]]
    chunks.append(text_chunk(pieces[-1], finish="STOP", signature=signature))
    return {"chunks": chunks, "chunk_delay": chunk_delay}


def calls_reply(*calls: tuple[str, dict[str, Any]], signature: str | None = None) -> dict[str, Any]:
    return {"chunks": [calls_chunk(*calls, signature=signature)]}


def error_reply(status: int, message: str = "fake error") -> dict[str, Any]:
    names = {429: "RESOURCE_EXHAUSTED", 500: "INTERNAL", 503: "UNAVAILABLE", 400: "INVALID_ARGUMENT"}
    return {
        "status": status,
        "error": {"code": status, "message": message, "status": names.get(status, "UNKNOWN")},
    }


def blocked_prompt_reply() -> dict[str, Any]:
    return {"chunks": [{"promptFeedback": {"blockReason": "SAFETY"}}]}


def blocked_answer_reply(text: str = "") -> dict[str, Any]:
    chunk = text_chunk(text, finish="SAFETY")
    chunk["candidates"][0]["safetyRatings"] = [
        {"category": "HARM_CATEGORY_DANGEROUS_CONTENT", "probability": "HIGH", "blocked": True}
    ]
    return {"chunks": [chunk]}


# --- the server -------------------------------------------------------------------------------


@dataclass
class Request:
    path: str
    version: str
    model: str
    method: str
    headers: dict[str, str]
    body: dict[str, Any]
    size: int

    @property
    def stream(self) -> bool:
        return self.method == "streamGenerateContent"

    @property
    def contents(self) -> list[dict[str, Any]]:
        return list(pick(self.body, "contents") or [])

    @property
    def system_text(self) -> str:
        instruction = pick(self.body, "systemInstruction") or {}
        return "".join(p.get("text", "") for p in instruction.get("parts", []))

    @property
    def tool_names(self) -> list[str]:
        names = []
        for tool in pick(self.body, "tools") or []:
            for declaration in pick(tool, "functionDeclarations") or []:
                names.append(declaration["name"])
        return names

    def parts(self, key: str) -> list[dict[str, Any]]:
        """Every part of the contents that carries `key` (camelCase), e.g. "functionResponse"."""
        found = []
        for content in self.contents:
            for part in content.get("parts", []):
                value = pick(part, key)
                if value is not None:
                    found.append(part)
        return found


Responder = Callable[[Request], dict[str, Any]]


@dataclass
class FakeGemini:
    api_key: str = "fake-key"
    script: deque[dict[str, Any]] = field(default_factory=deque)
    requests: list[Request] = field(default_factory=list)
    responder: Responder | None = None
    embedder: Callable[[str], list[float]] | None = None
    embedding_requests: list[Request] = field(default_factory=list)
    url: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, *replies: dict[str, Any]) -> None:
        with self.lock:
            self.script.extend(replies)

    def reset(self) -> None:
        with self.lock:
            self.script.clear()
            self.requests.clear()
            self.responder = None

    def next_reply(self, request: Request) -> dict[str, Any]:
        with self.lock:
            self.requests.append(request)
            if self.script:
                return self.script.popleft()
            responder = self.responder
        if responder is not None:
            return responder(request)
        return error_reply(500, "the fake has no scripted reply left")


def _usage(request: Request, chunks: list[dict[str, Any]]) -> dict[str, int]:
    text = "".join(
        json.dumps(p) if "functionCall" in p else p.get("text", "")
        for chunk in chunks
        for candidate in chunk.get("candidates", [])
        for p in candidate.get("content", {}).get("parts", [])
    )
    prompt, answer = math.ceil(request.size / 4), math.ceil(len(text) / 4)
    return {"promptTokenCount": prompt, "candidatesTokenCount": answer, "totalTokenCount": prompt + answer}


def _finish(request: Request, chunks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add usage (to the last chunk), model version and response id, as the real API does."""
    done = [dict(c) for c in chunks]
    usage = _usage(request, [c for c in chunks if "error" not in c])
    for index, chunk in enumerate(done):
        if "error" in chunk:
            continue
        chunk.setdefault("modelVersion", MODEL_VERSION)
        chunk.setdefault("responseId", f"resp-{len(request.body)}-{index}")
        if index == len(done) - 1 or "error" in done[index + 1]:
            chunk.setdefault("usageMetadata", usage)
    return done


def _merged(chunks: list[dict[str, Any]]) -> dict[str, Any]:
    """A unary response from stream chunks: parts concatenated, the last chunk's other fields."""
    if not chunks:
        return {}
    merged = json.loads(json.dumps(chunks[-1]))
    parts = [
        part
        for chunk in chunks
        for candidate in chunk.get("candidates", [])[:1]
        for part in candidate.get("content", {}).get("parts", [])
    ]
    if merged.get("candidates"):
        merged["candidates"][0].setdefault("content", {"role": "model"})["parts"] = parts
    return merged


class _Handler(FakeHandler):
    json_type = "application/json; charset=UTF-8"

    def do_POST(self) -> None:
        raw = self.read_body()
        match = ROUTE.match(self.path)
        if match is None:
            self.send_json(404, {"error": {"code": 404, "message": "no route", "status": "NOT_FOUND"}})
            return
        fake = self.server.fake
        if self.headers.get("x-goog-api-key") != fake.api_key:
            self.send_json(
                403, {"error": {"code": 403, "message": "bad api key", "status": "PERMISSION_DENIED"}}
            )
            return
        request = Request(
            path=self.path,
            version=match.group(1),
            model=match.group(2),
            method=match.group(3),
            headers={k.lower(): v for k, v in self.headers.items()},
            body=json.loads(raw or b"{}"),
            size=len(raw),
        )
        if request.method == "batchEmbedContents":
            self._embed(fake, request)
            return
        reply = fake.next_reply(request)
        if reply.get("sleep"):
            time.sleep(float(reply["sleep"]))
        if "error" in reply and "chunks" not in reply:
            self.send_json(int(reply.get("status", 500)), {"error": reply["error"]})
            return
        chunks = _finish(request, list(reply.get("chunks", [])))
        if not request.stream:
            self.send_json(200, _merged([c for c in chunks if "error" not in c]))
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        delay = float(reply.get("chunk_delay") or 0.0)
        for index, chunk in enumerate(chunks):
            if index and delay:
                time.sleep(delay)
            self.write_chunk(f"data: {json.dumps(chunk)}\r\n\r\n".encode())
        self.write_chunk(b"")

    def _embed(self, fake: FakeGemini, request: Request) -> None:
        with fake.lock:
            fake.embedding_requests.append(request)
        if fake.embedder is None:
            self.send_json(500, {"error": {"code": 500, "message": "no embedder", "status": "INTERNAL"}})
            return
        texts = [
            "".join(p.get("text", "") for p in (item.get("content") or {}).get("parts", []))
            for item in request.body.get("requests", [])
        ]
        self.send_json(200, {"embeddings": [{"values": fake.embedder(text)} for text in texts]})


def fake_gemini_server(api_key: str = "fake-key") -> Iterator[FakeGemini]:
    """Start a fake on 127.0.0.1:<free port>; yields it with `url` set, stops it afterwards."""
    fake = FakeGemini(api_key=api_key)
    yield from serve(fake, _Handler, name="fake-gemini", path="")


def last_user_text(request: Request) -> str:
    """The text of the newest user message (not a function response) in the request."""
    for content in reversed(request.contents):
        texts = [p["text"] for p in content.get("parts", []) if "text" in p]
        if content.get("role") == "user" and texts:
            return "".join(texts)
    return ""


def planned_responder(
    plan: Callable[[str], list[tuple[str, dict[str, Any]]]],
    answer: Callable[[Request], str] = lambda request: "Here is what I found.",
) -> Responder:
    """A scripted model: on a new user message it calls the tools `plan(user_text)` names (all in
    one turn), then answers with `answer(request)` once their results came back."""

    def respond(request: Request) -> dict[str, Any]:
        last = request.contents[-1] if request.contents else {}
        answered = any("functionResponse" in p or "function_response" in p for p in last.get("parts", []))
        calls = [] if answered else plan(last_user_text(request))
        if calls:
            return calls_reply(*calls)
        return text_reply(answer(request))

    return respond
