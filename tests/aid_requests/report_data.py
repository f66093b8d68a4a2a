"""Hand-built requests whose report figures are worked out by hand in the tests."""

from datetime import datetime, timedelta
from decimal import Decimal

from django.utils import timezone

from aid_requests.models import AidRequest, Offer, StatusEvent
from aid_requests.workflow import request_moments
from resources.models import ServiceCategory
from tests.aid_requests.factories import AidRequestFactory
from tests.resources.factories import PartnerAgencyFactory


def at(year, month, day, hour=10):
    return timezone.make_aware(datetime(year, month, day, hour))


def made(
    kind,
    created_at,
    *,
    status="submitted",
    offer_after=None,
    accepted_after=None,
    fulfilled_after=None,
    school="Bryant Woods Elementary",
    amount=None,
    declined=None,
):
    """A request of `kind` made at `created_at`, offered, accepted and fulfilled after so many hours."""
    aid_request = AidRequestFactory(kind=ServiceCategory.objects.get(slug=kind), household__schools=school)
    AidRequest.objects.filter(pk=aid_request.pk).update(created_at=created_at, status=status, amount_secured=amount)
    agency = PartnerAgencyFactory()
    if declined is not None:
        Offer.objects.create(
            request=aid_request,
            agency=agency,
            status="declined",
            decline_reason=declined,
            offered_at=created_at + timedelta(hours=3),
            deadline=created_at + timedelta(hours=3),
            answered_at=created_at + timedelta(hours=3),
        )
    if offer_after is not None:
        offered_at = created_at + timedelta(hours=offer_after)
        accepted = accepted_after is not None
        Offer.objects.create(
            request=aid_request,
            agency=PartnerAgencyFactory(),
            status="accepted" if accepted else "offered",
            offered_at=offered_at,
            deadline=offered_at + timedelta(hours=48),
            answered_at=created_at + timedelta(hours=accepted_after) if accepted else None,
        )
    if fulfilled_after is not None:
        StatusEvent.objects.create(
            request=aid_request,
            from_status="accepted",
            to_status="fulfilled",
            created_at=created_at + timedelta(hours=fulfilled_after),
        )
    # Built row by row, not through the flows: the moments are filled as the migration filled them.
    AidRequest.objects.filter(pk=aid_request.pk).update(**request_moments())
    return aid_request


def two_kinds_over_two_months():
    """Two clothing requests in September 2025, one dental request in October 2025 with $120 secured."""
    made("clothing", at(2025, 9, 10), status="fulfilled", offer_after=2, accepted_after=5, fulfilled_after=50)
    made(
        "clothing",
        at(2025, 9, 20),
        status="accepted",
        offer_after=4,
        accepted_after=10,
        school="Wilde Lake High",
        declined="No winter coats in that size",
    )
    made("dental", at(2025, 10, 5), status="offered", offer_after=1, amount=Decimal("120.00"))
