"""A fake Gemini for benchmarks: the project's fake Gemini HTTP server (the real google-genai SDK
talks to it over a loopback socket) answering every request with one fixed reply, streamed at a
configurable first-token latency and rate. Prints its URL, then serves until killed.

    .venv/bin/python benchmarks/fake_llm.py --first-token-ms 300 --tokens-per-s 80

Tokens are counted as the fake counts them (ceil(characters / 4)); the reply streams in pieces of
a few words, each sent after the time its tokens take at `--tokens-per-s`. The reply has no
figures, so the grounding check passes without tool calls.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from conversations.tests.fake_gemini import Request, fake_gemini_server, text_chunk

REPLY = (
    "Barcelona host Real Madrid this weekend in LaLiga. Both sides arrive in good form, and the "
    "home crowd usually makes a difference in this fixture. Ask me for the current odds of any "
    "market and I will fetch them for you. Only stake what you can afford to lose."
)
WORDS_PER_PIECE = 5


def pieces() -> list[str]:
    words = REPLY.split(" ")
    return [
        " ".join(words[i : i + WORDS_PER_PIECE]) + (" " if i + WORDS_PER_PIECE < len(words) else "")
        for i in range(0, len(words), WORDS_PER_PIECE)
    ]


def piece_delay_s(tokens_per_s: float) -> float:
    """Seconds between pieces: a piece's (mean) tokens at `tokens_per_s`."""
    parts = pieces()
    mean_tokens = sum(math.ceil(len(p) / 4) for p in parts) / len(parts)
    return mean_tokens / tokens_per_s if tokens_per_s > 0 else 0.0


def timeline_ms(first_token_ms: float, tokens_per_s: float) -> tuple[float, float]:
    """(when the first sentence is complete, when the last piece is sent) after the request.

    The engine forwards whole sentences, so its first chunk cannot leave before the piece that
    carries the blank after the first full stop."""
    parts, delay = pieces(), piece_delay_s(tokens_per_s) * 1000
    text = ""
    first_sentence = len(parts) - 1
    for index, piece in enumerate(parts):
        text += piece
        if ". " in text:
            first_sentence = index
            break
    return first_token_ms + first_sentence * delay, first_token_ms + (len(parts) - 1) * delay


def responder(first_token_s: float, tokens_per_s: float) -> Any:
    parts, delay = pieces(), piece_delay_s(tokens_per_s)

    def respond(request: Request) -> dict[str, Any]:
        chunks = [text_chunk(p) for p in parts[:-1]] + [text_chunk(parts[-1], finish="STOP")]
        return {"chunks": chunks, "chunk_delay": delay, "sleep": first_token_s}

    return respond


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--first-token-ms", type=float, default=300.0)
    parser.add_argument("--tokens-per-s", type=float, default=80.0)
    parser.add_argument("--api-key", default="bench-key")
    args = parser.parse_args()
    for fake in fake_gemini_server(api_key=args.api_key):
        fake.responder = responder(args.first_token_ms / 1000, args.tokens_per_s)
        print(fake.url, flush=True)
        while True:
            time.sleep(5)
            with fake.lock:
                fake.requests.clear()  # the fake logs every request; a long run must not grow


if __name__ == "__main__":
    main()
