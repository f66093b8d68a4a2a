"""What we hold about a household, and forgetting it: the family's own copy, retention, deletion on request.

Anonymising keeps what reports count (kinds, statuses, dates, ZIP code, school, language, ages, grades,
sizes, what was given and amounts) and removes what names or reaches a person or was written about
them: names, phone, email, street address, the private flags, the link to their account, children's
names and wishes, and every note and free-text field. The household row stays, so every report gives
the same figures before and after.

Each app that holds household data describes it as a Part. aid_requests never imports holiday_drive,
so the holiday drive adds its part from its AppConfig.ready().
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import DateTimeField, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from wagtail.log_actions import log

from aid_requests.models import AidRequest, Child, Household, StatusEvent
from aid_requests.models.fulfilments import Fulfilment
from aid_requests.models.offers import Offer
from portal.calendar_months import months_before
from portal.models import FamilyNotice

logger = logging.getLogger(__name__)

ANONYMISED = "aid_requests.anonymise"
BATCH = 500  # households per transaction: short locks, and a run cut short keeps what it finished
DELETION_REQUESTED = "aid_requests.request_deletion"


@dataclass(frozen=True)
class Part:
    """One kind of case a household can have, and what the household's data holds of it."""

    name: str
    records: Callable  # (households) -> list of everything held, for the family's own copy
    anonymise: Callable  # (household ids) -> None; blanks the part's names and free text
    # () -> the part's case rows (with `household` and `status_changed_at`), and those still open; None for a
    # part whose cases are another part's (a referral is a request), so they are not counted twice.
    cases: Callable | None = None
    open_cases: Callable | None = None


PARTS: dict[str, Part] = {}


def register(part):
    PARTS[part.name] = part


class HasOpenCase(Exception):
    """Anonymising would break a case staff or an agency still work on."""


def open_households():
    """Ids of households with any case open in any part, as one subquery."""
    query = Q()
    for part in _with_cases():
        query |= Q(pk__in=part.open_cases().values("household_id"))
    return Household.objects.filter(query).values("pk")


def due(now=None, months=None):
    """Households not yet anonymised, with nothing open, whose last case closed before the retention period.

    A household's last activity is the latest close of any of its cases, or its creation when it has none.
    One query whatever the number of households.
    """
    months = settings.RETENTION_MONTHS if months is None else months
    cutoff = months_before(now or timezone.now(), months)
    closes = [
        Coalesce(_last_change(part.cases()), "created_at", output_field=DateTimeField()) for part in _with_cases()
    ]
    last = Greatest(*closes, output_field=DateTimeField()) if len(closes) > 1 else closes[0]
    return (
        Household.objects.filter(anonymised_at__isnull=True)
        .exclude(pk__in=open_households())
        .annotate(last_activity=last)
        .filter(last_activity__lt=cutoff)
    )


def anonymise(household_ids, *, user=None):
    """Anonymise these households, skipping any with an open case or already done; returns how many were.

    Runs in one transaction with the households locked, so a case opened meanwhile is seen.
    """
    with transaction.atomic():
        ids = list(
            Household.objects.select_for_update()
            .filter(pk__in=list(household_ids), anonymised_at__isnull=True)
            .exclude(pk__in=open_households())
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        if not ids:
            return 0
        for part in PARTS.values():
            part.anonymise(ids)
        Household.objects.filter(pk__in=ids).update(
            guardian_name="",
            phone="",
            email="",
            street_address="",
            is_homeless=False,
            has_free_meals=False,
            mckinney_vento=False,
            mckinney_vento_marked_by=None,
            user=None,
            anonymised_at=timezone.now(),
        )
        for household in Household.objects.filter(pk__in=ids):
            log(household, ANONYMISED, user=user)
    return len(ids)


def anonymise_due(now=None, months=None):
    """The retention job: anonymise every household past the retention period; logs and returns the count."""
    months = settings.RETENTION_MONTHS if months is None else months
    ids = list(due(now, months).values_list("pk", flat=True))
    count = sum(anonymise(ids[start : start + BATCH]) for start in range(0, len(ids), BATCH))
    logger.info("Retention: anonymised %s households whose last case closed over %s months ago", count, months)
    return count


def anonymise_one(household, *, user):
    """Staff carry out a family's deletion request; refused while a case is open."""
    if Household.objects.filter(pk=household.pk).filter(pk__in=open_households()).exists():
        raise HasOpenCase
    return anonymise([household.pk], user=user) == 1


def request_deletion(user):
    """The signed-in family asks us to delete what we hold; returns how many households that covers."""
    households = list(Household.objects.filter(user=user, anonymised_at__isnull=True))
    now = timezone.now()
    for household in households:
        if household.deletion_requested_at is None:
            Household.objects.filter(pk=household.pk).update(deletion_requested_at=now)
            log(household, DELETION_REQUESTED, user=user)
    return len(households)


def deletion_requested_at(user):
    """When the signed-in family asked for deletion, if they did and it is not done yet."""
    return (
        Household.objects.filter(user=user, anonymised_at__isnull=True)
        .exclude(deletion_requested_at=None)
        .order_by("deletion_requested_at")
        .values_list("deletion_requested_at", flat=True)
        .first()
    )


def deletion_requests():
    """Households whose family asked for deletion and that staff have not anonymised yet, oldest first."""
    return Household.objects.filter(deletion_requested_at__isnull=False, anonymised_at__isnull=True).order_by(
        "deletion_requested_at", "pk"
    )


def everything_held(user):
    """Everything we hold about the signed-in family: their households and every part's records.

    Dates and amounts stay Python values: the page formats them, DjangoJSONEncoder writes them.
    """
    households = list(Household.objects.filter(user=user).prefetch_related("children").order_by("created_at"))
    return {
        "exported_at": timezone.now(),
        "account": {"email": user.email, "date_joined": user.date_joined},
        "households": [_household_record(household) for household in households],
        **{name: part.records(households) for name, part in PARTS.items()},
    }


def _household_record(household):
    fields = [
        "guardian_name",
        "phone",
        "email",
        "zip_code",
        "street_address",
        "schools",
        "is_homeless",
        "has_free_meals",
        "consent_to_share",
        "consent_given_at",
        "created_at",
        "deletion_requested_at",
    ]
    child_fields = [
        *["first_name", "age", "grade", "school"],
        *["size_top", "size_bottom", "size_shoes", "size_coat", "notes"],
    ]
    return {
        "id": household.pk,
        **{name: getattr(household, name) for name in fields},
        "preferred_language": household.get_preferred_language_display(),
        "contact_method": household.get_contact_method_display(),
        "children": [{name: getattr(child, name) for name in child_fields} for child in household.children.all()],
    }


def _with_cases():
    return [part for part in PARTS.values() if part.cases is not None]


def _last_change(cases):
    """The latest status change among the case rows of the household OuterRef("pk"): one correlated subquery."""
    return Subquery(
        cases.filter(household=OuterRef("pk"))
        .order_by()
        .values("household")
        .annotate(last=Max("status_changed_at"))
        .values("last")
    )


# The requests part: requests, their timelines, offers and what was given.


def _request_records(households):
    requests = (
        AidRequest.objects.filter(household__in=households)
        .select_related("kind", "fulfilment")
        .prefetch_related("children", "fulfilment__items", "events")
        .order_by("created_at")
    )
    return [
        {
            "reference": aid_request.reference,
            "household": aid_request.household_id,
            "kind": aid_request.kind.label,
            "status": aid_request.get_status_display(),
            "urgency": aid_request.get_urgency_display(),
            "details": aid_request.details,
            "children": [child.first_name for child in aid_request.children.all()],
            "created_at": aid_request.created_at,
            "status_changed_at": aid_request.status_changed_at,
            # Every step; the text only of notes written to the family (staff-only notes are the office's
            # working notes, which the family may ask the office to review, as for any school record).
            "timeline": [
                {
                    "status": event.get_to_status_display(),
                    "at": event.created_at,
                    "note": event.note if event.visible_to_family else "",
                }
                for event in aid_request.events.all()
            ],
            "help_given": _fulfilment_record(aid_request),
        }
        for aid_request in requests
    ]


def _fulfilment_record(aid_request):
    fulfilment = getattr(aid_request, "fulfilment", None)
    if fulfilment is None:
        return None
    return {
        "given_on": fulfilment.given_on,
        "amount": fulfilment.amount,
        "items": [{"description": item.description, "quantity": item.quantity} for item in fulfilment.items.all()],
    }


def _anonymise_requests(ids):
    requests = AidRequest.objects.filter(household_id__in=ids)
    Child.objects.filter(household_id__in=ids).update(first_name="", notes="")
    requests.update(details="")
    StatusEvent.objects.filter(request__in=requests).update(note="")
    Offer.objects.filter(request__in=requests).update(decline_reason="")
    Fulfilment.objects.filter(request__in=requests).update(note="")
    # What was sent to the family: the address or number, and the words (they may carry a name or a code).
    FamilyNotice.objects.filter(household_id__in=ids).update(to="", body="", fallback_email=None)


register(
    Part(
        name="requests",
        cases=lambda: AidRequest.objects.all(),
        open_cases=lambda: AidRequest.objects.open(),
        records=_request_records,
        anonymise=_anonymise_requests,
    )
)
