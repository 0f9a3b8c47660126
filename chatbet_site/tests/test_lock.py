"""The lock files install exactly what requirements*.txt pin, every package with hashes."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_PIN = re.compile(r"^([A-Za-z0-9_.\[\]-]+)==([^\s;]+)")


def _name(raw: str) -> str:
    return re.sub(r"[-_.]+", "-", raw.split("[")[0]).lower()


def _pins(path: Path) -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in path.read_text().splitlines():
        match = _PIN.match(line.strip())
        if match:
            pins[_name(match.group(1))] = match.group(2)
    return pins


def _lock_entries(path: Path) -> dict[str, tuple[str, int]]:
    """name -> (version, number of hashes)."""
    entries: dict[str, tuple[str, int]] = {}
    current = ""
    for line in path.read_text().splitlines():
        match = _PIN.match(line)
        if match:
            current = _name(match.group(1))
            entries[current] = (match.group(2), 0)
        elif "--hash=sha256:" in line and current:
            version, hashes = entries[current]
            entries[current] = (version, hashes + 1)
    return entries


def test_every_pinned_requirement_is_locked_at_its_version_with_hashes():
    for source, lock in (
        ("requirements.txt", "requirements.lock"),
        ("requirements-dev.txt", "requirements-dev.lock"),
    ):
        locked = _lock_entries(ROOT / lock)
        wanted = _pins(ROOT / source)
        if source == "requirements-dev.txt":
            wanted |= _pins(ROOT / "requirements.txt")
        assert wanted, source
        for name, version in wanted.items():
            assert name in locked, f"{name} is in {source} but not in {lock}: run `make lock`"
            assert locked[name][0] == version, (
                f"{name}: {source} pins {version}, {lock} has {locked[name][0]}"
            )
        assert all(hashes > 0 for _, hashes in locked.values()), f"{lock} has an entry without a hash"


def test_runtime_lock_is_part_of_the_dev_lock():
    runtime = _lock_entries(ROOT / "requirements.lock")
    dev = _lock_entries(ROOT / "requirements-dev.lock")
    for name, (version, _) in runtime.items():
        assert dev.get(name, ("",))[0] == version, f"{name} differs between the lock files: run `make lock`"
