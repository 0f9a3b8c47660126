"""Betting REST routes, mounted under /api/v1/betting/."""

from django.urls import path

from betting import apis

app_name = "betting"

urlpatterns = [
    path("profile", apis.ProfileApi.as_view(), name="profile"),
    path("account", apis.LinkedAccountApi.as_view(), name="account"),
    path("age-confirmation", apis.AgeConfirmationApi.as_view(), name="age-confirmation"),
    path("limits", apis.LimitsApi.as_view(), name="limits"),
    path("self-exclusion", apis.SelfExclusionApi.as_view(), name="self-exclusion"),
    path("cooling-off", apis.CoolingOffApi.as_view(), name="cooling-off"),
    path("bets/", apis.BetListApi.as_view(), name="bet-list"),
    path("bets/simulate", apis.BetSimulateApi.as_view(), name="bet-simulate"),
    path("bets/<int:bet_id>/confirm", apis.BetConfirmApi.as_view(), name="bet-confirm"),
    path("bets/<int:bet_id>/stake", apis.BetStakeApi.as_view(), name="bet-stake"),
    path("bets/<int:bet_id>/cancel", apis.BetCancelApi.as_view(), name="bet-cancel"),
]
