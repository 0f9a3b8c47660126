"""The chat REST API: auth, guests, conversations, messages, paging, errors, throttling, legacy shapes."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from rest_framework.test import APIClient

from conversations import services
from conversations.models import Conversation, Message

pytestmark = pytest.mark.django_db(transaction=True)


def user_client(username: str = "ana") -> tuple[APIClient, Any]:
    user = get_user_model().objects.create_user(username=username, password="a-long-pass-123")
    client = APIClient()
    response = client.post(
        "/api/v1/auth/token", {"username": username, "password": "a-long-pass-123"}, format="json"
    )
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {response.json()['access']}")
    return client, user


def guest_client() -> tuple[APIClient, str]:
    client = APIClient()
    body = client.post("/api/v1/auth/guest").json()
    client.credentials(HTTP_AUTHORIZATION=f"Guest {body['guest_token']}")
    return client, body["guest_id"]


def test_register_obtain_refresh_rotate_logout_and_me():
    client = APIClient()
    registered = client.post(
        "/api/v1/auth/register", {"username": "ana", "password": "a-long-pass-123"}, format="json"
    )
    assert registered.status_code == 201
    refresh = registered.json()["refresh"]
    rotated = client.post("/api/v1/auth/token/refresh", {"refresh": refresh}, format="json")
    assert rotated.status_code == 200
    assert rotated.json()["refresh"] != refresh
    reused = client.post("/api/v1/auth/token/refresh", {"refresh": refresh}, format="json")
    assert reused.status_code == 401
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {rotated.json()['access']}")
    me = client.get("/api/v1/auth/me")
    assert me.status_code == 200
    assert me.json()["user"]["username"] == "ana"
    assert (
        client.post("/api/v1/auth/logout", {"refresh": rotated.json()["refresh"]}, format="json").status_code
        == 204
    )
    again = client.post("/api/v1/auth/token/refresh", {"refresh": rotated.json()["refresh"]}, format="json")
    assert again.status_code == 401


def test_register_errors_use_the_envelope():
    client = APIClient()
    client.post("/api/v1/auth/register", {"username": "ana", "password": "a-long-pass-123"}, format="json")
    taken = client.post(
        "/api/v1/auth/register", {"username": "ana", "password": "a-long-pass-123"}, format="json"
    )
    weak = client.post("/api/v1/auth/register", {"username": "bob", "password": "12345678"}, format="json")
    assert taken.status_code == 400
    assert taken.json()["error"]["code"] == "INVALID_INPUT"
    assert "username" in taken.json()["error"]["details"]
    assert weak.status_code == 400


def test_guest_registering_keeps_their_conversations():
    client, _ = guest_client()
    created = client.post("/api/v1/conversations/", {"title": "mine"}, format="json").json()
    registered = client.post(
        "/api/v1/auth/register", {"username": "newbie", "password": "a-long-pass-123"}, format="json"
    )
    assert registered.status_code == 201
    conversation = Conversation.objects.get(pk=created["session_id"])
    assert conversation.user is not None
    assert conversation.user.username == "newbie"
    assert conversation.guest_id == ""


def test_requests_without_identity_are_401_with_a_stable_code():
    response = APIClient().get("/api/v1/conversations/")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "NOT_AUTHENTICATED"
    bad_guest = APIClient()
    bad_guest.credentials(HTTP_AUTHORIZATION="Guest forged")
    assert bad_guest.get("/api/v1/conversations/").json()["error"]["code"] == "AUTHENTICATION_FAILED"


def test_conversation_crud_and_another_user_cannot_see_or_change_it():
    ana, _ = user_client("ana")
    bob, _ = user_client("bob")
    created = ana.post("/api/v1/conversations/", {"title": "Weekend"}, format="json")
    assert created.status_code == 201
    session_id = created.json()["session_id"]
    url = f"/api/v1/conversations/{session_id}/"
    assert ana.get(url).json()["title"] == "Weekend"
    assert ana.patch(url, {"title": "Sunday"}, format="json").json()["title"] == "Sunday"
    for response in (
        bob.get(url),
        bob.patch(url, {"title": "x"}, format="json"),
        bob.delete(url),
        bob.get(f"{url}messages/"),
        bob.post(f"{url}messages/", {"content": "hi", "message_id": "m1"}, format="json"),
    ):
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "CONVERSATION_NOT_FOUND"
    assert bob.get("/api/v1/conversations/").json()["results"] == []
    assert ana.delete(url).status_code == 204
    assert ana.get(url).status_code == 404


def test_send_returns_the_reply_and_resend_is_idempotent(chatbet):
    client, _ = user_client()
    session_id = client.post("/api/v1/conversations/", {}, format="json").json()["session_id"]
    url = f"/api/v1/conversations/{session_id}/messages/"
    body = {"content": "What are the odds for Barcelona vs Real Madrid?", "message_id": "m-1"}
    first = client.post(url, body, format="json")
    assert first.status_code == 201
    reply = first.json()
    assert reply["session_id"] == session_id
    assert reply["detected_intent"] == "odds_information_query"
    assert reply["function_calls_made"] == ["get_odds"]
    assert "3.40" in reply["message"]
    assert reply["response_time_ms"] is not None
    assert reply["suggested_actions"]
    again = client.post(url, body, format="json")
    assert again.status_code == 200
    assert again.json()["message_id"] == reply["message_id"]
    assert Message.objects.filter(conversation_id=session_id).count() == 2


def test_bad_message_input_is_a_400_never_a_500():
    client, _ = guest_client()
    session_id = client.post("/api/v1/conversations/", {}, format="json").json()["session_id"]
    url = f"/api/v1/conversations/{session_id}/messages/"
    too_long = client.post(url, {"content": "x" * 4001, "message_id": "m1"}, format="json")
    missing = client.post(url, {"content": "hi"}, format="json")
    bad_json = client.post(url, data="{not json", content_type="application/json")
    bad_cursor = client.get(f"{url}?before=abc")
    two_cursors = client.get(f"{url}?before=1&after=2")
    assert too_long.status_code == 400
    assert "content" in too_long.json()["error"]["details"]
    assert missing.json()["error"]["code"] == "INVALID_INPUT"
    assert bad_json.status_code == 400
    assert bad_json.json()["error"]["code"] == "INVALID_JSON"
    assert bad_cursor.json()["error"]["code"] == "INVALID_CURSOR"
    assert two_cursors.json()["error"]["code"] == "INVALID_CURSOR"
    assert client.get("/api/v1/conversations/not-a-uuid/").status_code == 404


def test_a_second_message_during_a_turn_is_409():
    client, _ = guest_client()
    session_id = client.post("/api/v1/conversations/", {}, format="json").json()["session_id"]
    conversation = Conversation.objects.get(pk=session_id)
    first, _ = services.message_append_user(conversation=conversation, content="hi", client_message_id="a")
    services.turn_claim(user_message=first)
    response = client.post(
        f"/api/v1/conversations/{session_id}/messages/",
        {"content": "hello", "message_id": "b"},
        format="json",
    )
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "TURN_IN_PROGRESS"


def test_message_paging_both_ways_around_an_anchor():
    client, _ = guest_client()
    session_id = client.post("/api/v1/conversations/", {}, format="json").json()["session_id"]
    conversation = Conversation.objects.get(pk=session_id)
    ids = [
        services.message_append_user(conversation=conversation, content=f"m{i}", client_message_id=f"c{i}")[
            0
        ].pk
        for i in range(10)
    ]
    url = f"/api/v1/conversations/{session_id}/messages/"
    newest = client.get(f"{url}?limit=4").json()
    assert [m["content"] for m in newest["results"]] == ["m6", "m7", "m8", "m9"]
    assert newest["has_older"]
    assert not newest["has_newer"]
    older = client.get(f"{url}?limit=4&before={newest['older_cursor']}").json()
    assert [m["content"] for m in older["results"]] == ["m2", "m3", "m4", "m5"]
    newer = client.get(f"{url}?limit=3&after={ids[2]}").json()
    assert [m["content"] for m in newer["results"]] == ["m3", "m4", "m5"]
    assert newer["has_newer"]
    around = client.get(f"{url}?limit=4&around={ids[5]}").json()
    assert [m["content"] for m in around["results"]] == ["m3", "m4", "m5", "m6"]
    assert around["has_older"]
    assert around["has_newer"]


def test_conversation_list_is_newest_first_with_cursor_and_full_text_search():
    client, _ = guest_client()
    for title, text in (
        ("a", "Barcelona odds please"),
        ("b", "NBA games tonight"),
        ("c", "Liverpool schedule"),
    ):
        session_id = client.post("/api/v1/conversations/", {"title": title}, format="json").json()[
            "session_id"
        ]
        services.message_append_user(
            conversation=Conversation.objects.get(pk=session_id), content=text, client_message_id="1"
        )
    page = client.get("/api/v1/conversations/?limit=2").json()
    assert [c["title"] for c in page["results"]] == ["c", "b"]
    rest = client.get(page["next"]).json()
    assert [c["title"] for c in rest["results"]] == ["a"]
    found = client.get("/api/v1/conversations/?search=nba").json()
    assert [c["title"] for c in found["results"]] == ["b"]


def test_feedback_and_regenerate(chatbet):
    client, _ = guest_client()
    session_id = client.post("/api/v1/conversations/", {}, format="json").json()["session_id"]
    url = f"/api/v1/conversations/{session_id}/messages/"
    reply = client.post(url, {"content": "What's my balance?", "message_id": "m1"}, format="json").json()
    feedback = client.post(
        f"{url}{reply['message_id']}/feedback", {"rating": "down", "reason": "slow"}, format="json"
    )
    assert feedback.status_code == 200
    assert feedback.json()["rating"] == -1
    regenerated = client.post(f"{url}{reply['message_id']}/regenerate")
    assert regenerated.status_code == 201
    assert regenerated.json()["message_id"] != reply["message_id"]
    assert Message.objects.filter(conversation_id=session_id, role="assistant").count() == 2
    user_message_id = Message.objects.get(conversation_id=session_id, role="user").pk
    assert client.post(f"{url}{user_message_id}/feedback", {"rating": 1}, format="json").status_code == 400


def test_throttle_headers_and_429(monkeypatch):
    from conversations.apis.authentication import IdentityRateThrottle

    monkeypatch.setattr(IdentityRateThrottle, "THROTTLE_RATES", {"api": "3/min", "chat": "2/min"})
    cache.clear()
    client, _ = guest_client()
    responses = [client.get("/api/v1/conversations/") for _ in range(4)]
    assert [r.status_code for r in responses] == [200, 200, 200, 429]
    assert responses[0]["X-RateLimit-Limit"] == "3"
    assert responses[0]["X-RateLimit-Remaining"] == "2"
    assert int(responses[0]["X-RateLimit-Reset"]) > 0
    assert int(responses[3]["Retry-After"]) > 0
    assert responses[3].json()["error"]["code"] == "RATE_LIMITED"


def test_legacy_endpoints_keep_their_shapes_and_check_user_id(chatbet):
    client, user = user_client("ana")
    reply = client.post(
        "/api/v1/chat/message", {"message": "What's my balance?", "user_id": str(user.pk)}, format="json"
    )
    assert reply.status_code == 200
    body = reply.json()
    for key in ("message", "session_id", "message_id", "response_time_ms", "token_count", "detected_intent",
                "intent_confidence", "function_calls_made", "suggested_actions"):  # fmt: skip
        assert key in body
    history = client.get(f"/api/v1/chat/history/{body['session_id']}").json()
    assert [m["role"] for m in history["messages"]] == ["user", "assistant"]
    listing = client.get(f"/api/v1/chat/conversations/user-{user.pk}?limit=5").json()
    assert listing["conversations"][0]["session_id"] == body["session_id"]
    forbidden = client.post(
        "/api/v1/chat/message", {"message": "hi", "user_id": "someone-else"}, format="json"
    )
    assert forbidden.status_code == 403
    assert client.get("/api/v1/chat/conversations/someone-else").status_code == 403
    intents = client.get("/api/v1/chat/intents").json()["intents"]
    assert len(intents) == 14
    deleted = client.delete(f"/api/v1/chat/conversations/{user.pk}?session_id={body['session_id']}").json()
    assert deleted == {"deleted": 1}
    bob, _ = user_client("bob")
    assert bob.get(f"/api/v1/chat/history/{body['session_id']}").status_code == 404


def test_browser_guest_writes_need_the_csrf_token():
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.get("/api/v1/conversations/")  # reads are fine without a token
    session = browser.session
    session["chatbet_guest_id"] = "guest-browser"
    session.save()
    assert browser.get("/api/v1/conversations/").status_code == 200
    refused = browser.post("/api/v1/conversations/", {}, content_type="application/json")
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "FORBIDDEN"
    browser.get("/api/v1/conversations/")
    token = browser.cookies.get("csrftoken")
    if token is None:
        from django.middleware.csrf import _get_new_csrf_string

        token_value = _get_new_csrf_string()
        browser.cookies["csrftoken"] = token_value
    else:
        token_value = token.value
    allowed = browser.post(
        "/api/v1/conversations/", {}, content_type="application/json", HTTP_X_CSRFTOKEN=token_value
    )
    assert allowed.status_code == 201
