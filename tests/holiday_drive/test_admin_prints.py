"""Rosters, bag labels and packing sheets, printed from the browser."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from holiday_drive.models import Registration
from tests.holiday_drive.factories import PickupSlotFactory, RegisteredChildFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

PRINTS = "/admin/holiday-drive/print/"
Status = Registration.Status


@pytest.fixture
def morning(campaign):
    """A pickup slot with one family of two children (wanting food and clothing) booked into it."""
    slot = PickupSlotFactory(campaign=campaign, site__name="Oakland Mills Community Center")
    registration = RegistrationFactory(
        campaign=campaign, pickup_slot=slot, status=Status.READY, wants_clothing=True, wants_gifts=False
    )
    registration.household.guardian_name = "Maria Lopez"
    registration.household.save()
    RegisteredChildFactory(registration=registration, letter="A", first_name="Ana", age=9, size_shoes="3")
    RegisteredChildFactory(registration=registration, letter="B", first_name="Luis", age=6, size_coat="6")
    return slot


def test_a_slots_roster_lists_its_families_with_children_packages_and_a_box_to_tick(staff_client, morning, campaign):
    elsewhere = RegistrationFactory(campaign=campaign, pickup_slot=PickupSlotFactory(campaign=campaign))
    html = staff_client.get(f"{PRINTS}roster/", {"slot": morning.pk}).text
    (family,) = morning.registrations.all()
    assert family.family_number in html and elsewhere.family_number not in html
    assert "<td>2</td>" in html and "Food, Clothing" in html and 'class="check-box"' in html
    assert "Oakland Mills Community Center" in html and "@media print" in html


def test_a_roster_leaves_out_waiting_and_cancelled_families(staff_client, morning, campaign):
    waiting = RegistrationFactory(campaign=campaign, status=Status.WAITLISTED)
    cancelled = RegistrationFactory(campaign=campaign, status=Status.CANCELLED)
    html = staff_client.get(f"{PRINTS}roster/", {"campaign": campaign.pk}).text
    assert waiting.family_number not in html and cancelled.family_number not in html
    assert morning.registrations.get().family_number in html


@pytest.mark.parametrize("sheet", ["labels", "packing"])
def test_labels_and_packing_sheets_show_family_numbers_and_child_letters_but_no_names(staff_client, morning, sheet):
    family = morning.registrations.get()
    html = staff_client.get(f"{PRINTS}{sheet}/", {"slot": morning.pk}).text
    assert family.family_number in html and "Oakland Mills Community Center" in html
    for private in ("Maria", "Lopez", "Ana", "Luis", family.household.phone, family.household.email, "21044"):
        assert private not in html


def test_labels_list_the_child_letters_and_packing_sheets_their_ages_and_sizes(staff_client, morning):
    family = morning.registrations.get()
    assert "Children: A, B" in staff_client.get(f"{PRINTS}labels/", {"slot": morning.pk}).text
    html = staff_client.get(f"{PRINTS}packing/", {"slot": morning.pk}).text
    assert f"{family.family_number}-A</th><td>9</td>" in html and "<td>3</td>" in html


def test_a_print_takes_the_same_queries_for_5_families_as_for_20(staff_client, morning, campaign):
    def families(count):
        for _ in range(count):
            RegisteredChildFactory(registration=RegistrationFactory(campaign=campaign, pickup_slot=morning))

    families(4)
    with CaptureQueriesContext(connection) as five:
        staff_client.get(f"{PRINTS}packing/")
    families(15)
    with CaptureQueriesContext(connection) as twenty:
        assert staff_client.get(f"{PRINTS}packing/").text.count('class="sheet"') == 20
    assert len(twenty) == len(five)


def test_the_print_page_links_each_site_and_slot_with_its_bookings(staff_client, morning, campaign):
    html = staff_client.get(PRINTS).text
    assert "1 of 5" in html and f"roster/?campaign={campaign.pk}&amp;slot={morning.pk}" in html
    assert f"roster/?campaign={campaign.pk}&amp;site={morning.site.pk}" in html


def test_families_and_agencies_cannot_print(request, morning):
    for persona in ("family_client", "agency_client"):
        response = request.getfixturevalue(persona).get(f"{PRINTS}labels/", {"slot": morning.pk})
        assert response.status_code == 403 and morning.registrations.get().family_number not in response.text
