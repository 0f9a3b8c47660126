"""Streams model text to the turn's listeners one sentence at a time, holding back what must not go out.

A sentence is forwarded once it is complete. One carrying a banned phrase is dropped (the final
scrub adds the caveat); one quoting a figure no tool result grounds, or echoing the system rules,
stops the stream: the rest is buffered, and the turn replaces the text after its after-checks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from betting.harm import banned_phrases
from conversations.assistant import guardrails
from conversations.assistant.engines.base import Chunk

# A sentence ends at . ! ? (plus closing quotes/brackets) followed by a blank, or at a newline.
# The blank must already be in the buffer: "odds of 1." may continue with "95" in the next chunk.
_BOUNDARY = re.compile(r"[.!?]+[\"')\]]*[ \t]+|\n")


class StreamGate:
    def __init__(
        self,
        on_chunk: Chunk,
        *,
        grounded: Callable[[], set[Decimal]],
        leaks: Callable[[str], bool],
    ) -> None:
        self._on_chunk = on_chunk
        self._grounded = grounded
        self._leaks = leaks
        self._pending = ""
        self._sent: list[str] = []
        self.text = ""  # everything the model said, as said
        self.held = False

    @property
    def streamed(self) -> str:
        return "".join(self._sent)

    async def feed(self, piece: str) -> None:
        self.text += piece
        self._pending += piece
        while not self.held:
            match = _BOUNDARY.search(self._pending)
            if match is None:
                return
            segment, self._pending = self._pending[: match.end()], self._pending[match.end() :]
            await self._forward(segment)

    async def flush(self) -> None:
        """End of a model turn: the unfinished last sentence is complete now."""
        if not self.held and self._pending:
            segment, self._pending = self._pending, ""
            await self._forward(segment)

    async def _forward(self, segment: str) -> None:
        if banned_phrases(segment):
            return
        if self._leaks(segment) or guardrails.ungrounded_figures(segment, grounded=self._grounded()):
            self.held = True
            self._pending = segment + self._pending
            return
        self._sent.append(segment)
        await self._on_chunk(segment)
