"""The holiday drive's staff pages with ids past any range and odd searches: a filter error or not found, never 500."""

import pytest

from holiday_drive.models import Registration
from tests.holiday_drive.factories import DistributionSiteFactory, PickupSlotFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"
BAD_IDS = [HUGE, f"-{HUGE}", "0", "²", "abc", "1" * 5000]
LIST = "/admin/holiday-drive/registrations/"
PAGES = [LIST, f"{LIST}export/", "/admin/holiday-drive/report/", "/admin/holiday-drive/print/"]
PAGES += [f"/admin/holiday-drive/print/{sheet}/" for sheet in ("roster", "labels", "packing")]
SEARCHES = ['H26"', '"""', "H26 AND", "NEAR(", "*", "^H26", "-", "\x00", "x" * 10_000]


@pytest.fixture
def registration(campaign):
    slot = PickupSlotFactory(campaign=campaign, site=DistributionSiteFactory(name="Oakland Mills"))
    return RegistrationFactory(campaign=campaign, status=Registration.Status.CONFIRMED, pickup_slot=slot)


@pytest.mark.parametrize("value", BAD_IDS)
@pytest.mark.parametrize("name", ["campaign", "site", "slot"])
@pytest.mark.parametrize("path", PAGES)
def test_a_campaign_site_or_slot_past_any_id_never_fails(staff_client, registration, path, name, value):
    assert staff_client.get(path, {name: value}).status_code == 200


def test_the_report_falls_back_to_the_latest_campaign(staff_client, registration):
    html = staff_client.get("/admin/holiday-drive/report/", {"campaign": HUGE}).text
    assert "Holiday 2026" in html


def test_the_list_says_the_campaign_is_not_a_choice(staff_client, registration):
    html = staff_client.get(LIST, {"campaign": HUGE}).text
    assert "Select a valid choice" in html


@pytest.mark.parametrize("query", SEARCHES)
@pytest.mark.parametrize("path", [LIST, f"{LIST}export/", "/admin/holiday-drive/print/labels/"])
def test_searching_registrations_answers_whatever_staff_type(staff_client, registration, path, query):
    assert staff_client.get(path, {"q": query}).status_code == 200


def test_a_family_number_typed_with_a_stray_control_character_is_found(staff_client, registration):
    other = RegistrationFactory(campaign=registration.campaign, status=Registration.Status.CONFIRMED)
    html = staff_client.get("/admin/holiday-drive/print/labels/", {"q": f"{registration.family_number}\x00"}).text
    assert registration.family_number in html and other.family_number not in html


@pytest.mark.parametrize("value", BAD_IDS)
def test_recording_gifts_for_an_adoption_past_any_id_is_not_found(staff_client, value):
    assert staff_client.post("/admin/holiday-drive/gifts/", {"adoption": value}).status_code == 404


@pytest.mark.parametrize("value", [HUGE, "²", "-1"])
def test_settling_a_duplicate_flag_past_any_id_is_refused(staff_client, registration, value):
    response = staff_client.post(f"{LIST}{registration.pk}/", {"action": "different", "flag": value}, follow=True)
    assert response.status_code == 200
    assert "This possible duplicate was already resolved." in response.text
