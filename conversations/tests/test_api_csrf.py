"""CSRF: every unsafe API endpoint that accepts the session cookie refuses a cross-site request.

A browser guest is identified by its session cookie alone, so a form on another site could act as
that guest (register an account and take the guest's conversations) unless the CSRF token is
required. Every route is enumerated, so a new endpoint cannot quietly skip the check.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.views import APIView

from conversations.apis.authentication import BrowserSessionAuthentication
from conversations.models import Conversation

pytestmark = pytest.mark.django_db

UNSAFE = ("post", "put", "patch", "delete")


def _routes(patterns: list[Any], prefix: str = "") -> Iterator[tuple[str, type[APIView]]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            view_class = getattr(pattern.callback, "cls", None)
            if isinstance(view_class, type) and issubclass(view_class, APIView):
                yield prefix + str(pattern.pattern), view_class


def _session_routes() -> list[tuple[str, str]]:
    """(method, path) of every unsafe API operation whose view reads the browser session."""
    found = []
    for route, view_class in _routes(get_resolver().url_patterns):
        uses_session = any(
            isinstance(auth, BrowserSessionAuthentication) for auth in view_class().get_authenticators()
        )
        path = "/" + route
        for name, value in (("<str:conversation_id>", "CONV"), ("<str:message_id>", "m1")):
            path = path.replace(name, value)
        path = path.replace("<int:bet_id>", "1").replace("<str:session_id>", "CONV")
        path = path.replace("<str:user_id>", "guest-victim")
        for method in UNSAFE:
            if uses_session and hasattr(view_class, method):
                found.append((method, path))
    return found


def _victim() -> tuple[Client, Conversation]:
    """A browser guest with a conversation, and its browser (which enforces CSRF like a real one)."""
    browser = Client(enforce_csrf_checks=True)
    session = browser.session
    session["chatbet_guest_id"] = "guest-victim"
    session.save()
    conversation = Conversation.objects.create(guest_id="guest-victim")
    return browser, conversation


def test_every_unsafe_session_endpoint_refuses_a_cross_site_request():
    browser, conversation = _victim()
    routes = _session_routes()
    assert ("post", "/api/v1/auth/register") in routes
    assert len(routes) > 15
    accepted = []
    for method, path in routes:
        response = getattr(browser, method)(
            path.replace("CONV", str(conversation.pk)),
            {
                "username": "attacker",
                "password": "correct-horse-battery-9",
                "content": "hi",
                "message_id": "m1",
            },
            content_type="application/json",
        )
        if response.status_code != 403 or response.json()["error"]["code"] != "FORBIDDEN":
            accepted.append(f"{method.upper()} {path}: {response.status_code}")
    assert accepted == []
    conversation.refresh_from_db()
    assert conversation.guest_id == "guest-victim"
    assert conversation.user_id is None


def test_register_from_the_page_with_the_csrf_token_adopts_the_guest():
    browser, conversation = _victim()
    browser.get("/")  # the chat page sets the CSRF cookie
    token = browser.cookies["csrftoken"].value
    response = browser.post(
        "/api/v1/auth/register",
        {"username": "victim", "password": "correct-horse-battery-9"},
        content_type="application/json",
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 201
    conversation.refresh_from_db()
    assert conversation.user_id == response.json()["user"]["id"]
