"""Logout revokes: every token of the logged-out session (or guest identity) stops working, its
open WebSockets are closed with 4401, guest tokens expire, and a refused token gets a clean error."""

from __future__ import annotations

import time
from typing import Any

import pytest
from asgiref.sync import sync_to_async
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from conversations.identity import CLOSE_REVOKED, guest_token_issue
from conversations.tests.test_consumers import ORIGIN, TIMEOUT, open_chat

PASSWORD = "correct-horse-battery-9"


def _login(username: str = "ana") -> dict[str, str]:
    response = APIClient().post(
        "/api/v1/auth/token", {"username": username, "password": PASSWORD}, format="json"
    )
    assert response.status_code == 200
    return response.json()


def _me(access: str) -> Any:
    return APIClient().get("/api/v1/auth/me", HTTP_AUTHORIZATION=f"Bearer {access}")


def _assert_clean_error(response: Any, status: int, code: str) -> None:
    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] == code
    assert isinstance(error["message"], str)
    assert "{" not in error["message"]  # never a Python repr of a dict
    assert "'" not in error["message"]


@pytest.mark.django_db
def test_logout_revokes_every_token_of_the_session_and_only_that_session():
    get_user_model().objects.create_user("ana", password=PASSWORD)
    first = _login()
    other = _login()
    rotated = (
        APIClient().post("/api/v1/auth/token/refresh", {"refresh": first["refresh"]}, format="json").json()
    )
    assert _me(first["access"]).status_code == 200
    assert _me(rotated["access"]).status_code == 200

    logout = APIClient().post("/api/v1/auth/logout", {"refresh": rotated["refresh"]}, format="json")
    assert logout.status_code == 204

    _assert_clean_error(_me(first["access"]), 401, "SESSION_REVOKED")
    _assert_clean_error(_me(rotated["access"]), 401, "SESSION_REVOKED")
    refresh = APIClient().post("/api/v1/auth/token/refresh", {"refresh": rotated["refresh"]}, format="json")
    _assert_clean_error(refresh, 401, "SESSION_REVOKED")
    assert _me(other["access"]).status_code == 200  # another login of the same user is untouched


@pytest.mark.django_db
def test_logout_with_only_the_access_token_ends_the_session():
    get_user_model().objects.create_user("ana", password=PASSWORD)
    tokens = _login()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens['access']}")
    assert client.post("/api/v1/auth/logout", {}, format="json").status_code == 204
    _assert_clean_error(_me(tokens["access"]), 401, "SESSION_REVOKED")
    refresh = APIClient().post("/api/v1/auth/token/refresh", {"refresh": tokens["refresh"]}, format="json")
    _assert_clean_error(refresh, 401, "SESSION_REVOKED")


@pytest.mark.django_db
def test_a_blacklisted_or_garbled_token_answers_a_clean_error():
    get_user_model().objects.create_user("ana", password=PASSWORD)
    tokens = _login()
    client = APIClient()
    assert (
        client.post("/api/v1/auth/token/refresh", {"refresh": tokens["refresh"]}, format="json").status_code
        == 200
    )
    reused = client.post("/api/v1/auth/token/refresh", {"refresh": tokens["refresh"]}, format="json")
    _assert_clean_error(reused, 401, "AUTHENTICATION_FAILED")
    _assert_clean_error(_me("not-a-token"), 401, "AUTHENTICATION_FAILED")


@pytest.mark.django_db
def test_a_guest_token_can_be_revoked():
    _, token = guest_token_issue()
    guest = APIClient()
    guest.credentials(HTTP_AUTHORIZATION=f"Guest {token}")
    assert guest.get("/api/v1/conversations/").status_code == 200
    assert guest.post("/api/v1/auth/logout", {}, format="json").status_code == 204
    _assert_clean_error(guest.get("/api/v1/conversations/"), 401, "SESSION_REVOKED")


@pytest.mark.django_db
def test_a_guest_token_expires(settings, monkeypatch):
    settings.GUEST_TOKEN_MAX_AGE = 3600
    issued_at = time.time() - 3601
    monkeypatch.setattr(time, "time", lambda: issued_at)
    _, token = guest_token_issue()
    monkeypatch.undo()
    guest = APIClient()
    guest.credentials(HTTP_AUTHORIZATION=f"Guest {token}")
    _assert_clean_error(guest.get("/api/v1/conversations/"), 401, "AUTHENTICATION_FAILED")


async def _closed_code(communicator: Any) -> int:
    """The close code of a socket the server closes (skipping frames sent before it)."""
    while True:
        output = await communicator.receive_output(timeout=TIMEOUT)
        if output["type"] == "websocket.close":
            return int(output["code"])


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_logout_closes_the_sessions_websockets_with_4401():
    await sync_to_async(get_user_model().objects.create_user)("ana", password=PASSWORD)
    tokens = await sync_to_async(_login)()
    other = await sync_to_async(_login)()
    mine, _ = await open_chat(f"/ws/chat/?token={tokens['access']}", headers=[])
    theirs, _ = await open_chat(f"/ws/chat/?token={other['access']}", headers=[])

    logout = await sync_to_async(APIClient().post)(
        "/api/v1/auth/logout", {"refresh": tokens["refresh"]}, format="json"
    )
    assert logout.status_code == 204
    assert await _closed_code(mine) == CLOSE_REVOKED

    await theirs.send_json_to({"type": "ping", "message_id": "still-there"})
    assert (await theirs.receive_json_from(timeout=TIMEOUT))["type"] == "pong"
    await theirs.disconnect()
    # A new socket with the revoked access token is refused at the handshake.
    from conversations.tests.test_consumers import connect

    _, connected, code = await connect(f"/ws/chat/?token={tokens['access']}", headers=[])
    assert not connected
    assert code == 4401


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_revoking_a_guest_token_closes_its_websockets():
    _, token = guest_token_issue()
    socket, _ = await open_chat(f"/ws/chat/?guest_token={token}", headers=[])
    guest = APIClient()
    guest.credentials(HTTP_AUTHORIZATION=f"Guest {token}")
    assert (await sync_to_async(guest.post)("/api/v1/auth/logout", {}, format="json")).status_code == 204
    assert await _closed_code(socket) == CLOSE_REVOKED


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_logging_out_of_the_browser_closes_that_sessions_websockets():
    from django.test import Client

    user = await sync_to_async(get_user_model().objects.create_user)("ana", password=PASSWORD)
    browser = Client()
    await sync_to_async(browser.force_login)(user)
    cookie = (b"cookie", f"sessionid={browser.cookies['sessionid'].value}".encode())
    socket, _ = await open_chat("/ws/chat/", headers=[ORIGIN, cookie])
    assert (await sync_to_async(browser.post)("/accounts/logout/")).status_code == 302
    assert await _closed_code(socket) == CLOSE_REVOKED
