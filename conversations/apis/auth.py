"""Accounts for mobile clients: register, JWT obtain/refresh/logout, me, and guest tokens.

Registering while a guest (guest token or browser session) moves that guest's conversations to
the new account, so nothing said before signing up is lost. Every login starts a session (the
`sid` claim of all its tokens, kept through refresh rotations); logout revokes the whole session
or guest identity (conversations.identity).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.db import transaction
from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import exceptions, serializers, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.exceptions import TokenBackendError, TokenError
from rest_framework_simplejwt.serializers import TokenObtainPairSerializer, TokenRefreshSerializer
from rest_framework_simplejwt.settings import api_settings as jwt_settings
from rest_framework_simplejwt.state import token_backend
from rest_framework_simplejwt.tokens import RefreshToken, Token
from rest_framework_simplejwt.views import TokenObtainPairView, TokenRefreshView

from betting.selectors import gambling_status
from betting.services import profile_adopt_guest
from conversations.apis.authentication import GuestToken, session_revoked_error
from conversations.apis.common import ApiError, IdentityRateThrottle, identity_of
from conversations.identity import (
    SESSION_CLAIM,
    credential_revoke,
    credential_revoked,
    guest_key,
    guest_token_issue,
    jwt_session_key,
    session_id_new,
)
from conversations.services import guest_conversations_adopt

User = get_user_model()


def session_tokens_issue(user: Any) -> RefreshToken:
    """A refresh token (and through it access tokens) for a new login session of `user`."""
    refresh = RefreshToken.for_user(user)
    refresh[SESSION_CLAIM] = session_id_new()
    return refresh


def refresh_payload(raw: str) -> dict[str, Any] | None:
    """The claims of a refresh token with a valid signature and expiry, blacklisted or not."""
    try:
        payload: dict[str, Any] = token_backend.decode(raw, verify=True)  # type: ignore[arg-type]
    except TokenBackendError:
        return None
    return payload if payload.get(jwt_settings.TOKEN_TYPE_CLAIM) == "refresh" else None


def jwt_session_revoke(sid: str) -> None:
    # No token of the session outlives the longest refresh lifetime from now.
    credential_revoke(key=jwt_session_key(sid), lifetime=jwt_settings.REFRESH_TOKEN_LIFETIME)


class RegisterSerializer(serializers.Serializer):
    username = serializers.RegexField(r"^[\w.@+-]{3,150}$")
    password = serializers.CharField(write_only=True, min_length=8, max_length=128)
    email = serializers.EmailField(required=False, allow_blank=True)

    def validate_username(self, value: str) -> str:
        if User.objects.filter(username__iexact=value).exists():
            raise serializers.ValidationError("That username is taken.")
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        password_validation.validate_password(attrs["password"], User(username=attrs["username"]))
        return attrs


TokenPairSerializer = inline_serializer(
    "TokenPair", fields={"access": serializers.CharField(), "refresh": serializers.CharField()}
)


class UserSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField()
    email = serializers.EmailField(allow_blank=True)
    date_joined = serializers.DateTimeField()


class RegisterApi(APIView):
    permission_classes = [AllowAny]
    throttle_classes = [IdentityRateThrottle]

    @extend_schema(
        request=RegisterSerializer,
        responses={
            201: inline_serializer(
                "Registered",
                fields={
                    "user": UserSerializer(),
                    "access": serializers.CharField(),
                    "refresh": serializers.CharField(),
                },
            )
        },
    )
    def post(self, request: Request) -> Response:
        guest = identity_of(request)
        data = RegisterSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        with transaction.atomic():
            user = User.objects.create_user(
                username=data.validated_data["username"],
                password=data.validated_data["password"],
                email=data.validated_data.get("email", ""),
            )
            if guest is not None and guest.user_id is None:
                guest_conversations_adopt(guest_id=guest.guest_id, user=user)
                profile_adopt_guest(guest_id=guest.guest_id, user_id=user.pk)
        refresh = session_tokens_issue(user)
        return Response(
            {"user": UserSerializer(user).data, "access": str(refresh.access_token), "refresh": str(refresh)},
            status=status.HTTP_201_CREATED,
        )


class SessionTokenObtainSerializer(TokenObtainPairSerializer):
    @classmethod
    def get_token(cls, user: Any) -> Token:
        return session_tokens_issue(user)


class SessionTokenRefreshSerializer(TokenRefreshSerializer):
    def validate(self, attrs: dict[str, Any]) -> dict[str, str]:
        payload = refresh_payload(attrs["refresh"])
        sid = payload.get(SESSION_CLAIM) if payload else None
        if isinstance(sid, str) and credential_revoked(key=jwt_session_key(sid)):
            raise session_revoked_error()
        return super().validate(attrs)  # simplejwt's checks: blacklist, expiry, user


class TokenObtainApi(TokenObtainPairView):
    """simplejwt's token pair, starting a session; an address locked out by django-axes (too many
    wrong passwords) is told so with a 429 instead of a misleading "wrong credentials"."""

    serializer_class = SessionTokenObtainSerializer
    throttle_classes = [IdentityRateThrottle]

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        try:
            return super().post(request, *args, **kwargs)
        except exceptions.AuthenticationFailed:
            if getattr(request, "axes_locked_out", False):
                raise ApiError(
                    "LOGIN_LOCKED",
                    gettext("Too many failed logins from this address; try again later."),
                    status.HTTP_429_TOO_MANY_REQUESTS,
                ) from None
            raise


class TokenRefreshApi(TokenRefreshView):
    """simplejwt's rotating refresh, refused for a logged-out session."""

    serializer_class = SessionTokenRefreshSerializer


class LogoutApi(APIView):
    """Ends the caller's session: the one a refresh token (in the body) or the bearer access token
    belongs to, or the guest identity of a guest token. Its tokens stop working at once and its
    open WebSockets are closed (4401)."""

    permission_classes = [AllowAny]

    @extend_schema(
        request=inline_serializer("Logout", fields={"refresh": serializers.CharField(required=False)}),
        responses={204: None},
    )
    def post(self, request: Request) -> Response:
        raw = request.data.get("refresh") if isinstance(request.data, dict) else None
        if isinstance(raw, str) and raw:
            self._logout_refresh(raw)
        elif isinstance(request.auth, GuestToken):
            credential_revoke(
                key=guest_key(request.auth.guest_id), lifetime=timedelta(seconds=settings.GUEST_TOKEN_MAX_AGE)
            )
        elif isinstance(request.auth, Token) and isinstance(request.auth.get(SESSION_CLAIM), str):
            jwt_session_revoke(request.auth[SESSION_CLAIM])
        else:
            raise ApiError(
                "INVALID_INPUT",
                gettext("refresh is required."),
                details={"refresh": [gettext("This field is required.")]},
            )
        return Response(status=status.HTTP_204_NO_CONTENT)

    @staticmethod
    def _logout_refresh(raw: str) -> None:
        invalid = ApiError("INVALID_TOKEN", gettext("That refresh token is invalid or already used."), 401)
        # An already rotated (blacklisted) refresh token of a session still names the session.
        payload = refresh_payload(raw)
        if payload is None:
            raise invalid
        sid = payload.get(SESSION_CLAIM)
        if isinstance(sid, str):
            jwt_session_revoke(sid)
        try:
            RefreshToken(raw).blacklist()  # type: ignore[arg-type]
        except TokenError:
            if not isinstance(sid, str):
                raise invalid from None


class MeApi(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        responses=inline_serializer(
            "Me",
            fields={
                "user": UserSerializer(),
                "self_excluded_until": serializers.DateTimeField(allow_null=True),
                "cooling_off_until": serializers.DateTimeField(allow_null=True),
                "age_confirmed": serializers.BooleanField(),
            },
        )
    )
    def get(self, request: Request) -> Response:
        from django.utils import timezone

        identity = identity_of(request)
        assert identity is not None
        rg = gambling_status(owner=identity.owner, now=timezone.now())
        return Response(
            {
                "user": UserSerializer(request.user).data,
                "self_excluded_until": rg.self_excluded_until,
                "cooling_off_until": rg.cooling_off_until,
                "age_confirmed": rg.age_confirmed,
            }
        )


class GuestTokenApi(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []
    throttle_classes = [IdentityRateThrottle]

    @extend_schema(
        request=None,
        responses={
            201: inline_serializer(
                "GuestToken",
                fields={"guest_id": serializers.CharField(), "guest_token": serializers.CharField()},
            )
        },
        description="A guest identity for mobile clients: send `Authorization: Guest <guest_token>`.",
    )
    def post(self, request: Request) -> Response:
        guest_id, token = guest_token_issue()
        return Response({"guest_id": guest_id, "guest_token": token}, status=status.HTTP_201_CREATED)
