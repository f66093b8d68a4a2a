"""The agency form's people are chosen from staff and partner accounts only, by searching (issue 16)."""

import pytest

from resources.models import AgencyMembership
from tests.factories import AgencyUserFactory, UserFactory
from tests.resources.factories import PartnerAgencyFactory
from tests.resources.test_partner_admin import agency_form, edit_url

pytestmark = pytest.mark.django_db
CHOOSER = "/admin/directory/accounts/"


@pytest.fixture
def accounts(staff, agency_user, family):
    return {"staff": staff, "partner": agency_user, "family": family}


def test_the_agency_form_offers_a_chooser_not_every_account(staff_client, accounts):
    html = staff_client.get(edit_url(PartnerAgencyFactory())).text
    assert "Choose a staff or partner account" in html
    assert accounts["family"].email not in html


def test_the_chooser_lists_staff_and_partners_but_no_family(staff_client, accounts):
    html = staff_client.get(CHOOSER).text
    assert accounts["staff"].email in html and accounts["partner"].email in html
    assert accounts["family"].email not in html


def test_the_chooser_searches_by_email_or_name(staff_client, accounts):
    AgencyUserFactory(email="intake@shelter.example.org", first_name="Priya", last_name="Raman")
    html = staff_client.get(f"{CHOOSER}results/", {"q": "raman"}).text
    assert "intake@shelter.example.org" in html and accounts["partner"].email not in html
    assert accounts["family"].email not in staff_client.get(f"{CHOOSER}results/", {"q": "parent"}).text


def test_a_familys_id_is_never_answered_with_its_email(staff_client, accounts):
    response = staff_client.get(f"{CHOOSER}chosen/{accounts['family'].pk}/")
    assert response.status_code == 404 and accounts["family"].email not in response.text
    assert accounts["partner"].email in staff_client.get(f"{CHOOSER}chosen/{accounts['partner'].pk}/").text


def test_people_who_do_not_keep_memberships_cannot_list_accounts(client, accounts):
    holiday_helper = UserFactory(enrolled=True)
    holiday_helper.user_permissions.add(*_permissions("access_admin"))
    client.force_login(holiday_helper)
    response = client.get(CHOOSER)
    assert response.status_code == 302 and response.url == "/admin/"  # Wagtail's answer to PermissionDenied
    assert accounts["partner"].email not in client.get(f"{CHOOSER}results/", {"q": "agency"}, follow=True).text
    chosen = client.get(f"{CHOOSER}chosen-multiple/", {"id": accounts["partner"].pk}, follow=True)
    assert accounts["partner"].email not in chosen.text


def test_a_family_account_posted_as_a_member_is_refused_and_nothing_is_saved(staff_client, accounts):
    agency = PartnerAgencyFactory(name="Howard Helping Hands")
    data = agency_form(agency, memberships=[{"user": accounts["family"].pk, "role": "member"}])
    data["name"] = "Renamed"
    response = staff_client.post(edit_url(agency), data)
    assert response.status_code == 200 and "Select a valid choice" in response.text
    agency.refresh_from_db()
    assert agency.name == "Howard Helping Hands" and not AgencyMembership.objects.exists()


def _permissions(*codenames):
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(codename__in=codenames)


@pytest.mark.parametrize("pk", ["99999999999999999999", "abc", "0"])
def test_an_id_that_names_no_account_is_404_not_an_error(staff_client, accounts, pk):
    assert staff_client.get(f"{CHOOSER}chosen/{pk}/").status_code == 404
    assert staff_client.get(f"{CHOOSER}chosen-multiple/", {"id": [pk, accounts["partner"].pk]}).status_code == 200
