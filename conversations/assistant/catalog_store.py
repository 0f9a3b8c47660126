"""The understanding catalog built from the stored sports data, cached per process.

Building the index costs milliseconds, so it is rebuilt only when the teams, tournaments or their
aliases change (checked at most every CHECK_EVERY_S seconds through a cheap signature query). Tools also resolve
names through it, so the LLM and the offline engine find teams the same way.
"""

from __future__ import annotations

import threading
import time

from asgiref.sync import sync_to_async
from django.db.models import Count, Max

from conversations.assistant.understanding.aliases import AliasTable
from conversations.assistant.understanding.catalog import (
    Catalog,
    CatalogSport,
    CatalogTeam,
    CatalogTournament,
)
from conversations.assistant.understanding.text import fold_phrase
from sportsdata.models import Sport, Team, TeamAlias, Tournament, TournamentAlias

CHECK_EVERY_S = 30.0

_lock = threading.Lock()
_state: dict[str, object] = {"catalog": None, "signature": None, "checked": 0.0, "team_pks": {}}


def _names(row: Sport | Team | Tournament) -> tuple[str, ...]:
    names: list[str] = []
    for value in (row.name_en, row.name_es, row.name_pt_br):
        value = (value or "").strip()
        if value and value not in names:
            names.append(value)
    return tuple(names)


def _signature() -> tuple[object, ...]:
    signature: list[object] = []
    for model in (Team, Tournament, TeamAlias, TournamentAlias):
        row = model.objects.aggregate(n=Count("id"), changed=Max("updated_at"))
        signature.extend((row["n"], row["changed"]))
    return tuple(signature)


def _alias_rows(model: type[TeamAlias] | type[TournamentAlias]) -> list[tuple[str, str, str, str]]:
    return list(model.objects.filter(enabled=True).values_list("target", "name", "kind", "language"))


def catalog_build() -> Catalog:
    sports = tuple(
        CatalogSport(id=s.provider_id, names=_names(s), aliases=(s.alias,) if s.alias else ())
        for s in Sport.objects.all()
    )
    tournaments = tuple(
        CatalogTournament(id=t.provider_id, names=_names(t), sport=t.sport.provider_id)
        for t in Tournament.objects.select_related("sport")
    )
    teams = tuple(
        CatalogTeam(
            id=t.provider_id,
            names=_names(t),
            sport=t.sport.provider_id if t.sport is not None else None,
        )
        for t in Team.objects.select_related("sport")
    )
    aliases = AliasTable.from_rows(teams=_alias_rows(TeamAlias), tournaments=_alias_rows(TournamentAlias))
    catalog = Catalog(teams=teams, tournaments=tournaments, sports=sports, aliases=aliases)
    _ = catalog.index  # build now, outside any request's latency budget where possible
    return catalog


def _team_pks() -> dict[str, int]:
    return dict(Team.objects.values_list("provider_id", "pk"))


def _checked_recently() -> Catalog | None:
    """The cached catalog when its signature was checked less than CHECK_EVERY_S ago."""
    catalog = _state["catalog"]
    if isinstance(catalog, Catalog) and time.monotonic() - float(_state["checked"]) < CHECK_EVERY_S:  # type: ignore[arg-type]
        return catalog
    return None


def catalog_current() -> Catalog:
    cached = _checked_recently()
    if cached is not None:
        return cached
    now = time.monotonic()
    signature = _signature()
    with _lock:
        if not isinstance(_state["catalog"], Catalog) or _state["signature"] != signature:
            _state["catalog"] = catalog_build()
            _state["team_pks"] = _team_pks()
            _state["signature"] = signature
        _state["checked"] = now
        result = _state["catalog"]
    assert isinstance(result, Catalog)
    return result


def catalog_invalidate() -> None:
    with _lock:
        _state["catalog"] = None
        _state["checked"] = 0.0


async def acatalog() -> Catalog:
    """`catalog_current` for async callers; no thread hop while the cached catalog is fresh."""
    return _checked_recently() or await sync_to_async(catalog_current)()


def _mentions(name: str, kind: str) -> list[str]:
    catalog = catalog_current()
    words = fold_phrase(name).split()
    ids: list[str] = []
    for mention in catalog.scan(words, lambda position: True):
        if mention.kind == kind or (kind == "team" and mention.kind == "derby"):
            ids.extend(i for i in mention.ids if i not in ids)
    if not ids and kind == "team":
        corrected = [catalog.correct(w) or w for w in words]
        if corrected != words:
            for mention in catalog.scan(corrected, lambda position: True):
                if mention.kind == "team":
                    ids.extend(i for i in mention.ids if i not in ids)
    return ids


def display_name(value: str) -> str:
    """A team's name for labels when `value` is a team id, from the already-built catalog (no
    database access, so it is safe in async code); anything else is returned as it is."""
    catalog = _state["catalog"]
    if isinstance(catalog, Catalog) and catalog.team(value) is not None:
        return catalog.team_name(value)
    return value


def team_ids_for(name: str) -> list[str]:
    """Provider ids of the teams `name` refers to (an id, a name in any language, an alias)."""
    name = name.strip()
    catalog = catalog_current()
    if catalog.team(name) is not None:
        return [name]
    return _mentions(name, "team")


def team_pks_for(name: str) -> list[int]:
    """Database ids of the teams `name` refers to: lets fixture queries skip joining the team table."""
    ids = team_ids_for(name)
    pks = _state["team_pks"]
    assert isinstance(pks, dict)
    return [pks[i] for i in ids if i in pks]


def tournament_id_for(name: str) -> str | None:
    name = name.strip()
    catalog = catalog_current()
    if catalog.tournament(name) is not None:
        return name
    ids = _mentions(name, "tournament")
    return ids[0] if ids else None
