"""Limits on untrusted input shared by every transport (REST, SSE, WebSocket).

JSON from a client is parsed once here: nesting deeper than MAX_JSON_DEPTH (Python's parser would
otherwise raise RecursionError at about 1,000 levels), NUL characters and lone surrogates (which
PostgreSQL cannot store) are refused as bad input with a reason, before any code acts on it.
Bodies larger than DATA_UPLOAD_MAX_MEMORY_SIZE get a JSON 413, ids beyond a 64-bit column are out
of range, and request metadata is at most METADATA_MAX_BYTES of JSON on every transport.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable, Mapping
from typing import Any

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

MAX_JSON_DEPTH = 32
DB_INT_MAX = 2**63 - 1  # the largest value of a bigint column (every id we store)
METADATA_MAX_BYTES = 2048


class JsonRejected(ValueError):
    """Input that is not acceptable JSON; `reason` says why in a few words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _text_problem(text: str) -> str | None:
    if "\x00" in text:
        return "contains a NUL character"
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return "contains an unpaired surrogate"
    return None


def json_check(value: Any, *, max_depth: int = MAX_JSON_DEPTH) -> None:
    """Raise JsonRejected when `value` (parsed JSON) nests too deep or holds text we cannot store."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            problem = _text_problem(item)
            if problem:
                raise JsonRejected(f"a string {problem}")
        elif isinstance(item, dict | list):
            if depth > max_depth:
                raise JsonRejected(f"nested deeper than {max_depth} levels")
            if isinstance(item, dict):
                stack.extend((key, depth) for key in item)
                stack.extend((child, depth + 1) for child in item.values())
            else:
                stack.extend((child, depth + 1) for child in item)


def json_parse(text: str | bytes) -> Any:
    """Parsed, checked JSON; JsonRejected for anything else (ValueError subclasses included)."""
    try:
        value = json.loads(text)
    except RecursionError:
        raise JsonRejected(f"nested deeper than {MAX_JSON_DEPTH} levels") from None
    except ValueError:
        raise JsonRejected("not valid JSON") from None
    json_check(value)
    return value


def metadata_too_large(metadata: Mapping[str, Any]) -> bool:
    return len(json.dumps(metadata, ensure_ascii=False).encode()) > METADATA_MAX_BYTES


class CheckedJSONParser(JSONParser):
    """DRF's JSON parser through json_parse: bad input is a 400 INVALID_JSON, never a 500."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        raw = stream.read() if stream is not None else b""
        try:
            text = codecs.decode(raw, encoding)
        except (UnicodeDecodeError, LookupError):
            raise ParseError(gettext("JSON parse error - the body is not valid text.")) from None
        try:
            return json_parse(text)
        except JsonRejected as exc:
            raise ParseError(gettext("JSON parse error - %(reason)s.") % {"reason": exc.reason}) from None


def payload_too_large() -> JsonResponse:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return JsonResponse(
        {
            "error": {
                "code": "PAYLOAD_TOO_LARGE",
                "message": gettext("The request body is too large."),
                "details": {"max_bytes": limit},
            }
        },
        status=413,
    )


class BodySizeLimitMiddleware:
    """A declared body over DATA_UPLOAD_MAX_MEMORY_SIZE is refused with a JSON 413 before anything
    reads it (Django would raise RequestDataTooBig deep in a view and answer an HTML 400)."""

    sync_capable = True
    async_capable = True

    def __init__(self, get_response: Callable[[HttpRequest], Any]) -> None:
        self.get_response = get_response
        if iscoroutinefunction(get_response):
            markcoroutinefunction(self)

    def __call__(self, request: HttpRequest) -> Any:
        if self.too_large(request):
            response = payload_too_large()
            if iscoroutinefunction(self):
                return self._async(response)
            return response
        return self.get_response(request)

    @staticmethod
    async def _async(response: JsonResponse) -> JsonResponse:
        return response

    @staticmethod
    def too_large(request: HttpRequest) -> bool:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return False
        return limit is not None and length > limit
