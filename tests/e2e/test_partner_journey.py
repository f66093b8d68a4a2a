"""The loop closes: staff approve a request in the admin, the matched partner accepts it and records the help
given, and the family's status page shows it; every partner page is axe-clean."""

import re

import pytest
from playwright.sync_api import expect

from aid_requests.models import AidRequest
from portal.models import User
from tests.e2e.axe import assert_no_serious_violations
from tests.e2e.conftest import sign_in_through_form
from tests.e2e.keyboard import activate, type_into
from tests.e2e.screenshots import save_screenshot

pytestmark = pytest.mark.usefixtures("demo_site")

PASSWORD = "journey-password-2026"


def sign_in(page, email):
    user = User.objects.get(email=email)
    user.set_password(PASSWORD)  # the demo passwords work only with DEBUG on
    user.save()
    sign_in_through_form(page, email, PASSWORD)


@pytest.mark.parametrize("page", ["desktop"], indirect=True)
def test_staff_approve_the_partner_gives_help_and_the_family_sees_it(page, browser, live_server):
    # Denise Carter's clothing request, in ZIP 21045: Bright Start Clothing Closet is the nearest partner for it.
    aid_request = AidRequest.objects.get(household__guardian_name="Denise Carter", kind__slug="clothing")

    sign_in(page, "staff@example.org")
    page.goto("/admin/requests/")
    page.get_by_role("link", name=aid_request.reference).click()
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("Offered to Bright Start Clothing Closet")).to_be_visible()

    partner = browser.new_context(base_url=live_server.url).new_page()
    sign_in(partner, "agency1@example.org")
    partner.goto("/partners/")
    expect(partner.get_by_role("heading", level=1)).to_be_visible()
    assert "Carter" not in partner.content() and "Denise" not in partner.content()
    partner_axe_clean(partner, "partners-home")
    activate(partner, partner.get_by_role("link", name=re.compile(r"^Clothing offer \d+$")))
    assert "Denise" not in partner.content()
    partner_axe_clean(partner, "offer-new")
    activate(partner, partner.get_by_role("button", name="Accept this request"))
    expect(partner.get_by_text("Denise")).to_be_visible()
    assert "Carter" not in partner.content()
    partner_axe_clean(partner, "offer-accepted")
    save_screenshot(partner, "partner-offer-accepted-en")

    activate(partner, partner.get_by_role("link", name="Mark as given"))
    activate(partner, partner.get_by_role("button", name="Mark as given"))  # nothing written yet
    expect(partner.get_by_role("alert")).to_contain_text("Write at least one thing you gave")
    partner_axe_clean(partner, "fulfil-errors")
    type_into(partner, partner.get_by_label("What you gave").first, "Winter coat, size L")
    type_into(partner, partner.get_by_label("How many").first, "1")
    activate(partner, partner.get_by_role("button", name="Mark as given"))
    expect(partner.get_by_text("Winter coat, size L")).to_be_visible()
    partner_axe_clean(partner, "offer-given")
    save_screenshot(partner, "partner-offer-given-en")
    partner.goto("/partners/agencies/bright-start-clothing-closet/")
    partner_axe_clean(partner, "profile")

    family = browser.new_context(base_url=live_server.url).new_page()
    family.goto("/requests/status/")
    type_into(family, family.get_by_label("Reference code"), aid_request.reference)
    type_into(family, family.get_by_label("ZIP code"), "21045")
    activate(family, family.get_by_role("button", name="Check", exact=True))
    expect(family.locator("strong", has_text="Help given").first).to_be_visible()
    expect(family.get_by_text("Winter coat, size L")).to_be_visible()
    assert_no_serious_violations(family, "partner-journey-family-status")

    aid_request.refresh_from_db()
    assert aid_request.status == "fulfilled"


def partner_axe_clean(page, label):
    """The axe_clean fixture checks the test's own page; the partner works in a browser context of their own."""
    assert_no_serious_violations(page, f"partner-journey-{label}")
