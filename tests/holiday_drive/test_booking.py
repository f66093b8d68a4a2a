from datetime import timedelta

import pytest
from django.utils import timezone

from holiday_drive import pickups
from holiday_drive.models.registrations import CHECK_IN_CODE_LENGTH
from tests.holiday_drive.factories import PickupSlotFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_booking_gives_the_slot_and_an_unambiguous_check_in_code(campaign, slot):
    registration = pickups.book(RegistrationFactory(campaign=campaign), slot)
    assert registration.pickup_slot == slot
    assert len(registration.check_in_code) == CHECK_IN_CODE_LENGTH
    assert not set(registration.check_in_code) & set("01ILO")


def test_a_full_slot_is_refused_with_a_clear_message(campaign, slot):
    for _ in range(slot.capacity):
        pickups.book(RegistrationFactory(campaign=campaign), slot)
    late = RegistrationFactory(campaign=campaign)
    with pytest.raises(pickups.SlotFull, match="This pickup time is full"):
        pickups.book(late, slot)
    late.refresh_from_db()
    assert late.pickup_slot is None and slot.booked_count() == slot.capacity


def test_a_cancelled_registration_frees_its_place(campaign, slot):
    for _ in range(slot.capacity):
        pickups.book(RegistrationFactory(campaign=campaign), slot)
    slot.registrations.filter(pk=slot.registrations.first().pk).update(status="cancelled")
    assert pickups.book(RegistrationFactory(campaign=campaign), slot).pickup_slot == slot


def test_a_change_keeps_the_check_in_code(campaign, slot):
    registration = pickups.book(RegistrationFactory(campaign=campaign), slot)
    later = PickupSlotFactory(campaign=campaign, starts_at=slot.starts_at + timedelta(days=1))
    moved = pickups.change(registration, later)
    assert moved.pickup_slot == later and moved.check_in_code == registration.check_in_code


def test_a_change_after_the_cutoff_is_refused(campaign):
    soon = PickupSlotFactory(campaign=campaign, starts_at=timezone.now() + timedelta(hours=30))
    registration = pickups.book(RegistrationFactory(campaign=campaign), soon)
    other = PickupSlotFactory(campaign=campaign, starts_at=timezone.now() + timedelta(days=3))
    with pytest.raises(pickups.BookingError, match="can no longer be changed"):
        pickups.change(registration, other, now=timezone.now() + timedelta(hours=7))
    assert pickups.change(registration, other).pickup_slot == other  # 30 hours before: still in time


def test_a_waitlisted_family_cannot_book(campaign, slot):
    with pytest.raises(pickups.BookingError, match="waiting list"):
        pickups.book(RegistrationFactory(campaign=campaign, status="waitlisted"), slot)


def test_a_slot_that_has_started_or_belongs_to_another_drive_is_refused(home, campaign):
    from tests.holiday_drive.factories import HolidayCampaignPageFactory

    registration = RegistrationFactory(campaign=campaign)
    started = PickupSlotFactory(campaign=campaign, starts_at=timezone.now() - timedelta(minutes=5))
    with pytest.raises(pickups.BookingError, match="already started"):
        pickups.book(registration, started)
    other_drive = HolidayCampaignPageFactory(parent=home, slug="holiday-2027", family_number_prefix="H27")
    with pytest.raises(pickups.BookingError, match="another holiday drive"):
        pickups.book(registration, PickupSlotFactory(campaign=other_drive))


def test_slots_with_room_leave_out_full_and_past_ones(campaign, slot):
    PickupSlotFactory(campaign=campaign, starts_at=timezone.now() - timedelta(hours=2))
    full = PickupSlotFactory(campaign=campaign, capacity=1)
    pickups.book(RegistrationFactory(campaign=campaign), full)
    assert list(campaign.pickup_slots.with_room()) == [slot]


def test_the_times_offered_are_those_with_room_and_a_change_to_a_time_or_a_site_shows_at_once(campaign, slot):
    """The times and sites are kept between requests; which have room is asked every time."""
    PickupSlotFactory(campaign=campaign, starts_at=timezone.now() - timedelta(hours=2))
    full = PickupSlotFactory(campaign=campaign, capacity=1, starts_at=slot.starts_at + timedelta(hours=1))
    assert campaign.pickup_times_with_room() == [slot, full]
    pickups.book(RegistrationFactory(campaign=campaign), full)
    assert campaign.pickup_times_with_room() == [slot]
    slot.site.name = "Oakland Mills Middle"
    slot.site.save()
    assert [each.site.name for each in campaign.pickup_times_with_room()] == ["Oakland Mills Middle"]
    full.capacity = 2
    full.ends_at += timedelta(minutes=30)
    full.save()
    offered = campaign.pickup_times_with_room()
    assert offered == [slot, full] and offered[1].ends_at == full.ends_at
    later = PickupSlotFactory(campaign=campaign, starts_at=slot.starts_at + timedelta(days=1))
    assert campaign.pickup_times_with_room() == [slot, full, later] == list(campaign.pickup_slots.with_room())
