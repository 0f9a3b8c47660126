"""`make bench`: run every benchmark against the PostgreSQL and Redis in the environment and
write benchmarks/results/latest.json plus a Markdown table with the machine and date.

Each benchmark is its own script that prints one JSON object; a failing benchmark is recorded as
failed and the others still run.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
PYTHON = str(ROOT / ".venv" / "bin" / "python")

BENCHMARKS: list[tuple[str, list[str]]] = [
    ("understanding", ["benchmarks/bench_understanding.py", "--rounds", "20"]),
    ("offline_turn", ["benchmarks/bench_turn.py", "--conversations", "40"]),
    ("sportsdata", ["benchmarks/bench_sportsdata.py"]),
    ("history", ["benchmarks/bench_history.py"]),
    ("websocket", ["benchmarks/bench_websocket.py"]),
    ("prompt_tokens", ["benchmarks/bench_prompt_tokens.py"]),
]


def last_json_object(text: str) -> dict[str, object] | None:
    """The last top-level JSON object printed (scripts may log before it)."""
    end = text.rfind("}")
    while end != -1:
        start = text.rfind("{", 0, end)
        while start != -1:
            try:
                value = json.loads(text[start : end + 1])
            except json.JSONDecodeError:
                start = text.rfind("{", 0, start)
                continue
            if isinstance(value, dict):
                return value
            break
        end = text.rfind("}", 0, end)
    return None


def machine() -> dict[str, object]:
    memory_kb = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_kb = int(line.split()[1])
    except OSError:
        pass
    return {
        "cpus": os.cpu_count(),
        "memory_gib": round(memory_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def run(name: str, argv: list[str]) -> dict[str, object]:
    started = time.perf_counter()
    try:
        proc = subprocess.run(
            [PYTHON, *argv], cwd=ROOT, capture_output=True, text=True, timeout=480, check=False
        )
    except subprocess.TimeoutExpired:
        return {"benchmark": name, "status": "failed", "seconds": 480, "error": ["timed out after 480 s"]}
    seconds = round(time.perf_counter() - started, 1)
    result = last_json_object(proc.stdout)
    if proc.returncode != 0 or result is None:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-5:]
        return {"benchmark": name, "status": "failed", "seconds": seconds, "error": tail}
    return {"status": "ok", "seconds": seconds, **result}


def _flatten(value: object, prefix: str = "") -> list[tuple[str, object]]:
    """Rows of (dotted key, scalar); list items are named by their client count when they have one."""
    if isinstance(value, dict):
        rows: list[tuple[str, object]] = []
        for key, item in value.items():
            rows.extend(_flatten(item, f"{prefix}.{key}" if prefix else str(key)))
        return rows
    if isinstance(value, list):
        if all(not isinstance(item, dict | list) for item in value):
            return [(prefix, ", ".join(map(str, value)))]
        rows = []
        for index, item in enumerate(value):
            label = f"{item['clients']} clients" if isinstance(item, dict) and "clients" in item else index
            rows.extend(_flatten(item, f"{prefix}[{label}]"))
        return rows
    return [(prefix, value)]


def _get(report: dict[str, Any], benchmark: str, path: str) -> Any:
    """A value from one benchmark's result by a dotted path; `[N clients]` picks a level."""
    found: Any = next((r for r in report["results"] if r.get("benchmark") == benchmark), None)
    for part in path.split("."):
        if found is None:
            return None
        if "[" in part:
            name, clients = part[:-1].split("[")
            found = next((x for x in found.get(name) or [] if x.get("clients") == int(clients)), None)
        else:
            found = found.get(part)
    return found


# (figure, benchmark, value path, floor-ratio path or "", target the value must not exceed)
HEADLINE: list[tuple[str, str, str, str, float | None]] = [
    ("Understanding p50, learned intents (ms)", "understanding", "understand_ms_p50", "", 2),
    ("Intent model memory (MB)", "understanding", "model_mb_tracemalloc", "", 60),
    ("Offline turn p50, no transport (ms)", "offline_turn", "turn_ms_p50", "", 10),
    (
        "WS turn p99, 500 clients (ms)",
        "websocket",
        "levels[500].turn_p99_ms",
        "levels[500].turn_p99_ratio_to_echo",
        100,
    ),
    ("WS time to first chunk p99, 500 clients (ms)", "websocket", "levels[500].ttfc_p99_ms", "", None),
    ("WS turns/s at saturation", "websocket", "saturation.turns_per_s", "", None),
    (
        "Chunk relay p50, 1 client (ms)",
        "websocket",
        "levels[1].relay_p50_ms",
        "levels[1].relay_p50_ratio_to_echo",
        5,
    ),
    (
        "REST send p50, 1 client (ms)",
        "websocket",
        "rest_send[1].p50_ms",
        "rest_send[1].p50_ratio_to_get",
        None,
    ),
    (
        "REST send p99, 50 clients (ms)",
        "websocket",
        "rest_send[50].p99_ms",
        "rest_send[50].p99_ratio_to_get",
        None,
    ),
    (
        "SSE first chunk p50, 1 client (ms)",
        "websocket",
        "sse[1].first_chunk_p50_ms",
        "sse[1].first_chunk_p50_ratio_to_get",
        None,
    ),
    ("Gemini path: first-chunk overhead p50 (ms)", "websocket", "gemini_path.ttfc_overhead_p50_ms", "", None),
    ("RSS with 5,000 idle sockets (MB)", "websocket", "idle.rss_with_connections_mb", "", 1024),
    (
        "History page p50, 1M messages (ms)",
        "history",
        "newest_page_p50_ms",
        "newest_page_ratio_to_floor",
        None,
    ),
    ("Full sync, 1,000 fixtures (s)", "sportsdata", "full_sync_s", "", 10),
    ("Current odds read p50 (ms)", "sportsdata", "odds_current_read_p50_ms", "", 2),
    (
        "Prompt tokens per turn, median",
        "prompt_tokens",
        "prompt_tokens_per_turn_answered_by_gemini_median",
        "",
        1500,
    ),
]


def headline(report: dict[str, Any]) -> list[str]:
    lines = ["| figure | value | ratio to floor | target | met |", "|---|---|---|---|---|"]
    for what, benchmark, path, ratio_path, target in HEADLINE:
        value = _get(report, benchmark, path)
        ratio = _get(report, benchmark, ratio_path) if ratio_path else None
        met = "" if target is None or value is None else ("yes" if value <= target else "**no**")
        lines.append(
            f"| {what} | {'—' if value is None else value} | {'' if ratio is None else f'{ratio}×'} "
            f"| {'' if target is None else target} | {met} |"
        )
    total = report.get("total_seconds")
    if total is not None:
        lines.append(
            f"| `make bench` wall time (s) | {total} | | 600 | {'yes' if total < 600 else '**no**'} |"
        )
    return lines


def markdown(report: dict[str, Any]) -> str:
    lines = [
        f"# Benchmarks — {report['date']}",
        "",
        f"Machine: {report['machine']}",
        "",
        *headline(report),
        "",
        "Floors, measured in the same run: WebSocket figures against the round trip of a bare Channels echo "
        "consumer, REST/SSE against GET /health/live, history against a bare primary-key SELECT.",
        "",
        "| benchmark | metric | value |",
        "|---|---|---|",
    ]
    for result in report["results"]:
        for key, value in _flatten({k: v for k, v in result.items() if k != "benchmark"}):
            lines.append(f"| {result['benchmark']} | {key} | {value} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    if sys.argv[1:] == ["--markdown"]:  # re-render latest.md from latest.json
        (RESULTS / "latest.md").write_text(markdown(json.loads((RESULTS / "latest.json").read_text())))
        return 0
    subprocess.run([PYTHON, "manage.py", "migrate", "--no-input", "-v", "0"], cwd=ROOT, check=True)
    results = []
    began = time.perf_counter()
    for name, argv in BENCHMARKS:
        sys.stdout.write(f"bench: {name} ...\n")
        sys.stdout.flush()
        result = run(name, argv)
        result.setdefault("benchmark", name)
        results.append(result)
        sys.stdout.write(json.dumps(result) + "\n")
    report: dict[str, object] = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "total_seconds": round(time.perf_counter() - began, 1),
        "results": results,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=2) + "\n")
    (RESULTS / "latest.md").write_text(markdown(report))
    sys.stdout.write(f"bench: wrote {RESULTS / 'latest.json'} and latest.md\n")
    return 1 if any(r.get("status") == "failed" for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
