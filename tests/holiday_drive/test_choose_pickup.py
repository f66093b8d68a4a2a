import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from holiday_drive import pickups, registering
from holiday_drive.models import Registration
from tests.aid_requests.factories import HouseholdFactory
from tests.holiday_drive.conftest import GUARDIAN
from tests.holiday_drive.factories import PickupSlotFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_registering_with_a_slot_shows_the_time_place_and_check_in_code(client, register, slot):
    register(packages={"packages": ["food"], "pickup_slot": str(slot.pk), "consent": "on"})
    registration = Registration.objects.get()
    assert registration.pickup_slot == slot and registration.check_in_code
    html = client.get("/holiday/register/done/").text
    assert registration.check_in_code in html and slot.site.name in html and slot.when in html


def test_a_slot_that_filled_up_meanwhile_is_explained(client, register, campaign, slot):
    page = register(stop_after="children")
    assert slot.site.name in page.text
    for _ in range(slot.capacity):
        pickups.book(RegistrationFactory(campaign=campaign), slot)
    response = register(packages={"packages": ["food"], "pickup_slot": str(slot.pk), "consent": "on"})
    assert "This pickup time is full now. Please choose another one." in response.text


def test_a_slot_taken_at_the_last_moment_still_registers_the_family_without_it(campaign, slot):
    for _ in range(slot.capacity):
        pickups.book(RegistrationFactory(campaign=campaign), slot)
    registration = registering.register(
        campaign,
        guardian=GUARDIAN,
        children=[{"first_name": "Ana", "age": 9}],
        packages=["food"],
        slot=slot,
        submission_key=uuid.uuid4(),
    )
    assert registration.family_number and registration.pickup_slot is None and registration.check_in_code is None
    assert slot.booked_count() == slot.capacity


def test_a_family_chooses_its_pickup_time_later_on_its_page(family_client, family, campaign, slot):
    registration = RegistrationFactory(campaign=campaign, household=HouseholdFactory(user=family))
    assert slot.site.name in family_client.get("/holiday/my/pickup/").text
    response = family_client.post("/holiday/my/pickup/", {"pickup_slot": str(slot.pk)})
    assert response.status_code == 302 and response.url == "/holiday/my/"
    registration.refresh_from_db()
    assert registration.pickup_slot == slot
    assert registration.check_in_code in family_client.get("/holiday/my/").text


def test_a_family_cannot_change_its_time_after_the_cutoff(family_client, family, campaign):
    soon = PickupSlotFactory(campaign=campaign, starts_at=timezone.now() + timedelta(hours=3))
    registration = RegistrationFactory(campaign=campaign, household=HouseholdFactory(user=family), pickup_slot=soon)
    later = PickupSlotFactory(campaign=campaign, starts_at=timezone.now() + timedelta(days=3))
    assert "Change my pickup time" not in family_client.get("/holiday/my/").text
    response = family_client.post("/holiday/my/pickup/", {"pickup_slot": str(later.pk)}, follow=True)
    assert "You cannot choose a pickup time now" in response.text
    registration.refresh_from_db()
    assert registration.pickup_slot == soon
