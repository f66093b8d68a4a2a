"""Staff decisions on registrations: promoting from the waiting list, resolving possible duplicates.

Both change statuses only through `holiday_drive.statuses.move`; a refused decision raises
`statuses.InvalidMove` (or a subclass) and changes nothing.
"""

from django.db import transaction

from holiday_drive import duplicates, statuses
from holiday_drive.models import DuplicateFlag, HolidayCampaignPage, Registration

Status = Registration.Status


class PromotionRefused(statuses.InvalidMove):
    """Nobody waits, or no place is free; the message says which, for staff."""


def confirm(registration, *, by=None):
    """Staff checked the registration. A waiting family is promoted first: the waiting list keeps its order."""
    if registration.is_waitlisted:
        raise statuses.InvalidMove("Families leave the waiting list in order: promote from the waiting list first.")
    return statuses.move(registration, Status.CONFIRMED, by=by)


def first_waiting(campaign):
    return campaign.registrations.waitlisted().order_by("sequence").first()


def promote_next(campaign, *, by=None):
    """Give the first family on the waiting list a place (it becomes registered) and return it.

    Raises PromotionRefused when nobody waits or every place under the family cap is taken.
    """
    with transaction.atomic():
        # The lock registration takes too: a family registering now cannot take the same place.
        campaign = HolidayCampaignPage.objects.select_for_update(of=("self",)).get(pk=campaign.pk)
        registration = first_waiting(campaign)
        if registration is None:
            raise PromotionRefused("Nobody is on the waiting list.")
        taken = campaign.places_taken()
        if taken >= campaign.family_cap:
            raise PromotionRefused(
                f"No place is free: {taken} of {campaign.family_cap} places are taken. "
                "Cancel a registration or raise the campaign's family cap first."
            )
        return statuses.move(registration, Status.REGISTERED, by=by)


def has_free_place(campaign):
    """True when someone waits and the cap leaves room: staff should promote the next family."""
    return campaign.places_taken() < campaign.family_cap and campaign.registrations.waitlisted().exists()


def resolve_duplicate(flag, *, is_duplicate, by):
    """Settle a possible duplicate and every other open flag between the same two registrations.

    The same family: the flags are confirmed and the later registration is cancelled (the family
    keeps its first number). Different families: the flags are dismissed. Returns the cancelled
    registration, or None.
    """
    with transaction.atomic():
        pair = [flag.registration_id, flag.resembles_id]
        open_flags = list(
            DuplicateFlag.objects.select_for_update().filter(
                registration_id__in=pair, resembles_id__in=pair, status=DuplicateFlag.Status.OPEN
            )
        )
        if not any(open_flag.pk == flag.pk for open_flag in open_flags):
            raise statuses.InvalidMove("This possible duplicate was already resolved.")
        cancelled = None
        if is_duplicate:
            later = Registration.objects.filter(pk__in=pair).order_by("-sequence").first()
            if later.status != Status.CANCELLED:
                cancelled = statuses.move(later, Status.CANCELLED, by=by)
        resolve = duplicates.confirm if is_duplicate else duplicates.dismiss
        for open_flag in open_flags:
            resolve(open_flag, by)
    return cancelled
