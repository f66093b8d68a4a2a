"""The partner-agency portal's rules: who may use it, what an agency may see of a request, and help given.

An agency sees a request only while it is offered to or accepted by it, and only DESIGN.md's
allowlist: before acceptance the kind of help, the children's ages, grades and sizes, the ZIP,
language and urgency; after acceptance also the guardian's first name and the one contact detail
the family chose. `RequestForAgency.of` is that allowlist; partner templates render from it only.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils import timezone

from aid_requests.matching import OfferError
from aid_requests.models import AidRequest, Child, Fulfilment, FulfilmentItem, Household, Offer
from aid_requests.models.requests import Status, Urgency
from aid_requests.workflow import transition
from resources.models import AgencyMembership

SIZE_FIELDS = ["size_top", "size_bottom", "size_shoes", "size_coat"]
# How long requests the agency fulfilled stay on its list.
RECENTLY_GIVEN_DAYS = 30


@dataclass(frozen=True)
class ChildForAgency:
    age: int
    grade: str
    sizes: tuple  # (label, size) pairs, only those the family gave


@dataclass(frozen=True)
class FamilyContact:
    first_name: str
    method: str
    detail: str
    is_email: bool


@dataclass(frozen=True)
class RequestForAgency:
    """What an agency may see of one request offered to it; `contact` only once it accepted."""

    offer_id: int
    agency_id: int
    stage: str  # "new", "accepted" or "given"
    kind: str
    is_medical: bool
    children: tuple
    zip_code: str
    language: str
    urgency: str
    is_urgent: bool
    offered_at: datetime
    deadline: datetime
    answered_at: datetime | None
    is_overdue: bool
    contact: FamilyContact | None = None

    @classmethod
    def of(cls, offer):
        """Build the allowlist from an offer with its request, household, kind and children loaded."""
        aid_request, household = offer.request, offer.request.household
        accepted = offer.status == Offer.Status.ACCEPTED
        return cls(
            offer_id=offer.pk,
            agency_id=offer.agency_id,
            stage="given" if aid_request.status == Status.FULFILLED else "accepted" if accepted else "new",
            kind=aid_request.kind.label,
            is_medical=aid_request.is_medical,
            children=tuple(_child(child) for child in aid_request.children.all()),
            zip_code=household.zip_code,
            language=household.get_preferred_language_display(),
            urgency=aid_request.get_urgency_display(),
            is_urgent=aid_request.urgency != Urgency.ROUTINE,
            offered_at=offer.offered_at,
            deadline=offer.deadline,
            answered_at=offer.answered_at,
            is_overdue=offer.status == Offer.Status.OFFERED and offer.deadline <= timezone.now(),
            contact=_contact(household) if accepted else None,
        )


def _child(child):
    sizes = tuple(
        (Child._meta.get_field(name).verbose_name, getattr(child, name)) for name in SIZE_FIELDS if getattr(child, name)
    )
    return ChildForAgency(age=child.age, grade=child.get_grade_display(), sizes=sizes)


def _contact(household):
    """The guardian's first name and the one way to reach them the family chose; nothing else."""
    is_email = household.contact_method == Household.ContactMethod.EMAIL
    return FamilyContact(
        first_name=household.first_name,
        method=household.get_contact_method_display(),
        detail=household.email if is_email else household.phone_display,
        is_email=is_email,
    )


def memberships_of(user):
    """The user's memberships of active agencies, agency loaded, by agency name; one query."""
    if not user.is_authenticated:
        return []
    return list(
        AgencyMembership.objects.filter(user=user, agency__is_active=True)
        .select_related("agency")
        .order_by("agency__name", "agency_id")
    )


def has_membership(user):
    """Whether `user` may use the partner portal: the same rule as `memberships_of`, as one EXISTS query."""
    if user is None or not user.is_authenticated:
        return False
    return AgencyMembership.objects.filter(user=user, agency__is_active=True).exists()


def visible_offers(agencies):
    """Offers these agencies may open: still offered to them, or accepted by them and not closed since."""
    return Offer.objects.filter(agency__in=agencies).filter(
        Q(status=Offer.Status.OFFERED, request__status=Status.OFFERED)
        | Q(status=Offer.Status.ACCEPTED, request__status__in=[Status.ACCEPTED, Status.FULFILLED])
    )


def _with_request(offers):
    return offers.select_related("agency", "request__household", "request__kind").prefetch_related(
        Prefetch("request__children", Child.objects.order_by("pk"))
    )


def offer_for_agency(agencies, offer_id):
    """(offer, RequestForAgency) if one of `agencies` may open offer `offer_id`, else (None, None)."""
    offer = _with_request(visible_offers(agencies)).filter(pk=offer_id).first()
    return (offer, RequestForAgency.of(offer)) if offer else (None, None)


def portal_lists(agencies, now=None):
    """{agency pk: {"new": [...], "accepted": [...], "given": [...]}} of RequestForAgency; two queries.

    New offers are those not past their deadline; help given stays listed for RECENTLY_GIVEN_DAYS.
    """
    now = now or timezone.now()
    offers = (
        visible_offers(agencies)
        .exclude(status=Offer.Status.OFFERED, deadline__lte=now)
        .exclude(
            request__status=Status.FULFILLED,
            request__fulfilment__recorded_at__lt=now - timedelta(days=RECENTLY_GIVEN_DAYS),
        )
        .order_by("deadline", "pk")
    )
    lists = {agency.pk: {"new": [], "accepted": [], "given": []} for agency in agencies}
    for offer in _with_request(offers):
        view = RequestForAgency.of(offer)
        lists[offer.agency_id][view.stage].append(view)
    return lists


def record_fulfilment(offer, user, *, items, given_on, amount=None, note=""):
    """Record what the agency gave and move the request to fulfilled, all or nothing; returns the Fulfilment.

    `items` are (description, quantity) pairs. Raises OfferError when the offer is no longer
    accepted, and ValidationError (ValueError for no items) on bad input; either way nothing changes.
    """
    if not items:
        raise ValueError("Record at least one item given.")
    with transaction.atomic():
        locked = AidRequest.objects.select_for_update().get(pk=offer.request_id)
        current = Offer.objects.get(pk=offer.pk)
        if current.status != Offer.Status.ACCEPTED or locked.status != Status.ACCEPTED:
            raise OfferError(f"This request is {locked.get_status_display().lower()}.")
        if given_on > timezone.localdate():
            raise ValueError("The date given cannot be in the future.")
        fulfilment = Fulfilment(
            request=locked, offer=current, recorded_by=user, given_on=given_on, amount=amount, note=note
        )
        fulfilment.full_clean()
        fulfilment.save()
        for description, quantity in items:
            item = FulfilmentItem(fulfilment=fulfilment, description=description, quantity=quantity)
            item.full_clean()
            item.save()
        if amount is not None:
            AidRequest.objects.filter(pk=locked.pk).update(amount_secured=amount)
        transition(locked, Status.FULFILLED, actor=user)
    return fulfilment


def fulfilment_of(aid_request):
    """The request's Fulfilment with its items, or None; for the family's pages."""
    return Fulfilment.objects.filter(request=aid_request).prefetch_related("items").first()
