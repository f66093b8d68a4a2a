"""Staff record the sponsors' gifts received by family number, in the Wagtail admin."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from holiday_drive.models import Registration
from tests.factories import UserFactory
from tests.holiday_drive.factories import AdoptionFactory
from tests.holiday_drive.sponsor_data import waiting_family

URL = "/admin/holiday-drive/gifts/"
Status = Registration.Status


@pytest.fixture
def adoption(campaign, sponsor):
    family = waiting_family(campaign, children=2)
    family.status = Status.SPONSORED
    family.save()
    return AdoptionFactory(sponsor=sponsor, registration=family)


def test_staff_find_a_family_by_the_number_on_a_tag(staff_client, adoption):
    number = adoption.registration.family_number

    page = staff_client.get(URL, {"family_number": f" {number.lower()}-b "}).content.decode()

    assert f"Family {number}" in page and adoption.sponsor.name in page
    assert f"{number}-A, {number}-B" in page and "Mark gifts received" in page


def test_marking_gifts_received_records_when_and_by_whom_and_makes_the_family_ready(staff_client, staff, adoption):
    response = staff_client.post(URL, {"adoption": adoption.pk}, follow=True)

    adoption.refresh_from_db()
    assert adoption.gifts_received_at is not None and adoption.received_by == staff
    assert Registration.objects.get(pk=adoption.registration_id).status == Status.READY
    assert f"Gifts for family {adoption.registration.family_number} recorded as received." in response.content.decode()


def test_the_sponsor_then_sees_its_gifts_received(staff_client, adoption):
    staff_client.post(URL, {"adoption": adoption.pk})
    sponsor_client = Client()
    sponsor_client.force_login(adoption.sponsor.user)

    page = sponsor_client.get("/holiday/sponsor/my-families/").content.decode()

    assert "Gifts received on" in page and "Gifts not received yet." not in page


def test_marking_twice_says_when_they_arrived_and_changes_nothing(staff_client, adoption):
    staff_client.post(URL, {"adoption": adoption.pk})
    adoption.refresh_from_db()

    response = staff_client.post(URL, {"adoption": adoption.pk}, follow=True)

    assert "were already recorded on" in response.content.decode()
    assert adoption.gifts_received_at == type(adoption).objects.get(pk=adoption.pk).gifts_received_at


def test_a_family_no_sponsor_adopted_has_no_gifts_to_record(staff_client, campaign):
    family = waiting_family(campaign)

    page = staff_client.get(URL, {"family_number": family.family_number}).content.decode()

    assert "No sponsor has adopted this family" in page and "Mark gifts received" not in page


def test_an_unknown_family_number_says_so(staff_client, campaign):
    page = staff_client.get(URL, {"family_number": "H26-9999"}).content.decode()

    assert "No family H26-9999" in page


@pytest.mark.parametrize("persona", ["sponsor_client", "family_client"])
def test_sponsors_and_families_cannot_record_gifts(request, adoption, persona):
    client = request.getfixturevalue(persona)

    seen = client.get(URL, {"family_number": adoption.registration.family_number})
    client.post(URL, {"adoption": adoption.pk})

    assert seen.status_code in (302, 403) and adoption.sponsor.name not in seen.content.decode()
    adoption.refresh_from_db()
    assert adoption.gifts_received_at is None


def test_admin_users_without_the_registration_permission_are_turned_back(client, adoption):
    user = UserFactory(enrolled=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    seen = client.get(URL, {"family_number": adoption.registration.family_number})
    client.post(URL, {"adoption": adoption.pk})

    assert (seen.status_code, seen["Location"]) == (302, "/admin/")  # Wagtail's answer to PermissionDenied
    adoption.refresh_from_db()
    assert adoption.gifts_received_at is None


def test_staff_find_the_page_in_the_holiday_drive_menu(staff_client, campaign):
    page = staff_client.get("/admin/").content.decode()

    assert "Gifts received" in page and URL in page
