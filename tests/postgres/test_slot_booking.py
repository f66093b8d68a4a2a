"""A pickup slot's capacity and the order of family numbers under real parallel transactions (PostgreSQL only)."""

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections
from wagtail.models import Locale, Page

from aid_requests.models import Child, Household
from holiday_drive import pickups, registering
from holiday_drive.models import Registration
from tests.holiday_drive.factories import HolidayCampaignPageFactory, PickupSlotFactory, RegistrationFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]


def in_parallel(count, work):
    """Call work(index) in `count` threads released at once, each on its own connection; returns results or errors."""
    barrier = threading.Barrier(count)

    def run(index):
        try:
            barrier.wait()
            return work(index)
        except Exception as error:
            return error
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))


@pytest.fixture
def campaign():
    """An open campaign; a flushed database has no page tree, so the root is made when missing."""
    Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    return HolidayCampaignPageFactory(parent=root)


def test_thirty_parallel_bookings_of_a_slot_for_five_give_exactly_five(campaign):
    slot = PickupSlotFactory(campaign=campaign, capacity=5)
    registrations = [RegistrationFactory(campaign=campaign) for _ in range(30)]
    results = in_parallel(30, lambda index: pickups.book(registrations[index], slot))
    assert sum(isinstance(result, Registration) for result in results) == 5
    assert sum(isinstance(result, pickups.SlotFull) for result in results) == 25
    assert Registration.objects.filter(pickup_slot=slot).count() == 5
    assert Registration.objects.exclude(check_in_code=None).count() == 5


def _guardian(index):
    return {
        "guardian_name": f"Parent {index}",
        "phone": f"410-555-{index:04d}",
        "email": "",
        "preferred_language": "en",
        "contact_method": "phone",
        "zip_code": "21044",
    }


def _register(campaign, index, **kwargs):
    child = {"first_name": f"Child {index}", "age": 8}
    kwargs.setdefault("submission_key", uuid.uuid4())
    return registering.register(campaign, guardian=_guardian(index), children=[child], packages=["food"], **kwargs)


def test_twenty_parallel_registrations_get_distinct_numbers_and_an_ordered_waiting_list(campaign):
    campaign.family_cap = 10
    campaign.save()
    results = in_parallel(20, lambda index: _register(campaign, index))
    assert all(isinstance(result, Registration) for result in results), results
    registrations = list(Registration.objects.order_by("sequence"))
    assert [registration.sequence for registration in registrations] == list(range(1, 21))
    assert [registration.status for registration in registrations] == ["registered"] * 10 + ["waitlisted"] * 10
    assert [registration.waitlist_position() for registration in registrations[10:]] == list(range(1, 11))


def test_new_families_and_bookings_racing_for_a_slot_for_five_fill_it_exactly(campaign):
    slot = PickupSlotFactory(campaign=campaign, capacity=5)
    booking = [RegistrationFactory(campaign=campaign) for _ in range(15)]

    def take(index):
        return pickups.book(booking[index], slot) if index < 15 else _register(campaign, index, slot=slot)

    results = in_parallel(30, take)
    assert not [result for result in results if not isinstance(result, Registration | pickups.SlotFull)], results
    assert Registration.objects.filter(pickup_slot=slot).count() == 5
    assert Registration.objects.count() == 30


def test_one_form_sent_five_times_at_once_registers_once(campaign):
    key = uuid.uuid4()
    results = in_parallel(5, lambda index: _register(campaign, 1, submission_key=key))
    assert len({result.pk for result in results}) == 1 and Registration.objects.count() == 1
    # The family's rows are saved before the campaign is locked: the four sendings refused leave none behind.
    assert Household.objects.count() == 1 and Child.objects.count() == 1
