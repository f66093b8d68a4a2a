"""The partners overview: per agency, open offers, requests held, answers, acceptance rate and median times."""

import datetime
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from aid_requests.models import AidRequest, Offer, StatusEvent
from aid_requests.models.requests import Status
from aid_requests.reports import duration_label, partner_figures
from tests.aid_requests.factories import AidRequestFactory
from tests.resources.factories import AgencyFactory, PartnerAgencyFactory

pytestmark = pytest.mark.django_db

URL = "/admin/reports/partners/"
MONDAY = datetime.datetime(2026, 11, 2, 9, tzinfo=datetime.UTC)
REQUEST_STATUS = {"offered": Status.OFFERED, "accepted": Status.ACCEPTED, "fulfilled": Status.FULFILLED}


def an_offer(agency, status, *, hours_to_answer=None, hours_to_fulfil=None):
    """One request offered to `agency` at MONDAY; "fulfilled" is an accepted offer whose request was fulfilled."""
    aid_request = AidRequestFactory()
    AidRequest.objects.filter(pk=aid_request.pk).update(status=REQUEST_STATUS.get(status, Status.APPROVED))
    answered_at = MONDAY + timedelta(hours=hours_to_answer) if hours_to_answer is not None else None
    offer = Offer.objects.create(
        request=aid_request,
        agency=agency,
        status=Offer.Status.ACCEPTED if status == "fulfilled" else status,
        offered_at=MONDAY,
        deadline=MONDAY + timedelta(hours=48),
        answered_at=answered_at,
    )
    if hours_to_fulfil is not None:
        StatusEvent.objects.create(
            request=aid_request,
            from_status=Status.ACCEPTED,
            to_status=Status.FULFILLED,
            created_at=answered_at + timedelta(hours=hours_to_fulfil),
        )
    return offer


@pytest.fixture
def busy_partner():
    """Two open offers, one request held, two fulfilled, one decline, one expiry, one withdrawal."""
    agency = PartnerAgencyFactory(name="Busy Partner")
    an_offer(agency, "offered"), an_offer(agency, "offered")
    an_offer(agency, "accepted", hours_to_answer=1)
    an_offer(agency, "fulfilled", hours_to_answer=2, hours_to_fulfil=24)
    an_offer(agency, "fulfilled", hours_to_answer=4, hours_to_fulfil=48)
    an_offer(agency, "declined", hours_to_answer=3)
    an_offer(agency, "expired")
    an_offer(agency, "withdrawn", hours_to_answer=5)
    return agency


def test_each_figure_of_a_busy_partner(busy_partner):
    [row] = partner_figures()
    assert (row.open_offers, row.held, row.offers_made) == (2, 1, 8)
    assert (row.accepted, row.declined, row.expired) == (3, 1, 1)
    assert row.acceptance_rate == 3 / 5
    assert row.median_to_accept == timedelta(hours=2)
    assert row.median_to_fulfil == timedelta(hours=36)


def test_the_figures_agree_with_counts_made_from_the_offers():
    statuses = ["offered", "accepted", "declined", "expired", "withdrawn"]
    agencies = [PartnerAgencyFactory() for _ in range(3)]
    for number, agency in enumerate(agencies):
        for status in statuses[: number + 3]:
            an_offer(agency, status, hours_to_answer=number + 1 if status != "offered" else None)
    for row in partner_figures():
        offers = Offer.objects.filter(agency=row.agency)
        assert row.offers_made == offers.count()
        for status in ("offered", "accepted", "declined", "expired"):
            assert getattr(row, {"offered": "open_offers"}.get(status, status)) == offers.filter(status=status).count()
        assert row.held == offers.filter(status="accepted", request__status="accepted").count()


def test_a_partner_without_offers_shows_zeros_and_no_rate(busy_partner):
    quiet = PartnerAgencyFactory(name="Quiet Partner")
    row = next(row for row in partner_figures() if row.agency == quiet)
    assert (row.offers_made, row.held, row.acceptance_rate, row.median_to_accept) == (0, 0, None, None)


def test_agencies_that_are_not_partners_appear_only_with_offers_of_their_own():
    AgencyFactory(name="Library")
    former = AgencyFactory(name="Former Partner")
    an_offer(former, "declined", hours_to_answer=1)
    assert [row.agency.name for row in partner_figures()] == ["Former Partner"]


def test_the_report_costs_the_same_queries_for_one_agency_or_ten(django_assert_num_queries):
    an_offer(PartnerAgencyFactory(), "fulfilled", hours_to_answer=1, hours_to_fulfil=2)
    with django_assert_num_queries(2):
        partner_figures()
    for _ in range(9):
        an_offer(PartnerAgencyFactory(), "fulfilled", hours_to_answer=1, hours_to_fulfil=2)
        an_offer(PartnerAgencyFactory(), "declined", hours_to_answer=1)
    with django_assert_num_queries(2):
        assert len(partner_figures()) == 19


def test_the_page_costs_the_same_queries_for_one_agency_or_ten(staff_client):
    def page_queries():
        with CaptureQueriesContext(connection) as queries:
            assert staff_client.get(URL).status_code == 200
        return len(queries)

    an_offer(PartnerAgencyFactory(), "accepted", hours_to_answer=1)
    one = page_queries()
    for _ in range(9):
        an_offer(PartnerAgencyFactory(), "accepted", hours_to_answer=1)
    assert page_queries() == one


def test_staff_read_the_report_with_its_definitions(staff_client, busy_partner):
    html = staff_client.get(URL).text
    assert "Busy Partner" in html and "60%" in html and "2 h 0 min" in html and "1 day 12 h" in html
    assert "Acceptance rate: accepted ÷ (accepted + declined + expired)" in html


def test_the_report_exports_to_csv(staff_client, busy_partner):
    lines = staff_client.get(URL, {"export": "csv"}).getvalue().decode().splitlines()
    assert lines[0].startswith("Agency,Open offers,Requests held,Offers made,Accepted,Declined,Expired")
    assert lines[1] == "Busy Partner,2,1,8,3,1,1,0.6,2.0,36.0"


def test_agency_users_and_families_are_refused(family_client, agency_user):
    assert family_client.get(URL).status_code == 403
    family_client.force_login(agency_user)
    assert family_client.get(URL).status_code == 403


def test_the_reports_menu_offers_it_to_staff(staff_client):
    assert URL in staff_client.get("/admin/").text


@pytest.mark.parametrize(
    ("hours", "label"), [(None, "—"), (0.75, "45 min"), (5.5, "5 h 30 min"), (24, "1 day 0 h"), (76, "3 days 4 h")]
)
def test_durations_read_in_days_hours_and_minutes(hours, label):
    assert duration_label(None if hours is None else timedelta(hours=hours)) == label


def test_a_request_fulfilled_twice_counts_its_first_fulfilment_once():
    agency = PartnerAgencyFactory()
    offer = an_offer(agency, "fulfilled", hours_to_answer=1, hours_to_fulfil=10)
    StatusEvent.objects.create(
        request=offer.request, to_status=Status.FULFILLED, created_at=offer.answered_at + timedelta(hours=30)
    )
    an_offer(agency, "fulfilled", hours_to_answer=3, hours_to_fulfil=20)
    [row] = partner_figures()
    assert row.median_to_accept == timedelta(hours=2)  # the mean of the two middle ones: 1 and 3 hours
    assert row.median_to_fulfil == timedelta(hours=15)  # 10 (not 30) and 20 hours
