import pytest
from django.utils import timezone

from holiday_drive import statuses
from holiday_drive.models import Registration
from tests.holiday_drive.factories import AdoptionFactory, PickupSlotFactory, RegistrationFactory, SponsorFactory

Status = Registration.Status


def test_a_registered_family_can_be_confirmed(campaign, staff):
    registration = RegistrationFactory(campaign=campaign)
    before = registration.status_changed_at

    statuses.move(registration, Status.CONFIRMED, by=staff)

    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED
    assert registration.status_changed_at > before


def test_a_refused_move_changes_nothing(campaign):
    registration = RegistrationFactory(campaign=campaign)

    with pytest.raises(statuses.InvalidMove):
        statuses.move(registration, Status.PICKED_UP)

    registration.refresh_from_db()
    assert registration.status == Status.REGISTERED


@pytest.mark.parametrize("target", [Status.REGISTERED, Status.CONFIRMED])
def test_a_waitlisted_family_can_be_promoted(campaign, target):
    registration = RegistrationFactory(campaign=campaign, status=Status.WAITLISTED)

    statuses.move(registration, target)

    assert Registration.objects.get(pk=registration.pk).status == target


def test_cancelling_frees_the_pickup_place(campaign):
    slot = PickupSlotFactory(campaign=campaign, capacity=1)
    registration = RegistrationFactory(campaign=campaign, status=Status.CONFIRMED, pickup_slot=slot)

    statuses.move(registration, Status.CANCELLED)

    registration.refresh_from_db()
    assert (registration.status, registration.pickup_slot) == (Status.CANCELLED, None)
    assert slot.booked_count() == 0


@pytest.mark.parametrize("final", [Status.PICKED_UP, Status.NO_SHOW, Status.CANCELLED])
def test_a_final_state_cannot_be_cancelled(campaign, final):
    registration = RegistrationFactory(campaign=campaign, status=final)

    with pytest.raises(statuses.InvalidMove):
        statuses.move(registration, Status.CANCELLED)


def test_a_family_without_gifts_goes_from_confirmed_to_ready(campaign):
    registration = RegistrationFactory(campaign=campaign, status=Status.CONFIRMED, wants_gifts=False)

    statuses.move(registration, Status.READY)

    assert Registration.objects.get(pk=registration.pk).status == Status.READY


def test_a_family_with_gifts_waits_for_a_sponsor_before_ready(campaign):
    registration = RegistrationFactory(campaign=campaign, status=Status.CONFIRMED, wants_gifts=True)

    with pytest.raises(statuses.InvalidMove, match="gifts"):
        statuses.move(registration, Status.READY)


def test_only_an_adopted_family_is_sponsored(campaign):
    registration = RegistrationFactory(campaign=campaign, status=Status.CONFIRMED)

    with pytest.raises(statuses.InvalidMove):
        statuses.move(registration, Status.SPONSORED)

    AdoptionFactory(sponsor=SponsorFactory(campaign=campaign), registration=registration)
    statuses.move(registration, Status.SPONSORED)
    assert Registration.objects.get(pk=registration.pk).status == Status.SPONSORED


def test_a_sponsored_family_is_ready_once_gifts_are_received(campaign):
    registration = RegistrationFactory(campaign=campaign, status=Status.SPONSORED)
    adoption = AdoptionFactory(sponsor=SponsorFactory(campaign=campaign), registration=registration)
    with pytest.raises(statuses.InvalidMove, match="not been received"):
        statuses.move(registration, Status.READY)

    adoption.gifts_received_at = timezone.now()
    adoption.save()
    statuses.move(registration, Status.READY)

    assert Registration.objects.get(pk=registration.pk).status == Status.READY


def test_picking_up_records_when_and_by_whom(campaign, staff):
    registration = RegistrationFactory(campaign=campaign, status=Status.READY)

    statuses.move(registration, Status.PICKED_UP, by=staff)

    registration.refresh_from_db()
    assert registration.checked_in_by == staff
    assert registration.picked_up_at is not None


def test_the_move_is_checked_against_the_saved_state_not_a_stale_copy(campaign):
    registration = RegistrationFactory(campaign=campaign, status=Status.READY)
    stale = Registration.objects.get(pk=registration.pk)
    statuses.move(registration, Status.PICKED_UP)

    with pytest.raises(statuses.InvalidMove):
        statuses.move(stale, Status.NO_SHOW)

    assert Registration.objects.get(pk=registration.pk).status == Status.PICKED_UP


def test_allowed_moves_lists_what_staff_can_do_next(campaign):
    registration = RegistrationFactory(campaign=campaign, status=Status.CONFIRMED, wants_gifts=True)

    # Not ready (it waits for a sponsor's gifts), not sponsored (nobody adopted it); at the site it may be picked up.
    assert statuses.allowed_moves(registration) == [Status.PICKED_UP, Status.NO_SHOW, Status.CANCELLED]
