"""Staff keep a partner's limits per category and the people who answer its offers, on the agency's own form."""

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from portal.models import User
from portal.roles import ensure_groups
from resources.models import AgencyCapacity, AgencyMembership, ServiceCategory
from tests.factories import AgencyUserFactory
from tests.resources.factories import AgencyCapacityFactory, PartnerAgencyFactory

pytestmark = pytest.mark.django_db


def edit_url(agency):
    return f"/admin/snippets/resources/agency/edit/{agency.pk}/"


def agency_form(agency, capacities=(), memberships=(), initial_capacities=0):
    """The agency's edit form as the browser posts it, with its two inline formsets."""
    return nested_form_data(
        {
            "name": agency.name,
            "state": agency.state,
            "zip_code": agency.zip_code,
            "is_active": "on",
            "is_partner": "on",
            "is_accepting": "on",
            "categories_served": [category.pk for category in agency.categories_served.all()],
            "service_area_counties": agency.service_area_counties,
            "default_max_open": agency.default_max_open,
            "capacities": inline_formset(list(capacities), initial=initial_capacities),
            "memberships": inline_formset(list(memberships)),
        }
    )


@pytest.fixture
def clothing():
    return ServiceCategory.objects.get(slug="clothing")


def test_the_agency_form_offers_limits_and_people(staff_client):
    html = staff_client.get(edit_url(PartnerAgencyFactory())).text
    assert "Limits per category" in html and "People who answer offers" in html


def test_staff_add_a_limit_and_a_person_to_an_agency(staff_client, clothing):
    agency, person = PartnerAgencyFactory(), AgencyUserFactory()
    data = agency_form(
        agency,
        capacities=[{"category": clothing.pk, "max_open": "2"}],
        memberships=[{"user": person.pk, "role": "coordinator"}],
    )
    response = staff_client.post(edit_url(agency), data)
    assert response.status_code == 302
    assert AgencyCapacity.objects.get(agency=agency, category=clothing).max_open == 2
    assert AgencyMembership.objects.get(agency=agency).user == person


def test_staff_change_an_existing_limit(staff_client, clothing):
    capacity = AgencyCapacityFactory(max_open=5)
    row = {"id": capacity.pk, "category": clothing.pk, "max_open": "1"}
    staff_client.post(edit_url(capacity.agency), agency_form(capacity.agency, [row], initial_capacities=1))
    capacity.refresh_from_db()
    assert capacity.max_open == 1


def test_two_limits_for_one_category_are_refused_and_nothing_is_saved(staff_client, clothing):
    agency, person = PartnerAgencyFactory(name="Howard Helping Hands"), AgencyUserFactory()
    rows = [{"category": clothing.pk, "max_open": "2"}, {"category": clothing.pk, "max_open": "3"}]
    data = agency_form(agency, rows, memberships=[{"user": person.pk, "role": "member"}])
    data["name"] = "Renamed"
    response = staff_client.post(edit_url(agency), data)
    assert response.status_code == 200 and "Please correct the duplicate" in response.text
    agency.refresh_from_db()
    assert agency.name == "Howard Helping Hands"
    assert not AgencyCapacity.objects.exists() and not AgencyMembership.objects.exists()


def test_staff_may_keep_limits_and_people_and_read_offers(staff):
    models = ("agencymembership", "agencycapacity")
    permissions = [f"resources.{action}_{model}" for model in models for action in ("add", "change", "delete", "view")]
    assert staff.has_perms([*permissions, "aid_requests.view_offer"])


def test_rebuilding_the_roles_grants_the_partner_permissions_again(staff):
    Group.objects.get(name="Staff").permissions.clear()
    ensure_groups(django_apps)
    fresh = User.objects.get(pk=staff.pk)
    assert fresh.has_perm("resources.add_agencycapacity") and fresh.has_perm("aid_requests.view_offer")


def test_agency_users_are_refused_the_agency_form(agency_client, agency_user):
    agency = PartnerAgencyFactory()
    AgencyMembership.objects.create(agency=agency, user=agency_user, role="coordinator")
    assert agency_client.get(edit_url(agency)).status_code == 403
    response = agency_client.post(edit_url(agency), agency_form(agency, [{"category": 1, "max_open": "9"}]))
    assert response.status_code == 403 and not AgencyCapacity.objects.exists()
