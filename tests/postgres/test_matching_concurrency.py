"""Capacity and "one accepted agency per request" under real parallel transactions (PostgreSQL only)."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections

from aid_requests.matching import OfferError, accept, match
from aid_requests.models import AidRequest, Offer
from aid_requests.models.requests import Status
from tests.aid_requests.factories import approved_request
from tests.factories import AgencyUserFactory
from tests.resources.factories import PartnerAgencyFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]


def in_parallel(count, work):
    """Call work(index) in `count` threads released at once, each on its own connection; returns results or errors."""
    barrier = threading.Barrier(count)

    def run(index):
        try:
            barrier.wait()
            return work(index)
        except Exception as error:
            return error
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))


def test_twenty_parallel_accepts_of_one_offer_give_one_acceptance():
    PartnerAgencyFactory()
    offer = match(approved_request(email=""))
    users = [AgencyUserFactory() for _ in range(20)]
    results = in_parallel(20, lambda index: accept(Offer.objects.get(pk=offer.pk), users[index]))
    assert sum(isinstance(result, Offer) for result in results) == 1
    assert all(isinstance(result, (Offer, OfferError)) for result in results)
    assert Offer.objects.filter(status=Offer.Status.ACCEPTED).count() == 1


def test_fifty_parallel_matchings_against_a_capacity_of_five_give_five_open_offers():
    PartnerAgencyFactory(default_max_open=5)
    requests = [approved_request(email="") for _ in range(50)]
    results = in_parallel(50, lambda index: match(requests[index]))
    assert sum(isinstance(result, Offer) for result in results) == 5
    assert results.count(None) == 45
    assert Offer.objects.filter(status=Offer.Status.OFFERED).count() == 5
    assert AidRequest.objects.filter(status=Status.OFFERED).count() == 5
    assert AidRequest.objects.filter(status=Status.APPROVED, no_match_reason__contains="at capacity").count() == 45
