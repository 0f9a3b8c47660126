"""OpenAPI descriptions of our authentication schemes (imported once from the app config)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.contrib.rest_framework_simplejwt import SimpleJWTScheme
from drf_spectacular.extensions import OpenApiAuthenticationExtension


class SessionJWTScheme(SimpleJWTScheme):
    """Our bearer JWT (simplejwt's, refusing logged-out sessions) documented as simplejwt's."""

    target_class = "conversations.apis.authentication.SessionJWTAuthentication"


class GuestTokenScheme(OpenApiAuthenticationExtension):
    target_class = "conversations.apis.authentication.GuestTokenAuthentication"
    name = "guestToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "`Guest <guest_token>` from POST /api/v1/auth/guest",
        }


class BrowserSessionScheme(OpenApiAuthenticationExtension):
    target_class = "conversations.apis.authentication.BrowserSessionAuthentication"
    name = "browserSession"

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        return {"type": "apiKey", "in": "cookie", "name": "sessionid"}


ERROR_ENVELOPE: dict[str, Any] = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message", "details"],
            "properties": {
                "code": {
                    "type": "string",
                    "description": "Stable machine-readable code, e.g. TURN_IN_PROGRESS",
                },
                "message": {"type": "string"},
                "details": {"description": "Field errors or context; may be empty"},
            },
        }
    },
}
# An error answered to `Accept: text/event-stream`: one `event: error` whose data is the envelope.
SSE_EVENT: dict[str, Any] = {
    "type": "object",
    "properties": {
        "event": {"type": "string"},
        "id": {"type": "string"},
        "data": {"type": "string", "description": "The JSON error envelope"},
    },
}
ERROR_STATUSES = {
    "400": "Invalid input (INVALID_INPUT, INVALID_JSON, ...)",
    "401": "No or invalid credentials (NOT_AUTHENTICATED, AUTHENTICATION_FAILED)",
    "403": "Not allowed (FORBIDDEN, SELF_EXCLUDED, ...)",
    "404": "Not found, or not yours",
    "405": "Method not allowed",
    "406": "Not acceptable",
    "409": "Conflict (TURN_IN_PROGRESS, ODDS_MOVED, ...)",
    "415": "Unsupported media type",
    "429": "Rate limited (RATE_LIMITED); see Retry-After and X-RateLimit-*",
    "503": "An upstream service is unavailable",
}


def add_error_responses(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    """Document the error envelope on every API operation, for every error status it can return."""
    components = result.setdefault("components", {}).setdefault("schemas", {})
    components["ErrorEnvelope"] = ERROR_ENVELOPE
    ref = {"$ref": "#/components/schemas/ErrorEnvelope"}
    for path, operations in result.get("paths", {}).items():
        if not path.startswith("/api/v1/"):
            continue
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            # Errors come in every media type the operation can answer with (JSON, or an SSE event).
            media = {"application/json"}
            for response in responses.values():
                media.update(response.get("content", {}))
            content = {media_type: {"schema": ref} for media_type in sorted(media)}
            if "text/event-stream" in content:
                content["text/event-stream"] = {"schema": SSE_EVENT}
            for code, description in ERROR_STATUSES.items():
                responses.setdefault(code, {"description": description, "content": content})
            for response in responses.values():
                if "text/event-stream" in response.get("content", {}):
                    # A stream of events (streaming_start, tool_activity, streaming_response,
                    # streaming_end, error), each `data` a JSON object: see docs/websocket.md.
                    response["content"]["text/event-stream"] = {"schema": SSE_EVENT}
    return result
