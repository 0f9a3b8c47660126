"""Sports data REST routes, mounted under /api/v1/."""

from django.urls import path

from sportsdata import apis

app_name = "sportsdata"

urlpatterns = [
    path("sports/", apis.SportListApi.as_view(), name="sport-list"),
    path("tournaments/", apis.TournamentListApi.as_view(), name="tournament-list"),
    path("fixtures/", apis.FixtureListApi.as_view(), name="fixture-list"),
    path("fixtures/<int:fixture_id>/odds/", apis.FixtureOddsApi.as_view(), name="fixture-odds"),
]
