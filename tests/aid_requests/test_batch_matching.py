import random
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from aid_requests.backlog import match_backlog
from aid_requests.matching import candidates, match
from aid_requests.models import AidRequest, Offer
from aid_requests.models.requests import Status
from resources.models import ServiceCategory
from tests.aid_requests.factories import approved_request
from tests.factories import AgencyUserFactory
from tests.resources.factories import AgencyCapacityFactory, AgencyMembershipFactory, PartnerAgencyFactory

pytestmark = pytest.mark.django_db

HOUSEHOLD_ZIPS = ["21044", "21045", "21046", "21042", "21794", "20723", "21157", "21401", "21999"]
AGENCY_ZIPS = ["21044", "21045", "21043", "21029", "21794", "20723", "21157", "21401", ""]
AREAS = [
    {"service_area_counties": "Howard County"},
    {"service_area_counties": "Howard County, Carroll County"},
    {"service_area_counties": "Anne Arundel County"},
    {"service_area_radius_miles": 4},
    {"service_area_radius_miles": 12},
    {"service_area_zip_codes": "21044, 21999, 21401"},
    {"service_area_zip_codes": "21157", "service_area_radius_miles": 3},
]
SERVED = ["clothing", "school-supplies", "food", "dental", "vision", "medical"]
KINDS = ["clothing", "school-supplies", "food", "dental", "vision", "prescriptions", "hearing", "other-necessities"]


def varied_backlog(rng):
    """Partners with every kind of area, limit and language, and approved requests, some with a history."""
    partners = [
        PartnerAgencyFactory(
            zip_code=rng.choice(AGENCY_ZIPS),
            serves=rng.sample(SERVED, rng.randint(1, 3)),
            speaks=["es"] if rng.random() < 0.4 else None,
            default_max_open=rng.randint(0, 3),
            is_accepting=rng.random() < 0.9,
            response_hours=rng.choice([None, 24]),
            **{"service_area_counties": ""} | rng.choice(AREAS),
        )
        for _ in range(18)
    ]
    # Cases chance may miss: a partner not accepting, language breaking a tie, a limit all medical subtypes share.
    partners.append(PartnerAgencyFactory(serves=["other-necessities"], is_accepting=False))
    partners += [PartnerAgencyFactory(), PartnerAgencyFactory(speaks=["es"])]
    partners.append(PartnerAgencyFactory(serves=["medical"], zip_code="21046"))
    AgencyCapacityFactory(agency=partners[-1], category=ServiceCategory.objects.get(slug="medical"), max_open=2)
    for agency in rng.sample(partners, 6):
        category = ServiceCategory.objects.get(slug=rng.choice(["medical", "dental", "clothing"]))
        AgencyCapacityFactory(agency=agency, category=category, max_open=rng.randint(0, 3))
    now, requests = timezone.now(), []
    for _ in range(70):
        aid_request = approved_request(
            kind=rng.choice(KINDS),
            zip_code=rng.choice(HOUSEHOLD_ZIPS),
            preferred_language=rng.choice(["en", "es"]),
            consent_to_share=rng.random() < 0.95,
        )
        AidRequest.objects.filter(pk=aid_request.pk).update(created_at=now - timedelta(minutes=rng.randint(0, 60)))
        requests.append(aid_request)
    histories = [("declined", "approved"), ("offered", "offered"), ("accepted", "accepted"), ("accepted", "fulfilled")]
    for aid_request in rng.sample(requests, 24):  # declined before, offered elsewhere, accepted, or helped already
        offer_status, request_status = rng.choice(histories)
        Offer.objects.create(request=aid_request, agency=rng.choice(partners), status=offer_status, deadline=now)
        AidRequest.objects.filter(pk=aid_request.pk).update(status=request_status)
    for aid_request in requests[3:9]:  # their best candidate declined them
        ranked, _reason = candidates(aid_request)
        for candidate in ranked[:1]:
            Offer.objects.create(
                request=aid_request, agency=candidate.agency, status=Offer.Status.DECLINED, deadline=now
            )
    for aid_request in requests[:3]:  # every partner has had these already
        Offer.objects.bulk_create(
            Offer(request=aid_request, agency=agency, status=Offer.Status.DECLINED, deadline=now) for agency in partners
        )


def outcome():
    """Each request's status, reason, offers and timeline, as a comparable value."""
    requests = AidRequest.objects.prefetch_related("offers", "events").order_by("pk")
    return {
        aid_request.pk: (
            aid_request.status,
            aid_request.no_match_reason,
            [(o.agency_id, o.rank, o.status, o.deadline - o.offered_at) for o in aid_request.offers.all()],
            [(e.from_status, e.to_status, e.actor_id, e.note, e.visible_to_family) for e in aid_request.events.all()],
        )
        for aid_request in requests
    }


def one_at_a_time():
    """What match() gives called request by request, oldest first; rolled back afterwards."""
    with transaction.atomic():
        waiting = AidRequest.objects.filter(status=Status.APPROVED).exclude(offers__status=Offer.Status.OFFERED)
        for aid_request in waiting.select_related("household", "kind").order_by("created_at", "pk"):
            match(aid_request)
        result = outcome()
        transaction.set_rollback(True)
    return result


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_batch_gives_every_request_what_matching_it_alone_gives(seed):
    varied_backlog(random.Random(seed))
    expected = one_at_a_time()
    match_backlog(chunk_size=9)
    assert outcome() == expected
    words = ["agreed", "serves", "accepting", "already", "capacity"]  # one of each reason, and many offers
    reasons = {word for _status, reason, *_ in expected.values() for word in words if word in reason.split()}
    assert reasons == set(words) and Offer.objects.filter(status=Offer.Status.OFFERED).count() > 20


def test_families_hear_of_each_offer_and_each_agency_gets_one_email_per_run(home, django_capture_on_commit_callbacks):
    agency = PartnerAgencyFactory()
    AgencyMembershipFactory(agency=agency, user=AgencyUserFactory(email="intake@agency.example.org"))
    families = [approved_request(email=f"family{number}@example.org").household.email for number in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        assert match_backlog(chunk_size=2) == (3, 0)
    assert sorted(message.to[0] for message in mail.outbox if message.to[0] in families) == families
    (agency_email,) = [message for message in mail.outbox if message.to == ["intake@agency.example.org"]]
    assert "3 new requests" in agency_email.body  # three requests in two chunks: one email


def test_a_run_costs_the_same_queries_for_one_partner_and_three_requests_or_ten_and_thirty():
    def queries_to_match(requests):
        for _ in range(requests):
            approved_request()
        with CaptureQueriesContext(connection) as captured:
            match_backlog()
        Offer.objects.all().delete()
        AidRequest.objects.update(status=Status.APPROVED)
        return len(captured)

    PartnerAgencyFactory(speaks=["es"])
    one = queries_to_match(3)
    PartnerAgencyFactory.create_batch(9, speaks=["es"])
    AidRequest.objects.all().delete()
    assert queries_to_match(30) == one
