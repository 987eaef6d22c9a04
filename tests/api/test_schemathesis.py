"""The API keeps the promises of its own OpenAPI schema (Schemathesis, bounded and repeatable).

Every operation gets a handful of generated requests, valid and invalid, sent through the WSGI
app with the editor's write token; each response must be no server error and must match the
schema (status code, content type, headers and body).
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

from newsdesk.wsgi import application
from tests.factories import make_claim, make_district, make_province

# Loaded at collection: the schema view touches no database. (schemathesis.pytest.from_fixture
# would be the lazy way, but 4.32 pokes pytest 9's removed Node._nodeid.)
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application)


@pytest.fixture
def wsgi_in_the_test_transaction():
    """Keep the test's connection open across raw WSGI requests.

    Django closes "old" connections when a request starts and finishes; inside a test's
    transaction that closes the very connection the test runs in. Django's own test client
    disconnects the same handler for the same reason.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def some_data(editor):
    district = make_district("Qarabel", province=make_province("Northvale"))
    make_claim(place=district)
    make_claim(place=district, controller="NRF", claimant="NRF", claim_type="repelled")


@schema.parametrize()
@settings(max_examples=10, derandomize=True, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
@pytest.mark.django_db
def test_every_operation_keeps_to_the_schema(case, write_token, some_data, settings,
                                            wsgi_in_the_test_transaction):
    settings.NEWSDESK_API_THROTTLE_RATE = None  # hundreds of requests from one token
    excluded = []
    if case.operation.method.upper() == "POST":
        # A schema cannot say "a text file in UTF-8" or "an http(s) link", so a schema-valid
        # upload or review can still be refused with a 400 naming the field; that is correct.
        excluded.append(positive_data_acceptance)
    case.call_and_validate(headers={"Authorization": f"Bearer {write_token[1]}"},
                           excluded_checks=excluded)
