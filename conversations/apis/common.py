"""What every API view shares: who is calling, one error envelope, throttles with rate headers.

Identity comes only from authentication: a JWT (users), a guest token (`Authorization: Guest
<token>`, mobile guests) or the browser session (users or session guests). Every 4xx has the body
{"error": {"code", "message", "details"}} with a stable code.
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import DataError, InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext, gettext_lazy
from rest_framework import exceptions, status
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView, exception_handler

from chatbet_site.inputs import DB_INT_MAX
from conversations.apis.authentication import (
    BrowserSessionAuthentication,
    ChatRateThrottle,
    GuestToken,
    GuestTokenAuthentication,
    IdentityRateThrottle,
    identity_of,
)
from conversations.identity import Identity


class HasIdentity(BasePermission):
    message = gettext_lazy("Authenticate with a JWT, a guest token or a browser session.")

    def has_permission(self, request: Request, view: APIView) -> bool:
        # A session guest's writes were CSRF-checked by BrowserSessionAuthentication.
        return identity_of(request) is not None


def require_identity(request: Request) -> Identity:
    identity = identity_of(request)
    if identity is None:
        raise exceptions.NotAuthenticated()
    return identity


# --- errors -----------------------------------------------------------------------------------

ERROR_CODES = {
    exceptions.ParseError: "INVALID_JSON",
    exceptions.ValidationError: "INVALID_INPUT",
    exceptions.AuthenticationFailed: "AUTHENTICATION_FAILED",
    exceptions.NotAuthenticated: "NOT_AUTHENTICATED",
    exceptions.PermissionDenied: "FORBIDDEN",
    exceptions.NotFound: "NOT_FOUND",
    exceptions.MethodNotAllowed: "METHOD_NOT_ALLOWED",
    exceptions.NotAcceptable: "NOT_ACCEPTABLE",
    exceptions.UnsupportedMediaType: "UNSUPPORTED_MEDIA_TYPE",
    exceptions.Throttled: "RATE_LIMITED",
}


class ApiError(exceptions.APIException):
    """A domain error with its own stable code, e.g. TURN_IN_PROGRESS (409)."""

    def __init__(self, code: str, message: str, http_status: int = 400, details: Any = None) -> None:
        super().__init__(detail=message, code=code)
        self.status_code = http_status
        self.error_code = code
        self.details = details


def query_text(request: Request, name: str, *, max_length: int = 200) -> str:
    """A free-text query parameter, trimmed; NUL characters are refused as bad input."""
    value = request.query_params.get(name, "").strip()
    if "\x00" in value:
        raise ApiError(
            "INVALID_INPUT",
            gettext("%(name)s contains a NUL character.") % {"name": name},
            details={"param": name},
        )
    return value[:max_length]


def query_int(
    request: Request, name: str, *, default: int | None, minimum: int = 0, code: str = "INVALID_INPUT"
) -> int | None:
    """An integer query parameter: ASCII digits within [minimum, DB_INT_MAX], else a 400 `code`."""
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    raw = raw.strip()
    digits = raw[1:] if raw.startswith("-") else raw
    if not (digits.isascii() and digits.isdigit()) or len(digits) > 19:
        raise ApiError(
            code, gettext("%(name)s must be a whole number.") % {"name": name}, details={"param": name}
        )
    value = int(raw)
    if not minimum <= value <= DB_INT_MAX:
        raise ApiError(code, gettext("%(name)s is out of range.") % {"name": name}, details={"param": name})
    return value


def paginated(name: str, item: Any) -> Any:
    """The OpenAPI shape of a cursor page of `item` (views paginate by hand with CursorPagination)."""
    from drf_spectacular.utils import inline_serializer
    from rest_framework import serializers

    return inline_serializer(
        name,
        fields={
            "next": serializers.URLField(allow_null=True),
            "previous": serializers.URLField(allow_null=True),
            "results": item(many=True),
        },
    )


def error_body(code: str, message: str, details: Any = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "details": details or {}}}


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, RequestDataTooBig):
        return Response(
            error_body(
                "PAYLOAD_TOO_LARGE",
                gettext("The request body is too large."),
                {"max_bytes": settings.DATA_UPLOAD_MAX_MEMORY_SIZE},
            ),
            status=413,
        )
    if isinstance(exc, OverflowError):
        # A number too large for the database driver (SQLite) is bad input like any other.
        return Response(
            error_body("INVALID_INPUT", gettext("A number in the request is out of range.")), status=400
        )
    if isinstance(exc, DataError):
        # Input the database cannot store or compare (NUL bytes, out-of-range numbers) is bad input.
        return Response(
            error_body("INVALID_INPUT", gettext("A value in the request is not acceptable.")), status=400
        )
    if isinstance(exc, OperationalError | InterfaceError):
        # The database is unreachable (restarting, failing over): a clean, retryable answer.
        unavailable = Response(
            error_body(
                "SERVICE_UNAVAILABLE", gettext("The service is temporarily unavailable; try again shortly.")
            ),
            status=503,
        )
        unavailable["Retry-After"] = "5"
        return unavailable
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, ApiError):
        response.data = error_body(exc.error_code, str(exc.detail), exc.details)
        return response
    code = next((c for cls, c in ERROR_CODES.items() if isinstance(exc, cls)), "ERROR")
    if isinstance(exc, exceptions.AuthenticationFailed) and exc.get_codes() in OWN_AUTH_CODES:
        code = str(exc.get_codes()).upper()
    if isinstance(exc, exceptions.ValidationError):
        response.data = error_body(code, gettext("Some fields are invalid."), exc.detail)
    elif isinstance(exc, exceptions.Throttled):
        response.data = error_body(
            code, gettext("Too many requests."), {"retry_after": getattr(exc, "wait", None)}
        )
    else:
        detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
        response.data = error_body(code, _message(detail))
    return response


# AuthenticationFailed codes of ours that name what happened better than AUTHENTICATION_FAILED.
OWN_AUTH_CODES = ("session_revoked",)


def _message(detail: Any) -> str:
    """A human sentence from an exception's detail. simplejwt's InvalidToken carries a dict
    ({"detail", "code", "messages"}); its repr must never reach a client."""
    if isinstance(detail, dict):
        return _message(detail.get("detail", next(iter(detail.values()), "")))
    if isinstance(detail, list):
        return _message(detail[0]) if detail else ""
    return str(detail)


class RateLimitHeadersMiddleware:
    """Adds X-RateLimit-* to every response a throttle looked at (and Retry-After on 429)."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response: HttpResponse = self.get_response(request)
        state = getattr(request, "_ratelimit", None)
        if state is not None:
            response["X-RateLimit-Limit"] = str(state["limit"])
            response["X-RateLimit-Remaining"] = str(state["remaining"])
            response["X-RateLimit-Reset"] = str(int(time.time()) + state["reset"])
        if response.status_code == status.HTTP_429_TOO_MANY_REQUESTS and "Retry-After" not in response:
            response["Retry-After"] = str(state["reset"] if state else 60)
        return response


__all__ = [
    "ApiError",
    "BrowserSessionAuthentication",
    "ChatRateThrottle",
    "GuestToken",
    "GuestTokenAuthentication",
    "HasIdentity",
    "IdentityRateThrottle",
    "RateLimitHeadersMiddleware",
    "api_exception_handler",
    "error_body",
    "identity_of",
    "paginated",
    "query_int",
    "query_text",
    "require_identity",
]
