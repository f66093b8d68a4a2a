"""The state machine of a request: every change of status goes through `transition`.

submitted → in_review → approved → offered → accepted → fulfilled → closed, with
the exits declined (staff), withdrawn (the family) and back to approved when an
offer falls through. A school's referral starts at awaiting (the family) and moves
on when the family confirms, or when staff go ahead with a recorded reason. Each
change writes a StatusEvent and, when the family should see it, queues a
notification once the transaction commits.
"""

from django.db import transaction
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from aid_requests.models import AidRequest, Offer, StatusEvent
from aid_requests.models.offers import OPEN_STATUSES
from aid_requests.models.requests import Status

TRANSITIONS = {
    # A school's referral: the family confirms (submitted) or declines (withdrawn); staff may go ahead or decline.
    Status.AWAITING: {Status.SUBMITTED, Status.IN_REVIEW, Status.APPROVED, Status.DECLINED, Status.WITHDRAWN},
    Status.SUBMITTED: {Status.IN_REVIEW, Status.APPROVED, Status.DECLINED, Status.WITHDRAWN},
    Status.IN_REVIEW: {Status.APPROVED, Status.DECLINED, Status.WITHDRAWN},
    Status.APPROVED: {Status.OFFERED, Status.DECLINED, Status.WITHDRAWN, Status.CLOSED},
    Status.OFFERED: {Status.ACCEPTED, Status.APPROVED, Status.WITHDRAWN, Status.CLOSED},
    Status.ACCEPTED: {Status.FULFILLED, Status.APPROVED, Status.WITHDRAWN, Status.CLOSED},
    Status.FULFILLED: {Status.CLOSED},
    Status.DECLINED: {Status.IN_REVIEW},
    Status.WITHDRAWN: set(),
    Status.CLOSED: set(),
}


# Staff going ahead with a referral the family has not confirmed: allowed only with a reason, which is recorded.
OVERRIDES = {(Status.AWAITING, Status.IN_REVIEW), (Status.AWAITING, Status.APPROVED)}

# A request that ends here without help takes its open offer with it.
ENDS_WITHOUT_HELP = {Status.WITHDRAWN, Status.DECLINED, Status.CLOSED}


class InvalidTransition(Exception):
    """A move the states do not allow, e.g. approving a withdrawn request."""


def can_move(from_status, to_status):
    return to_status in TRANSITIONS.get(from_status, set())


def transition(aid_request, to_status, *, actor=None, note="", visible_to_family=True):
    """Move `aid_request` to `to_status`, or raise InvalidTransition and change nothing.

    The row is locked first, so two staff members (or a staff member and the family)
    acting at once cannot both move it from the same state.
    """
    with transaction.atomic():
        locked = AidRequest.objects.select_for_update().get(pk=aid_request.pk)
        if not can_move(locked.status, to_status):
            raise InvalidTransition(f"A request cannot go from {locked.status} to {to_status}.")
        if (locked.status, to_status) in OVERRIDES:
            if not note.strip():
                raise InvalidTransition(
                    "The family has not confirmed this referral: say why the office goes ahead (e.g. an emergency)."
                )
            # The referrer recorded how the family agreed; the reason above is why the office did not wait.
            household = locked.household
            household.record_consent(True)
            household.save(update_fields=["consent_to_share", "consent_given_at", "updated_at"])
        event = StatusEvent.objects.create(
            request=locked,
            from_status=locked.status,
            to_status=to_status,
            actor=actor,
            note=note,
            visible_to_family=visible_to_family,
        )
        now = timezone.now()
        if to_status in ENDS_WITHOUT_HELP and locked.status != Status.FULFILLED:
            # The agency must stop counting it against its capacity and stop seeing it.
            Offer.objects.filter(request=locked, status__in=OPEN_STATUSES).update(
                status=Offer.Status.WITHDRAWN, answered_at=now
            )
        # After its offers changed: every offer made, accepted or given up is followed by a change of status.
        AidRequest.objects.filter(pk=locked.pk).update(status=to_status, status_changed_at=now, **request_moments())
        if visible_to_family:
            transaction.on_commit(lambda: _notify(event.pk))
    aid_request.status, aid_request.status_changed_at = to_status, now
    return event


def request_moments():
    """The stored moments of "How fast requests were met", as expressions for `AidRequest.objects....update()`.

    Worked out from the request's offers and timeline, the way the report measured them before they were stored:
    - first_offered_at: its earliest offer, whatever became of it; a new offer after a decline or an expiry does
      not move it (once set it stays, even if the offers went);
    - accepted_at: when the agency holding it accepted, i.e. the answer of its one accepted offer; empty again
      when that offer falls through or is withdrawn, and a later acceptance replaces it;
    - fulfilled_at: its first move to fulfilled (a note added to a fulfilled request repeats the status on the
      timeline, but is no second fulfilment); once set it stays.
    """
    offers = Offer.objects.filter(request=OuterRef("pk")).order_by()
    fulfilled = StatusEvent.objects.filter(request=OuterRef("pk"), to_status=Status.FULFILLED)
    return {
        "first_offered_at": Coalesce(
            F("first_offered_at"), Subquery(offers.order_by("offered_at", "pk").values("offered_at")[:1])
        ),
        "accepted_at": Subquery(offers.filter(status=Offer.Status.ACCEPTED).values("answered_at")[:1]),
        "fulfilled_at": Coalesce(
            F("fulfilled_at"), Subquery(fulfilled.order_by("created_at", "pk").values("created_at")[:1])
        ),
    }


def add_message(aid_request, note, *, actor=None, visible_to_family=True):
    """A timeline entry without a change of status: a staff note, or a question to the family."""
    event = StatusEvent.objects.create(
        request=aid_request,
        from_status=aid_request.status,
        to_status=aid_request.status,
        actor=actor,
        note=note,
        visible_to_family=visible_to_family,
    )
    if visible_to_family:
        transaction.on_commit(lambda: _notify(event.pk))
    return event


def _notify(event_id):
    from aid_requests.notifications import send_status_update

    send_status_update.enqueue(event_id)
