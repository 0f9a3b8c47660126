"""Operators' view of bets, responsible-gambling profiles and the harm flags queue."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from betting.models import Bet, GamblingProfile, HarmFlag


@admin.register(GamblingProfile)
class GamblingProfileAdmin(admin.ModelAdmin):
    list_display = (
        "__str__",
        "age_confirmed_at",
        "self_excluded_until",
        "cooling_off_until",
        "stake_limit_daily",
    )
    search_fields = ("user__username", "guest_id")
    # Exclusions are never shortened by anyone, operators included.
    readonly_fields = ("self_excluded_until", "cooling_off_until", "created_at", "updated_at")


@admin.register(Bet)
class BetAdmin(admin.ModelAdmin):
    list_display = (
        "id",
        "status",
        "selection_name",
        "odds",
        "stake",
        "potential_return",
        "created_at",
        "placed_at",
    )
    list_filter = ("status", "created_at")
    search_fields = ("provider_bet_id", "user__username", "guest_id", "selection_name")
    readonly_fields = [f.name for f in Bet._meta.fields]


@admin.action(description="Mark selected flags as resolved")
def resolve_flags(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[HarmFlag]) -> None:
    queryset.filter(status=HarmFlag.Status.OPEN).update(
        status=HarmFlag.Status.RESOLVED, resolved_at=timezone.now()
    )


@admin.register(HarmFlag)
class HarmFlagAdmin(admin.ModelAdmin):
    list_display = ("id", "status", "signals", "user", "guest_id", "conversation", "created_at")
    list_filter = ("status", "created_at")
    fields = (
        "status",
        "signals",
        "user",
        "guest_id",
        "conversation",
        "message",
        "notes",
        "created_at",
        "resolved_at",
    )
    readonly_fields = ("signals", "user", "guest_id", "conversation", "message", "created_at", "resolved_at")
    actions = [resolve_flags]
