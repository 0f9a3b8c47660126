"""Read tools over the stored sports data: fixtures, tournaments, odds and head-to-head comparison.

Outputs are compact (a handful of fixtures, never whole lists) and carry exact Decimal prices with
the time they were fetched, so an answer can quote them and state their age.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet
from pydantic import BaseModel, Field

from betting import odds as odds_math
from conversations.assistant import catalog_store
from conversations.assistant.tools.registry import Tool, ToolContext, ToolError, register
from sportsdata import services as sports_services
from sportsdata.models import Fixture, Team, Tournament

MAX_FIXTURES = 10
MARKET_LABELS = {
    "1x2": "result",
    "result": "result",
    "double_chance": "double_chance",
    "both_teams_to_score": "both_teams_to_score",
    "over_under": "over_under",
    "handicap": "handicap",
    "half_time_result": "half_time_result",
}
# API market key -> the label used in conversation and evaluation.
MARKET_OF_KEY = {"result": "1x2", **{k: k for k in MARKET_LABELS if k not in ("1x2", "result")}}
SELECTION_ORDER = [
    "home",
    "draw",
    "away",
    "home_or_draw",
    "away_or_draw",
    "home_or_away",
    "yes",
    "no",
    "over",
    "under",
]


@dataclass(frozen=True)
class TeamRef:
    id: str
    name: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name}


@dataclass(frozen=True)
class FixtureInfo:
    id: str
    home: TeamRef
    away: TeamRef
    tournament: str
    tournament_id: str
    starts_at: datetime
    odds_status: str

    def to_json(self) -> dict[str, Any]:
        return {
            "fixture_id": self.id,
            "home": self.home.name,
            "away": self.away.name,
            "tournament": self.tournament,
            "starts_at": self.starts_at.isoformat(),
            "odds": self.odds_status,
        }


def fixture_info(fixture: Fixture, language: str) -> FixtureInfo:
    return FixtureInfo(
        id=fixture.provider_id,
        home=TeamRef(fixture.home_team.provider_id, fixture.home_team.name_in(language)),
        away=TeamRef(fixture.away_team.provider_id, fixture.away_team.name_in(language)),
        tournament=fixture.tournament.name_in(language),
        tournament_id=fixture.tournament.provider_id,
        starts_at=fixture.starts_at,
        odds_status=fixture.odds_status,
    )


def _fixtures() -> QuerySet[Fixture]:
    return Fixture.objects.select_related("home_team", "away_team", "tournament", "tournament__sport")


def _team_pks(name: str | None) -> list[int]:
    if not name:
        return []
    pks = catalog_store.team_pks_for(name)
    if not pks:
        raise ToolError("TEAM_NOT_FOUND", f"No team called {name!r}.")
    return pks


def _tournament_id(name: str | None) -> str | None:
    if not name:
        return None
    found = catalog_store.tournament_id_for(name)
    if found is None:
        raise ToolError("TOURNAMENT_NOT_FOUND", f"No tournament called {name!r}.")
    return found


def fixtures_matching(
    *,
    team: str | None,
    opponent: str | None,
    tournament: str | None,
    date_from: date | None,
    date_to: date | None,
    now: datetime,
    sport: str | None = None,
) -> QuerySet[Fixture]:
    qs = _fixtures()
    # Teams are resolved to database ids through the catalog, so the filter needs no join.
    team_pks, opponent_pks = _team_pks(team), _team_pks(opponent)
    if team_pks:
        qs = qs.filter(Q(home_team_id__in=team_pks) | Q(away_team_id__in=team_pks))
    if opponent_pks:
        qs = qs.filter(Q(home_team_id__in=opponent_pks) | Q(away_team_id__in=opponent_pks))
    tournament_id = _tournament_id(tournament)
    if tournament_id:
        qs = qs.filter(tournament__provider_id=tournament_id)
    if sport:
        qs = qs.filter(
            Q(tournament__sport__provider_id=sport)
            | Q(tournament__sport__name_en__iexact=sport)
            | Q(tournament__sport__alias__iexact=sport)
        )
    if date_from:
        qs = qs.filter(starts_at__gte=datetime.combine(date_from, time.min, tzinfo=now.tzinfo))
    else:
        # Without a date, "when do they play" means from now on (a match started <3h ago still counts).
        qs = qs.filter(starts_at__gte=now - timedelta(hours=3))
    if date_to:
        qs = qs.filter(
            starts_at__lt=datetime.combine(date_to + timedelta(days=1), time.min, tzinfo=now.tzinfo)
        )
    return qs.order_by("starts_at", "provider_id")


# --- find_fixtures ----------------------------------------------------------------------------


class FindFixturesInput(BaseModel):
    team: str | None = Field(None, description="A team name (any language) or team id")
    opponent: str | None = Field(None, description="A second team, to find the match between the two")
    tournament: str | None = Field(None, description="Tournament name or id, e.g. 'LaLiga', 'NBA'")
    sport: str | None = Field(None, description="Sport name, e.g. 'Football', 'Basketball'")
    date_from: date | None = Field(None, description="First day (YYYY-MM-DD, UTC)")
    date_to: date | None = Field(None, description="Last day (YYYY-MM-DD, UTC), inclusive")
    limit: int = Field(MAX_FIXTURES, ge=1, le=MAX_FIXTURES)


@dataclass(frozen=True)
class FixtureList:
    fixtures: list[FixtureInfo]
    total: int

    def to_json(self) -> dict[str, Any]:
        return {"total": self.total, "fixtures": [f.to_json() for f in self.fixtures]}


def find_fixtures(ctx: ToolContext, args: FindFixturesInput) -> FixtureList:
    qs = fixtures_matching(
        team=args.team,
        opponent=args.opponent,
        tournament=args.tournament,
        date_from=args.date_from,
        date_to=args.date_to,
        now=ctx.now,
        sport=args.sport,
    )
    rows = list(qs[: args.limit])
    total = len(rows) if len(rows) < args.limit else qs.count()
    return FixtureList([fixture_info(f, ctx.language) for f in rows], total)


def _find_activity(args: FindFixturesInput, language: str) -> str:
    subject = (
        " vs ".join(catalog_store.display_name(x) for x in (args.team, args.opponent) if x)
        or args.tournament
        or ""
    )
    return {
        "es": f"Buscando partidos {subject}…",
        "pt": f"Procurando jogos {subject}…",
    }.get(language, f"Looking up matches {subject}…").replace("  ", " ")


register(
    Tool(
        name="find_fixtures",
        description="Find upcoming fixtures by team, opponent, tournament, sport and date range (max 10).",
        input_model=FindFixturesInput,
        func=find_fixtures,
        activity=_find_activity,
    )
)


# --- get_tournaments --------------------------------------------------------------------------


class GetTournamentsInput(BaseModel):
    tournament: str | None = Field(None, description="A tournament, to list the teams playing in it")
    sport: str | None = Field(None, description="Only tournaments of this sport")


@dataclass(frozen=True)
class TournamentInfo:
    id: str
    name: str
    sport: str
    upcoming_fixtures: int

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "sport": self.sport,
            "upcoming_fixtures": self.upcoming_fixtures,
        }


@dataclass(frozen=True)
class TournamentList:
    tournaments: list[TournamentInfo]
    teams: list[str] = field(default_factory=list)  # filled when one tournament was asked about

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"tournaments": [t.to_json() for t in self.tournaments]}
        if self.teams:
            data["teams"] = self.teams
        return data


def get_tournaments(ctx: ToolContext, args: GetTournamentsInput) -> TournamentList:
    qs = Tournament.objects.select_related("sport").annotate(
        upcoming=Count("fixtures", filter=Q(fixtures__starts_at__gte=ctx.now - timedelta(hours=3)))
    )
    tournament_id = _tournament_id(args.tournament)
    if tournament_id:
        qs = qs.filter(provider_id=tournament_id)
    if args.sport:
        qs = qs.filter(
            Q(sport__provider_id=args.sport)
            | Q(sport__name_en__iexact=args.sport)
            | Q(sport__alias__iexact=args.sport)
            | Q(sport__name_es__iexact=args.sport)
            | Q(sport__name_pt_br__iexact=args.sport)
        )
    infos = [
        TournamentInfo(t.provider_id, t.name_in(ctx.language), t.sport.name_in(ctx.language), t.upcoming)
        for t in qs.order_by("sport__provider_id", "order", "name_en")
    ]
    teams: list[str] = []
    if tournament_id:
        team_rows = Team.objects.filter(
            Q(home_fixtures__tournament__provider_id=tournament_id)
            | Q(away_fixtures__tournament__provider_id=tournament_id)
        ).distinct()
        teams = sorted(t.name_in(ctx.language) for t in team_rows)
    return TournamentList(infos, teams)


register(
    Tool(
        name="get_tournaments",
        description="List the tournaments covered (optionally of one sport), or the teams of one tournament.",
        input_model=GetTournamentsInput,
        func=get_tournaments,
        activity=lambda a, lang: {"es": "Consultando torneos…", "pt": "Consultando torneios…"}.get(
            lang, "Checking tournaments…"
        ),
    )
)


# --- get_odds ---------------------------------------------------------------------------------


class GetOddsInput(BaseModel):
    fixture_id: str | None = Field(None, description="Fixture id from find_fixtures")
    team: str | None = Field(None, description="A team of the match, when the fixture id is unknown")
    opponent: str | None = Field(None, description="The other team of the match")
    market: str | None = Field(
        None,
        description="1x2, double_chance, both_teams_to_score, over_under, handicap or half_time_result; "
        "omit for every market",
    )


@dataclass(frozen=True)
class Price:
    market: str
    selection: str
    name: str
    odds: Decimal
    line: Decimal | None
    bet_id: str

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"selection": self.selection, "name": self.name, "odds": self.odds}
        if self.line is not None:
            data["line"] = self.line
        return data


@dataclass(frozen=True)
class MatchOdds:
    fixture: FixtureInfo
    active: bool
    prices: list[Price]
    fetched_at: datetime | None
    age_seconds: int | None
    stale: bool

    def market(self, label: str) -> list[Price]:
        key = MARKET_LABELS.get(label, label)
        return [p for p in self.prices if p.market == key]

    def price(self, market: str, selection: str) -> Price | None:
        return next((p for p in self.market(market) if p.selection == selection), None)

    def to_json(self) -> dict[str, Any]:
        """Prices per market with their implied and fair probabilities and the market's margin, so
        every probability or margin an answer quotes is in the tool result."""
        grouped: dict[str, list[Price]] = {}
        for p in self.prices:
            grouped.setdefault(MARKET_OF_KEY.get(p.market, p.market), []).append(p)
        markets: dict[str, list[dict[str, Any]]] = {}
        margins: dict[str, Decimal] = {}
        for label, prices in grouped.items():
            fair = odds_math.fair_probabilities([p.odds for p in prices]) if len(prices) > 1 else None
            rows = []
            for i, price in enumerate(prices):
                row = price.to_json()
                row["implied_probability"] = odds_math.quantize_probability(
                    odds_math.implied_probability(price.odds)
                )
                if fair is not None:
                    row["fair_probability"] = fair[i]
                rows.append(row)
            markets[label] = rows
            if len(prices) > 1:
                margins[label] = odds_math.market_margin([p.odds for p in prices])
        return {
            "fixture": self.fixture.to_json(),
            "status": "active" if self.active else "inactive",
            "fetched_at": self.fetched_at.isoformat() if self.fetched_at else None,
            "age_seconds": self.age_seconds,
            "stale": self.stale,
            "markets": markets,
            "margins": margins,
        }


def fixture_resolve(
    ctx: ToolContext, *, fixture_id: str | None, team: str | None, opponent: str | None
) -> Fixture:
    if fixture_id:
        fixture = _fixtures().filter(provider_id=fixture_id).first()
        if fixture is None:
            raise ToolError("FIXTURE_NOT_FOUND", f"No fixture {fixture_id}.")
        return fixture
    if not team:
        raise ToolError("FIXTURE_REQUIRED", "Name a match (two teams) or a fixture id.")
    fixture = fixtures_matching(
        team=team, opponent=opponent, tournament=None, date_from=None, date_to=None, now=ctx.now
    ).first()
    if fixture is None:
        raise ToolError("NO_UPCOMING_FIXTURE", "No upcoming match found for that team.")
    return fixture


def match_odds(ctx: ToolContext, fixture: Fixture, market: str | None = None) -> MatchOdds:
    """The fixture's current odds, refreshed first when older than the freshness window."""
    fresh = sports_services.odds_fresh_for_fixture(fixture_id=fixture.pk)
    prices = list(fresh.prices)
    if market:
        key = MARKET_LABELS.get(market)
        if key is None:
            raise ToolError("UNKNOWN_MARKET", f"Unknown market {market!r}.")
        prices = [p for p in prices if p.market == key]
    prices.sort(
        key=lambda p: (p.market, SELECTION_ORDER.index(p.selection) if p.selection in SELECTION_ORDER else 99)
    )
    age = int(fresh.age_seconds) if fresh.age_seconds is not None else None
    return MatchOdds(
        fixture=fixture_info(fixture, ctx.language),
        active=fresh.status == Fixture.OddsStatus.ACTIVE and bool(fresh.prices),
        prices=[Price(p.market, p.selection, p.name, p.price, p.line, p.bet_id) for p in prices],
        fetched_at=fresh.fetched_at,
        age_seconds=age,
        # Only say "may have changed" when a refresh was due and did not happen.
        stale=fresh.stale and fresh.refresh_failed,
    )


def get_odds(ctx: ToolContext, args: GetOddsInput) -> MatchOdds:
    fixture = fixture_resolve(ctx, fixture_id=args.fixture_id, team=args.team, opponent=args.opponent)
    return match_odds(ctx, fixture, args.market)


def _odds_activity(args: GetOddsInput, language: str) -> str:
    subject = " vs ".join(catalog_store.display_name(x) for x in (args.team, args.opponent) if x) or (
        args.fixture_id or ""
    )
    return {"es": f"Consultando cuotas de {subject}…", "pt": f"Consultando odds de {subject}…"}.get(
        language, f"Checking odds for {subject}…"
    )


register(
    Tool(
        name="get_odds",
        description="Current odds of one match (by fixture id or its teams), optionally one market, "
        "with the time they were fetched.",
        input_model=GetOddsInput,
        func=get_odds,
        activity=_odds_activity,
    )
)
