"""The OpenAPI schema is valid and documents every API route; Swagger UI is served locally."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_schema_validates_without_warnings(tmp_path):
    target = tmp_path / "schema.json"
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--format", "openapi-json", "--file", str(target)
    )
    schema = json.loads(target.read_text())
    paths = set(schema["paths"])
    for expected in (
        "/api/v1/conversations/",
        "/api/v1/conversations/{conversation_id}/messages/",
        "/api/v1/chat/message",
        "/api/v1/chat/intents",
        "/api/v1/auth/token",
        "/api/v1/fixtures/",
        "/api/v1/betting/bets/",
    ):
        assert expected in paths


def test_schema_and_docs_endpoints(client):
    assert client.get("/api/schema/?format=json").json()["openapi"].startswith("3.")
    docs = client.get("/api/docs/")
    assert docs.status_code == 200
    assert b"cdn.jsdelivr.net" not in docs.content
