"""Live chat benchmark: one daphne process with an instant fake LLM (benchmarks/ws_asgi.py) and a
load client of WebSocket "chatting" users. Prints one JSON object.

    scripts/with_services.sh .venv/bin/python benchmarks/bench_websocket.py --clients 1,50,500

Each client (a mobile guest with its own conversation) sends a message, reads the stream to
streaming_end, thinks for ~`--think` seconds and sends again, for `--duration` seconds per level.
Reported per level: time to first chunk and turn time (send -> streaming_end; with an instant LLM
that is the whole turn overhead), p50/p99, turns per second, chunk relay (publish -> client),
and errors. Also: the /ws/echo/ round trip (transport floor) and daphne's RSS per 1,000 idle
chat connections.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import time
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chatbet_site.settings")
os.environ.setdefault("SECRET_KEY", "bench-only")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")

import django  # noqa: E402

django.setup()

from websockets.asyncio.client import connect  # noqa: E402
from websockets.exceptions import ConnectionClosed, WebSocketException  # noqa: E402

from conversations.identity import guest_token_issue  # noqa: E402


def _pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 2)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def start_daphne(port: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "CHAT_RATE_MESSAGES": "100000",
        "CHAT_RATE_FRAMES": "100000",
        "LOG_LEVEL": "WARNING",
        "GOOGLE_API_KEY": "",
    }
    process = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "daphne"),
            "-b",
            "127.0.0.1",
            "-p",
            str(port),
            "benchmarks.ws_asgi:application",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(os.environ.get("BENCH_DAPHNE_LOG", os.devnull), "ab"),  # noqa: SIM115
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError("daphne did not start") from None
            time.sleep(0.1)


async def echo_floor(base: str, rounds: int = 300) -> dict[str, Any]:
    times = []
    async with connect(f"{base}/ws/echo/", origin="http://127.0.0.1") as ws:  # type: ignore[arg-type]
        for i in range(rounds):
            started = time.perf_counter()
            await ws.send(f"ping-{i}")
            await ws.recv()
            times.append((time.perf_counter() - started) * 1000)
    return {"rtt_p50_ms": _pct(times, 0.5), "rtt_p99_ms": _pct(times, 0.99)}


async def _open(base: str) -> Any:
    _, token = guest_token_issue()
    ws = await connect(f"{base}/ws/chat/?guest_token={token}", open_timeout=60, max_queue=None)
    await ws.recv()  # connection_ack
    created = json.loads(await ws.recv())  # session_created
    ws.session_id = created["session_id"]  # type: ignore[attr-defined]
    return ws


def accounting(sent: list[tuple[str, str]], wait_s: float = 60.0) -> dict[str, Any]:
    """Every message the load client sent must be stored exactly once with exactly one final reply
    (counted in PostgreSQL once no turn is streaming any more)."""
    from django.db import connection
    from django.db.models import Count

    from conversations.models import Message

    connection.close()
    deadline = time.monotonic() + wait_s
    while Message.objects.filter(status=Message.Status.STREAMING).exists() and time.monotonic() < deadline:
        time.sleep(0.5)
    still_streaming = Message.objects.filter(status=Message.Status.STREAMING).count()
    wanted = set(sent)
    stored: dict[tuple[str, str], int] = {}
    for row in (
        Message.objects.filter(role=Message.Role.USER, client_message_id__in=[m for _, m in sent])
        .values("conversation_id", "client_message_id", "pk")
        .annotate(reply_count=Count("replies"))
    ):
        key = (str(row["conversation_id"]), row["client_message_id"])
        stored[key] = stored.get(key, 0) + 1
        if row["reply_count"] != 1:
            stored[key] += 100  # marks a message whose reply count is not exactly one
    missing = len(wanted - set(stored))
    duplicated = sum(1 for count in stored.values() if count % 100 > 1)
    wrong_replies = sum(1 for count in stored.values() if count >= 100)
    return {
        "messages_sent": len(wanted),
        "stored_exactly_once": sum(1 for k, c in stored.items() if k in wanted and c == 1),
        "missing": missing,
        "stored_twice_or_more": duplicated,
        "without_exactly_one_reply": wrong_replies,
        "still_streaming": still_streaming,
    }


async def chat_level(base: str, clients: int, duration: float, think: float) -> dict[str, Any]:
    gate = asyncio.Semaphore(50)

    async def opened() -> Any:
        for attempt in range(10):
            try:
                async with gate:
                    return await _open(base)
            except (OSError, TimeoutError, WebSocketException):
                # An overloaded server may drop a handshake: back off and retry like a real client.
                await asyncio.sleep(min(5.0, 0.2 * 2**attempt))
        raise RuntimeError("could not connect after 10 attempts")

    sockets = list(await asyncio.gather(*(opened() for _ in range(clients))))
    sent: list[tuple[str, str]] = []
    ttfc: list[float] = []
    turns: list[float] = []
    relay: list[float] = []
    errors: dict[str, int] = {}
    stop_at = time.perf_counter() + duration

    async def chat(ws: Any) -> None:
        await asyncio.sleep(random.uniform(0, think))
        while time.perf_counter() < stop_at:
            try:
                await one_turn(ws)
            except (ConnectionClosed, TimeoutError) as exc:
                # Counted, then the client reconnects as a real app would (with a new session).
                errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
                try:
                    ws = await opened()
                except RuntimeError:
                    errors["client_gave_up"] = errors.get("client_gave_up", 0) + 1
                    return
                sockets.append(ws)
            await asyncio.sleep(random.uniform(0.5 * think, 1.5 * think))

    async def one_turn(ws: Any) -> None:
        if True:
            started = time.perf_counter()
            message_id = uuid.uuid4().hex
            sent.append((ws.session_id, message_id))
            await ws.send(
                json.dumps(
                    {
                        "type": "user_message",
                        "content": "Odds for Barcelona vs Real Madrid?",
                        "message_id": message_id,
                    }
                )
            )
            first = None
            while True:
                frame = json.loads(await asyncio.wait_for(ws.recv(), timeout=60))
                kind = frame["type"]
                if kind == "streaming_response":
                    now = time.time()
                    if first is None:
                        first = (time.perf_counter() - started) * 1000
                    relay.append((now - datetime.fromisoformat(frame["timestamp"]).timestamp()) * 1000)
                elif kind == "streaming_end":
                    break
                elif kind == "error":
                    errors[frame["error_code"]] = errors.get(frame["error_code"], 0) + 1
                    break
            if kind == "streaming_end" and first is not None:
                ttfc.append(first)
                turns.append((time.perf_counter() - started) * 1000)

    began = time.perf_counter()
    await asyncio.gather(*(chat(ws) for ws in sockets))
    elapsed = time.perf_counter() - began
    await asyncio.gather(*(ws.close() for ws in sockets))
    ledger = await asyncio.to_thread(accounting, sent)
    return {
        "accounting": ledger,
        "clients": clients,
        "turns": len(turns),
        "turns_per_s": round(len(turns) / elapsed, 1),
        "ttfc_p50_ms": _pct(ttfc, 0.5),
        "ttfc_p99_ms": _pct(ttfc, 0.99),
        "turn_p50_ms": _pct(turns, 0.5),
        "turn_p99_ms": _pct(turns, 0.99),
        "relay_p50_ms": _pct(relay, 0.5),
        "relay_p99_ms": _pct(relay, 0.99),
        "errors": errors,
    }


async def idle_memory(base: str, pid: int, connections: int) -> dict[str, Any]:
    await asyncio.sleep(1)
    before = _rss_mb(pid)
    gate = asyncio.Semaphore(50)

    async def opened() -> Any:
        for attempt in range(10):
            try:
                async with gate:
                    return await _open(base)
            except (OSError, TimeoutError, WebSocketException):
                # An overloaded server may drop a handshake: back off and retry like a real client.
                await asyncio.sleep(min(5.0, 0.2 * 2**attempt))
        raise RuntimeError("could not connect after 10 attempts")

    sockets = await asyncio.gather(*(opened() for _ in range(connections)))
    await asyncio.sleep(2)
    after = _rss_mb(pid)
    await asyncio.gather(*(ws.close() for ws in sockets))
    per_1000 = (after - before) * 1000 / connections
    return {
        "connections": connections,
        "rss_before_mb": round(before, 1),
        "rss_after_mb": round(after, 1),
        "mb_per_1000": round(per_1000, 1),
        "projected_5000_mb": round(before + 5 * per_1000, 1),
    }


async def main(args: argparse.Namespace) -> dict[str, Any]:
    port = _free_port()
    process = start_daphne(port)
    base = f"ws://127.0.0.1:{port}"
    try:
        result: dict[str, Any] = {
            "benchmark": "websocket",
            "engine": "instant fake LLM",
            "daphne_processes": 1,
        }
        result["echo_floor"] = await echo_floor(base)
        await chat_level(base, 1, 2, 0.05)  # warm-up: imports, catalog, connections
        result["levels"] = [
            await chat_level(base, n, args.duration, args.think if n > 1 else 0.05)
            for n in [int(v) for v in args.clients.split(",") if v]
        ]
        result["think_s"] = args.think
        result["duration_s"] = args.duration
        if args.idle:
            result["idle"] = await idle_memory(base, process.pid, args.idle)
        result["rss_end_mb"] = round(_rss_mb(process.pid), 1)
        return result
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", default="1,50,500")
    parser.add_argument("--duration", type=float, default=15.0, help="seconds per level")
    parser.add_argument(
        "--think", type=float, default=2.0, help="mean seconds between a reply and the next message"
    )
    parser.add_argument(
        "--idle", type=int, default=1000, help="idle connections for the memory probe (0 = skip)"
    )
    subprocess.run([sys.executable, str(ROOT / "manage.py"), "migrate", "-v0"], check=True, cwd=ROOT)
    summary = asyncio.run(main(parser.parse_args()))
    summary["ok"] = all(not level["errors"] for level in summary["levels"])
    print(json.dumps(summary, indent=2))
