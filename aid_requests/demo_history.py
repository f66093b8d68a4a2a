"""Two school years of finished demo requests for `seed_demo`, so the report charts show real shapes.

Deterministic (a seeded random generator), written in bulk, and made once: found again by the
households' example.org addresses. The households are invented ("Demo family 17"); nothing is real.
"""

import random
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from aid_requests.models import AidRequest, Fulfilment, Household, Offer, StatusEvent
from aid_requests.models.requests import MEDICAL_KINDS, REQUEST_KINDS, Status, Urgency
from aid_requests.report_filters import school_year_bounds, school_year_of
from aid_requests.workflow import request_moments
from resources.models import Agency, ServiceCategory

HOUSEHOLDS = 240
REQUESTS = 900
EMAIL_DOMAIN = "history.example.org"
SCHOOLS = [
    "Bryant Woods Elementary",
    "Oakland Mills Middle",
    "Ellicott Mills Middle",
    "Laurel Woods Elementary",
    "Hammond High",
    "Wilde Lake High",
    "Talbott Springs Elementary",
]
ZIP_CODES = ["21044", "21045", "21046", "21043", "20723"]
# Busier in August-September (back to school) and in winter (coats, holidays).
MONTH_WEIGHTS = {7: 2, 8: 5, 9: 6, 10: 3, 11: 4, 12: 5, 1: 4, 2: 3, 3: 2, 4: 2, 5: 2, 6: 1}
KIND_WEIGHTS = {"clothing": 8, "school-supplies": 7, "food": 5, "other-necessities": 3, "dental": 3,
                "vision": 3, "prescriptions": 2, "emergency-medical": 1, "hearing": 1}  # fmt: skip
ENDINGS = [(Status.CLOSED, 55), (Status.FULFILLED, 15), (Status.DECLINED, 8), (Status.WITHDRAWN, 7), ("none", 15)]
RECENT = timedelta(days=45)
DECLINE_REASONS = ["No capacity this month", "Outside our service area", "No sizes in stock", "Family unreachable"]


def _moment(rng, first_day, last_day):
    """A weighted working-hours moment between two dates."""
    days = [first_day + timedelta(days=offset) for offset in range((last_day - first_day).days)]
    weights = [MONTH_WEIGHTS[day.month] * (0.3 if day.weekday() >= 5 else 1) for day in days]
    day = rng.choices(days, weights)[0]
    return timezone.make_aware(datetime.combine(day, time(8 + rng.randrange(9), rng.randrange(60))))


def seed_history(today=None):
    """Requests from the start of last school year to a week ago; returns how many were made (0 the second time)."""
    if Household.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").exists():
        return 0
    agencies = list(Agency.objects.filter(is_partner=True).order_by("pk"))
    if not agencies:
        return 0
    rng = random.Random(2025)
    today = today or timezone.localdate()
    first_day, _after = school_year_bounds(school_year_of(today) - 1)
    last_day = today - timedelta(days=7)
    kinds = {category.slug: category for category in ServiceCategory.objects.filter(slug__in=REQUEST_KINDS)}
    households = Household.objects.bulk_create(
        Household(
            guardian_name=f"Demo family {number}",
            email=f"family{number}@{EMAIL_DOMAIN}",
            preferred_language="es" if number % 4 == 0 else "en",
            zip_code=rng.choice(ZIP_CODES),
            schools=rng.choice(SCHOOLS),
            consent_to_share=True,
        )
        for number in range(1, HOUSEHOLDS + 1)
    )
    slugs = [slug for slug in KIND_WEIGHTS if slug in kinds]
    requests, plans = [], []
    for _ in range(REQUESTS):
        slug = rng.choices(slugs, [KIND_WEIGHTS[slug] for slug in slugs])[0]
        created_at = _moment(rng, first_day, last_day)
        ending = rng.choices([ending for ending, _weight in ENDINGS], [weight for _ending, weight in ENDINGS])[0]
        if ending == "none" and created_at < timezone.make_aware(datetime.combine(last_day, time())) - RECENT:
            ending = Status.WITHDRAWN  # only recent requests still wait for a partner: the dashboard stays short
        requests.append(
            AidRequest(
                household=rng.choice(households),
                kind=kinds[slug],
                urgency=rng.choices([Urgency.ROUTINE, Urgency.URGENT, Urgency.EMERGENCY], [8, 3, 1])[0],
                status=Status.APPROVED if ending == "none" else ending,
                no_match_reason="No partner agency had room" if ending == "none" else "",
                details="Demo request.",
                created_at=created_at,
                status_changed_at=created_at,
                amount_secured=Decimal(rng.randrange(40, 900))
                if slug in MEDICAL_KINDS and ending in (Status.CLOSED, Status.FULFILLED)
                else None,
            )
        )
        plans.append(ending)
    requests = AidRequest.objects.bulk_create(requests)
    _timelines(rng, requests, plans, agencies)
    return len(requests)


def _timelines(rng, requests, plans, agencies):
    """Offers, acceptances, fulfilments and status events in the order they would have happened."""
    events, offers, fulfilments = [], [], []
    for aid_request, ending in zip(requests, plans, strict=True):
        moment = aid_request.created_at
        events.append(StatusEvent(request=aid_request, to_status=Status.SUBMITTED, created_at=moment))
        if ending in (Status.DECLINED, Status.WITHDRAWN):
            moment += timedelta(hours=rng.uniform(2, 72))
            events.append(StatusEvent(request=aid_request, from_status=Status.SUBMITTED, to_status=ending,
                                      created_at=moment))  # fmt: skip
            continue
        moment += timedelta(hours=rng.uniform(1, 40))
        if rng.random() < 0.3 or ending == "none":
            offers.append(_answered(aid_request, rng.choice(agencies), moment, rng, Offer.Status.DECLINED))
            moment += timedelta(hours=rng.uniform(2, 30))
        if ending == "none":
            continue
        offer = _answered(aid_request, rng.choice(agencies), moment, rng, Offer.Status.ACCEPTED)
        offers.append(offer)
        moment = offer.answered_at + timedelta(hours=rng.uniform(12, 24 * 12))
        events.append(StatusEvent(request=aid_request, from_status=Status.ACCEPTED, to_status=Status.FULFILLED,
                                  created_at=moment))  # fmt: skip
        fulfilments.append((aid_request, offer, moment))
    StatusEvent.objects.bulk_create(events)
    Offer.objects.bulk_create(offers)
    Fulfilment.objects.bulk_create(
        Fulfilment(request=aid_request, offer=offer, recorded_at=moment, given_on=moment.date())
        for aid_request, offer, moment in fulfilments
    )
    # Written in bulk, past the flows: the moments the speed report reads, as the migration fills them.
    AidRequest.objects.filter(pk__in=[aid_request.pk for aid_request in requests]).update(**request_moments())


def _answered(aid_request, agency, offered_at, rng, status):
    answered_at = offered_at + timedelta(hours=rng.uniform(0.5, 40))
    return Offer(
        request=aid_request,
        agency=agency,
        status=status,
        offered_at=offered_at,
        deadline=offered_at + timedelta(hours=48),
        answered_at=answered_at,
        decline_reason=rng.choice(DECLINE_REASONS) if status == Offer.Status.DECLINED else "",
    )
