"""Schemathesis against the live schema, in process over ASGI: no 5xx, no response that violates it.

Every operation in /api/schema/ gets generated requests (valid and invalid) carrying a real guest
token, so authenticated endpoints are exercised beyond 401; the throttle budget is raised so the
generated traffic is not all 429s. (Schemathesis' pytest plugin does not support pytest 9, so the
operations are driven with Hypothesis directly.)
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from chatbet_site.asgi import application
from conversations.identity import guest_token_issue

pytestmark = pytest.mark.django_db(transaction=True)

EXAMPLES_PER_OPERATION = 10
# The response-side checks: no 5xx, only documented status codes and content types, bodies that
# match their schema. (Request-side strictness, e.g. "every schema-valid request is accepted", is
# not asserted: business rules such as password strength legitimately refuse schema-valid input.)
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture(autouse=True)
def _generous_throttle(monkeypatch):
    from conversations.apis.authentication import IdentityRateThrottle

    monkeypatch.setattr(IdentityRateThrottle, "THROTTLE_RATES", {"api": "100000/min", "chat": "100000/min"})


def test_every_operation_conforms_to_the_schema():
    schema = schemathesis.openapi.from_asgi("/api/schema/?format=json", application)
    _, token = guest_token_issue()
    failures: list[str] = []
    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()  # type: ignore[union-attr]
        operations += 1

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def exercise(case):
            case.headers = {**(case.headers or {}), "Authorization": f"Guest {token}"}
            response = case.call()
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path}: {response.status_code}")
                return
            try:
                case.validate_response(response, checks=CHECKS)
            except Exception as exc:  # collect every violation instead of stopping at the first
                failures.append(f"{case.method} {case.formatted_path}: {str(exc)[:300]}")

        exercise()
    assert operations >= 25
    assert failures == []
