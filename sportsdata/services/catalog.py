"""Sports, tournaments, teams and fixtures pulled from the ChatBet API and upserted by provider id.

Every pull fetches first and writes afterwards in one transaction, so a failing API leaves the
last good rows untouched. Upserts compare field by field and write only what changed: running the
same sync twice changes no row.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from django.db import models, transaction
from django.utils import timezone

from sportsdata.client import ChatBetClient, ChatBetError
from sportsdata.client.types import LANGUAGES, Names, SportFixture, SportTournaments
from sportsdata.client.types import Fixture as ApiFixture
from sportsdata.models import Fixture, Sport, Team, Tournament
from sportsdata.services.runs import NO_PROGRESS, SyncOutcome, SyncProgress

logger = logging.getLogger(__name__)

M = TypeVar("M", bound=models.Model)


def _names_fields(names: Names) -> dict[str, str]:
    return {"name_en": names.en, "name_es": names.es or names.en, "name_pt_br": names.pt_br or names.en}


def provider_rows_upsert(
    *, model: type[M], rows: Mapping[str, Mapping[str, Any]], keep_existing: Iterable[str] = ()
) -> tuple[dict[str, int], dict[str, int]]:
    """Insert or update `model` rows keyed by provider_id; returns ({created, updated, unchanged},
    {provider_id: pk}). Fields named in `keep_existing` are only written on insert (e.g. a
    translation this run could not fetch)."""
    keep = set(keep_existing)
    existing = {obj.provider_id: obj for obj in model._default_manager.filter(provider_id__in=list(rows))}  # type: ignore[attr-defined]
    now = timezone.now()
    to_create: list[M] = []
    to_update: list[M] = []
    changed_fields: set[str] = set()
    for provider_id, values in rows.items():
        obj = existing.get(provider_id)
        if obj is None:
            to_create.append(model(provider_id=provider_id, **values))
            continue
        dirty = [f for f, v in values.items() if f not in keep and getattr(obj, f) != v]
        if dirty:
            for f in dirty:
                setattr(obj, f, values[f])
            obj.updated_at = now  # type: ignore[attr-defined]  # bulk_update skips auto_now
            changed_fields.update(dirty)
            to_update.append(obj)
    if to_create:
        model._default_manager.bulk_create(to_create, batch_size=500)
    if to_update:
        model._default_manager.bulk_update(to_update, sorted(changed_fields | {"updated_at"}), batch_size=500)
    ids = dict(model._default_manager.filter(provider_id__in=list(rows)).values_list("provider_id", "pk"))
    counts = {
        "created": len(to_create),
        "updated": len(to_update),
        "unchanged": len(rows) - len(to_create) - len(to_update),
    }
    return counts, ids


def _add_counts(outcome: SyncOutcome, prefix: str, counts: Mapping[str, int]) -> None:
    for key, value in counts.items():
        outcome.counts[f"{prefix}_{key}"] = outcome.counts.get(f"{prefix}_{key}", 0) + value


def tournaments_pull(*, client: ChatBetClient) -> SyncOutcome:
    """Sports and tournaments with their names in every language. English is required; a missing
    translation keeps the stored one."""
    outcome = SyncOutcome()
    sports = client.sports_list()
    by_language: dict[str, tuple[SportTournaments, ...]] = {"en": client.all_tournaments_list(language="en")}
    for language in LANGUAGES[1:]:
        try:
            by_language[language] = client.all_tournaments_list(language=language)
        except ChatBetError as exc:
            outcome.errors.append(f"all-tournaments ({language}): {exc}")

    sport_rows: dict[str, dict[str, Any]] = {
        s.id: {"alias": s.alias, **_names_fields(s.names)} for s in sports
    }
    tournament_rows: dict[str, dict[str, Any]] = {}
    tournament_sport: dict[str, str] = {}
    for group in by_language["en"]:
        sport_rows.setdefault(group.id, {"alias": group.name, **_names_fields(Names(en=group.name))})
        for ref in group.tournaments:
            tournament_sport[ref.id] = group.id
            tournament_rows[ref.id] = {"name_en": ref.name, "order": ref.order}
    for language in LANGUAGES[1:]:
        for group in by_language.get(language, ()):
            for ref in group.tournaments:
                if ref.id in tournament_rows and ref.name:
                    tournament_rows[ref.id][f"name_{language}"] = ref.name
    missing = [f"name_{lang}" for lang in LANGUAGES[1:] if lang not in by_language]
    for row in tournament_rows.values():
        for field in ("name_es", "name_pt_br"):
            row.setdefault(field, row["name_en"])

    with transaction.atomic():
        sport_counts, sport_ids = provider_rows_upsert(model=Sport, rows=sport_rows)
        for tournament_id, row in tournament_rows.items():
            row["sport_id"] = sport_ids[tournament_sport[tournament_id]]
        tournament_counts, _ = provider_rows_upsert(
            model=Tournament, rows=tournament_rows, keep_existing=missing
        )
    _add_counts(outcome, "sports", sport_counts)
    _add_counts(outcome, "tournaments", tournament_counts)
    return outcome


def fixtures_pull(
    *,
    client: ChatBetClient,
    tournament_ids: Iterable[int] | None = None,
    progress: SyncProgress = NO_PROGRESS,
) -> SyncOutcome:
    """Fixtures of every stored tournament (or the given ones) and their teams. Team names in
    Spanish and Portuguese come from /sports/sports-fixtures, one call per sport."""
    outcome = SyncOutcome()
    tournaments = Tournament.objects.select_related("sport").order_by("pk")
    if tournament_ids is not None:
        tournaments = tournaments.filter(pk__in=list(tournament_ids))
    tournament_list = list(tournaments)
    if not tournament_list:
        outcome.errors.append("no tournaments stored; sync tournaments first")
        outcome.synced_anything = False
        return outcome

    fetched: list[tuple[Tournament, ApiFixture]] = []
    failures = 0
    progress.stage(name="fixtures", total=len(tournament_list))
    for tournament in tournament_list:
        try:
            page = client.fixtures_list(tournament_id=tournament.provider_id)
        except ChatBetError as exc:
            failures += 1
            outcome.errors.append(f"fixtures of tournament {tournament.provider_id}: {exc}")
            continue
        finally:
            progress.advance()
        fetched.extend((tournament, fixture) for fixture in page.fixtures)
    if failures == len(tournament_list):
        outcome.synced_anything = False
        outcome.counts["tournaments_failed"] = failures
        return outcome

    translations: dict[str, SportFixture] = {}
    for sport_id in sorted({t.sport.provider_id for t in tournament_list}):
        try:
            for item in client.sports_fixtures_list(sport_id=sport_id):
                translations[item.id] = item
        except ChatBetError as exc:
            outcome.errors.append(f"sports-fixtures of sport {sport_id}: {exc}")

    team_rows: dict[str, dict[str, Any]] = {}
    translated_teams: set[str] = set()
    for tournament, fixture in fetched:
        localized = translations.get(fixture.id)
        for competitor in (fixture.home, fixture.away):
            row = team_rows.setdefault(
                competitor.id, {"name_en": competitor.name, "sport_id": tournament.sport_id}
            )
            names = None
            if localized is not None and localized.home_id == competitor.id:
                names = localized.home_names
            elif localized is not None and localized.away_id == competitor.id:
                names = localized.away_names
            if names is not None:
                row["name_es"], row["name_pt_br"] = (
                    names.es or competitor.name,
                    names.pt_br or competitor.name,
                )
                translated_teams.add(competitor.id)
    for team_id, row in team_rows.items():
        if team_id not in translated_teams:
            row["name_es"] = row["name_pt_br"] = None  # keep whatever translation is stored

    with transaction.atomic():
        team_counts, team_ids = _teams_upsert(team_rows)
        fixture_rows: dict[str, dict[str, Any]] = {}
        for tournament, fixture in fetched:
            if fixture.home.id == fixture.away.id:
                outcome.errors.append(f"fixture {fixture.id}: same team on both sides")
                continue
            fixture_rows[fixture.id] = {
                "tournament_id": tournament.pk,
                "home_team_id": team_ids[fixture.home.id],
                "away_team_id": team_ids[fixture.away.id],
                "starts_at": fixture.starts_at,
                "kind": Fixture.Kind.PRE_MATCH,
                "source": fixture.source,
            }
        fixture_counts, _ = provider_rows_upsert(model=Fixture, rows=fixture_rows)
    _add_counts(outcome, "teams", team_counts)
    _add_counts(outcome, "fixtures", fixture_counts)
    outcome.counts["tournaments_failed"] = failures
    return outcome


def _teams_upsert(rows: Mapping[str, dict[str, Any]]) -> tuple[dict[str, int], dict[str, int]]:
    # Rows without a translation this run: insert with the English name, never overwrite.
    untranslated = {k: v for k, v in rows.items() if v.get("name_es") is None}
    translated = {k: v for k, v in rows.items() if v.get("name_es") is not None}
    for row in untranslated.values():
        row["name_es"] = row["name_pt_br"] = row["name_en"]
    counts_a, ids_a = provider_rows_upsert(model=Team, rows=translated)
    counts_b, ids_b = provider_rows_upsert(
        model=Team, rows=untranslated, keep_existing=["name_es", "name_pt_br"]
    )
    counts = {key: counts_a[key] + counts_b[key] for key in counts_a}
    return counts, {**ids_a, **ids_b}
