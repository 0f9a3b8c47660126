"""A bare echo consumer: the transport floor for benchmarks and the plumbing test of the layer.

It echoes every text frame back through the channel layer (group send to its own group), so a
round trip proves the configured layer really carries messages.
"""

from __future__ import annotations

from typing import Any

from channels.generic.websocket import AsyncWebsocketConsumer


class EchoConsumer(AsyncWebsocketConsumer):
    async def connect(self) -> None:
        self.group_name = f"echo.{self.channel_name.replace('!', '_')}"[:90]
        await self.channel_layer.group_add(self.group_name, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        await self.channel_layer.group_discard(self.group_name, self.channel_name)

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        await self.channel_layer.group_send(
            self.group_name, {"type": "echo.message", "text": text_data or ""}
        )

    async def echo_message(self, event: dict[str, Any]) -> None:
        await self.send(text_data=event["text"])
