"""schemathesis against /api/v1/: generated requests find no 500 and no response that breaks the schema."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from civicdesk.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture
def keep_connection():  # type: ignore[no-untyped-def]
    """Calling the WSGI app directly fires request_finished, which would close the test's database connection
    (Django's test client switches that off; here it is done by hand)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_key(db, keep_connection, settings):  # type: ignore[no-untyped-def]
    from civicdesk.api.keys import create_api_client

    settings.BOOKING_RATE_LIMIT = "100000/m"  # the keyless booking routes: their limit has its own test

    return create_api_client(name="schemathesis", channel="mobile_app")[1]


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_honours_its_own_schema(case, api_key):  # type: ignore[no-untyped-def]
    # Every check but "a schema-valid request is accepted": a block outside its area, or an area missing for a
    # governorate's category, fits the schema and is rightly refused with a 422 problem.
    case.call_and_validate(headers={"X-API-Key": api_key}, excluded_checks=[positive_data_acceptance])
