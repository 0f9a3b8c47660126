"""Reasoning models served by some OpenAI-compatible servers (DeepSeek-R1, Qwen3 on llama.cpp or
older Ollama) write their thinking into the content between <think> and </think>. It is not the
answer: it never reaches the person, the guardrails or the stored reply."""

from __future__ import annotations

OPEN, CLOSE = "<think>", "</think>"


def _partial_tag(text: str, tag: str) -> int:
    """Length of the longest end of `text` that could be the start of `tag`."""
    for size in range(min(len(tag) - 1, len(text)), 0, -1):
        if tag.startswith(text[-size:]):
            return size
    return 0


class ThinkFilter:
    """Streamed content in, visible content out; tags may be split across pieces."""

    def __init__(self) -> None:
        self._inside = False
        self._buffer = ""
        self._started = False  # visible text has begun (whitespace before it is dropped)

    def feed(self, piece: str) -> str:
        self._buffer += piece
        out = ""
        while True:
            tag = CLOSE if self._inside else OPEN
            found = self._buffer.find(tag)
            if found < 0:
                break
            if not self._inside:
                out += self._buffer[:found]
            self._buffer = self._buffer[found + len(tag) :]
            self._inside = not self._inside
        keep = _partial_tag(self._buffer, CLOSE if self._inside else OPEN)
        if not self._inside:
            out += self._buffer[: len(self._buffer) - keep]
        self._buffer = self._buffer[len(self._buffer) - keep :] if keep else ""
        return self._visible(out)

    def flush(self) -> str:
        rest = "" if self._inside else self._buffer
        self._buffer, self._inside = "", False
        return self._visible(rest)

    def _visible(self, text: str) -> str:
        if not self._started:
            text = text.lstrip()
            self._started = bool(text)
        return text
