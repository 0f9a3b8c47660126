"""A real HTTP fake of the ChatBet API for tests and benchmarks, with fault injection.

It serves `DemoApi` (the same endpoint shapes as demo mode) from a dataset over a stdlib
ThreadingHTTPServer on 127.0.0.1, counts requests per path, records the bets placed, and can
answer 500, hang (timeout), send truncated JSON or delay answers (a slow request is still carried
out, after the delay) for the next N requests to chosen paths.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from sportsdata.client.demo import DemoApi


def _n(en: str, es: str | None = None, pt_br: str | None = None) -> dict[str, str]:
    return {"en": en, "es": es or en, "pt_br": pt_br or en}


def small_dataset() -> dict[str, Any]:
    """Two football tournaments (one empty), one basketball, six fixtures, one without odds."""
    odds_1 = {
        "status": "Active",
        "result": {"home": 2.1, "draw": 3.4, "away": 3.5},
        "double_chance": {"home_or_draw": 1.34, "away_or_draw": 1.72, "home_or_away": 1.28},
        "both_teams_to_score": {"yes": 1.65, "no": 2.15},
        "over_under": {"line": 2.5, "over": 1.78, "under": 2.02},
        "handicap": {"line": -1, "home": 3.15, "away": 1.36},
        "half_time_result": {"home": 2.8, "draw": 2.2, "away": 4.0},
    }
    return {
        "sports": [
            {"id": "1", "alias": "Soccer", "names": _n("Football", "Fútbol", "Futebol")},
            {"id": "3", "alias": "Basketball", "names": _n("Basketball", "Baloncesto", "Basquete")},
        ],
        "tournaments": [
            {"id": "545", "sport_id": "1", "names": _n("LaLiga"), "order": 1},
            {
                "id": "566",
                "sport_id": "1",
                "order": 2,
                "names": _n(
                    "UEFA Champions League", "Liga de Campeones de la UEFA", "Liga dos Campeões da UEFA"
                ),
            },
            {"id": "999", "sport_id": "1", "names": _n("Empty Cup", "Copa Vacía", "Copa Vazia"), "order": 3},
            {"id": "756", "sport_id": "3", "names": _n("NBA"), "order": 1},
        ],
        "teams": [
            {"id": "3104", "names": _n("Barcelona")},
            {"id": "3113", "names": _n("Real Madrid")},
            {"id": "3099", "names": _n("Atletico Madrid", "Atlético de Madrid", "Atlético de Madrid")},
            {"id": "3120", "names": _n("Sevilla", "Sevilla", "Sevilha")},
            {"id": "3401", "names": _n("Bayern Munich", "Bayern de Múnich", "Bayern de Munique")},
            {"id": "3501", "names": _n("Paris Saint-Germain", "París Saint-Germain")},
            {"id": "3601", "names": _n("Los Angeles Lakers")},
            {"id": "3602", "names": _n("Boston Celtics")},
        ],
        "fixtures": [
            {
                "id": "27907678",
                "tournament_id": "545",
                "home_team_id": "3104",
                "away_team_id": "3113",
                "day_offset": 1,
                "time": "19:00",
            },
            {
                "id": "27900311",
                "tournament_id": "545",
                "home_team_id": "3099",
                "away_team_id": "3120",
                "day_offset": 2,
                "time": "16:30",
            },
            {
                "id": "27997793",
                "tournament_id": "566",
                "home_team_id": "3401",
                "away_team_id": "3501",
                "day_offset": 1,
                "time": "20:00",
            },
            {
                "id": "27997794",
                "tournament_id": "566",
                "home_team_id": "3113",
                "away_team_id": "3401",
                "day_offset": 5,
                "time": "20:00",
            },
            {
                "id": "27940001",
                "tournament_id": "756",
                "home_team_id": "3601",
                "away_team_id": "3602",
                "day_offset": 1,
                "time": "23:30",
            },
            {
                "id": "27940002",
                "tournament_id": "756",
                "home_team_id": "3602",
                "away_team_id": "3601",
                "day_offset": 3,
                "time": "23:30",
            },
        ],
        "odds": {
            "27907678": odds_1,
            "27900311": {"status": "Active", "result": {"home": 1.75, "draw": 3.6, "away": 4.8}},
            "27997793": {"status": "Active", "result": {"home": 1.9, "draw": 3.8, "away": 3.7}},
            "27997794": {"status": "Inactive"},
            "27940001": {
                "status": "Active",
                "result": {"home": 2.25, "away": 1.65},
                "over_under": {"line": 221.5, "over": 1.87, "under": 1.93},
            },
        },
        "users": {
            "1": {
                "key": "1",
                "money": 1000.0,
                "playableBalance": 1000.0,
                "withdrawableBalance": 1000.0,
                "bonusBalance": 0.0,
                "redeemedBonus": 0.0,
                "flag": 0,
            }
        },
    }


@dataclass
class Fault:
    mode: str  # error500 | timeout | malformed | slow
    paths: tuple[str, ...] = ()
    count: int | None = None  # None: until cleared
    delay: float = 0.0


class FakeChatBet:
    def __init__(self, dataset: dict[str, Any]) -> None:
        self.dataset = dataset
        self.api = DemoApi(dataset=dataset)
        self.counts: Counter[str] = Counter()
        self._fault: Fault | None = None
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def start(self) -> FakeChatBet:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def fault(
        self, mode: str, *, paths: tuple[str, ...] = (), count: int | None = None, delay: float = 0.0
    ) -> None:
        with self._lock:
            self._fault = Fault(mode=mode, paths=paths, count=count, delay=delay)

    def clear_fault(self) -> None:
        with self._lock:
            self._fault = None

    def count(self, path: str) -> int:
        with self._lock:
            return self.counts[path]

    def placed_bets(self) -> list[dict[str, Any]]:
        """The bets the API recorded (each: betId, amount, legs), oldest first."""
        return self.api.bets_placed()

    def place_bet_late(self, *, delay: float, count: int | None = 1) -> None:
        """The next `count` /place-bet calls are recorded only after `delay` seconds: past a
        client's timeout, the bet exists although the client never heard back."""
        self.fault("slow", paths=("/place-bet",), count=count, delay=delay)

    def reset_counts(self) -> None:
        with self._lock:
            self.counts.clear()

    def _take_fault(self, path: str) -> Fault | None:
        with self._lock:
            self.counts[path] += 1
            fault = self._fault
            if fault is None or (fault.paths and path not in fault.paths):
                return None
            if fault.count is not None:
                fault.count -= 1
                if fault.count <= 0:
                    self._fault = None
            return fault

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:
                super().setup()
                # Headers and body go out in two writes; without this, Nagle's algorithm plus
                # delayed ACKs stall every keep-alive response by ~40 ms.
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            def log_message(self, format: str, *args: Any) -> None:
                return

            def _handle(self) -> None:
                parts = urlsplit(self.path)
                path = "/" + "/".join(p for p in parts.path.split("/") if p)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                fault = fake._take_fault(path)
                if fault is not None and fault.mode in ("timeout", "slow"):
                    time.sleep(fault.delay)
                if fault is not None and fault.mode == "error500":
                    status, body = 500, b'{"detail": "Internal Server Error"}'
                elif fault is not None and fault.mode == "timeout":
                    status, body = 504, b'{"message": "Endpoint request timed out"}'
                else:
                    payload = json.loads(raw) if raw else None
                    query = dict(parse_qsl(parts.query, keep_blank_values=True))
                    status, obj = fake.api.handle(
                        self.command, path, query, dict(self.headers.items()), payload
                    )
                    body = json.dumps(obj).encode()
                    if fault is not None and fault.mode == "malformed":
                        body = body[: max(1, len(body) // 2)]
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True

            do_GET = _handle
            do_POST = _handle

        return Handler


def fake_server(dataset: dict[str, Any] | None = None) -> Iterator[FakeChatBet]:
    fake = FakeChatBet(dataset or small_dataset()).start()
    try:
        yield fake
    finally:
        fake.stop()


def main() -> None:
    """`python -m sportsdata.tests.fake_chatbet DATASET.json`: serve until killed (benchmarks run
    the fake in its own process so it does not share the client's GIL)."""
    import sys

    with open(sys.argv[1], encoding="utf-8") as fh:
        fake = FakeChatBet(json.load(fh))
    print(fake.url, flush=True)  # the parent reads the URL from stdout
    fake._server.serve_forever(poll_interval=0.2)


if __name__ == "__main__":
    main()
