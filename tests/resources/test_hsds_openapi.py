"""The HSDS API against the official OpenAPI file (the hsds-3.0 folder the other HSDS tests read), driven by
schemathesis: every generated request gets no server error, JSON of the declared type, and a body valid against
the file's schemas.

The file documents only the 200 answers, and an unknown id must answer 404 (the issue's rule), so the checks that
every status be documented and that every schema-valid request succeed cannot hold for any real directory: they are
left out, and tests/resources/test_hsds_api.py covers the 400s and 404s with their JSON error body.
"""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from tests.resources.hsds_helpers import SCHEMAS, full_directory, read_json

OPENAPI = read_json(SCHEMAS / "openapi.json") | {"servers": [{"url": "/api/hsds"}]}
schema = schemathesis.openapi.from_dict(OPENAPI)
schema.app = get_wsgi_application()
CHECKS = [not_a_server_error, content_type_conformance, response_schema_conformance]


@pytest.fixture
def published(directory):
    full_directory(directory)


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Called as a WSGI app, Django closes its database connection at each request's end, which ends the test's
    transaction on PostgreSQL; Django's own test client disconnects the same receivers for the same reason."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_the_api_keeps_to_the_official_openapi_file(published, case):
    case.call_and_validate(checks=CHECKS)
