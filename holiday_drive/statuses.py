"""The registration's states and the one place every change of state goes through.

registered → confirmed → sponsored → ready → picked_up / no_show (DESIGN.md, Holiday drive):
- waitlisted → registered or confirmed: a place opened and staff promoted the family;
- confirmed → ready only when the family asked for no gifts (nothing to wait for from a sponsor);
- sponsored → ready once the sponsor's gifts were received (holiday_drive.sponsoring records them);
- sponsored → confirmed when a sponsor withdraws: the family goes back to the list sponsors see;
- confirmed, sponsored or ready → picked_up / no_show: at the site a family takes what is there (food
  and clothing bags are packed for every confirmed family; gifts a sponsor never brought must not keep
  them from it), so volunteers check in any confirmed family;
- cancelled from any state that is not final; picked_up, no_show and cancelled are final.

Callers: `statuses.move(registration, Registration.Status.READY, by=request.user)`.
"""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from holiday_drive import notifications
from holiday_drive.models import Adoption, Registration

Status = Registration.Status

logger = logging.getLogger(__name__)

TRANSITIONS = {
    Status.WAITLISTED: {Status.REGISTERED, Status.CONFIRMED, Status.CANCELLED},
    Status.REGISTERED: {Status.CONFIRMED, Status.CANCELLED},
    Status.CONFIRMED: {Status.SPONSORED, Status.READY, Status.PICKED_UP, Status.NO_SHOW, Status.CANCELLED},
    Status.SPONSORED: {Status.READY, Status.CONFIRMED, Status.PICKED_UP, Status.NO_SHOW, Status.CANCELLED},
    Status.READY: {Status.PICKED_UP, Status.NO_SHOW, Status.CANCELLED},
    Status.PICKED_UP: set(),
    Status.NO_SHOW: set(),
    Status.CANCELLED: set(),
}
FINAL = {status for status, targets in TRANSITIONS.items() if not targets}


class InvalidMove(Exception):
    """The registration cannot go to that state from where it is; the message says why, for staff."""


def can_move(registration, to_status):
    """True when `move` would accept the change (checked on this instance, without a lock)."""
    try:
        _check(registration, Status(to_status))
    except InvalidMove:
        return False
    return True


def allowed_moves(registration):
    """The states this registration can go to now, in the order of Status."""
    return [
        status for status in Status if status in TRANSITIONS[registration.status] and can_move(registration, status)
    ]


def move(registration, to_status, *, by=None):
    """Change the registration's state under a row lock and return it; raise InvalidMove and change nothing if refused.

    The instance passed in is updated too. Cancelling frees the pickup place; picking up records when and by whom.
    """
    to_status = Status(to_status)
    with transaction.atomic():
        locked = Registration.objects.select_for_update().get(pk=registration.pk)
        _check(locked, to_status)
        current = locked.status
        now = timezone.now()
        locked.status, locked.status_changed_at = to_status, now
        fields = ["status", "status_changed_at"]
        if to_status == Status.CANCELLED and locked.pickup_slot_id is not None:
            locked.pickup_slot = None
            fields.append("pickup_slot")
        if to_status == Status.PICKED_UP:
            locked.picked_up_at, locked.checked_in_by = now, by
            fields += ["picked_up_at", "checked_in_by"]
        locked.save(update_fields=fields)
        if to_status == Status.CANCELLED:
            end_adoption(locked, reason="cancelled")
        notice = _notice_for(current, to_status)
        if notice:
            notifications.tell_family(locked, notice)
    for field in fields:
        setattr(registration, field, getattr(locked, field))
    # The family number is anonymous: safe to log, unlike anything about the household.
    logger.info(
        "holiday registration %s moved to %s by user %s", locked.family_number, to_status, getattr(by, "pk", None)
    )
    return registration


def end_adoption(registration, *, reason):
    """Remove the registration's adoption, if any, and tell its sponsor (by family number only) once committed.

    `reason` is "cancelled" (the family's registration ended) or "released" (staff freed the family).
    """
    adoption = Adoption.objects.select_related("sponsor").filter(registration=registration).first()
    if adoption is None:
        return None
    adoption.delete()
    notifications.tell_sponsor(adoption.sponsor, registration.family_number, reason)
    logger.info("holiday registration %s: adoption ended (%s)", registration.family_number, reason)
    return adoption


def release_adoption(registration, *, by=None):
    """Staff free an adopted family from its sponsor: the adoption ends, the sponsor is told, and a sponsored
    family goes back to confirmed, on the list sponsors choose from. Raise InvalidMove when there is none."""
    with transaction.atomic():
        locked = Registration.objects.select_for_update().get(pk=registration.pk)
        if locked.status in FINAL or end_adoption(locked, reason="released") is None:
            raise InvalidMove(_("This family has no sponsor to release."))
        if locked.status == Status.SPONSORED:
            move(locked, Status.CONFIRMED, by=by)
    registration.refresh_from_db()
    return registration


def _notice_for(current, to_status):
    """The notice a family gets for this move (portal.notices), or None: staff's bookkeeping moves are silent."""
    if current == Status.WAITLISTED and to_status in {Status.REGISTERED, Status.CONFIRMED}:
        return "holiday_promoted"
    if current == Status.REGISTERED and to_status == Status.CONFIRMED:
        return "holiday_confirmed"
    return None


def _check(registration, to_status):
    current = Status(registration.status)
    if to_status not in TRANSITIONS[current]:
        raise InvalidMove(
            _("A registration that is “%(current)s” cannot become “%(target)s”.")
            % {"current": current.label, "target": to_status.label}
        )
    if current == Status.CONFIRMED and to_status == Status.READY and registration.wants_gifts:
        raise InvalidMove(_("This family asked for gifts: it is ready once a sponsor's gifts are received."))
    adoption = (
        Adoption.objects.filter(registration=registration).first() if _needs_adoption(current, to_status) else None
    )
    if to_status == Status.SPONSORED and adoption is None:
        raise InvalidMove(_("Only a family a sponsor has adopted can be marked sponsored."))
    if (
        current == Status.SPONSORED
        and to_status == Status.READY
        and (adoption is None or not adoption.gifts_received_at)
    ):
        raise InvalidMove(_("The sponsor's gifts have not been received yet."))
    if current == Status.SPONSORED and to_status == Status.CONFIRMED and adoption is not None:
        raise InvalidMove(_("Remove the sponsor's adoption first."))


def _needs_adoption(current, to_status):
    return to_status == Status.SPONSORED or (
        current == Status.SPONSORED and to_status in {Status.READY, Status.CONFIRMED}
    )
