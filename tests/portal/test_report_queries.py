"""Every report page runs a fixed number of SQL queries, however many requests and registrations it sums up.

The figures are aggregated in the database (GROUP BY, window functions), so more rows cost more time in a
query, never more queries. `make bench` times the same pages over 100,000 requests (bench/reports.py).
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.aid_requests.report_data import at, made, two_kinds_over_two_months
from tests.holiday_drive.factories import (
    AdoptionFactory,
    HolidayCampaignPageFactory,
    RegistrationFactory,
    SponsorFactory,
)

pytestmark = pytest.mark.django_db
MOST_QUERIES = 45  # the dashboard, the busiest page, runs about 40 (permissions, menus, panels)


def _pages(campaign):
    return [
        "/admin/",
        "/admin/reports/requests/",
        "/admin/reports/requests/?school_year=2025",
        "/admin/reports/request-speed/",
        "/admin/reports/request-speed/?export=xlsx&table=speed-by-month",
        "/admin/reports/request-outcomes/",
        "/admin/reports/dollars-secured/",
        "/admin/reports/partners/",
        "/admin/reports/referrals/",
        "/admin/reports/annual-summary/?school_year=2025",
        f"/admin/reports/holiday-by-day/?campaign={campaign.pk}",
        "/admin/holiday-drive/report/",
    ]


def _more(campaign, sponsor, number):
    """Requests offered, accepted and fulfilled, and holiday families registered and adopted."""
    for index in range(number):
        made(
            "hearing" if index % 2 else "dental",
            at(2025, 9 + index % 3, 1 + index),
            status="fulfilled",
            offer_after=index,
            accepted_after=index + 1,
            fulfilled_after=index + 30,
            amount=50 + index,
        )
        registration = RegistrationFactory(campaign=campaign)
        if index % 2:
            AdoptionFactory(sponsor=sponsor, registration=registration)


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return len(queries)


def test_each_report_page_runs_as_many_queries_for_many_rows_as_for_few(staff_client, home):
    opens = at(2025, 11, 1)
    campaign = HolidayCampaignPageFactory(
        parent=home, year=2025, registration_opens=opens, registration_closes=opens + timedelta(days=30)
    )
    sponsor = SponsorFactory(campaign=campaign)
    two_kinds_over_two_months()
    _more(campaign, sponsor, 2)
    pages = _pages(campaign)
    for url in pages:
        staff_client.get(url)  # once first: sessions, caches and the second-factor check settle
    few = {url: _queries(staff_client, url) for url in pages}
    _more(campaign, sponsor, 12)
    many = {url: _queries(staff_client, url) for url in pages}
    assert many == few
    assert max(few.values()) <= MOST_QUERIES, few
