"""Batch matching when other transactions change places between its chunks (the real race is proven on PostgreSQL)."""

from itertools import count

import pytest

from aid_requests import backlog
from aid_requests.backlog import match_backlog
from aid_requests.matching import match
from aid_requests.models import AidRequest, Offer
from aid_requests.models.requests import Status
from aid_requests.workflow import transition
from resources.models import Agency
from tests.aid_requests.factories import AidRequestFactory, approved_request
from tests.resources.factories import PartnerAgencyFactory

pytestmark = pytest.mark.django_db


def before_each_chunk(monkeypatch, action):
    """Call action(chunk number) before each chunk, after the run has read the partners and their open offers."""
    match_chunk, numbers = backlog._Partners.match_chunk, count()

    def run(partners, ids):
        action(next(numbers))
        return match_chunk(partners, ids)

    monkeypatch.setattr(backlog._Partners, "match_chunk", run)


@pytest.fixture
def near_and_further():
    """From 21044 the partner in 21045 is nearer than the one in 21794."""
    return PartnerAgencyFactory(zip_code="21045", default_max_open=1), PartnerAgencyFactory(zip_code="21794")


def test_a_place_another_matching_took_meanwhile_sends_the_request_to_the_next_partner(monkeypatch, near_and_further):
    near, further = near_and_further
    waiting, meanwhile = approved_request(), AidRequestFactory()

    def staff_match_another_request(number):
        transition(meanwhile, Status.APPROVED)
        match(meanwhile)

    before_each_chunk(monkeypatch, staff_match_another_request)
    assert match_backlog() == (1, 0)
    assert Offer.objects.get(request=waiting).agency == further
    assert Offer.objects.get(agency=near).request == meanwhile


def test_a_partner_that_stops_taking_requests_during_a_run_gets_no_more_offers(monkeypatch):
    near, further = PartnerAgencyFactory(zip_code="21045"), PartnerAgencyFactory(zip_code="21794")
    requests = [approved_request() for _ in range(4)]

    def pause_after_the_first_chunk(number):
        if number:
            Agency.objects.filter(pk=near.pk).update(is_accepting=False)

    before_each_chunk(monkeypatch, pause_after_the_first_chunk)
    assert match_backlog(chunk_size=2) == (4, 0)
    assert [Offer.objects.get(request=request).agency for request in requests] == [near, near, further, further]


def test_when_other_runs_keep_taking_places_each_request_is_matched_on_its_own(monkeypatch, near_and_further):
    monkeypatch.setattr(backlog, "PLAN_ATTEMPTS", 0)
    first, second, third = approved_request(), approved_request(), approved_request(consent_to_share=False)
    assert match_backlog() == (2, 1)
    assert [Offer.objects.get(request=request).agency for request in (first, second)] == list(near_and_further)
    assert AidRequest.objects.get(pk=third.pk).no_match_reason == "the family has not agreed to share"
