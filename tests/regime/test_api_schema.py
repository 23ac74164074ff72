"""Property-based tests of the public HTTP API from its own OpenAPI document (schemathesis)."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import positive_data_acceptance

from mtcr.regime.wsgi import application


@pytest.fixture
def in_test_transaction():
    """Keep the test's database connection open across WSGI requests, as Django's test client does."""
    from django.core import signals
    from django.db import close_old_connections

    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application).include(tag="public")
# The capability input is declared as a JSON object (its own schema: GET /api/v1/capability/schema), with
# rules between fields that no JSON Schema states, so a body valid by the OpenAPI document may get a 422.
LOOSE_BODIES = {("POST", "/api/v1/capability/assess")}


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_public_endpoints_never_fail_on_our_side(case, in_test_transaction) -> None:
    case.call_and_validate(checks=[not_a_server_error])


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_public_endpoints_keep_to_their_documented_shapes(case, in_test_transaction) -> None:
    loose = (case.operation.method.upper(), case.operation.path) in LOOSE_BODIES
    case.call_and_validate(excluded_checks=[positive_data_acceptance] if loose else None)
