"""The API keeps its records until the content changes: a page asked for again runs no query, and staff's
changes show at the next request."""

import datetime

import pytest
from django.utils import timezone

from resources.hsds.records import derived_id
from tests.resources.factories import AgencyFactory, ClosureFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db
API = "/api/hsds/"


def names(client, path="services"):
    return [item["name"] for item in client.get(API + path).json()["contents"]]


def test_a_page_asked_for_again_runs_no_query(client, directory, django_assert_num_queries):
    program = ResourcePageFactory(parent=directory, title="Coat Closet")
    for path in [
        "services", "services?full=true", f"services/{program.hsds_id}", "service_at_locations",
        "organizations", "organizations?full_service=true", f"organizations/{program.agency.hsds_id}",
        f"service_at_locations/{derived_id(program.hsds_id, 'service_at_location')}",
    ]:  # fmt: skip
        first = client.get(API + path).content
        with django_assert_num_queries(0):
            assert client.get(API + path).content == first, path


def test_a_published_change_shows_at_once(client, directory):
    program = ResourcePageFactory(parent=directory, title="Coat Closet")
    assert names(client) == ["Coat Closet"]
    assert client.get(f"{API}services/{program.hsds_id}").json()["name"] == "Coat Closet"
    program.title = "Winter Coat Closet"
    program.save_revision().publish()
    assert names(client) == ["Winter Coat Closet"]
    assert client.get(f"{API}services/{program.hsds_id}").json()["name"] == "Winter Coat Closet"


def test_an_unpublished_program_is_gone_at_once(client, directory):
    program = ResourcePageFactory(parent=directory, title="Coat Closet")
    ResourcePageFactory(parent=directory, title="Food Pantry")
    assert names(client) == ["Coat Closet", "Food Pantry"]
    assert client.get(f"{API}services/{program.hsds_id}").status_code == 200
    program.unpublish()
    assert names(client) == ["Food Pantry"]
    assert client.get(f"{API}services/{program.hsds_id}").status_code == 404


def test_an_agency_change_shows_at_once(client, directory):
    agency = AgencyFactory(name="Howard Helpers")
    ResourcePageFactory(parent=directory, agency=agency)
    assert client.get(API + "services").json()["contents"][0]["organization"]["name"] == "Howard Helpers"
    assert names(client, "organizations") == ["Howard Helpers"]
    assert client.get(f"{API}organizations/{agency.hsds_id}").json()["name"] == "Howard Helpers"
    agency.name = "Howard County Helpers"
    agency.save()
    assert client.get(API + "services").json()["contents"][0]["organization"]["name"] == "Howard County Helpers"
    assert names(client, "organizations") == ["Howard County Helpers"]
    assert client.get(f"{API}organizations/{agency.hsds_id}").json()["name"] == "Howard County Helpers"


def test_an_agency_whose_last_program_is_unpublished_is_gone_at_once(client, directory):
    program = ResourcePageFactory(parent=directory)
    assert client.get(f"{API}organizations/{program.agency.hsds_id}").status_code == 200
    program.unpublish()
    assert names(client, "organizations") == []
    assert client.get(f"{API}organizations/{program.agency.hsds_id}").status_code == 404


def test_a_closure_leaves_the_alert_the_day_after_it_ends(client, directory, monkeypatch):
    today = timezone.localdate()
    program = ResourcePageFactory(parent=directory, last_verified=today)
    ClosureFactory(program=program, starts_on=today, ends_on=today, reason="Inventory")
    assert "Inventory" in client.get(f"{API}services/{program.hsds_id}").json()["alert"]
    monkeypatch.setattr(timezone, "localdate", lambda *args: today + datetime.timedelta(days=1))
    assert "alert" not in client.get(f"{API}services/{program.hsds_id}").json()
