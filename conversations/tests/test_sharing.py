"""Export (Markdown, JSON) and share links: owners only, revocable, nothing beyond the shared messages."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from conversations.models import Conversation, Message
from sportsdata.models import Fixture

pytestmark = pytest.mark.django_db(transaction=True)

ODDS_QUESTION = "What are the odds for Barcelona vs Real Madrid?"


def user_client(username: str) -> tuple[APIClient, Any]:
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.com", password="a-long-pass-123"
    )
    client = APIClient()
    token = client.post(
        "/api/v1/auth/token", {"username": username, "password": "a-long-pass-123"}, format="json"
    )
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token.json()['access']}")
    return client, user


def conversation_with_odds_answer(client: APIClient) -> str:
    session_id = client.post("/api/v1/conversations/", {"title": "Clásico"}, format="json").json()[
        "session_id"
    ]
    sent = client.post(
        f"/api/v1/conversations/{session_id}/messages/",
        {"content": ODDS_QUESTION, "message_id": "m-1"},
        format="json",
    )
    assert sent.status_code == 201
    return str(session_id)


def test_export_markdown_and_json_carry_the_messages_and_the_odds_time(sports: dict[str, Fixture]) -> None:
    ana, _ = user_client("ana")
    session_id = conversation_with_odds_answer(ana)
    odds_time = sports["clasico"].odds.first().fetched_at  # type: ignore[union-attr]

    exported = ana.get(f"/api/v1/conversations/{session_id}/export/json")
    assert exported.status_code == 200
    assert exported["Content-Disposition"] == f'attachment; filename="chatbet-{session_id}.json"'
    document = json.loads(exported.content)
    assert document["title"] == "Clásico"
    assert [m["role"] for m in document["messages"]] == ["user", "assistant"]
    assert document["messages"][0]["content"] == ODDS_QUESTION
    reply = document["messages"][1]
    assert "3.40" in reply["content"]
    assert reply["odds_as_of"] == [odds_time.isoformat()]

    markdown = ana.get(f"/api/v1/conversations/{session_id}/export/markdown")
    assert markdown.status_code == 200
    assert markdown["Content-Type"] == "text/markdown; charset=utf-8"
    text = markdown.content.decode()
    assert text.startswith("# Clásico\n")
    assert "## You · " in text
    assert ODDS_QUESTION in text
    assert "| Barcelona | 2.10 |" in text
    assert f"_Odds as of {odds_time.strftime('%Y-%m-%d %H:%M')} UTC._" in text

    assert ana.get(f"/api/v1/conversations/{session_id}/export/pdf").status_code == 404


def test_only_the_owner_exports_shares_or_revokes(sports: dict[str, Fixture]) -> None:
    ana, _ = user_client("ana")
    bob, _ = user_client("bob")
    session_id = conversation_with_odds_answer(ana)
    base = f"/api/v1/conversations/{session_id}"
    share = ana.post(f"{base}/shares")
    assert share.status_code == 201
    token = share.json()["token"]
    for response in (
        bob.get(f"{base}/export/markdown"),
        bob.get(f"{base}/export/json"),
        bob.get(f"{base}/shares"),
        bob.post(f"{base}/shares"),
        bob.delete(f"{base}/shares/{token}"),
    ):
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "CONVERSATION_NOT_FOUND"
    assert APIClient().get(f"{base}/export/json").status_code in (401, 403)
    assert APIClient().get(f"/api/v1/shares/{token}").status_code == 200  # the link itself is public


def test_a_share_shows_only_its_conversation_up_to_when_it_was_shared_and_nothing_of_the_owner(
    sports: dict[str, Fixture],
) -> None:
    ana, user = user_client("ana")
    session_id = conversation_with_odds_answer(ana)
    other = Conversation.objects.create(user=user, title="Private plans")
    Message.objects.create(
        conversation=other, role="user", content="my secret question", client_message_id="s"
    )
    created = ana.post(f"/api/v1/conversations/{session_id}/shares").json()
    token = created["token"]
    assert len(token) >= 32
    assert created["url"].endswith(f"/s/{token}/")
    ana.post(
        f"/api/v1/conversations/{session_id}/messages/",
        {"content": "And after the share?", "message_id": "m-2"},
        format="json",
    )

    public = APIClient()
    shared = public.get(f"/api/v1/shares/{token}")
    assert shared.status_code == 200
    document = shared.json()
    assert next(m["content"] for m in document["messages"]) == ODDS_QUESTION
    assert len(document["messages"]) == 2  # the later question stays private
    assert document["messages"][1]["odds_as_of"]
    assert set(document) == {"title", "language", "created_at", "exported_at", "messages"}
    assert {key for m in document["messages"] for key in m} == {
        "id", "role", "content", "status", "created_at", "odds_as_of"
    }  # fmt: skip
    raw = shared.content.decode()
    for private in ("And after the share?", "my secret question", "Private plans", "ana@example.com"):
        assert private not in raw

    page = public.get(f"/s/{token}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert ODDS_QUESTION in html
    assert "Odds as of" in html
    for private in ("And after the share?", "my secret question", "Private plans", "ana@example.com"):
        assert private not in html
    assert page["Referrer-Policy"] == "no-referrer"


def test_revoked_and_unknown_links_are_gone(sports: dict[str, Fixture]) -> None:
    ana, _ = user_client("ana")
    session_id = conversation_with_odds_answer(ana)
    base = f"/api/v1/conversations/{session_id}"
    first = ana.post(f"{base}/shares").json()["token"]
    second = ana.post(f"{base}/shares").json()["token"]
    assert first != second
    assert [s["token"] for s in ana.get(f"{base}/shares").json()] == [second, first]

    assert ana.delete(f"{base}/shares/{first}").status_code == 204
    public = APIClient()
    assert public.get(f"/api/v1/shares/{first}").status_code == 404
    assert public.get(f"/api/v1/shares/{first}").json()["error"]["code"] == "SHARE_NOT_FOUND"
    assert public.get(f"/s/{first}/").status_code == 404
    assert public.get(f"/s/{second}/").status_code == 200  # the other link still works
    assert [s["token"] for s in ana.get(f"{base}/shares").json()] == [second]
    assert ana.delete(f"{base}/shares/{first}").status_code == 404
    assert public.get("/api/v1/shares/not-a-real-token").status_code == 404
    assert public.get("/s/not-a-real-token/").status_code == 404


def test_an_empty_conversation_has_nothing_to_share() -> None:
    ana, _ = user_client("ana")
    session_id = ana.post("/api/v1/conversations/", {}, format="json").json()["session_id"]
    refused = ana.post(f"/api/v1/conversations/{session_id}/shares")
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "NOTHING_TO_SHARE"
