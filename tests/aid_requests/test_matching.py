import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from aid_requests.matching import OfferError, candidates, match
from aid_requests.models import AidRequest, Offer
from aid_requests.models.requests import Status
from resources.models import ServiceCategory
from tests.aid_requests.factories import AidRequestFactory, approved_request
from tests.resources.factories import AgencyCapacityFactory, PartnerAgencyFactory

pytestmark = pytest.mark.django_db


def test_the_nearer_partner_gets_the_offer():
    PartnerAgencyFactory(zip_code="21794")
    near = PartnerAgencyFactory(zip_code="21045")
    offer = match(approved_request())
    assert (offer.agency, offer.rank, offer.status) == (near, 1, Offer.Status.OFFERED)


def test_at_the_same_distance_the_lower_id_wins_then_the_less_loaded():
    first, second = PartnerAgencyFactory(), PartnerAgencyFactory()
    assert match(approved_request()).agency == first
    assert match(approved_request()).agency == second


def test_at_the_same_distance_and_load_the_partner_speaking_the_familys_language_wins():
    PartnerAgencyFactory()
    speaks_spanish = PartnerAgencyFactory(speaks=["es"])
    assert match(approved_request(preferred_language="es")).agency == speaks_spanish


def test_distance_comes_before_load():
    near = PartnerAgencyFactory(zip_code="21045")
    PartnerAgencyFactory(zip_code="21794")
    match(approved_request())
    assert match(approved_request()).agency == near


@pytest.mark.parametrize(
    ("profile", "inside", "outside"),
    [
        ({"service_area_zip_codes": "21157, 21771"}, "21771", "21044"),
        ({"service_area_radius_miles": 10}, "21045", "21401"),
        ({"service_area_counties": "Carroll County, Frederick County"}, "21157", "21042"),
    ],
    ids=["zip-list", "radius", "counties"],
)
def test_each_coverage_rule_holds_its_area_and_nothing_else(profile, inside, outside):
    agency = PartnerAgencyFactory.build(**{"service_area_counties": ""} | profile)
    assert agency.covers(inside) and not agency.covers(outside)


def test_a_partner_outside_the_area_gets_no_offer_and_staff_read_why():
    PartnerAgencyFactory(service_area_counties="", service_area_zip_codes="21044")
    aid_request = approved_request(kind="clothing", zip_code="21794")
    assert match(aid_request) is None
    aid_request.refresh_from_db()
    assert aid_request.status == Status.APPROVED
    assert aid_request.no_match_reason == "no partner serves clothing in 21794"


def test_a_full_partner_is_passed_over_for_the_next():
    PartnerAgencyFactory(default_max_open=1)
    further = PartnerAgencyFactory(zip_code="21794")
    match(approved_request())
    assert match(approved_request()).agency == further


def test_when_every_partner_is_full_the_reason_says_so():
    PartnerAgencyFactory(default_max_open=1)
    match(approved_request())
    waiting = approved_request()
    assert match(waiting) is None
    assert waiting.no_match_reason == "every partner for clothing is at capacity"


def test_serving_medical_covers_every_subtype_and_its_limit_counts_them_together():
    agency = PartnerAgencyFactory(serves=["medical"])
    AgencyCapacityFactory(agency=agency, category=ServiceCategory.objects.get(slug="medical"), max_open=1)
    assert match(approved_request(kind="dental")).agency == agency
    assert match(approved_request(kind="vision")) is None


def test_partners_serving_other_kinds_or_nothing_get_no_offer():
    PartnerAgencyFactory(serves=["dental"])
    PartnerAgencyFactory().categories_served.clear()
    assert match(approved_request()) is None


def test_a_partner_not_accepting_requests_gets_none():
    PartnerAgencyFactory(is_accepting=False)
    aid_request = approved_request()
    assert match(aid_request) is None
    assert aid_request.no_match_reason == "no partner for clothing in 21044 is accepting requests now"


def test_without_consent_to_share_there_is_no_offer():
    PartnerAgencyFactory()
    aid_request = approved_request(consent_to_share=False)
    assert match(aid_request) is None and not Offer.objects.exists()
    assert aid_request.no_match_reason == "the family has not agreed to share"


def test_only_an_approved_request_can_be_matched():
    PartnerAgencyFactory()
    with pytest.raises(OfferError):
        match(AidRequestFactory())


def test_ranking_costs_the_same_queries_for_one_partner_or_ten():
    def queries_to_rank():
        fresh = AidRequest.objects.get(pk=aid_request.pk)
        with CaptureQueriesContext(connection) as captured:
            candidates(fresh)
        return len(captured)

    aid_request, _partner = approved_request(), PartnerAgencyFactory(speaks=["es"])
    one = queries_to_rank()
    PartnerAgencyFactory.create_batch(9, speaks=["es"])
    assert queries_to_rank() == one == 7
