"""The request queue's panels on the admin dashboard: what waits for staff, oldest first.

Each panel runs two queries (its first rows, and its count when there are more), whatever the volume.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.timesince import timesince

from aid_requests.models import AidRequest, Offer
from aid_requests.models.requests import Status, Urgency
from aid_requests.notifications import urgent_waiting
from portal.todo_panels import TodoItem, panel_from


def _queue(**filters):
    return f"{reverse('aid_requests_admin:index')}?{urlencode(filters, doseq=True)}"


def _request_item(aid_request, since=None):
    return TodoItem(
        label=f"{aid_request.reference} ({aid_request.kind.name})",
        url=reverse("aid_requests_admin:detail", args=[aid_request.pk]),
        detail=f"waiting {timesince(since or aid_request.status_changed_at)}",
    )


def request_panels(user, now=None):
    """The panels this user may see: none without permission to read requests."""
    if not user.has_perm("aid_requests.view_aidrequest"):
        return []
    now = now or timezone.now()
    days = settings.ACCEPTED_UNFULFILLED_DAYS
    panels = [
        panel_from(
            urgent_waiting(now),
            item=_request_item,
            name="todo-urgent",
            heading="Urgent requests waiting over 24 hours",
            list_url=_queue(
                urgency=[Urgency.URGENT, Urgency.EMERGENCY], status=[Status.SUBMITTED, Status.IN_REVIEW], waiting_days=1
            ),
            order=10,
        ),
        panel_from(
            AidRequest.objects.without_partner().select_related("kind").order_by("status_changed_at", "pk"),
            item=_request_item,
            name="todo-no-partner",
            heading="Requests no partner agency can take",
            list_url=_queue(no_partner="true"),
            order=20,
        ),
        panel_from(
            AidRequest.objects.accepted_unfulfilled(days, now)
            .select_related("kind")
            .order_by("status_changed_at", "pk"),
            item=_request_item,
            name="todo-not-fulfilled",
            heading=f"Accepted over {days} days ago, not yet fulfilled",
            list_url=_queue(status=Status.ACCEPTED, waiting_days=days),
            order=40,
        ),
    ]
    if user.has_perm("aid_requests.view_offer"):
        overdue = (
            Offer.objects.filter(status=Offer.Status.OFFERED, deadline__lt=now)
            .select_related("request__kind", "agency")
            .order_by("deadline", "pk")
        )
        panels.append(
            panel_from(
                overdue,
                item=lambda offer: TodoItem(
                    label=f"{offer.request.reference} ({offer.request.kind.name})",
                    url=reverse("aid_requests_admin:detail", args=[offer.request_id]),
                    detail=f"{offer.agency.name}, {timesince(offer.deadline, now)} past its answer time",
                ),
                name="todo-overdue-offers",
                heading="Offers past their answer time",
                list_url=_queue(offer_overdue="true"),
                order=30,
            )
        )
    return panels
