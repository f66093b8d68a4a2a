"""Matching timings: the backlog of approved requests matched to partner agencies, at three sizes.

Each size starts fresh: its partner agencies and approved requests are seeded (not timed),
match_backlog() is timed, then the size's data is deleted. Families live in Howard County
(nine in ten) or just over its line; agencies in and around it, each with a ZIP list, a
radius or whole counties, one to three kinds of help (some all of medical help), limits
that a few have already reached, and languages; a few are not accepting requests.

The timing includes queueing the emails, as production does it: the database task queue
gets one row per family update and one per agency per chunk. Sending them is the task
worker's job, later and elsewhere, and is not timed.
"""

import math
import random
import time
from datetime import timedelta
from unittest import mock

import zipcodes
from django.apps import apps
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from aid_requests import backlog
from aid_requests.backlog import match_backlog
from aid_requests.models import AidRequest, Household, Offer, StatusEvent
from aid_requests.models.requests import REQUEST_KINDS, Status
from aid_requests.workflow import request_moments
from bench.seed import HOWARD_ZIP_CODES
from resources.coverage import ZipArea
from resources.geo import haversine_miles
from resources.models import Agency, AgencyCapacity, Language, ServiceCategory
from resources.taxonomy import ensure_reference_data

SIZES = [(10_000, 1_000), (20_000, 2_000), (40_000, 4_000)]  # (requests, agencies)
SLUG_PREFIX = "bench-match-"
EMAIL_DOMAIN = "bench-match.example.org"  # marks the bench's families
COLUMBIA = (39.2037, -76.861)
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Requests by kind, roughly as the office receives them.
KIND_WEIGHTS = {
    "clothing": 25,
    "school-supplies": 25,
    "food": 12,
    "other-necessities": 8,
    "dental": 8,
    "vision": 8,
    "prescriptions": 6,
    "hearing": 4,
    "emergency-medical": 4,
}
FAMILY_LANGUAGES = {"en": 70, "es": 22, "ko": 3, "zh": 3, "fr": 2}
OTHER_LANGUAGES = ["zh", "ko", "vi", "am", "fr", "ar", "pt"]


def measure(seed):
    """Seconds to match each size's backlog, its matched and waiting counts, and the growth per doubling."""
    ensure_reference_data(apps)  # categories and languages, gone if `--fresh` flushed the database
    ZipArea.of(HOWARD_ZIP_CODES[0])  # the offline ZIP index loads once per process (0.6 s): not in the first size only
    figures, seconds = {}, []
    for requests, agencies in SIZES:
        clear()
        make(random.Random(seed), requests, agencies)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # planner statistics, as autovacuum keeps them on a running PostgreSQL
        name = f"match_{requests // 1000}k"
        queueing = _Stopwatch(backlog._notify)
        with override_settings(TASKS=DATABASE_QUEUE), mock.patch.object(backlog, "_notify", queueing):
            start = time.perf_counter()
            matched, waiting = match_backlog(AidRequest.objects.filter(household__email__endswith=EMAIL_DOMAIN))
            seconds.append(time.perf_counter() - start)
        figures[f"{name}_s"] = round(seconds[-1], 1)
        figures[f"{name}_queueing_s"] = round(queueing.seconds, 1)
        figures[f"{name}_matched"], figures[f"{name}_waiting"] = matched, waiting
        figures[f"{name}_tasks_queued"] = _queued_tasks()
    clear()
    figures["match_growth_per_doubling"] = round(math.sqrt(seconds[2] / seconds[0]), 2)  # geometric mean of 2 ratios
    figures["match_includes"] = "matching, writing, and queueing the emails (match_*_queueing_s) but not sending them"
    return figures


def make(rng, requests, agencies):
    """Seed `agencies` partner agencies and `requests` approved requests, plus a few accepted ones as their load."""
    index = _zip_index()
    family_zips = HOWARD_ZIP_CODES + [code for code, (_lat, _long, county) in index.items() if county != "Howard County"
                                      and haversine_miles(*COLUMBIA, _lat, _long) <= 15]  # fmt: skip
    agency_zips = [code for code, (latitude, longitude, _county) in index.items()
                   if haversine_miles(*COLUMBIA, latitude, longitude) <= 25]  # fmt: skip
    partners = _agencies(rng, agencies, agency_zips, family_zips, index)
    now = timezone.now()
    households = Household.objects.bulk_create(
        [
            Household(
                guardian_name="Bench Family",
                email=f"family{number}@{EMAIL_DOMAIN}",
                preferred_language=_weighted(rng, FAMILY_LANGUAGES),
                zip_code=rng.choice(HOWARD_ZIP_CODES) if rng.random() < 0.9 else rng.choice(family_zips),
                consent_to_share=True,
                consent_given_at=now,
            )
            for number in range(requests + requests // 10)
        ],
        batch_size=2000,
    )
    kinds = {category.slug: category.pk for category in ServiceCategory.objects.filter(slug__in=REQUEST_KINDS)}
    approved = [
        AidRequest(
            household=household,
            kind_id=kinds[_weighted(rng, KIND_WEIGHTS)],
            status=Status.APPROVED,
            created_at=now - timedelta(minutes=rng.randint(10, 60 * 24 * 60)),
        )
        for household in households[:requests]
    ]
    AidRequest.objects.bulk_create(approved, batch_size=2000)
    _load(rng, partners, households[requests:], kinds, now)


def _agencies(rng, count, agency_zips, family_zips, index):
    languages = {language.code: language.pk for language in Language.objects.all()}
    categories = {category.slug: category.pk for category in ServiceCategory.objects.all()}
    serves = KIND_WEIGHTS | {"medical": 10}  # partners take what families ask for most
    agencies, served, spoken = [], [], []
    for number in range(count):
        zip_code = rng.choice(HOWARD_ZIP_CODES) if rng.random() < 0.5 else rng.choice(agency_zips)
        latitude, longitude, county = index[zip_code]
        area = rng.random()
        nearby = [code for code in family_zips if haversine_miles(latitude, longitude, *index[code][:2]) <= 8]
        agencies.append(
            Agency(
                name=f"Bench Partner {number}",
                slug=f"{SLUG_PREFIX}{number:05}",
                zip_code=zip_code,
                latitude=latitude + rng.uniform(-0.02, 0.02),
                longitude=longitude + rng.uniform(-0.02, 0.02),
                is_partner=True,
                service_area_zip_codes=", ".join(rng.sample(nearby, min(len(nearby), rng.randint(3, 12))))
                if area < 0.35 or area > 0.9
                else "",
                service_area_radius_miles=rng.randint(3, 15) if 0.35 <= area < 0.7 or area > 0.9 else None,
                service_area_counties=", ".join(dict.fromkeys([county, "Howard County"][: rng.randint(1, 2)]))
                if 0.7 <= area <= 0.9
                else "",
                default_max_open=rng.randint(4, 16),
                is_accepting=rng.random() >= 0.05,
                response_hours=rng.choice([None, None, 24, 72]),
            )
        )
        served.append(list(dict.fromkeys(_weighted(rng, serves) for _ in range(rng.randint(1, 3)))))
        spoken.append(
            ["en"] + (["es"] if rng.random() < 0.5 else []) + [c for c in OTHER_LANGUAGES if rng.random() < 0.1]
        )
    agencies = Agency.objects.bulk_create(agencies, batch_size=1000)
    Agency.categories_served.through.objects.bulk_create(
        [
            Agency.categories_served.through(agency_id=agency.pk, servicecategory_id=categories[slug])
            for agency, slugs in zip(agencies, served, strict=True)
            for slug in slugs
        ],
        batch_size=2000,
    )
    Agency.languages.through.objects.bulk_create(
        [
            Agency.languages.through(agency_id=agency.pk, language_id=languages[code])
            for agency, codes in zip(agencies, spoken, strict=True)
            for code in codes
        ],
        batch_size=2000,
    )
    AgencyCapacity.objects.bulk_create(
        [
            AgencyCapacity(agency=agency, category_id=categories[rng.choice(slugs)], max_open=rng.randint(1, 10))
            for agency, slugs in zip(agencies, served, strict=True)
            if rng.random() < 0.3
        ],
        batch_size=2000,
    )
    return [
        (agency, [slug for slug in slugs if slug != "medical"]) for agency, slugs in zip(agencies, served, strict=True)
    ]


def _load(rng, partners, households, kinds, now):
    """Accepted requests already held: one partner in twelve at its usual limit, the rest here and there."""
    held = []
    for agency, slugs in partners:
        if slugs and rng.random() < 1 / 12:
            held += [(agency, slugs[0])] * agency.default_max_open
    while len(held) < len(households):
        agency, slugs = rng.choice(partners)
        if slugs:
            held.append((agency, rng.choice(slugs)))
    held = held[: len(households)]
    accepted = AidRequest.objects.bulk_create(
        [
            AidRequest(
                household=household, kind_id=kinds[slug], status=Status.ACCEPTED, created_at=now - timedelta(days=90)
            )
            for household, (_agency, slug) in zip(households, held, strict=True)
        ],
        batch_size=2000,
    )
    Offer.objects.bulk_create(
        [
            Offer(
                request=aid_request,
                agency=agency,
                rank=1,
                status=Offer.Status.ACCEPTED,
                offered_at=now - timedelta(days=80),
                deadline=now - timedelta(days=78),
                answered_at=now - timedelta(days=79),
            )
            for aid_request, (agency, _slug) in zip(accepted, held, strict=True)
        ],
        batch_size=2000,
    )
    for start in range(0, len(accepted), 2000):  # past workflow.transition: the moments the speed report reads
        ids = [aid_request.pk for aid_request in accepted[start : start + 2000]]
        AidRequest.objects.filter(pk__in=ids).update(**request_moments())


def clear():
    """Delete the bench's matching data: its families and their requests, its partner agencies, the queued emails."""
    from django_tasks_db.models import DBTaskResult

    households = Household.objects.filter(email__endswith=EMAIL_DOMAIN)
    requests = AidRequest.objects.filter(household__in=households)
    agencies = Agency.objects.filter(slug__startswith=SLUG_PREFIX)
    Offer.objects.filter(request__in=requests).delete()
    StatusEvent.objects.filter(request__in=requests).delete()
    AidRequest.children.through.objects.filter(aidrequest__in=requests).delete()
    requests.delete()
    households.delete()
    for model in (AgencyCapacity, Agency.categories_served.through, Agency.languages.through):
        model.objects.filter(agency__in=agencies).delete()
    agencies.delete()
    DBTaskResult.objects.all().delete()


class _Stopwatch:
    """Calls `function` and adds up the seconds it took."""

    def __init__(self, function):
        self.function, self.seconds = function, 0.0

    def __call__(self, *args):
        start = time.perf_counter()
        self.function(*args)
        self.seconds += time.perf_counter() - start


def _queued_tasks():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.count()


def _zip_index():
    """Maryland's ZIP codes with a centre: {zip code: (latitude, longitude, county)}."""
    return {
        record["zip_code"]: (float(record["lat"]), float(record["long"]), record["county"])
        for record in zipcodes.filter_by(state="MD")
        if record["zip_code_type"] == "STANDARD" and float(record["lat"])
    }


def _weighted(rng, weights):
    return rng.choices(list(weights), weights=list(weights.values()))[0]
