"""Team and tournament aliases seeded from the committed data file (sportsdata/data/aliases.yaml).

Seeding only inserts the aliases that are missing, so it is safe to run on every migrate: an
operator's edits stay, a disabled alias stays disabled, and a new entry in the file appears.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

from sportsdata.models import Alias, TeamAlias, TournamentAlias
from sportsdata.names import name_normalized

logger = logging.getLogger(__name__)

ALIASES_FILE = Path(__file__).resolve().parent.parent / "data" / "aliases.yaml"
_KINDS = ("official", "short", "nickname")
_LANGUAGES = ("en", "es", "pt")


@dataclass(frozen=True, slots=True)
class AliasEntry:
    """One alias line of the data file: `target` is the club's or competition's name."""

    target: str
    name: str
    kind: str
    language: str = ""


def _entries(items: list[dict[str, Any]]) -> list[AliasEntry]:
    entries: list[AliasEntry] = []
    for item in items:
        target = str(item["name"]).strip()
        for key, values in item.items():
            kind, _, language = key.partition("_")
            if kind not in _KINDS or (language and language not in _LANGUAGES):
                continue
            for value in values or ():
                entries.append(
                    AliasEntry(target=target, name=str(value).strip(), kind=kind, language=language)
                )
    return entries


def alias_entries_read(*, path: Path = ALIASES_FILE) -> tuple[list[AliasEntry], list[AliasEntry]]:
    """(team entries, tournament entries) of the data file."""
    teams, tournaments = _entries_parsed(str(path), path.stat().st_mtime_ns)
    return list(teams), list(tournaments)


@lru_cache(maxsize=4)
def _entries_parsed(path: str, mtime_ns: int) -> tuple[tuple[AliasEntry, ...], tuple[AliasEntry, ...]]:
    # Seeding runs after every migrate and every test-database flush: parse a file version once.
    del mtime_ns  # part of the cache key only
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    return tuple(_entries(data.get("teams") or [])), tuple(_entries(data.get("tournaments") or []))


def _seed(model: type[Alias], entries: list[AliasEntry], using: str) -> int:
    existing = set(model._default_manager.using(using).values_list("target", "normalized"))
    rows: list[Alias] = []
    for entry in entries:
        key = (entry.target, name_normalized(entry.name))
        if key in existing or not key[1]:
            continue
        existing.add(key)
        rows.append(
            model(
                target=entry.target,
                name=entry.name,
                normalized=key[1],
                kind=entry.kind,
                language=entry.language,
            )
        )
    model._default_manager.using(using).bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def aliases_seed(*, path: Path = ALIASES_FILE, using: str = "default") -> dict[str, int]:
    """Insert the data file's aliases that are not stored yet; returns how many of each were added."""
    teams, tournaments = alias_entries_read(path=path)
    with transaction.atomic(using=using):
        counts = {
            "team_aliases": _seed(TeamAlias, teams, using),
            "tournament_aliases": _seed(TournamentAlias, tournaments, using),
        }
    if any(counts.values()):
        logger.info("aliases seeded: %s", counts)
    return counts
