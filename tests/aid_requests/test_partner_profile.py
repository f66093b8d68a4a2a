"""An agency's profile at /partners/agencies/<slug>/: coordinators change it, members read it."""

import pytest

from resources.models import AgencyCapacity, AgencyMembership
from tests.factories import AgencyUserFactory
from tests.resources.factories import AgencyCapacityFactory, AgencyMembershipFactory

pytestmark = pytest.mark.django_db
PROFILE = {
    "is_accepting": "",
    "default_max_open": "3",
    "capacity_CLOTHING": "2",
    "response_hours": "24",
    "service_area_zip_codes": "21044,21045 ",
    "service_area_radius_miles": "10",
    "service_area_counties": "Howard County, Carroll County",
}


@pytest.fixture
def membership(agency_user):
    return AgencyMembershipFactory(user=agency_user, agency__name="Coats for Kids", agency__slug="coats-for-kids")


def profile_data(agency, **changes):
    clothing = agency.categories_served.get(slug="clothing")
    data = {**PROFILE, **changes}
    data[f"capacity_{clothing.pk}"] = data.pop("capacity_CLOTHING")
    return data


def test_a_coordinator_changes_the_profile_and_the_limit_per_category(agency_client, membership):
    agency = membership.agency
    response = agency_client.post("/partners/agencies/coats-for-kids/", profile_data(agency), follow=True)
    assert "profile is saved." in response.text
    agency.refresh_from_db()
    assert (agency.is_accepting, agency.default_max_open, agency.response_hours) == (False, 3, 24)
    assert agency.service_area_zip_codes == "21044, 21045" and agency.service_area_radius_miles == 10
    assert agency.service_area_counties == "Howard County, Carroll County"
    assert AgencyCapacity.objects.get(agency=agency).max_open == 2


def test_an_empty_limit_removes_the_categorys_own_limit(agency_client, membership):
    AgencyCapacityFactory(agency=membership.agency, max_open=9)
    agency_client.post("/partners/agencies/coats-for-kids/", profile_data(membership.agency, capacity_CLOTHING=""))
    assert not AgencyCapacity.objects.filter(agency=membership.agency).exists()


def test_bad_input_shows_field_errors_and_saves_nothing(agency_client, membership):
    data = profile_data(membership.agency, service_area_zip_codes="21044, 2104x", default_max_open="-1")
    response = agency_client.post("/partners/agencies/coats-for-kids/", data)
    assert "check 2104x" in response.text and "Please fix the following" in response.text
    membership.agency.refresh_from_db()
    assert membership.agency.is_accepting and membership.agency.default_max_open == 5
    assert not AgencyCapacity.objects.exists()


def test_a_member_reads_the_profile_but_cannot_change_it(agency_client, membership):
    AgencyMembership.objects.filter(pk=membership.pk).update(role=AgencyMembership.Role.MEMBER)
    page = agency_client.get("/partners/agencies/coats-for-kids/")
    assert "Howard County" in page.text and "Save the profile" not in page.text
    refused = agency_client.post("/partners/agencies/coats-for-kids/", profile_data(membership.agency))
    assert refused.status_code == 403
    membership.agency.refresh_from_db()
    assert membership.agency.is_accepting and not AgencyCapacity.objects.exists()


def test_the_profile_of_an_agency_the_user_is_not_in_gets_404(agency_client, membership):
    AgencyMembershipFactory(user=AgencyUserFactory(), agency__slug="someone-else")
    assert agency_client.get("/partners/agencies/someone-else/").status_code == 404
