"""Operators' view of bets, responsible-gambling profiles, the harm flags queue, and users with
their responsible-gambling status (export and erase a user's data from there)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone

from betting import services
from betting.models import AccountProtection, Bet, GamblingProfile, HarmFlag, LinkedAccount
from conversations.services import user_data_delete, user_data_export


@admin.register(GamblingProfile)
class GamblingProfileAdmin(admin.ModelAdmin):
    list_display = (
        "__str__",
        "age_confirmed_at",
        "minor_blocked_at",
        "self_excluded_until",
        "cooling_off_until",
        "stake_limit_daily",
    )
    list_filter = (("minor_blocked_at", admin.EmptyFieldListFilter),)
    search_fields = ("user__username", "guest_id")
    # Exclusions are never shortened by anyone, operators included. The under-18 block
    # (minor_blocked_at) stays editable: clearing it after checking is an operator's call.
    readonly_fields = ("self_excluded_until", "cooling_off_until", "created_at", "updated_at")


def _resolve_unconfirmed(request: HttpRequest, queryset: QuerySet[Bet], *, placed: bool) -> int:
    who = getattr(request.user, "username", "operator")
    note = f"checked by {who}: {'placed' if placed else 'not placed'}"
    now = timezone.now()
    pks = list(queryset.filter(status=Bet.Status.UNCONFIRMED).values_list("pk", flat=True))
    settled = [services.bet_resolve(bet_pk=pk, placed=placed, now=now, note=note) for pk in pks]
    return sum(1 for bet in settled if bet is not None and bet.resolved_at == now)


@admin.action(description="Unconfirmed: mark as placed (checked with the provider)")
def mark_placed(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[Bet]) -> None:
    count = _resolve_unconfirmed(request, queryset, placed=True)
    modeladmin.message_user(request, f"Marked {count} unconfirmed bet(s) as placed.", messages.SUCCESS)


@admin.action(description="Unconfirmed: mark as failed (checked: not placed)")
def mark_failed(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[Bet]) -> None:
    count = _resolve_unconfirmed(request, queryset, placed=False)
    modeladmin.message_user(request, f"Marked {count} unconfirmed bet(s) as failed.", messages.SUCCESS)


@admin.action(description="Unconfirmed: reconcile now from the balance")
def reconcile_now(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[Bet]) -> None:
    now = timezone.now()
    pks = list(queryset.filter(status=Bet.Status.UNCONFIRMED).values_list("pk", flat=True))
    settled = [bet for pk in pks if (bet := services.bet_reconcile(bet_pk=pk, now=now)) is not None]
    left = sum(1 for bet in settled if bet.status == Bet.Status.UNCONFIRMED)
    modeladmin.message_user(request, f"Reconciled {len(pks) - left}; {left} still need a check by hand.")


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
        "sent_at",
        "placed_at",
        "resolution",
    )
    list_filter = ("status", "created_at")
    search_fields = ("provider_bet_id", "user__username", "guest_id", "selection_name")
    readonly_fields = [f.name for f in Bet._meta.fields]
    actions = [reconcile_now, mark_placed, mark_failed]


@admin.action(description="Mark selected flags as resolved")
def resolve_flags(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[HarmFlag]) -> None:
    queryset.filter(status=HarmFlag.Status.OPEN).update(
        status=HarmFlag.Status.RESOLVED, resolved_at=timezone.now()
    )


@admin.register(HarmFlag)
class HarmFlagAdmin(admin.ModelAdmin):
    list_display = ("id", "status", "signals", "user", "guest_id", "conversation", "notes", "created_at")
    list_filter = ("status", "created_at")
    list_editable = ("notes",)
    search_fields = ("user__username", "guest_id", "notes")
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

    def save_model(self, request: HttpRequest, obj: HarmFlag, form: Any, change: bool) -> None:
        # Resolving from the form stamps the time, as the list action does.
        if obj.status == HarmFlag.Status.RESOLVED and obj.resolved_at is None:
            obj.resolved_at = timezone.now()
        elif obj.status == HarmFlag.Status.OPEN:
            obj.resolved_at = None
        super().save_model(request, obj, form, change)


# --- Users with their responsible-gambling status (issue 10) ------------------------------------

User = get_user_model()
MAX_EXPORT_USERS = 50


class GamblingProfileInline(admin.StackedInline):
    model = GamblingProfile
    can_delete = False
    extra = 0
    fields = (
        "age_confirmed_at",
        "minor_blocked_at",
        "self_excluded_until",
        "cooling_off_until",
        "stake_limit_per_bet",
        "stake_limit_daily",
        "stake_limit_weekly",
        "pending_limit_increases",
        "reality_check_minutes",
    )
    # Exclusions are never shortened by anyone, operators included.
    readonly_fields = ("self_excluded_until", "cooling_off_until", "pending_limit_increases")


class GamblingStatusFilter(admin.SimpleListFilter):
    title = "responsible gambling"
    parameter_name = "rg"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin[Any]) -> list[tuple[str, str]]:
        return [("excluded", "Self-excluded"), ("cooling", "Cooling off"), ("limits", "Has stake limits")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        now = timezone.now()
        if self.value() == "excluded":
            return queryset.filter(gambling_profile__self_excluded_until__gt=now)
        if self.value() == "cooling":
            return queryset.filter(gambling_profile__cooling_off_until__gt=now)
        if self.value() == "limits":
            return queryset.filter(
                Q(gambling_profile__stake_limit_per_bet__isnull=False)
                | Q(gambling_profile__stake_limit_daily__isnull=False)
                | Q(gambling_profile__stake_limit_weekly__isnull=False)
            )
        return queryset


def gambling_status_text(profile: GamblingProfile | None) -> str:
    if profile is None:
        return "–"
    now = timezone.now()
    parts = []
    if profile.minor_blocked_at is not None:
        parts.append(f"under-18 block since {profile.minor_blocked_at:%Y-%m-%d %H:%M}")
    if profile.self_excluded_until and profile.self_excluded_until > now:
        parts.append(f"self-excluded until {profile.self_excluded_until:%Y-%m-%d %H:%M}")
    if profile.cooling_off_until and profile.cooling_off_until > now:
        parts.append(f"cooling off until {profile.cooling_off_until:%Y-%m-%d %H:%M}")
    limits = [
        f"{label} {value}"
        for label, value in (
            ("per bet", profile.stake_limit_per_bet),
            ("daily", profile.stake_limit_daily),
            ("weekly", profile.stake_limit_weekly),
        )
        if value is not None
    ]
    if limits:
        parts.append("limits: " + ", ".join(limits))
    if profile.age_confirmed_at is None:
        parts.append("age not confirmed")
    return "; ".join(parts) or "no restrictions"


if admin.site.is_registered(User):
    admin.site.unregister(User)


@admin.register(User)
class ChatBetUserAdmin(UserAdmin):
    list_display = ("username", "email", "is_staff", "date_joined", "gambling_status")
    list_filter = (*UserAdmin.list_filter, GamblingStatusFilter)
    list_select_related = ("gambling_profile",)
    inlines = [GamblingProfileInline]
    actions = ["export_data", "erase_data"]

    @admin.display(description="responsible gambling")
    def gambling_status(self, obj: Any) -> str:
        return gambling_status_text(getattr(obj, "gambling_profile", None))

    @admin.action(description="Export the selected users' data (JSON)")
    def export_data(self, request: HttpRequest, queryset: QuerySet[Any]) -> HttpResponse:
        users = list(queryset.order_by("pk")[:MAX_EXPORT_USERS])
        data: Any = (
            user_data_export(user=users[0])
            if len(users) == 1
            else [user_data_export(user=user) for user in users]
        )
        response = JsonResponse(
            data,
            safe=False,
            encoder=DjangoJSONEncoder,
            json_dumps_params={"indent": 2, "ensure_ascii": False},
        )
        name = f"chatbet-user-{users[0].pk}" if len(users) == 1 else "chatbet-users"
        response["Content-Disposition"] = f'attachment; filename="{name}.json"'
        response["Cache-Control"] = "no-store"
        return response

    @admin.action(description="Erase the selected users and their data (bets kept anonymised)")
    def erase_data(self, request: HttpRequest, queryset: QuerySet[Any]) -> HttpResponse | None:
        users = list(queryset.exclude(pk=request.user.pk).order_by("pk"))
        if request.POST.get("confirm") != "yes":
            context = {
                **self.admin_site.each_context(request),
                "title": "Erase users and their data",
                "users": users,
                "opts": self.model._meta,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, "admin/auth/user/erase_data_confirmation.html", context)
        for user in users:
            user_data_delete(user=user)
        self.message_user(
            request, f"Erased {len(users)} user(s); their bets are kept anonymised.", messages.SUCCESS
        )
        return None


@admin.register(AccountProtection)
class AccountProtectionAdmin(admin.ModelAdmin):
    """Protections held by a person's own ChatBet account (every login linked to it is bound)."""

    list_display = ("provider_user_id", "minor_blocked_at", "self_excluded_until", "cooling_off_until")
    search_fields = ("provider_user_id",)
    # As on profiles: exclusions are never shortened; the under-18 block is cleared here, after
    # checking, together with the same field on the person's gambling profile.
    readonly_fields = ("provider_user_id", "self_excluded_until", "cooling_off_until", "updated_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(LinkedAccount)
class LinkedAccountAdmin(admin.ModelAdmin):
    list_display = ("user", "provider_user_id", "linked_at")
    search_fields = ("user__username", "provider_user_id")
    # The account key is a credential: never shown back, only replaced through the API.
    exclude = ("provider_user_key",)
    readonly_fields = ("user", "provider_user_id", "linked_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
