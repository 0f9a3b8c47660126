"""What a browser locked out by django-axes sees: our sign-in layout, translated, with the wait."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """`AXES_LOCKOUT_CALLABLE`: 429 with the page, never axes' plain-text default."""
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    return render(request, "registration/locked_out.html", {"lockout_minutes": minutes}, status=429)
