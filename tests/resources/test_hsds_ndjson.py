"""`format=ndjson` streams every record, one JSON document a line, without pages (as the OpenAPI file says)."""

import json

import pytest

from tests.resources.factories import ResourcePageFactory
from tests.resources.hsds_helpers import compiled_validator, errors

pytestmark = pytest.mark.django_db


def lines(client, path):
    response = client.get(f"/api/hsds/{path}")
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"] == "application/x-ndjson"
    return [json.loads(line) for line in b"".join(response.streaming_content).decode().splitlines()]


def test_services_stream_all_records_past_a_page(client, directory):
    for number in range(3):
        ResourcePageFactory(parent=directory, title=f"Program {number}")
    records = lines(client, "services?format=ndjson&per_page=1")
    assert [record["name"] for record in records] == ["Program 0", "Program 1", "Program 2"]
    validator = compiled_validator("service")
    assert all(not errors(validator, record) for record in records)


def test_an_empty_list_streams_nothing(client, directory):
    assert lines(client, "organizations?format=ndjson") == []
