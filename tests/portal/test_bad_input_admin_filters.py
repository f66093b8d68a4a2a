"""The admin listings' filters with ids no database can hold: the listing with a filter error, never 500."""

import pytest

from tests.holiday_drive.factories import HolidayCampaignPageFactory, PickupSlotFactory, SponsorFactory
from tests.resources.factories import AgencyFactory

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"
LISTINGS = [
    ("/admin/snippets/resources/agency/", "languages"),
    ("/admin/snippets/resources/servicecategory/", "parent"),
    ("/admin/holiday-drive/sponsors/", "campaign"),
    ("/admin/holiday-drive/slots/", "campaign"),
    ("/admin/holiday-drive/slots/", "site"),
]


@pytest.fixture
def listed(home):
    campaign = HolidayCampaignPageFactory(parent=home)
    PickupSlotFactory(campaign=campaign)
    SponsorFactory(campaign=campaign, name="Hardware Store")
    return AgencyFactory(name="Helping Hands")


@pytest.mark.parametrize("value", [HUGE, f"-{HUGE}", "0", "²", "abc"])
@pytest.mark.parametrize("path,name", LISTINGS)
def test_a_filter_on_an_id_past_any_range_is_a_filter_error(staff_client, listed, path, name, value):
    response = staff_client.get(path, {name: value})
    assert response.status_code == 200
    assert "Select a valid choice" in response.text


@pytest.mark.parametrize(
    "path,name,row",
    [
        ("/admin/snippets/resources/agency/", "languages", "Helping Hands"),
        ("/admin/holiday-drive/sponsors/", "campaign", "Hardware Store"),
    ],
)
def test_the_listing_still_shows_its_rows_beside_the_error(staff_client, listed, path, name, row):
    assert row in staff_client.get(path, {name: HUGE}).text
