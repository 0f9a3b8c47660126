"""Self-exclusion and the under-18 block belong to the person: every login on the same ChatBet
account is bound by them. On the shared demo account they stay with the identity (one person's
exclusion must not block every demo user)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from rest_framework.test import APIClient

from betting import services
from betting.models import AccountProtection
from betting.selectors import Owner, gambling_status

pytestmark = pytest.mark.django_db(transaction=True)

SLIP = {"fixture_id": "27907678", "market": "1x2", "selection": "home", "stake": "10"}


def linked_adult(username: str, user_key: str = "1") -> tuple[APIClient, int]:
    """A user who passed the age gate and linked their ChatBet account (key "1" on the fake API)."""
    user = get_user_model().objects.create_user(username=username, password="a-long-pass-123")
    client = APIClient()
    client.force_authenticate(user)
    assert (
        client.post("/api/v1/betting/age-confirmation", {"confirm": True}, format="json").status_code == 200
    )
    assert client.post("/api/v1/betting/account", {"user_key": user_key}, format="json").status_code == 200
    return client, user.pk


def test_a_self_exclusion_binds_every_login_on_the_same_chatbet_account(chatbet, settings):
    settings.CHATBET_SHARED_ACCOUNT = False
    first, _ = linked_adult("ana")
    assert first.post("/api/v1/betting/self-exclusion", {"days": 180}, format="json").status_code == 200
    second, _ = linked_adult("ana-again")  # a new sign-up on the same money

    refused = second.post("/api/v1/betting/bets/", SLIP, format="json")

    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "SELF_EXCLUDED"
    assert second.get("/api/v1/betting/profile").json()["self_excluded_until"] is not None
    assert AccountProtection.objects.get(provider_user_id="1").self_excluded_until is not None
    assert chatbet.count("/place-bet") == 0


def test_an_under_18_block_binds_the_account_and_an_operator_clears_it_there(chatbet, settings):
    settings.CHATBET_SHARED_ACCOUNT = False
    _, minor_pk = linked_adult("teen")
    services.profile_block_minor(owner=Owner(user_id=minor_pk), now=timezone.now())
    other, other_pk = linked_adult("teen-second-login")

    refused = other.post("/api/v1/betting/bets/", SLIP, format="json")

    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "MINOR_BLOCKED"
    assert gambling_status(owner=Owner(user_id=other_pk), now=timezone.now()).minor_blocked
    # The operator, after checking, clears it on the account (admin) and on the profile.
    AccountProtection.objects.filter(provider_user_id="1").update(minor_blocked_at=None)
    assert other.post("/api/v1/betting/bets/", SLIP, format="json").status_code == 201


def test_on_the_shared_demo_account_an_exclusion_stays_with_the_identity(chatbet, settings):
    settings.CHATBET_SHARED_ACCOUNT = True
    excluded = APIClient()
    token = excluded.post("/api/v1/auth/guest").json()["guest_token"]
    excluded.credentials(HTTP_AUTHORIZATION=f"Guest {token}")
    excluded.post("/api/v1/betting/age-confirmation", {"confirm": True}, format="json")
    excluded.post("/api/v1/betting/self-exclusion", {"days": 30}, format="json")
    someone_else = APIClient()
    other = someone_else.post("/api/v1/auth/guest").json()["guest_token"]
    someone_else.credentials(HTTP_AUTHORIZATION=f"Guest {other}")
    someone_else.post("/api/v1/betting/age-confirmation", {"confirm": True}, format="json")

    assert excluded.post("/api/v1/betting/bets/", SLIP, format="json").status_code == 403
    assert someone_else.post("/api/v1/betting/bets/", SLIP, format="json").status_code == 201
    assert not AccountProtection.objects.exists()
