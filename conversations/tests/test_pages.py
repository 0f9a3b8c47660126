"""The browser pages over Django's test client: the chat page (guest identity, CSRF cookie, CSP,
no inline script or style), someone else's conversation, and sign up / log in / log out carrying
a guest's conversations and protections into the account."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from betting import services as betting_services
from betting.models import GamblingProfile
from betting.selectors import Owner
from chatbet_site.security import CONTENT_SECURITY_POLICY
from conversations.identity import SESSION_KEY
from conversations.models import Conversation
from conversations.views import phone_href

pytestmark = pytest.mark.django_db

User = get_user_model()
PASSWORD = "a-long-Passphrase-42"


def _guest_with_history(client) -> tuple[str, Conversation]:
    """A guest who opened the chat page, chatted and confirmed their age."""
    client.get("/")
    guest_id = client.session[SESSION_KEY]
    conversation = Conversation.objects.create(guest_id=guest_id, title="Guest question")
    now = timezone.now()
    owner = Owner(user_id=None, guest_id=guest_id)
    betting_services.profile_confirm_age(owner=owner, now=now)
    betting_services.self_exclusion_start(owner=owner, until=now + timedelta(days=200), now=now)
    return guest_id, conversation


def test_chat_page_gives_a_guest_identity_a_csrf_cookie_and_a_strict_csp(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY
    assert "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY
    assert client.session[SESSION_KEY].startswith("guest-")
    assert response.cookies["csrftoken"].value
    html = response.content.decode()
    # Every script is an external file; no inline style attribute or block.
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []
    assert '<script type="module" src="/static/chat/chat.js">' in html
    assert "<style" not in html
    assert " style=" not in html
    assert "0808 8020 133" in html
    assert 'href="tel:18004262537"' in html

    again = client.get("/")
    assert again.status_code == 200
    assert client.session[SESSION_KEY] == response.wsgi_request.session[SESSION_KEY]


def test_static_assets_are_served(client):
    for name, kind in (("chat.js", "javascript"), ("markdown.js", "javascript"), ("chat.css", "css")):
        response = client.get(f"/static/chat/{name}")
        assert response.status_code == 200, name
        assert kind in response["Content-Type"]


def test_csp_spares_swagger_but_covers_the_admin(client):
    docs = client.get("/api/docs/")
    assert docs.status_code == 200
    assert "Content-Security-Policy" not in docs
    admin = client.get("/admin/login/")
    assert admin["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    api = client.get("/api/v1/conversations/")
    assert "Content-Security-Policy" not in api  # JSON, not a page


def test_a_conversation_page_is_only_for_its_owner(client):
    client.get("/")
    mine = Conversation.objects.create(guest_id=client.session[SESSION_KEY])
    theirs = Conversation.objects.create(guest_id="guest-someone-else")

    response = client.get(f"/c/{mine.pk}/")
    assert response.status_code == 200
    assert f'data-conversation-id="{mine.pk}"' in response.content.decode()

    response = client.get(f"/c/{theirs.pk}/")
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_sign_up_keeps_the_guests_conversations_and_protections(client):
    guest_id, conversation = _guest_with_history(client)
    page = client.get("/accounts/signup/")
    assert page.status_code == 200
    assert page["Content-Security-Policy"] == CONTENT_SECURITY_POLICY

    response = client.post(
        "/accounts/signup/",
        {"username": "maria", "email": "", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == "/"
    user = User.objects.get(username="maria")
    assert client.session["_auth_user_id"] == str(user.pk)
    conversation.refresh_from_db()
    assert conversation.user_id == user.pk
    assert conversation.guest_id == ""
    profile = GamblingProfile.objects.get(user=user)
    assert profile.age_confirmed_at is not None
    assert profile.self_excluded_until is not None
    assert not GamblingProfile.objects.filter(guest_id=guest_id).exists()

    listed = client.get("/api/v1/conversations/").json()["results"]
    assert [c["session_id"] for c in listed] == [str(conversation.pk)]


def test_sign_up_errors_are_shown(client):
    User.objects.create_user(username="taken", password=PASSWORD)
    response = client.post(
        "/accounts/signup/", {"username": "taken", "password1": PASSWORD, "password2": "different"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "A user with that username already exists." in html
    assert User.objects.filter(username="taken").count() == 1
    assert "_auth_user_id" not in client.session


def test_log_in_adopts_the_guest_and_log_out_starts_a_new_guest(client):
    user = User.objects.create_user(username="joao", password=PASSWORD)
    earlier = Conversation.objects.create(user=user, title="From my phone")
    guest_id, conversation = _guest_with_history(client)

    response = client.post("/accounts/login/", {"username": "joao", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"
    conversation.refresh_from_db()
    assert conversation.user_id == user.pk
    profile = GamblingProfile.objects.get(user=user)
    assert profile.self_excluded_until is not None
    listed = {c["session_id"] for c in client.get("/api/v1/conversations/").json()["results"]}
    assert listed == {str(conversation.pk), str(earlier.pk)}
    page = client.get("/").content.decode()
    assert "joao" in page
    assert SESSION_KEY not in client.session  # a logged-in page makes no guest

    assert client.get("/accounts/logout/").status_code == 405  # logging out takes a POST (CSRF)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/"
    client.get("/")
    assert client.session[SESSION_KEY] != guest_id
    assert client.get("/api/v1/conversations/").json()["results"] == []


def test_wrong_password_and_unsafe_next_are_refused(client):
    User.objects.create_user(username="ana", password=PASSWORD)
    response = client.post("/accounts/login/", {"username": "ana", "password": "nope"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    response = client.post(
        "/accounts/login/?next=https://evil.example/", {"username": "ana", "password": PASSWORD}
    )
    assert response["Location"] == "/"


def test_phone_href_dials_vanity_numbers():
    assert phone_href("1-800-GAMBLER") == "tel:18004262537"
    assert phone_href("0808 8020 133") == "tel:08088020133"
    assert phone_href("+55 188") == "tel:+55188"
