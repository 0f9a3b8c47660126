"""Live transport benchmark: one daphne process with an instant fake LLM (benchmarks/ws_asgi.py)
and a load client of our own. Prints one JSON object.

    scripts/with_services.sh .venv/bin/python benchmarks/bench_websocket.py

WebSocket levels (`--levels clients:think_s:duration_s,...`): each client (a mobile guest with its
own conversation) sends a message, reads the stream to streaming_end, waits ~think seconds and
sends again. Per level: time to first chunk and turn time (send -> streaming_end; with an instant
LLM that is the whole turn overhead), p50/p99, turns per second, chunk relay (publish -> client),
errors, and an accounting of every message sent (stored once, one final reply, counted in
PostgreSQL). A saturation level (no think time) gives the most turns per second. Then: REST send
and SSE (1 and 50 clients), a Gemini-path level (the real google-genai client against a fake
Gemini with a set first-token latency and token rate, benchmarks/fake_llm.py), and daphne's RSS
with `--idle` idle chat sockets open.

Floors measured in the same run: the /ws/echo/ round trip (a bare Channels consumer) for the
WebSocket figures, GET /health/live (Django's middleware, no database) for REST and SSE; every
latency is also given as a ratio to its floor.
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

import httpx  # noqa: E402
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


def start_daphne(
    port: int, app: str = "benchmarks.ws_asgi:application", env: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    environment = {
        **os.environ,
        "CHAT_RATE_MESSAGES": "100000",
        "CHAT_RATE_FRAMES": "100000",
        "CHAT_RATE_LIMIT": "100000/min",
        "API_RATE_LIMIT": "100000/min",
        "LOG_LEVEL": "WARNING",
        "GOOGLE_API_KEY": "",
        **(env or {}),
    }
    process = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "daphne"), "-b", "127.0.0.1", "-p", str(port), app],
        cwd=ROOT,
        env=environment,
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


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def _ratio(value: float | None, floor: float | None) -> float | None:
    return round(value / floor, 1) if value is not None and floor else None


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


async def _open_retrying(base: str, gate: asyncio.Semaphore) -> Any:
    """`_open` with at most `gate`'s count of handshakes at once; an overloaded server may drop a
    handshake, so back off and retry like a real client."""
    for attempt in range(10):
        try:
            async with gate:
                return await _open(base)
        except (OSError, TimeoutError, WebSocketException):
            await asyncio.sleep(min(5.0, 0.2 * 2**attempt))
    raise RuntimeError("could not connect after 10 attempts")


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

    sockets = list(await asyncio.gather(*(_open_retrying(base, gate) for _ in range(clients))))
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
                    ws = await _open_retrying(base, gate)
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

    sockets = await asyncio.gather(*(_open_retrying(base, gate) for _ in range(connections)))
    await asyncio.sleep(2)
    after = _rss_mb(pid)
    await asyncio.gather(*(ws.close() for ws in sockets))
    per_1000 = (after - before) * 1000 / connections
    return {
        "connections": connections,
        "rss_before_mb": round(before, 1),
        "rss_with_connections_mb": round(after, 1),
        "mb_per_1000": round(per_1000, 1),
        "target_5000_mb": 1024,
    }


async def http_floor(http: str, rounds: int = 300) -> dict[str, Any]:
    times = []
    async with httpx.AsyncClient(base_url=http, timeout=30) as client:
        for _ in range(rounds):
            started = time.perf_counter()
            response = await client.get("/health/live")
            response.raise_for_status()
            times.append((time.perf_counter() - started) * 1000)
    return {"get_p50_ms": _pct(times, 0.5), "get_p99_ms": _pct(times, 0.99)}


async def _rest_guest(client: httpx.AsyncClient) -> tuple[dict[str, str], str]:
    _, token = guest_token_issue()
    headers = {"Authorization": f"Guest {token}"}
    created = await client.post("/api/v1/conversations/", json={}, headers=headers)
    created.raise_for_status()
    return headers, created.json()["session_id"]


def _sse_events(body: str) -> list[str]:
    return [line[len("event: ") :] for line in body.splitlines() if line.startswith("event: ")]


async def http_level(http: str, clients: int, duration: float, think: float, *, sse: bool) -> dict[str, Any]:
    """`clients` guests each sending a message over REST (JSON reply) or SSE, then waiting ~think s."""
    sent: list[tuple[str, str]] = []
    totals: list[float] = []
    firsts: list[float] = []
    statuses: dict[str, int] = {}
    limits = httpx.Limits(max_connections=clients + 5, max_keepalive_connections=clients + 5)
    async with httpx.AsyncClient(base_url=http, timeout=60, limits=limits) as client:
        guests = await asyncio.gather(*(_rest_guest(client) for _ in range(clients)))
        stop_at = time.perf_counter() + duration

        async def run(headers: dict[str, str], session_id: str) -> None:
            url = f"/api/v1/conversations/{session_id}/messages/"
            await asyncio.sleep(random.uniform(0, think))
            while time.perf_counter() < stop_at:
                message_id = uuid.uuid4().hex
                sent.append((session_id, message_id))
                body = {"content": "Odds for Barcelona vs Real Madrid?", "message_id": message_id}
                started = time.perf_counter()
                if not sse:
                    response = await client.post(url, json=body, headers=headers)
                    key = str(response.status_code)
                else:
                    first = None
                    events: list[str] = []
                    async with client.stream(
                        "POST", url, json=body, headers={**headers, "Accept": "text/event-stream"}
                    ) as response:
                        key = str(response.status_code)
                        async for line in response.aiter_lines():
                            if line.startswith("event: "):
                                events.append(line[len("event: ") :])
                                if events[-1] == "streaming_response" and first is None:
                                    first = (time.perf_counter() - started) * 1000
                    if first is not None:
                        firsts.append(first)
                    if not events or events[-1] != "streaming_end":
                        key = f"{key}-incomplete"
                statuses[key] = statuses.get(key, 0) + 1
                totals.append((time.perf_counter() - started) * 1000)
                await asyncio.sleep(random.uniform(0.5 * think, 1.5 * think))

        began = time.perf_counter()
        await asyncio.gather(*(run(h, sid) for h, sid in guests))
        elapsed = time.perf_counter() - began
    result: dict[str, Any] = {
        "clients": clients,
        "think_s": think,
        "requests": len(totals),
        "requests_per_s": round(len(totals) / elapsed, 1),
        "p50_ms": _pct(totals, 0.5),
        "p99_ms": _pct(totals, 0.99),
        "statuses": statuses,
    }
    if sse:
        result["first_chunk_p50_ms"] = _pct(firsts, 0.5)
        result["first_chunk_p99_ms"] = _pct(firsts, 0.99)
    result["accounting"] = await asyncio.to_thread(accounting, sent)
    return result


def start_fake_llm(first_token_ms: float, tokens_per_s: float) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "python"),
            str(ROOT / "benchmarks" / "fake_llm.py"),
            "--first-token-ms",
            str(first_token_ms),
            "--tokens-per-s",
            str(tokens_per_s),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    url = process.stdout.readline().strip()
    if not url.startswith("http"):
        process.kill()
        raise RuntimeError("the fake LLM did not start")
    return process, url


async def gemini_level(args: argparse.Namespace) -> dict[str, Any]:
    """The Gemini engine path: real google-genai client, fake Gemini with a set latency and rate."""
    from benchmarks.fake_llm import timeline_ms

    llm, llm_url = start_fake_llm(args.llm_first_token_ms, args.llm_tokens_per_s)
    port = _free_port()
    process = start_daphne(
        port,
        app="chatbet_site.asgi:application",
        env={
            "GOOGLE_API_KEY": "bench-key",
            "GEMINI_BASE_URL": llm_url,
            "ASSISTANT_ENGINE": "gemini",
            "GEMINI_BREAKER_THRESHOLD": "1000000",
        },
    )
    try:
        base = f"ws://127.0.0.1:{port}"
        await chat_level(base, 1, 3, 0.05)  # warm-up: SDK client, imports
        level = await chat_level(base, args.llm_clients, args.llm_duration, args.llm_think)
    finally:
        stop(process)
        llm.kill()
    first_sentence_ms, llm_done_ms = timeline_ms(args.llm_first_token_ms, args.llm_tokens_per_s)
    for key in ("ttfc_p50_ms", "ttfc_p99_ms"):
        if level.get(key) is not None:
            level[key.replace("ttfc", "ttfc_overhead")] = round(level[key] - first_sentence_ms, 2)
    for key in ("turn_p50_ms", "turn_p99_ms"):
        if level.get(key) is not None:
            level[key.replace("turn", "turn_overhead")] = round(level[key] - llm_done_ms, 2)
    return {
        "llm": "fake Gemini over HTTP (google-genai client)",
        "first_token_ms": args.llm_first_token_ms,
        "tokens_per_s": args.llm_tokens_per_s,
        "llm_first_sentence_ms": round(first_sentence_ms, 1),
        "llm_last_token_ms": round(llm_done_ms, 1),
        "think_s": args.llm_think,
        "duration_s": args.llm_duration,
        **level,
    }


def _levels(spec: str) -> list[tuple[int, float, float]]:
    levels = []
    for item in spec.split(","):
        clients, think, duration = item.split(":")
        levels.append((int(clients), float(think), float(duration)))
    return levels


async def main(args: argparse.Namespace) -> dict[str, Any]:
    port = _free_port()
    process = start_daphne(port)
    base = f"ws://127.0.0.1:{port}"
    http = f"http://127.0.0.1:{port}"
    result: dict[str, Any] = {"benchmark": "websocket", "engine": "instant fake LLM", "daphne_processes": 1}
    try:
        echo = await echo_floor(base)
        result["echo_floor"] = echo
        floor = echo["rtt_p50_ms"]
        await chat_level(base, 1, 2, 0.05)  # warm-up: imports, catalog, connections
        levels = []
        for clients, think, duration in _levels(args.levels):
            level = await chat_level(base, clients, duration, think)
            level["think_s"] = think
            level["duration_s"] = duration
            for key in ("ttfc_p50_ms", "turn_p50_ms", "turn_p99_ms", "relay_p50_ms"):
                level[key.replace("_ms", "_ratio_to_echo")] = _ratio(level.get(key), floor)
            levels.append(level)
        result["levels"] = levels
        if args.saturation:
            saturation = await chat_level(base, args.saturation, 15, 0.0)
            result["saturation"] = {
                "clients": args.saturation,
                "think_s": 0,
                "turns_per_s": saturation["turns_per_s"],
                "turn_p50_ms": saturation["turn_p50_ms"],
                "turn_p99_ms": saturation["turn_p99_ms"],
                "errors": saturation["errors"],
                "accounting": saturation["accounting"],
            }
        if args.http:
            get = await http_floor(http)
            result["http_floor"] = get
            rest = [await http_level(http, n, args.http_duration, t, sse=False) for n, t in ((1, 0), (50, 2))]
            sse = [await http_level(http, n, args.http_duration, t, sse=True) for n, t in ((1, 0), (50, 2))]
            for level in rest + sse:
                for key in ("p50_ms", "p99_ms", "first_chunk_p50_ms"):
                    if key in level:
                        level[key.replace("_ms", "_ratio_to_get")] = _ratio(level[key], get["get_p50_ms"])
            result["rest_send"] = rest
            result["sse"] = sse
        result["rss_end_mb"] = round(_rss_mb(process.pid), 1)
    finally:
        stop(process)
    if args.idle:
        # A fresh process: after the load levels its allocator would reuse freed memory.
        port = _free_port()
        process = start_daphne(port)
        try:
            await echo_floor(f"ws://127.0.0.1:{port}", rounds=10)
            result["idle"] = await idle_memory(f"ws://127.0.0.1:{port}", process.pid, args.idle)
        finally:
            stop(process)
    if args.llm_clients:
        result["gemini_path"] = await gemini_level(args)
    return result


def _ok(summary: dict[str, Any]) -> bool:
    """No errors and exact accounting (every message stored once with one reply) everywhere."""
    parts = [*summary.get("levels", []), *summary.get("rest_send", []), *summary.get("sse", [])]
    if "saturation" in summary:
        parts.append(summary["saturation"])
    if "gemini_path" in summary:
        parts.append(summary["gemini_path"])
    for part in parts:
        ledger = part.get("accounting", {})
        if part.get("errors") or ledger.get("messages_sent") != ledger.get("stored_exactly_once"):
            return False
        if ledger.get("still_streaming"):
            return False
        if any(
            not code.startswith(("200", "201")) or "incomplete" in code for code in part.get("statuses", {})
        ):
            return False
    return True


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--levels",
        default="1:0.05:15,50:2:15,500:20:120",
        help="clients:think_s:duration_s per WebSocket level; 500 people reading and typing send "
        "a message every ~20 s",
    )
    parser.add_argument("--saturation", type=int, default=50, help="clients with no think time (0 = skip)")
    parser.add_argument("--http", type=int, default=1, help="REST send and SSE levels (0 = skip)")
    parser.add_argument("--http-duration", type=float, default=10.0)
    parser.add_argument(
        "--idle", type=int, default=5000, help="idle chat sockets for the memory probe (0 = skip)"
    )
    parser.add_argument("--llm-clients", type=int, default=50, help="Gemini-path level clients (0 = skip)")
    parser.add_argument("--llm-think", type=float, default=2.0)
    parser.add_argument("--llm-duration", type=float, default=20.0)
    parser.add_argument("--llm-first-token-ms", type=float, default=300.0)
    parser.add_argument("--llm-tokens-per-s", type=float, default=80.0)
    subprocess.run([sys.executable, str(ROOT / "manage.py"), "migrate", "-v0"], check=True, cwd=ROOT)
    summary = asyncio.run(main(parser.parse_args()))
    summary["ok"] = _ok(summary)
    print(json.dumps(summary, indent=2))
