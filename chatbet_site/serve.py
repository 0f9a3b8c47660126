"""The web server command: daphne with our access log and WebSocket limits.

`python -m chatbet_site.serve -b 0.0.0.0 -p 8000 chatbet_site.asgi:application` takes daphne's own
arguments. Differences from plain `daphne`: the access log (`--access-log`) never records a query
string (the search box sends `?search=<text>`, tokens travel as `?token=`), and a WebSocket message
over WS_MAX_MESSAGE_BYTES is refused by the protocol layer with close code 1009 and invalid UTF-8
with 1007, each with a close frame (daphne's default is to drop the TCP connection without one). Do not pass `--proxy-headers`: chatbet_site.proxies decides
whose forwarded headers are believed.
"""

from __future__ import annotations

from typing import Any

from daphne.access import AccessLogGenerator
from daphne.cli import CommandLineInterface
from daphne.server import Server

WS_MAX_MESSAGE_BYTES = 1024 * 1024


def path_without_query(path: str) -> str:
    return path.split("?", 1)[0]


class RedactedAccessLog(AccessLogGenerator):
    """daphne's NCSA-style access log with every query string dropped."""

    def __call__(self, protocol: str, action: str, details: dict[str, Any]) -> None:
        if isinstance(details.get("path"), str):
            details = {**details, "path": path_without_query(details["path"])}
        super().__call__(protocol, action, details)


class ChatbetServer(Server):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        logger = kwargs.get("action_logger")
        if isinstance(logger, AccessLogGenerator) and not isinstance(logger, RedactedAccessLog):
            kwargs["action_logger"] = RedactedAccessLog(logger.stream)
        kwargs["websocket_max_message_size"] = min(
            kwargs.get("websocket_max_message_size") or WS_MAX_MESSAGE_BYTES, WS_MAX_MESSAGE_BYTES
        )
        if kwargs.get("proxy_forwarded_address_header"):
            raise SystemExit("chatbet_site.serve: do not pass --proxy-headers; set TRUSTED_PROXIES instead.")
        super().__init__(*args, **kwargs)

    def run(self) -> None:
        from twisted.internet import reactor

        # daphne builds its WebSocket factory inside run(); adjust it once the reactor starts,
        # before the first connection is accepted.
        reactor.callWhenRunning(self._websocket_options)
        super().run()

    def _websocket_options(self) -> None:
        # autobahn fails a connection (message too big: 1009, invalid UTF-8: 1007, protocol
        # errors) by dropping TCP unless told to send the close frame first: clients then see a
        # reset instead of a code they can act on.
        self.ws_factory.setProtocolOptions(failByDrop=False)


class ChatbetCommandLine(CommandLineInterface):
    server_class = ChatbetServer


def main() -> None:
    ChatbetCommandLine.entrypoint()


if __name__ == "__main__":
    main()
