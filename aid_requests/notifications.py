"""Notices to families (by the channel each chose, through portal.notices) and emails to agencies and staff,
sent as tasks. Every notice is also on the status page, so nothing depends on it arriving; subjects never
carry a name or a code."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from aid_requests.models import AidRequest, Household, Offer, StatusEvent
from aid_requests.models.requests import Status, Urgency
from portal import notices
from portal.emails import send_email
from portal.roles import STAFF


@task()
def send_confirmation(household_id):
    """Tell a family we received their requests, with each reference code and what happens next."""
    household = Household.objects.get(pk=household_id)
    requests = list(household.requests.select_related("kind").order_by("pk"))
    notices.notify("request_received", household, {"requests": requests})


@task()
def send_status_update(event_id):
    """Tell a family that their request moved on, or that staff need something from them."""
    event = StatusEvent.objects.select_related("request__household", "request__kind").get(pk=event_id)
    if not event.visible_to_family:
        return
    household = event.request.household
    notices.notify("status_update", household, {"event": event, "aid_request": event.request})


def urgent_waiting(now=None):
    """Urgent and emergency requests nobody has moved for more than a day."""
    cutoff = (now or timezone.now()) - timedelta(hours=24)
    return (
        AidRequest.objects.filter(
            status__in=[Status.SUBMITTED, Status.IN_REVIEW],
            urgency__in=[Urgency.URGENT, Urgency.EMERGENCY],
            status_changed_at__lt=cutoff,
        )
        .select_related("kind")
        .order_by("created_at")
    )


@task()
def send_staff_digest():
    """One email to every staff member listing urgent requests waiting over 24 hours; returns how many."""
    waiting = list(urgent_waiting())
    recipients = list(
        get_user_model().objects.filter(groups__name=STAFF, is_active=True).values_list("email", flat=True)
    )
    if waiting and recipients:
        send_email(
            "staff_digest",
            f"{len(waiting)} urgent requests are waiting",
            recipients,
            {"requests": waiting},
        )
    return len(waiting)


@task()
def send_new_offers(agency_id, offer_ids):
    """One email to an agency's people saying how many new requests wait for an answer; returns how many.

    Names no family and no code: the details are behind the sign-in at /partners/.
    """
    offers = list(
        Offer.objects.filter(pk__in=offer_ids, agency_id=agency_id, status=Offer.Status.OFFERED).order_by("deadline")
    )
    recipients = list(
        get_user_model()
        .objects.filter(agency_memberships__agency_id=agency_id, is_active=True)
        .exclude(email="")
        .order_by("email")
        .values_list("email", flat=True)
        .distinct()
    )
    if not (offers and recipients):
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        send_email(
            "new_offers",
            _("New requests for help wait for your answer"),
            recipients,
            {"count": len(offers), "deadline": offers[0].deadline, "agency": offers[0].agency},
        )
    return len(offers)
