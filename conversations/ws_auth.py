"""Who is on a WebSocket, and whether their handshake may reach a consumer at all.

Browsers authenticate with their Django session (a logged-in user, or a guest id kept in the
session) and always send an Origin header, which must name an allowed host. Mobile clients send
no Origin; they are let through only when they present a token: a simplejwt access token
(`?token=`, or the subprotocol `bearer.<jwt>`) or a signed guest token (`?guest_token=`). An
invalid token is never silently downgraded to the session: the consumer refuses it (4401).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.middleware import BaseMiddleware
from channels.security.websocket import OriginValidator
from django.conf import settings
from django.http import HttpResponse

from conversations.identity import (
    SESSION_CLAIM,
    Identity,
    browser_session_key,
    credential_revoked,
    guest_id_for_session,
    guest_id_from_token,
    guest_key,
    jwt_session_key,
)

BEARER_SUBPROTOCOL_PREFIX = "bearer."
APP_SUBPROTOCOL = "chatbet"

Scope = dict[str, Any]
Headers = list[tuple[bytes, bytes]]


def token_credentials(scope: Scope) -> tuple[str, str] | None:
    """("jwt" | "guest", token) from the query string or the bearer subprotocol, or None."""
    query = parse_qs(scope.get("query_string", b"").decode("latin1"))
    if query.get("token", [""])[0]:
        return "jwt", query["token"][0]
    for protocol in scope.get("subprotocols") or []:
        if protocol.startswith(BEARER_SUBPROTOCOL_PREFIX) and len(protocol) > len(BEARER_SUBPROTOCOL_PREFIX):
            return "jwt", protocol[len(BEARER_SUBPROTOCOL_PREFIX) :]
    if query.get("guest_token", [""])[0]:
        return "guest", query["guest_token"][0]
    return None


def accept_subprotocol(scope: Scope) -> str | None:
    """The subprotocol to echo: ours when offered. A bearer token is never echoed back."""
    return APP_SUBPROTOCOL if APP_SUBPROTOCOL in (scope.get("subprotocols") or []) else None


@database_sync_to_async
def _user_from_jwt(raw: str) -> tuple[Any, str | None]:
    """The user of an access token of a live session (None when invalid or logged out), and the
    credential key that closes this socket when the session is logged out."""
    from rest_framework.exceptions import AuthenticationFailed
    from rest_framework_simplejwt.exceptions import InvalidToken, TokenError

    from conversations.apis.authentication import SessionJWTAuthentication

    auth = SessionJWTAuthentication()
    try:
        token = auth.get_validated_token(raw.encode())
        user = auth.get_user(token)
    except (InvalidToken, TokenError, AuthenticationFailed):
        return None, None
    sid = token.get(SESSION_CLAIM)
    return (user if user.is_active else None), (jwt_session_key(sid) if isinstance(sid, str) else None)


@database_sync_to_async
def _guest_revoked(guest_id: str) -> bool:
    return credential_revoked(key=guest_key(guest_id))


def scope_credential(scope: Scope) -> str | None:
    """The key of the credential a handshake authenticated with (revoking it closes the socket):
    its JWT session, its guest token's identity, or its browser session."""
    if scope.get("credential"):
        return str(scope["credential"])
    session = scope.get("session")
    session_key = getattr(session, "session_key", None) if session is not None else None
    return browser_session_key(session_key) if session_key else None


class TokenAuthMiddleware(BaseMiddleware):
    """Resolve a token into `scope["identity"]` (and `scope["user"]` for a JWT). Sits inside
    AuthMiddlewareStack so that a token, when present, takes precedence over the session."""

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> Any:
        scope = dict(scope)
        credentials = token_credentials(scope) if scope.get("type") == "websocket" else None
        if credentials is not None:
            kind, token = credentials
            scope["auth"] = "invalid"
            if kind == "jwt":
                user, credential = await _user_from_jwt(token)
                if user is not None:
                    scope["user"] = user
                    scope["identity"] = Identity(user_id=user.pk)
                    scope["auth"] = "jwt"
                    scope["credential"] = credential
            else:
                guest_id = guest_id_from_token(token)
                if guest_id and not await _guest_revoked(guest_id):
                    scope["identity"] = Identity(user_id=None, guest_id=guest_id)
                    scope["auth"] = "guest_token"
                    scope["credential"] = guest_key(guest_id)
        return await super().__call__(scope, receive, send)


class ChatOriginValidator(OriginValidator):
    """Channels' origin check, except that a handshake with no Origin header at all (a native
    client; browsers always send one) is passed on when it carries a token. A browser page on a
    foreign origin is refused whatever it sends."""

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> Any:
        if scope.get("type") == "websocket":
            has_origin = any(name == b"origin" for name, _ in scope.get("headers", []))
            if not has_origin and token_credentials(scope) is not None:
                return await self.application(scope, receive, send)
        return await super().__call__(scope, receive, send)


def chat_origin_validator(application: Any) -> ChatOriginValidator:
    """Like channels' AllowedHostsOriginValidator, with the token exception above."""
    allowed = list(settings.ALLOWED_HOSTS)
    if settings.DEBUG and not allowed:
        allowed = ["localhost", "127.0.0.1", "[::1]"]
    return ChatOriginValidator(application, allowed)


def _session_cookie(session_key: str) -> bytes:
    response = HttpResponse()
    response.set_cookie(
        settings.SESSION_COOKIE_NAME,
        session_key,
        max_age=settings.SESSION_COOKIE_AGE,
        domain=settings.SESSION_COOKIE_DOMAIN,
        path=settings.SESSION_COOKIE_PATH,
        secure=bool(settings.SESSION_COOKIE_SECURE),
        httponly=bool(settings.SESSION_COOKIE_HTTPONLY),
        samesite=settings.SESSION_COOKIE_SAMESITE,
    )
    return response.cookies[settings.SESSION_COOKIE_NAME].OutputString().encode("latin1")


def _browser_guest(session: Any) -> tuple[str, str | None]:
    """The session's guest id, created (and the session saved) on first use; plus the new
    session key when the browser had no session yet and must be sent a cookie."""
    had_key = bool(session.session_key)
    guest_id = guest_id_for_session(session)
    if session.modified:
        session.save()
    return guest_id, None if had_key else session.session_key


async def identity_for_scope(scope: Scope) -> tuple[Identity | None, Headers]:
    """The identity behind a handshake, and headers for the accept (a Set-Cookie for a browser
    guest seen for the first time). None means unauthenticated: refuse with 4401."""
    if scope.get("auth") == "invalid":
        return None, []
    identity = scope.get("identity")
    if isinstance(identity, Identity):
        return identity, []
    user = scope.get("user")
    if user is not None and user.is_authenticated:
        return Identity(user_id=user.pk), []
    session = scope.get("session")
    if session is None:
        return None, []
    guest_id, new_key = await database_sync_to_async(_browser_guest)(session)
    headers: Headers = [(b"set-cookie", _session_cookie(new_key))] if new_key else []
    return Identity(user_id=None, guest_id=guest_id), headers
