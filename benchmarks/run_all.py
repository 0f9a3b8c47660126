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

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
PYTHON = str(ROOT / ".venv" / "bin" / "python")

BENCHMARKS: list[tuple[str, list[str]]] = [
    ("understanding", ["benchmarks/bench_understanding.py", "--rounds", "20"]),
    ("offline_turn", ["benchmarks/bench_turn.py", "--conversations", "40"]),
    ("sportsdata", ["benchmarks/bench_sportsdata.py"]),
    ("history", ["benchmarks/bench_history.py"]),
]
OPTIONAL = [
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
    proc = subprocess.run([PYTHON, *argv], cwd=ROOT, capture_output=True, text=True, timeout=540, check=False)
    seconds = round(time.perf_counter() - started, 1)
    result = last_json_object(proc.stdout)
    if proc.returncode != 0 or result is None:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-5:]
        return {"benchmark": name, "status": "failed", "seconds": seconds, "error": tail}
    return {"status": "ok", "seconds": seconds, **result}


def markdown(report: dict[str, object]) -> str:
    lines = [
        f"# Benchmarks — {report['date']}",
        "",
        f"Machine: {report['machine']}",
        "",
        "| benchmark | metric | value |",
        "|---|---|---|",
    ]
    for result in report["results"]:  # type: ignore[attr-defined]
        for key, value in result.items():
            if key not in ("benchmark", "status") and not isinstance(value, dict | list):
                lines.append(f"| {result['benchmark']} | {key} | {value} |")
        if result.get("status") == "failed":
            lines.append(f"| {result['benchmark']} | status | failed |")
    return "\n".join(lines) + "\n"


def main() -> int:
    subprocess.run([PYTHON, "manage.py", "migrate", "--no-input", "-v", "0"], cwd=ROOT, check=True)
    results = []
    for name, argv in BENCHMARKS + [(n, a) for n, a in OPTIONAL if (ROOT / a[0]).exists()]:
        sys.stdout.write(f"bench: {name} ...\n")
        sys.stdout.flush()
        result = run(name, argv)
        result.setdefault("benchmark", name)
        results.append(result)
        sys.stdout.write(json.dumps(result) + "\n")
    report: dict[str, object] = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "results": results,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=2) + "\n")
    (RESULTS / "latest.md").write_text(markdown(report))
    sys.stdout.write(f"bench: wrote {RESULTS / 'latest.json'} and latest.md\n")
    return 1 if any(r.get("status") == "failed" for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
