"""Sports data mirrored from the ChatBet API: sports, tournaments, teams, fixtures, odds, sync runs.

Provider ids are unique, so every sync is an idempotent upsert. Odds keep history: a price change
inserts a new row and retires the previous one (`is_current`), which lets line movement be told.
Aliases (nicknames, short and official names) are kept by the club's or competition's name, not by
provider id, so they apply to whatever the sync brings in under that name.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from sportsdata.names import name_normalized


class Language(models.TextChoices):
    EN = "en", "English"
    ES = "es", "Español"
    PT_BR = "pt_br", "Português (Brasil)"


class LocalizedName(models.Model):
    """Names in the three languages the API serves; English is always filled."""

    name_en = models.CharField(max_length=200)
    name_es = models.CharField(max_length=200, blank=True)
    name_pt_br = models.CharField(max_length=200, blank=True)

    class Meta:
        abstract = True

    def name_in(self, language: str) -> str:
        value = {"es": self.name_es, "pt_br": self.name_pt_br, "pt": self.name_pt_br}.get(language, "")
        return value or self.name_en


class Sport(LocalizedName):
    provider_id = models.CharField(max_length=32, unique=True)
    alias = models.CharField(max_length=100, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["provider_id"]

    def __str__(self) -> str:
        return self.name_en


class Tournament(LocalizedName):
    provider_id = models.CharField(max_length=32, unique=True)
    sport = models.ForeignKey(Sport, on_delete=models.PROTECT, related_name="tournaments")
    order = models.IntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["sport__provider_id", "order", "name_en"]

    def __str__(self) -> str:
        return self.name_en


class Team(LocalizedName):
    provider_id = models.CharField(max_length=32, unique=True)
    sport = models.ForeignKey(Sport, on_delete=models.PROTECT, related_name="teams", null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.name_en


class Alias(models.Model):
    """Another name for a club or competition; `target` is that club's or competition's name."""

    class Kind(models.TextChoices):
        OFFICIAL = "official", "Official name"
        SHORT = "short", "Short name"
        NICKNAME = "nickname", "Nickname"

    class AliasLanguage(models.TextChoices):
        ANY = "", "Any language"
        EN = "en", "English"
        ES = "es", "Español"
        PT = "pt", "Português"

    target = models.CharField(
        max_length=200, help_text="The name the sync uses (accents, case and FC/CF/Club do not matter)."
    )
    name = models.CharField(max_length=200)
    normalized = models.CharField(max_length=200, editable=False, db_index=True)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.NICKNAME)
    language = models.CharField(max_length=2, choices=AliasLanguage.choices, blank=True, default="")
    # Seeded aliases come back from the data file when deleted: untick this to stop one instead.
    enabled = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        ordering = ["target", "kind", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.target})"

    def save(self, *args: object, **kwargs: object) -> None:
        self.normalized = name_normalized(self.name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class TeamAlias(Alias):
    class Meta(Alias.Meta):
        verbose_name_plural = "team aliases"
        constraints = [
            models.UniqueConstraint(fields=["target", "normalized"], name="teamalias_unique_name"),
        ]


class TournamentAlias(Alias):
    class Meta(Alias.Meta):
        verbose_name_plural = "tournament aliases"
        constraints = [
            models.UniqueConstraint(fields=["target", "normalized"], name="tournamentalias_unique_name"),
        ]


class Fixture(models.Model):
    class Kind(models.TextChoices):
        PRE_MATCH = "pre_match", "Pre-match"
        LIVE = "live", "Live"

    class OddsStatus(models.TextChoices):
        UNKNOWN = "unknown", "Not fetched yet"
        ACTIVE = "active", "Active"
        INACTIVE = "inactive", "Inactive"

    provider_id = models.CharField(max_length=32, unique=True)
    tournament = models.ForeignKey(Tournament, on_delete=models.PROTECT, related_name="fixtures")
    home_team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="home_fixtures")
    away_team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="away_fixtures")
    starts_at = models.DateTimeField(db_index=True)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.PRE_MATCH)
    source = models.IntegerField(null=True, blank=True)
    odds_status = models.CharField(max_length=16, choices=OddsStatus.choices, default=OddsStatus.UNKNOWN)
    # When the odds were last fetched from the API (whether or not a price changed).
    odds_fetched_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "provider_id"]
        indexes = [models.Index(fields=["tournament", "starts_at"], name="fixture_tournament_start")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(home_team=models.F("away_team")), name="fixture_distinct_teams"
            )
        ]

    def __str__(self) -> str:
        return f"{self.home_team} vs {self.away_team}"


class Odds(models.Model):
    """One price of one selection. A new row per change; the newest has `is_current=True`."""

    fixture = models.ForeignKey(Fixture, on_delete=models.CASCADE, related_name="odds")
    market = models.CharField(max_length=40)  # API market key: result, over_under, handicap, ...
    selection = models.CharField(max_length=40)  # home, draw, away, over, under, yes, no, home_or_draw, ...
    name = models.CharField(max_length=200)  # display name from the API: "Draw", "Over 2.5", "Barcelona -1"
    line = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    price = models.DecimalField(max_digits=10, decimal_places=3)
    bet_id = models.CharField(max_length=40)
    fetched_at = models.DateTimeField()  # first seen at this price
    last_seen_at = models.DateTimeField()  # last fetch that still showed this price
    is_current = models.BooleanField(default=True)

    class Meta:
        ordering = ["fixture_id", "market", "selection", "-fetched_at"]
        indexes = [models.Index(fields=["fixture", "market", "selection", "fetched_at"], name="odds_history")]
        constraints = [
            models.UniqueConstraint(
                fields=["fixture", "market", "selection"],
                condition=Q(is_current=True),
                name="odds_one_current_price",
            ),
            models.CheckConstraint(condition=Q(price__gt=1), name="odds_price_above_one"),
        ]
        verbose_name_plural = "odds"

    def __str__(self) -> str:
        return f"{self.fixture_id} {self.market}.{self.selection} @ {self.price}"


class SyncRun(models.Model):
    class Kind(models.TextChoices):
        TOURNAMENTS = "tournaments", "Tournaments"
        FIXTURES = "fixtures", "Fixtures"
        ODDS = "odds", "Odds"
        FULL = "full", "Everything"

    class Status(models.TextChoices):
        RUNNING = "running", "Running"
        SUCCESS = "success", "Success"
        PARTIAL = "partial", "Partial"
        FAILED = "failed", "Failed"

    kind = models.CharField(max_length=16, choices=Kind.choices)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.RUNNING)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    duration_ms = models.IntegerField(null=True, blank=True)
    counts = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["kind", "status", "-started_at"], name="syncrun_kind_status")]

    def __str__(self) -> str:
        return f"{self.kind} {self.status} {self.started_at:%Y-%m-%d %H:%M}"
