"""Booking a pickup slot: never past its capacity, even when many families book at once.

Locks are taken in one order everywhere (the registration, then the slot), so parallel
bookings queue on the slot's row instead of deadlocking.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from holiday_drive import notifications
from holiday_drive.models import PickupSlot, Registration
from holiday_drive.models.registrations import BOOKABLE_STATUSES, new_check_in_code

Status = Registration.Status


class BookingError(Exception):
    """Why a booking was refused, in words for the family."""


class SlotFull(BookingError):
    pass


def book(registration, slot, *, now=None):
    """Give the registration this slot and a check-in code; a registration that has a slot is changing it.

    The family is told by its channel. (A new registration gets its slot when created: lock_for_new_place.)
    """
    return _assign(registration, slot, now or timezone.now())


def change(registration, slot, *, now=None):
    """Move the registration to another slot, until the campaign's cutoff before its current one."""
    return book(registration, slot, now=now)


def _assign(registration, slot, now):
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.pickup_slot_id == slot.pk:
            return registration
        _check_allowed(registration, slot, now)
        slot = PickupSlot.objects.select_for_update().get(pk=slot.pk)
        if slot.booked_count() >= slot.capacity:
            raise SlotFull(_("This pickup time is full. Please choose another one."))
        had_a_slot = registration.pickup_slot_id is not None
        registration.pickup_slot = slot
        fields = ["pickup_slot"]
        if not registration.check_in_code:
            registration.check_in_code = unused_check_in_code()
            fields.append("check_in_code")
        registration.save(update_fields=fields)
        notifications.tell_family(registration, "pickup_changed" if had_a_slot else "pickup_booked")
    return registration


def lock_for_new_place(slot, campaign, now):
    """For a registration about to be created in `campaign`: `slot` locked, when it is the campaign's and to come.

    The same guard as book(): the slot's row is locked before its families are counted (by the caller, in the
    same transaction: HolidayCampaignPage.registration_counts(slot)), so a parallel booking of it waits for this
    transaction. Returns None for a slot the family may not book.
    """
    if slot.campaign_id != campaign.pk or slot.starts_at <= now:
        return None
    return PickupSlot.objects.select_for_update().get(pk=slot.pk)


def _check_allowed(registration, slot, now):
    if registration.status == Status.WAITLISTED:
        raise BookingError(_("Families on the waiting list choose a pickup time when a place opens for them."))
    if registration.status not in BOOKABLE_STATUSES:
        raise BookingError(_("This registration can no longer book a pickup time."))
    if slot.campaign_id != registration.campaign_id:
        raise BookingError(_("This pickup time belongs to another holiday drive."))
    if slot.starts_at <= now:
        raise BookingError(_("This pickup time has already started. Please choose a later one."))
    if not registration.can_change_pickup(now):
        raise BookingError(
            _("Pickup times can no longer be changed this close to your pickup. Please call the office.")
        )


def unused_check_in_code():
    """A fresh code; the unique column is the real guard, this only makes a collision near impossible."""
    for _attempt in range(5):
        code = new_check_in_code()
        if not Registration.objects.filter(check_in_code=code).exists():
            return code
    raise IntegrityError("Could not find an unused check-in code.")
