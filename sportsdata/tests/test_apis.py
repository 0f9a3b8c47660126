"""The public read-only REST API: lists, filters, odds, and 400s (never 500s) on bad parameters."""

from __future__ import annotations

import datetime as dt

import pytest

from sportsdata.models import Fixture, Tournament
from sportsdata.services import sportsdata_sync_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def synced(api):
    sportsdata_sync_all(client=api)


def test_sports_and_tournaments(client, synced):
    sports = client.get("/api/v1/sports/").json()
    assert [s["name_es"] for s in sports] == ["Fútbol", "Baloncesto"]
    tournaments = client.get("/api/v1/tournaments/").json()
    assert [t["provider_id"] for t in tournaments] == ["545", "566", "999", "756"]
    football = next(s for s in sports if s["provider_id"] == "1")
    only_football = client.get("/api/v1/tournaments/", {"sport": football["id"]}).json()
    assert {t["provider_id"] for t in only_football} == {"545", "566", "999"}


def test_fixtures_filters(client, synced):
    body = client.get("/api/v1/fixtures/").json()
    assert body["count"] == 6
    laliga = Tournament.objects.get(provider_id="545")
    by_tournament = client.get("/api/v1/fixtures/", {"tournament": laliga.pk}).json()["results"]
    assert {f["provider_id"] for f in by_tournament} == {"27907678", "27900311"}
    # Team names match in any language, partially and case-insensitively.
    by_team = client.get("/api/v1/fixtures/", {"team": "múnich"}).json()["results"]
    assert {f["provider_id"] for f in by_team} == {"27997793", "27997794"}
    tomorrow = (dt.datetime.now(dt.UTC) + dt.timedelta(days=1)).date().isoformat()
    by_day = client.get("/api/v1/fixtures/", {"date_from": tomorrow, "date_to": tomorrow}).json()["results"]
    assert {f["provider_id"] for f in by_day} == {"27907678", "27997793", "27940001"}
    assert by_day[0]["home_team"]["name_en"]


def test_fixture_odds(client, synced):
    fixture = Fixture.objects.get(provider_id="27907678")
    body = client.get(f"/api/v1/fixtures/{fixture.pk}/odds/").json()
    assert body["status"] == "active"
    assert body["fetched_at"]
    draw = next(p for p in body["prices"] if p["market"] == "result" and p["selection"] == "draw")
    assert draw["price"] == "3.400"
    inactive = Fixture.objects.get(provider_id="27997794")
    assert client.get(f"/api/v1/fixtures/{inactive.pk}/odds/").json()["prices"] == []
    assert client.get("/api/v1/fixtures/999999/odds/").status_code == 404


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"tournament": "laliga"}, "tournament"),
        ({"tournament": "-1"}, "tournament"),
        ({"date_from": "2025-13-01"}, "date_from"),
        ({"date_to": "tomorrow"}, "date_to"),
        ({"date_from": "2025-10-02", "date_to": "2025-10-01"}, "date_to"),
        ({"team": "x" * 101}, "team"),
    ],
)
def test_bad_fixture_params_are_400(client, params, field):
    response = client.get("/api/v1/fixtures/", params)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "INVALID_INPUT"
    assert field in response.json()["error"]["details"]


def test_bad_tournament_param_is_400(client):
    response = client.get("/api/v1/tournaments/", {"sport": "football"})
    assert response.status_code == 400
    assert "sport" in response.json()["error"]["details"]


def test_api_is_read_only(client, synced):
    assert client.post("/api/v1/fixtures/", {}).status_code == 405
