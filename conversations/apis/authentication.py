"""Authentication and throttling classes named in REST_FRAMEWORK settings.

Kept apart from the views (no rest_framework.views import here): DRF loads these while it builds
APIView, so importing views from this module would be circular.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest
from django.utils.translation import gettext
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, SessionAuthentication
from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle
from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.tokens import Token

from conversations.identity import (
    SESSION_CLAIM,
    Identity,
    credential_revoked,
    guest_id_for_session,
    guest_id_from_token,
    guest_key,
    jwt_session_key,
)

if TYPE_CHECKING:
    from rest_framework.views import APIView


class GuestToken:
    """`request.auth` for a guest authenticated by token."""

    def __init__(self, guest_id: str) -> None:
        self.guest_id = guest_id


def session_revoked_error() -> exceptions.AuthenticationFailed:
    return exceptions.AuthenticationFailed(
        gettext("This session has been logged out."), code="session_revoked"
    )


def jwt_session_validate(token: Token) -> Token:
    """`token` unless its login session was logged out (tokens issued before sessions existed
    carry no `sid` and simply run out)."""
    sid = token.get(SESSION_CLAIM)
    if isinstance(sid, str) and credential_revoked(key=jwt_session_key(sid)):
        raise session_revoked_error()
    return token


class SessionJWTAuthentication(JWTAuthentication):
    """simplejwt's bearer authentication, refusing tokens of a logged-out session."""

    def get_validated_token(self, raw_token: bytes) -> Token:
        return jwt_session_validate(super().get_validated_token(raw_token))


class GuestTokenAuthentication(BaseAuthentication):
    keyword = "Guest"

    def authenticate(self, request: Request) -> tuple[Any, GuestToken] | None:
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if not header.startswith(f"{self.keyword} "):
            return None
        guest_id = guest_id_from_token(header[len(self.keyword) + 1 :].strip())
        if guest_id is None:
            raise exceptions.AuthenticationFailed(
                "Invalid or expired guest token.", code="invalid_guest_token"
            )
        if credential_revoked(key=guest_key(guest_id)):
            raise session_revoked_error()
        from django.contrib.auth.models import AnonymousUser

        return AnonymousUser(), GuestToken(guest_id)

    def authenticate_header(self, request: Request) -> str:
        return self.keyword


class BrowserSessionAuthentication(SessionAuthentication):
    """Session auth for browser users and session guests, with CSRF on every unsafe request that
    the session cookie identifies.

    DRF checks CSRF only for a logged-in session user, and its views are exempt from Django's CSRF
    middleware; but a session guest is identified by the same cookie (`identity_of`), so a
    cross-site form could otherwise act as that guest (register and take its conversations).
    """

    def authenticate(self, request: Request) -> tuple[Any, None] | None:
        result = super().authenticate(request)  # enforces CSRF for a logged-in user
        if (
            result is None
            and request.method not in SAFE_METHODS
            and not _has_bearer(request)
            and guest_id_for_session(getattr(request, "session", {}), create=False)
        ):
            self.enforce_csrf(request)
        return result


def identity_of(request: Request | HttpRequest, *, create_guest: bool = False) -> Identity | None:
    """The caller's identity, or None when the request carries none."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return Identity(user_id=user.pk)
    auth = getattr(request, "auth", None)
    if isinstance(auth, GuestToken):
        return Identity(user_id=None, guest_id=auth.guest_id)
    session = getattr(request, "session", None)
    if session is not None and not _has_bearer(request):
        guest_id = guest_id_for_session(session, create=create_guest)
        if guest_id:
            return Identity(user_id=None, guest_id=guest_id)
    return None


def _has_bearer(request: Request | HttpRequest) -> bool:
    return bool(request.META.get("HTTP_AUTHORIZATION"))


class IdentityRateThrottle(SimpleRateThrottle):
    """Counts per user, per guest, or per client address; records its state for the rate headers."""

    scope = "api"

    def get_cache_key(self, request: Request, view: APIView) -> str | None:
        identity = identity_of(request)
        if identity is not None and identity.user_id is not None:
            ident = f"user:{identity.user_id}"
        elif identity is not None:
            ident = f"guest:{identity.guest_id}"
        else:
            ident = f"anon:{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}

    def allow_request(self, request: Request, view: APIView) -> bool:
        allowed = super().allow_request(request, view)
        limit: int | None = getattr(self, "num_requests", None)
        duration: int = getattr(self, "duration", 60)
        if self.key is not None and limit:
            remaining = max(0, limit - len(self.history))
            reset = int(self.history[-1] + duration - self.now) if self.history else duration
            state = {"limit": limit, "remaining": remaining, "reset": max(0, reset)}
            previous = getattr(request._request, "_ratelimit", None)
            # With several throttles, report the tightest one.
            if previous is None or state["remaining"] < previous["remaining"]:
                request._request._ratelimit = state  # type: ignore[attr-defined]
        return allowed


class ChatRateThrottle(IdentityRateThrottle):
    """Sending messages runs the assistant: a tighter budget than reads."""

    scope = "chat"
