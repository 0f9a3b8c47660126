"""Betting REST API: profile, limits, exclusion, propose/confirm once, simulate, and ownership."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from betting.models import Bet

pytestmark = pytest.mark.django_db(transaction=True)


def guest() -> APIClient:
    client = APIClient()
    token = client.post("/api/v1/auth/guest").json()["guest_token"]
    client.credentials(HTTP_AUTHORIZATION=f"Guest {token}")
    return client


def adult() -> APIClient:
    client = guest()
    assert (
        client.post("/api/v1/betting/age-confirmation", {"confirm": True}, format="json").status_code == 200
    )
    return client


SLIP = {"fixture_id": "27907678", "market": "1x2", "selection": "home", "stake": "10"}


def test_profile_starts_empty_and_age_confirmation_is_explicit():
    client = guest()
    profile = client.get("/api/v1/betting/profile").json()
    assert profile["age_confirmed"] is False
    refused = client.post("/api/v1/betting/age-confirmation", {"confirm": "yes"}, format="json")
    assert refused.status_code == 400
    assert client.post("/api/v1/betting/age-confirmation", {"confirm": True}, format="json").json()[
        "age_confirmed"
    ]


def test_propose_then_confirm_places_once_and_balance_drops(chatbet):
    client = adult()
    proposed = client.post("/api/v1/betting/bets/", SLIP, format="json")
    assert proposed.status_code == 201, proposed.json()
    bet = proposed.json()
    assert bet["status"] == "pending"
    assert Decimal(bet["potential_return"]) == Decimal("21.00")
    assert chatbet.count("/place-bet") == 0
    confirmed = client.post(f"/api/v1/betting/bets/{bet['id']}/confirm")
    assert confirmed.status_code == 200
    assert confirmed.json()["status"] == "placed"
    again = client.post(f"/api/v1/betting/bets/{bet['id']}/confirm")
    assert again.status_code == 200
    assert chatbet.count("/place-bet") == 1
    listed = client.get("/api/v1/betting/bets/").json()["results"]
    assert [b["id"] for b in listed] == [bet["id"]]


def test_another_guest_cannot_see_confirm_or_cancel_my_bet(chatbet):
    mine = adult()
    bet = mine.post("/api/v1/betting/bets/", SLIP, format="json").json()
    other = adult()
    assert other.get("/api/v1/betting/bets/").json()["results"] == []
    assert other.post(f"/api/v1/betting/bets/{bet['id']}/confirm").status_code == 404
    assert other.post(f"/api/v1/betting/bets/{bet['id']}/cancel").status_code == 404
    assert Bet.objects.get(pk=bet["id"]).status == Bet.Status.PENDING


def test_self_exclusion_blocks_proposals_and_cannot_be_shortened(chatbet):
    client = adult()
    long = client.post("/api/v1/betting/self-exclusion", {"days": 180}, format="json").json()
    short = client.post("/api/v1/betting/self-exclusion", {"days": 1}, format="json").json()
    assert short["self_excluded_until"] == long["self_excluded_until"]
    refused = client.post("/api/v1/betting/bets/", SLIP, format="json")
    assert refused.status_code == 403
    assert client.post("/api/v1/betting/self-exclusion", {"days": 0}, format="json").status_code == 400


def test_limits_lower_at_once_and_raise_after_24_hours(chatbet):
    client = adult()
    first = client.post("/api/v1/betting/limits", {"period": "per_bet", "amount": "5"}, format="json").json()
    assert first["immediate"] is True
    raised = client.post(
        "/api/v1/betting/limits", {"period": "per_bet", "amount": "50"}, format="json"
    ).json()
    assert raised["immediate"] is False
    refused = client.post("/api/v1/betting/bets/", SLIP, format="json")
    assert refused.status_code == 400
    assert refused.json()["error"]["code"] == "OVER_LIMIT"
    bad = client.post("/api/v1/betting/limits", {"period": "monthly", "amount": "-1"}, format="json")
    assert bad.status_code == 400
    assert set(bad.json()["error"]["details"]) == {"period", "amount"}


def test_simulate_returns_exact_figures_and_places_nothing(chatbet):
    client = adult()
    body = {"legs": [{"fixture_id": "27907678", "market": "1x2", "selection": "draw"}], "stake": "20"}
    simulation = client.post("/api/v1/betting/bets/simulate", body, format="json")
    assert simulation.status_code == 200, simulation.json()
    assert simulation.json()["potential_return"] == "68.00"
    assert simulation.json()["profit"] == "48.00"
    assert client.post("/api/v1/betting/bets/simulate", {"legs": []}, format="json").status_code == 400
    assert chatbet.count("/place-bet") == 0


def test_without_a_shared_account_balance_needs_a_linked_account_and_uses_its_own(chatbet, settings):
    from django.contrib.auth import get_user_model

    settings.CHATBET_SHARED_ACCOUNT = False
    guest_reply = (
        guest()
        .post("/api/v1/chat/message", {"message": "What's my balance?"}, format="json")
        .json()["message"]
    )
    assert "linked" in guest_reply
    user = get_user_model().objects.create_user(username="ana", password="a-long-pass-123")
    client = APIClient()
    client.force_authenticate(user)
    assert client.get("/api/v1/betting/account").json()["linked"] is False
    linked = client.post("/api/v1/betting/account", {"user_key": "1"}, format="json")
    assert linked.status_code == 200
    assert linked.json() == {"linked": True, "provider_user_id": "1", "shared_demo_account": False}
    assert "user_key" not in linked.json()
    reply = client.post("/api/v1/chat/message", {"message": "What's my balance?"}, format="json").json()
    assert reply["message"] == "Your balance is **1,000.00** (playable: 1,000.00)."
    assert guest().get("/api/v1/betting/account").status_code in (401, 403)


def test_simulate_refuses_the_same_selection_twice_and_two_legs_of_one_match(chatbet):
    client = adult()
    home = {"fixture_id": "27907678", "market": "1x2", "selection": "home"}
    by_name = {"fixture_id": "27907678", "market": "1x2", "selection": "Barcelona"}  # the same selection
    draw = {"fixture_id": "27907678", "market": "1x2", "selection": "draw"}
    duplicate = client.post(
        "/api/v1/betting/bets/simulate", {"legs": [home, by_name], "stake": "10"}, format="json"
    )
    same_match = client.post(
        "/api/v1/betting/bets/simulate", {"legs": [home, draw], "stake": "10"}, format="json"
    )
    assert duplicate.status_code == 400
    assert duplicate.json()["error"]["code"] == "DUPLICATE_LEG"
    assert same_match.status_code == 400
    assert same_match.json()["error"]["code"] == "SAME_FIXTURE_LEGS"


def test_simulate_a_parlay_of_three_returns_the_exact_product(chatbet):
    client = adult()
    legs = [
        {"fixture_id": "27907678", "market": "1x2", "selection": "home"},  # 2.10
        {"fixture_id": "27900311", "market": "1x2", "selection": "home"},  # 1.75
        {"fixture_id": "27997793", "market": "1x2", "selection": "away"},  # 3.70
    ]
    quote = client.post("/api/v1/betting/bets/simulate", {"legs": legs, "stake": "10"}, format="json")
    assert quote.status_code == 200, quote.json()
    assert Decimal(quote.json()["odds"]) == Decimal("2.10") * Decimal("1.75") * Decimal("3.70")  # 13.5975
    assert quote.json()["potential_return"] == "135.98"  # 135.975, to the cent half up
    assert quote.json()["profit"] == "125.98"


def test_a_combo_slip_and_a_stake_edit_over_rest(chatbet):
    client = adult()
    legs = [
        {"fixture_id": "27907678", "selection": "home"},  # 2.10
        {"fixture_id": "27900311", "selection": "home"},  # 1.75
    ]
    combo = client.post("/api/v1/betting/bets/", {"legs": legs, "stake": "10"}, format="json")
    assert combo.status_code == 201, combo.json()
    assert len(combo.json()["legs"]) == 2
    assert combo.json()["potential_return"] == "36.75"  # 10 x 3.675
    edited = client.post(f"/api/v1/betting/bets/{combo.json()['id']}/stake", {"stake": "4"}, format="json")
    assert edited.status_code == 201, edited.json()
    assert edited.json()["potential_return"] == "14.70"
    stale = client.post(f"/api/v1/betting/bets/{combo.json()['id']}/confirm")
    assert stale.status_code == 409
    assert stale.json()["error"]["code"] == "ALREADY_SUPERSEDED"
    placed = client.post(f"/api/v1/betting/bets/{edited.json()['id']}/confirm")
    assert placed.json()["status"] == "placed"
    assert [(Decimal(b["amount"]), len(b["legs"])) for b in chatbet.placed_bets()] == [(Decimal("4"), 2)]
    both = client.post("/api/v1/betting/bets/", {**SLIP, "legs": legs}, format="json")
    assert both.status_code == 400
