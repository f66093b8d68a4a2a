"""Batch matching under real parallel transactions (PostgreSQL only): runs share the backlog, limits hold."""

import threading

import pytest
from django.db.models import Count

from aid_requests import backlog
from aid_requests.backlog import match_backlog
from aid_requests.matching import OfferError, match
from aid_requests.models import AidRequest, Offer, StatusEvent
from aid_requests.models.requests import Status
from tests.aid_requests.factories import approved_request
from tests.postgres.test_matching_concurrency import in_parallel
from tests.resources.factories import PartnerAgencyFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]


def match_each(requests):
    """One match() per request, as staff approving requests one by one do."""
    results = []
    for aid_request in requests:
        try:
            results.append(match(AidRequest.objects.get(pk=aid_request.pk)))
        except OfferError:
            results.append("moved on")  # the batch offered it first
    return results


def test_parallel_runs_and_single_matchings_never_pass_a_limit_nor_offer_a_request_twice():
    agencies = [PartnerAgencyFactory(default_max_open=limit, zip_code=zip_code) for limit, zip_code in
                [(2, "21044"), (3, "21045"), (4, "21046"), (1, "21794")]]  # fmt: skip
    requests = [approved_request(email="") for _ in range(40)]
    work = [lambda: match_backlog(chunk_size=4)] * 4 + [lambda n=n: match_each(requests[n::4]) for n in range(4)]
    results = in_parallel(len(work), lambda index: work[index]())
    assert not [result for result in results if isinstance(result, Exception)]
    open_offers = Offer.objects.filter(status=Offer.Status.OFFERED)
    assert {agency.pk: agency.default_max_open for agency in agencies} == dict(
        open_offers.values_list("agency").annotate(number=Count("pk"))
    )
    assert open_offers.values("request").distinct().count() == open_offers.count() == 10
    assert AidRequest.objects.filter(status=Status.OFFERED).count() == 10
    assert AidRequest.objects.filter(status=Status.APPROVED, no_match_reason__contains="at capacity").count() == 30


def test_parallel_runs_share_the_backlog_and_each_request_is_offered_once(monkeypatch):
    PartnerAgencyFactory(default_max_open=100)
    for _ in range(60):
        approved_request(email="")
    read, init = threading.Barrier(4), backlog._Partners.__init__

    def once_every_run_has_read_the_backlog(partners, kind_ids):
        init(partners, kind_ids)
        read.wait(timeout=60)

    monkeypatch.setattr(backlog._Partners, "__init__", once_every_run_has_read_the_backlog)
    results = in_parallel(4, lambda index: match_backlog(chunk_size=5))
    assert sum(matched for matched, _waiting in results) == 60
    assert sum(matched > 0 for matched, _waiting in results) > 1  # the work was shared, not done four times
    assert Offer.objects.count() == 60
    assert StatusEvent.objects.filter(to_status=Status.OFFERED).count() == 60
