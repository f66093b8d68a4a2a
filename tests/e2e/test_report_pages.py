"""Staff's dashboard and report pages in a real browser: charts drawn on the server, and no serious axe
violation on the dashboard, each report, a report with a filter error, and the printable summary."""

import pytest
from playwright.sync_api import expect

from tests.aid_requests.report_data import two_kinds_over_two_months
from tests.e2e.conftest import sign_in
from tests.factories import StaffFactory

PAGES = {
    "dashboard": "/admin/",
    "requests": "/admin/reports/requests/",
    "speed": "/admin/reports/request-speed/",
    "outcomes": "/admin/reports/request-outcomes/",
    "dollars": "/admin/reports/dollars-secured/",
    "bad-dates": "/admin/reports/requests/?start=2025-10-01&end=2025-09-01",
    "summary": "/admin/reports/annual-summary/?school_year=2025",
}


@pytest.mark.parametrize("page", ["desktop"], indirect=True)
def test_staff_report_pages_pass_axe(page, live_server, axe_clean, transactional_db, home):
    StaffFactory(email="staff-reports@example.org")
    two_kinds_over_two_months()
    sign_in(page.context, live_server, "staff-reports@example.org")
    for label, path in PAGES.items():
        page.goto(path)
        axe_clean(label)
        if label not in ("dashboard", "bad-dates", "summary"):  # the summary draws no bar under 10
            expect(page.locator('svg[role="img"]').first).to_be_visible()
