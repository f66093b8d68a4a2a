"""Checking families in at pickup by their check-in code, and closing a pickup time's no-shows.

Both go through holiday_drive.statuses.move, which locks the registration's row: a code
checked in twice at once, or while staff close the slot, is picked up once.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from holiday_drive import statuses
from holiday_drive.models import PickupSlot, Registration
from holiday_drive.models.registrations import BOOKABLE_STATUSES, normalize_check_in_code

Status = Registration.Status


class CheckInRefused(Exception):
    """Why a family cannot be checked in, in words for the volunteer."""


@dataclass
class CheckIn:
    registration: Registration
    # False when the code had been checked in before: nothing changed.
    is_new: bool


def find(code):
    """The registration holding this check-in code (typed or scanned, any case or dashes), or None."""
    code = normalize_check_in_code(code)
    if not code:
        return None
    return (
        Registration.objects.select_related("pickup_slot__site", "checked_in_by")
        .prefetch_related("children")
        .filter(check_in_code=code)
        .first()
    )


def refusal(registration):
    """Why this registration cannot be picked up now, or "" when it can (or already was)."""
    if registration.status == Status.WAITLISTED:
        return _("This family is on the waiting list and has no packages yet. Please send them to the staff desk.")
    if registration.status == Status.CANCELLED:
        return _("This registration was cancelled. Please send the family to the staff desk.")
    if registration.status == Status.NO_SHOW:
        return _("This family was marked as not picked up after their time. Please send them to the staff desk.")
    if registration.status != Status.PICKED_UP and not statuses.can_move(registration, Status.PICKED_UP):
        return _("This family’s packages are not marked ready (%(status)s). Please ask the staff at the site.") % {
            "status": registration.get_status_display()
        }
    return ""


def pick_up(code, *, by):
    """Mark the registration holding `code` picked up now by `by`, once, and return a CheckIn.

    The row is locked while deciding: a second check-in (even at the same moment) changes
    nothing and returns the first one's time and person. Raises CheckInRefused for an unknown
    code or a registration that cannot be picked up.
    """
    code = normalize_check_in_code(code)
    with transaction.atomic():
        registration = Registration.objects.select_for_update().filter(check_in_code=code).first() if code else None
        if registration is None:
            raise CheckInRefused(unknown_code_message())
        if registration.status == Status.PICKED_UP:
            return CheckIn(registration, is_new=False)
        reason = refusal(registration)
        if reason:
            raise CheckInRefused(reason)
        try:
            statuses.move(registration, Status.PICKED_UP, by=by)
        except statuses.InvalidMove as refused:
            raise CheckInRefused(str(refused)) from None
    return CheckIn(registration, is_new=True)


def unknown_code_message():
    return _("No family has this check-in code. Check the code, or send the family to the staff desk.")


def mark_no_shows(slot, *, by, now=None):
    """Once `slot` has ended, mark its families who did not come as not picked up; return how many.

    One locked change per family through statuses.move: a family checked in meanwhile stays picked up.
    Raises CheckInRefused before the slot's end.
    """
    now = now or timezone.now()
    if slot.ends_at > now:
        raise CheckInRefused(_("This pickup time has not ended yet. Families may still come."))
    marked = 0
    for registration in slot.registrations.filter(status__in=BOOKABLE_STATUSES).order_by("sequence"):
        try:
            statuses.move(registration, Status.NO_SHOW, by=by)
        except statuses.InvalidMove:
            continue  # picked up at the last moment, or in a state that cannot become a no-show
        marked += 1
    return marked


def slots_to_work(now=None):
    """Today's pickup times (local date), and ended ones with families never closed; `booked` and `unclaimed` set.

    One query whatever the number of slots.
    """
    now = now or timezone.now()
    return (
        PickupSlot.objects.with_booked()
        .annotate(unclaimed=Count("registrations", filter=Q(registrations__status__in=BOOKABLE_STATUSES)))
        .filter(Q(starts_at__date=timezone.localdate(now)) | Q(ends_at__lte=now, unclaimed__gt=0))
        .select_related("site")
        .order_by("starts_at", "site__name", "pk")
    )
