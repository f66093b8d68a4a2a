"""Programs nobody has checked for LISTING_STALE_MONTHS carry a "call first" note, or are hidden by a site setting."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Site

from portal.models import SiteSettings
from tests.resources.factories import ResourcePageFactory

NOTE = "These details may be out of date: call first."


@pytest.fixture
def programs(directory):
    today = timezone.localdate()
    stale = ResourcePageFactory(parent=directory, title="Old pantry", last_verified=today - datetime.timedelta(500))
    fresh = ResourcePageFactory(parent=directory, title="New pantry", last_verified=today - datetime.timedelta(30))
    return stale, fresh


def hide_stale_programs():
    office = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    office.hide_stale_programs = True
    office.save()


def test_a_stale_program_page_says_call_first(client, programs):
    stale, fresh = programs
    assert NOTE in client.get(stale.url).text
    assert NOTE not in client.get(fresh.url).text


def test_search_results_carry_the_note(client, programs):
    html = client.get("/connection-center/").text
    assert html.count(NOTE) == 1


def test_the_hsds_api_carries_the_note_in_alert(client, programs):
    services = {service["name"]: service for service in client.get("/api/hsds/services").json()["contents"]}
    assert services["Old pantry"]["alert"].startswith(NOTE)
    assert NOTE not in services["New pantry"].get("alert", "")


def test_hidden_stale_programs_leave_the_page_the_results_and_the_api(client, programs):
    stale, fresh = programs
    hide_stale_programs()
    assert client.get(stale.url).status_code == 404
    html = client.get("/connection-center/").text
    assert "Old pantry" not in html and "New pantry" in html
    names = [service["name"] for service in client.get("/api/hsds/services").json()["contents"]]
    assert names == ["New pantry"]
    assert client.get(f"/api/hsds/services/{stale.hsds_id}").status_code == 404


def test_the_api_gives_the_check_date_and_the_offices_address(client, programs):
    office = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    office.email = "pps@district.example.org"
    office.save()
    service = client.get(f"/api/hsds/services/{programs[1].hsds_id}").json()
    assert service["assured_date"] == programs[1].last_verified.isoformat()
    assert service["assurer_email"] == "pps@district.example.org"
    assert service["last_modified"]
