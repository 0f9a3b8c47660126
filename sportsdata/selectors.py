"""Every read of sports data: sports, tournaments, teams, fixtures, current odds, sync runs.

Odds come back as typed snapshots (prices plus when they were fetched), which is what the
assistant quotes and what the REST API serializes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet

from sportsdata.models import Fixture, Odds, Sport, SyncRun, Team, Tournament


@dataclass(frozen=True, slots=True)
class OddsPrice:
    market: str
    selection: str
    name: str
    price: Decimal
    line: Decimal | None
    bet_id: str
    fetched_at: dt.datetime  # first seen at this price
    last_seen_at: dt.datetime


@dataclass(frozen=True, slots=True)
class OddsSnapshot:
    fixture_id: int
    status: str  # Fixture.OddsStatus value
    fetched_at: dt.datetime | None  # last fetch from the API, whether or not a price changed
    prices: tuple[OddsPrice, ...]

    def age(self, *, now: dt.datetime) -> dt.timedelta | None:
        return None if self.fetched_at is None else now - self.fetched_at


def sports_list() -> QuerySet[Sport]:
    return Sport.objects.order_by("provider_id")


def tournaments_list(*, sport_id: int | None = None) -> QuerySet[Tournament]:
    tournaments = Tournament.objects.select_related("sport")
    if sport_id is not None:
        tournaments = tournaments.filter(sport_id=sport_id)
    return tournaments.order_by("sport__provider_id", "order", "name_en")


def teams_all() -> QuerySet[Team]:
    return Team.objects.order_by("name_en")


def team_name_q(*, text: str, prefix: str = "") -> Q:
    """Case-insensitive match of a team name in any language (aliases need exact JSON matches and
    are resolved by the assistant's understanding layer, not here)."""
    text = text.strip()
    return (
        Q(**{f"{prefix}name_en__icontains": text})
        | Q(**{f"{prefix}name_es__icontains": text})
        | Q(**{f"{prefix}name_pt_br__icontains": text})
    )


def fixture_list(
    *,
    tournament_id: int | None = None,
    team: str | None = None,
    team_id: int | None = None,
    starts_from: dt.datetime | None = None,
    starts_before: dt.datetime | None = None,
) -> QuerySet[Fixture]:
    fixtures = Fixture.objects.select_related("tournament__sport", "home_team", "away_team")
    if tournament_id is not None:
        fixtures = fixtures.filter(tournament_id=tournament_id)
    if team_id is not None:
        fixtures = fixtures.filter(Q(home_team_id=team_id) | Q(away_team_id=team_id))
    if team:
        fixtures = fixtures.filter(
            team_name_q(text=team, prefix="home_team__") | team_name_q(text=team, prefix="away_team__")
        )
    if starts_from is not None:
        fixtures = fixtures.filter(starts_at__gte=starts_from)
    if starts_before is not None:
        fixtures = fixtures.filter(starts_at__lt=starts_before)
    return fixtures.order_by("starts_at", "provider_id")


def fixture_get(*, fixture_id: int) -> Fixture:
    """Raises Fixture.DoesNotExist."""
    return Fixture.objects.select_related("tournament__sport", "home_team", "away_team").get(pk=fixture_id)


def fixture_by_provider_id(*, provider_id: str) -> Fixture | None:
    return (
        Fixture.objects.select_related("tournament__sport", "home_team", "away_team")
        .filter(provider_id=provider_id)
        .first()
    )


def fixture_next_between(*, team: str, opponent: str | None, now: dt.datetime) -> Fixture | None:
    """The next match of `team` (against `opponent` when given) that has not started."""
    fixtures = fixture_list(team=team, starts_from=now)
    if opponent:
        fixtures = fixtures.filter(
            team_name_q(text=opponent, prefix="home_team__")
            | team_name_q(text=opponent, prefix="away_team__")
        )
    return fixtures.first()


def fixtures_upcoming(*, now: dt.datetime, horizon: dt.timedelta) -> QuerySet[Fixture]:
    return Fixture.objects.filter(starts_at__gte=now, starts_at__lte=now + horizon).order_by("starts_at")


def fixture_examples(*, now: dt.datetime, limit: int = 12) -> list[Fixture]:
    """The next fixtures, those with active odds first: examples for help and fallback texts."""
    fixtures = list(
        Fixture.objects.select_related("tournament", "home_team", "away_team")
        .filter(starts_at__gte=now)
        .order_by("starts_at", "provider_id")[:limit]
    )
    return sorted(fixtures, key=lambda f: f.odds_status != Fixture.OddsStatus.ACTIVE)


def odds_current_for_fixture(*, fixture_id: int) -> tuple[OddsPrice, ...]:
    rows = (
        Odds.objects.filter(fixture_id=fixture_id, is_current=True)
        .order_by("market", "selection")
        .values_list("market", "selection", "name", "price", "line", "bet_id", "fetched_at", "last_seen_at")
    )
    return tuple(OddsPrice(*row) for row in rows)


def odds_snapshot_for_fixture(*, fixture_id: int) -> OddsSnapshot:
    """Raises Fixture.DoesNotExist."""
    status, fetched_at = Fixture.objects.values_list("odds_status", "odds_fetched_at").get(pk=fixture_id)
    return OddsSnapshot(
        fixture_id=fixture_id,
        status=status,
        fetched_at=fetched_at,
        prices=odds_current_for_fixture(fixture_id=fixture_id),
    )


def odds_history_for_fixture(*, fixture_id: int, market: str, selection: str) -> QuerySet[Odds]:
    return Odds.objects.filter(fixture_id=fixture_id, market=market, selection=selection).order_by(
        "fetched_at"
    )


def syncrun_list(*, kind: str | None = None) -> QuerySet[SyncRun]:
    runs = SyncRun.objects.all()
    if kind:
        runs = runs.filter(kind=kind)
    return runs.order_by("-started_at")


def syncrun_last_success(*, kind: str) -> SyncRun | None:
    return (
        SyncRun.objects.filter(kind=kind, status__in=[SyncRun.Status.SUCCESS, SyncRun.Status.PARTIAL])
        .order_by("-started_at")
        .first()
    )
