"""Admin for sports data: browse and correct names and aliases, see odds and sync runs, sync now."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest

from sportsdata.client import chatbet_client
from sportsdata.models import Fixture, Odds, Sport, SyncRun, Team, TeamAlias, Tournament, TournamentAlias
from sportsdata.services import odds_pull
from sportsdata.tasks import sync_all


@admin.action(description="Sync everything now (in the background)")
def sync_now(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet) -> None:
    transaction.on_commit(sync_all.delay)
    modeladmin.message_user(request, "A full sync was queued; it appears under Sync runs.", messages.INFO)


@admin.action(description="Refresh odds of the selected fixtures now")
def refresh_odds(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet) -> None:
    ids = list(queryset.values_list("pk", flat=True)[:200])
    outcome = odds_pull(client=chatbet_client(), fixture_ids=ids)
    level = messages.WARNING if outcome.errors else messages.SUCCESS
    modeladmin.message_user(request, f"Odds refreshed: {outcome.counts}", level)


@admin.register(Sport)
class SportAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_es", "name_pt_br", "alias", "provider_id", "updated_at"]
    search_fields = ["name_en", "name_es", "name_pt_br", "alias", "provider_id"]
    readonly_fields = ["updated_at"]


@admin.register(Tournament)
class TournamentAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_es", "name_pt_br", "sport", "order", "provider_id", "updated_at"]
    list_filter = ["sport"]
    search_fields = ["name_en", "name_es", "name_pt_br", "provider_id"]
    readonly_fields = ["updated_at"]
    actions = [sync_now]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_es", "name_pt_br", "sport", "provider_id"]
    list_filter = ["sport"]
    search_fields = ["name_en", "name_es", "name_pt_br", "provider_id"]
    fields = ["name_en", "name_es", "name_pt_br", "sport", "provider_id", "updated_at"]
    readonly_fields = ["updated_at"]


class AliasAdmin(admin.ModelAdmin):
    """Nicknames, short and official names; `target` is the club's or competition's name as the sync
    writes it (accents, case and FC/CF/Club do not matter). Seeded rows come back from the data file
    when deleted, so untick `enabled` to stop one."""

    list_display = ["name", "target", "kind", "language", "enabled", "updated_at"]
    list_editable = ["enabled"]
    list_filter = ["kind", "language", "enabled"]
    search_fields = ["name", "normalized", "target"]
    fields = ["target", "name", "kind", "language", "enabled", "normalized", "updated_at"]
    readonly_fields = ["normalized", "updated_at"]


@admin.register(TeamAlias)
class TeamAliasAdmin(AliasAdmin):
    pass


@admin.register(TournamentAlias)
class TournamentAliasAdmin(AliasAdmin):
    pass


class CurrentOddsInline(admin.TabularInline):
    model = Odds
    fields = ["market", "selection", "name", "line", "price", "bet_id", "fetched_at", "last_seen_at"]
    readonly_fields = ["market", "selection", "name", "line", "price", "bet_id", "fetched_at", "last_seen_at"]
    extra = 0
    can_delete = False
    verbose_name_plural = "current odds"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Odds]:
        return super().get_queryset(request).filter(is_current=True)

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Fixture)
class FixtureAdmin(admin.ModelAdmin):
    list_display = ["__str__", "tournament", "starts_at", "odds_status", "odds_fetched_at", "provider_id"]
    list_filter = ["tournament", ("starts_at", admin.DateFieldListFilter), "odds_status"]
    search_fields = [
        "provider_id",
        "home_team__name_en",
        "home_team__name_es",
        "home_team__name_pt_br",
        "away_team__name_en",
        "away_team__name_es",
        "away_team__name_pt_br",
    ]
    date_hierarchy = "starts_at"
    list_select_related = ["tournament", "home_team", "away_team"]
    raw_id_fields = ["home_team", "away_team"]
    readonly_fields = ["odds_status", "odds_fetched_at", "updated_at"]
    inlines = [CurrentOddsInline]
    actions = [refresh_odds, sync_now]


@admin.register(Odds)
class OddsAdmin(admin.ModelAdmin):
    list_display = [
        "fixture",
        "market",
        "selection",
        "name",
        "price",
        "is_current",
        "fetched_at",
        "last_seen_at",
    ]
    list_filter = ["is_current", "market", ("fetched_at", admin.DateFieldListFilter)]
    search_fields = ["fixture__provider_id", "bet_id", "name"]
    list_select_related = ["fixture__home_team", "fixture__away_team"]
    raw_id_fields = ["fixture"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(SyncRun)
class SyncRunAdmin(admin.ModelAdmin):
    list_display = ["kind", "status", "started_at", "duration_ms", "counts", "short_error"]
    list_filter = ["kind", "status"]
    date_hierarchy = "started_at"
    actions = [sync_now]

    @admin.display(description="error")
    def short_error(self, obj: SyncRun) -> str:
        return obj.error[:120]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
