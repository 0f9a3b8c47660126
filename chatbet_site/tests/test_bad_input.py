"""Bad input is answered with a stable error code on every transport, never a 500 or a dropped
socket: deeply nested JSON, NUL characters, lone surrogates, numbers out of range, huge bodies,
oversized metadata."""

from __future__ import annotations

import json
from typing import Any

import pytest
from rest_framework.test import APIClient

from conversations.identity import guest_token_issue
from conversations.tests.test_consumers import TIMEOUT, open_chat

DEEP = "[" * 1000 + "]" * 1000
DEEP_OBJECT = '{"a":' * 1000 + "1" + "}" * 1000


def _guest(guest_id: str | None = None) -> APIClient:
    client = APIClient()
    _, token = guest_token_issue(guest_id=guest_id)
    client.credentials(HTTP_AUTHORIZATION=f"Guest {token}")
    return client


def _code(response: Any) -> str:
    assert response["Content-Type"].startswith("application/json")
    return str(response.json()["error"]["code"])


def _conversation(client: APIClient) -> str:
    return str(client.post("/api/v1/conversations/", {}, format="json").json()["session_id"])


@pytest.mark.django_db
@pytest.mark.parametrize("body", [DEEP, DEEP_OBJECT])
def test_deeply_nested_json_is_a_400_on_every_json_endpoint(body):
    client = _guest()
    conversation = _conversation(client)
    for path in (
        "/api/v1/auth/token",
        "/api/v1/auth/register",
        f"/api/v1/conversations/{conversation}/messages/",
        "/api/v1/chat/message",
        "/api/v1/betting/bets/simulate",
    ):
        response = client.post(path, body, content_type="application/json")
        assert response.status_code == 400, path
        assert _code(response) == "INVALID_JSON", path


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ('{"content": "hi\\u0000there", "message_id": "m1"}', "NUL"),
        ('{"content": "hi \\ud800", "message_id": "m1"}', "surrogate"),
        ('{"content": "hi", "message_id": "m1", "metadata": {"\\u0000": 1}}', "NUL"),
    ],
)
def test_text_the_database_cannot_store_is_a_400(raw, reason):
    client = _guest()
    conversation = _conversation(client)
    response = client.post(
        f"/api/v1/conversations/{conversation}/messages/", raw, content_type="application/json"
    )
    assert response.status_code == 400
    assert _code(response) == "INVALID_JSON"
    assert reason in response.json()["error"]["message"]


@pytest.mark.django_db
def test_out_of_range_integers_in_query_parameters_are_a_400():
    client = _guest("guest-numbers")
    conversation = _conversation(client)
    huge = "99999999999999999999999"
    cases = {
        f"/api/v1/fixtures/?tournament={huge}": "INVALID_INPUT",
        f"/api/v1/tournaments/?sport={huge}": "INVALID_INPUT",
        f"/api/v1/conversations/{conversation}/messages/?before={huge}": "INVALID_CURSOR",
        f"/api/v1/conversations/{conversation}/messages/?around=\u0663": "INVALID_CURSOR",
        f"/api/v1/conversations/{conversation}/messages/?limit={huge}": "INVALID_INPUT",
        f"/api/v1/chat/conversations/guest-numbers?limit={huge}": "INVALID_INPUT",
    }
    for path, code in cases.items():
        response = client.get(path)
        assert response.status_code == 400, path
        assert _code(response) == code, path


@pytest.mark.django_db
def test_a_30_mb_body_is_a_json_413(client):
    body = b'{"content": "' + b"x" * (30 * 1024 * 1024) + b'"}'
    for path in ("/api/v1/auth/token", "/api/v1/conversations/", "/accounts/login/"):
        response = client.post(path, body, content_type="application/json")
        assert response.status_code == 413, path
        assert _code(response) == "PAYLOAD_TOO_LARGE"


@pytest.mark.django_db
def test_request_metadata_is_limited_to_2_kb_on_rest_as_on_websocket():
    client = _guest()
    conversation = _conversation(client)
    path = f"/api/v1/conversations/{conversation}/messages/"
    too_big = {"content": "hi", "message_id": "m1", "metadata": {"note": "x" * 2100}}
    response = client.post(path, too_big, format="json")
    assert response.status_code == 400
    assert _code(response) == "INVALID_INPUT"
    assert "metadata" in response.json()["error"]["details"]
    small = {"content": "hi", "message_id": "m2", "metadata": {"note": "x" * 100}}
    assert client.post(path, small, format="json").status_code == 201


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_bad_websocket_frames_get_an_error_code_and_keep_the_socket():
    _, token = guest_token_issue()
    socket, _ = await open_chat(f"/ws/chat/?guest_token={token}", headers=[])
    frames = {
        DEEP: "INVALID_JSON",
        json.dumps({"type": "ping", "nested": json.loads("[" * 40 + "]" * 40)}): "INVALID_JSON",
        '{"type": "user_message", "message_id": "m1", "content": "a\\u0000b"}': "INVALID_JSON",
        '{"type": "user_message", "message_id": "m1", "content": "a \\udc00"}': "INVALID_JSON",
        '{"type": "resume", "message_id": "m1", "last_seq": "\u00b2"}': "INVALID_MESSAGE",
        '{"type": "resume", "message_id": "m1", "last_seq": "\u0663"}': "INVALID_MESSAGE",
        '{"type": "resume", "message_id": "m1", "last_seq": 99999999999999999999999}': "INVALID_MESSAGE",
        json.dumps(
            {"type": "user_message", "message_id": "m1", "content": "hi", "metadata": {"n": "x" * 2100}}
        ): "INVALID_MESSAGE",
    }
    for text, code in frames.items():
        await socket.send_to(text_data=text)
        answer = await socket.receive_json_from(timeout=TIMEOUT)
        assert answer["type"] == "error", text[:60]
        assert answer["error_code"] == code, text[:60]
    await socket.send_json_to({"type": "ping", "message_id": "still-open"})
    assert (await socket.receive_json_from(timeout=TIMEOUT))["type"] == "pong"
    await socket.disconnect()
