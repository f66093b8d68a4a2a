import pytest

from holiday_drive.models import Registration
from tests.holiday_drive.conftest import GUARDIAN
from tests.holiday_drive.factories import PickupSlotFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def _another_family(client, register, number, **packages):
    client.cookies.clear()
    guardian = GUARDIAN | {"guardian_name": f"Parent {number}", "phone": f"410-555-{number:04d}", "email": ""}
    return register(guardian=guardian, **packages)


def test_past_the_cap_families_wait_in_the_order_they_registered(client, register, campaign):
    campaign.family_cap = 1
    campaign.save()
    for number in range(1, 5):
        _another_family(client, register, number)
    statuses = list(Registration.objects.order_by("sequence").values_list("status", flat=True))
    assert statuses == ["registered", "waitlisted", "waitlisted", "waitlisted"]
    positions = [registration.waitlist_position() for registration in Registration.objects.order_by("sequence")]
    assert positions == [None, 1, 2, 3]


def test_the_confirmation_gives_the_waiting_list_position(client, register, campaign):
    campaign.family_cap = 0
    campaign.save()
    _another_family(client, register, 1)
    _another_family(client, register, 2)
    html = client.get("/holiday/register/done/").text
    assert "You are on the waiting list" in html and "number 2 on the waiting list" in html


def test_a_cancelled_place_goes_to_the_waiting_list_not_to_a_newcomer(campaign):
    campaign.family_cap = 1
    campaign.save()
    RegistrationFactory(campaign=campaign, status="cancelled")
    assert not campaign.is_full()
    RegistrationFactory(campaign=campaign, status="waitlisted")
    assert campaign.is_full()


def test_a_full_drive_offers_no_pickup_time_and_books_none(client, register, campaign):
    slot = PickupSlotFactory(campaign=campaign)
    campaign.family_cap = 0
    campaign.save()
    page = register(stop_after="children")
    assert "The holiday drive is full" in page.text and slot.site.name not in page.text
    _another_family(client, register, 1, packages={"packages": ["food"], "pickup_slot": str(slot.pk), "consent": "on"})
    registration = Registration.objects.get()
    assert registration.status == "waitlisted" and registration.pickup_slot is None
