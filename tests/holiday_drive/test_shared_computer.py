"""A family registers or finds its pickup at a library computer: the next person there finds nothing of theirs."""

import time
from types import SimpleNamespace

import pytest

from holiday_drive.models import Registration
from tests.aid_requests.factories import HouseholdFactory
from tests.holiday_drive.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

AN_HOUR_LATER = SimpleNamespace(time=lambda: time.time() + 60 * 60 + 1)


def _session_cookie(response):
    return response.cookies["sessionid"]


def test_registering_gives_a_session_cookie_that_ends_when_the_browser_closes(client, register):
    response = register()
    assert response.url == "/holiday/register/done/"
    cookie = _session_cookie(response)
    assert cookie.value and not cookie["expires"] and not cookie["max-age"]


@pytest.mark.parametrize("path", ["/holiday/register/done/", "/holiday/pickup/confirmation/", "/holiday/pickup/time/"])
def test_an_hour_after_registering_the_pages_of_the_family_are_gone(client, register, monkeypatch, path):
    register()
    assert client.get(path).status_code == 200
    monkeypatch.setattr("portal.family_sessions.time", AN_HOUR_LATER)
    response = client.get(path)
    assert response.status_code == 302 and response.url in ("/holiday/register/", "/holiday/pickup/")
    assert "holiday_registration" not in client.session


def test_the_done_and_pickup_pages_are_never_stored(client, register):
    register()
    for path in ("/holiday/register/done/", "/holiday/pickup/confirmation/", "/holiday/pickup/time/"):
        assert "no-store" in client.get(path)["Cache-Control"], path


def test_a_lookup_gives_a_browser_session_cookie_and_its_page_is_never_stored(client, campaign):
    registration = RegistrationFactory(campaign=campaign, household=HouseholdFactory(phone="410-555-0199"))
    found = {"registration_code": registration.registration_code, "contact": "410-555-0199"}
    response = client.post("/holiday/pickup/", found)
    assert not _session_cookie(response)["expires"] and not _session_cookie(response)["max-age"]
    assert "no-store" in client.get("/holiday/pickup/confirmation/")["Cache-Control"]


def test_the_signed_in_familys_page_is_never_stored(family_client, register):
    register()
    assert Registration.objects.exists()
    assert "no-store" in family_client.get("/holiday/my/")["Cache-Control"]


def test_a_saved_pickup_time_is_told_through_the_session_not_a_cookie(client, register, slot):
    register()
    response = client.post("/holiday/pickup/time/", {"pickup_slot": str(slot.pk)})
    assert response.url == "/holiday/pickup/confirmation/" and "messages" not in response.cookies
    assert "Your pickup time is saved." in client.get(response.url).text
