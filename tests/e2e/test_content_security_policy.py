"""The Content-Security-Policy blocks nothing the pages use: the public pages with a family's QR image and an
editor's userbar, and the Wagtail admin's scripts (sidebar, page editor, holiday lists and prints)."""

import pytest
from playwright.sync_api import expect
from wagtail.models import Site

from holiday_drive.models import Registration
from tests.e2e.conftest import sign_in, watch_content_security_policy

pytestmark = pytest.mark.usefixtures("demo_site")

ADMIN_PAGES = ["/admin/", "/admin/pages/", "/admin/requests/", "/admin/holiday-drive/registrations/"]
# Pages of their own (an inline chart style, a print stylesheet in the page) under /admin/.
ADMIN_REPORTS = ["/admin/holiday-drive/report/", "/admin/holiday-drive/print/", "/admin/holiday-drive/print/roster/"]


@pytest.mark.parametrize("page", ["desktop"], indirect=True)
def test_a_family_finds_its_pickup_and_sees_its_qr_image(page):
    registration = Registration.objects.filter(household__user=None, pickup_slot__isnull=False).first()
    page.goto("/holiday/pickup/")
    page.get_by_label("Registration code").fill(registration.registration_code)
    page.get_by_label("Phone number or email address").fill(registration.household.phone)
    page.get_by_role("button", name="Find my registration").click()
    qr = page.locator("svg.check-in-qr")
    expect(qr).to_be_visible()
    assert qr.bounding_box()["width"] >= 150  # drawn at its size: the site's stylesheet applied
    for path in ("/", "/connection-center/", "/requests/apply/", "/holiday/"):
        assert "default-src 'self'" in page.goto(path).headers["content-security-policy"]


@pytest.mark.parametrize("page", ["desktop"], indirect=True)
def test_the_admin_runs_its_scripts_and_an_editor_sees_the_userbar(page, browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 800})
    refused = watch_content_security_policy(context)
    sign_in(context, live_server, "staff@example.org")
    staff = context.new_page()
    for path in ADMIN_PAGES:
        assert staff.goto(path).status == 200, path
        expect(staff.locator("[data-side-panel-toggle], #wagtail-sidebar button").first).to_be_attached()
    for path in ADMIN_REPORTS:
        assert staff.goto(path).status == 200, path
    staff.goto(f"/admin/pages/{Site.objects.get(is_default_site=True).root_page_id}/edit/")
    expect(staff.locator(".Draftail-Editor, [data-controller~='w-tabs']").first).to_be_visible()  # drawn by script
    staff.goto("/")
    expect(staff.locator("wagtail-userbar")).to_be_attached()
    context.close()
    assert refused == []
