"""Every page a family, partner, sponsor or volunteer can reach, with and without form errors, on a phone, on a
desktop and at 200 % zoom: no serious or critical axe violation, no sideways scrolling, form errors announced and
linked to their fields, no notice told by colour alone. The main family pages are checked in Spanish too.

Seeding the demo takes many seconds, so one test seeds it once and walks every journey on each viewport, each
journey in a browser context of its own (journeys that change the demo make records of their own). Every problem
found is reported at the end with the viewport and page it was found on.
"""

import re

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from aid_requests import matching
from holiday_drive.models import PickupSlot, Registration
from tests.aid_requests.factories import approved_request
from tests.e2e.sweep import VIEWPORTS, Sweep, fill


def public_pages_and_accounts(sweep):
    page = sweep.page
    sweep.visit("/", "home", heading="Help for students and families")
    sweep.visit("/pupil-personnel-services/", "pps", heading="Pupil Personnel Services")
    sweep.visit("/search/?q=clothing", "search-results", heading="Search this site")
    sweep.visit("/connection-center/", "directory")
    sweep.visit("/connection-center/?q=dental&near=21044&radius=25&open_now=on", "directory-filtered")
    sweep.visit("/connection-center/?category=clothing&near=2104x", "directory-bad-zip")
    expect(page.locator(".notices")).to_contain_text("2104x")
    sweep.visit("/connection-center/?near=21044", "directory-near")
    sweep.follow(page.locator(".program-card a").first, "program")
    expect(page.get_by_role("heading", name="Hours this week")).to_be_visible()
    sweep.visit("/no-such-page/", "not-found", heading="We can’t find that page", status=404)

    # allauth's forms let the browser check them first: skipped, to see the server's own error messages.
    sweep.visit("/accounts/login/", "login")
    fill(page, {"[name=login]": "family@example.org", "[name=password]": "not-the-password"})
    sweep.submit("login-errors")
    sweep.visit("/accounts/signup/", "signup")
    fill(page, {"[name=email]": "new-family@example.org", "[name=password1]": "short", "[name=password2]": "other"})
    sweep.submit("signup-errors")
    sweep.visit("/accounts/password/reset/", "password-reset")
    page.locator("main form").evaluate("form => { form.noValidate = true; }")
    sweep.submit("password-reset-errors")
    fill(page, {"[name=email]": "family@example.org"})
    sweep.submit("password-reset-sent")


def apply_for_help(sweep, label=""):
    """Every step of /requests/apply/, first sent empty; returns the reference code of the request sent."""
    page = sweep.page
    sweep.visit("/requests/apply/?restart=1", f"apply-about{label}")
    sweep.submit(f"apply-about-errors{label}")
    sweep.screenshot(f"apply-errors{label or '-en'}")
    fill(page, {"#id_about-guardian_name": "Maria Lopez", "#id_about-phone": "410-555-0142"})
    fill(page, {"#id_about-zip_code": "21044"})
    sweep.submit(f"apply-children{label}")
    sweep.submit(f"apply-children-errors{label}")
    fill(page, {"#id_children-0-first_name": "Ana", "#id_children-0-age": "9"})
    sweep.submit(f"apply-needs{label}")
    sweep.submit(f"apply-needs-errors{label}")
    page.locator("[name='needs-kinds']").first.check()
    page.locator("[name='needs-children']").first.check()
    sweep.submit(f"apply-consent{label}")
    sweep.submit(f"apply-consent-errors{label}")
    page.locator("[name='consent-consent']").check()
    sweep.submit(f"apply-done{label}")
    return page.locator(".reference").first.inner_text()


def look_up_request(sweep, reference, label=""):
    sweep.visit("/requests/status/", f"status{label}")
    sweep.submit(f"status-errors{label}")
    fill(sweep.page, {"#id_reference": reference, "#id_zip_code": "21044"})
    sweep.submit(f"status-result{label}")
    expect(sweep.page.get_by_text(reference)).to_be_visible()


def asking_for_help_and_a_familys_own_pages(sweep):
    reference = apply_for_help(sweep)
    assert re.fullmatch(r"CC-[2-9A-Z]{4}-[2-9A-Z]{4}", reference)
    look_up_request(sweep, reference)

    sweep.sign_in("family@example.org")
    sweep.visit("/my/", "my-requests", heading="My requests")
    sweep.visit("/my/contact/", "my-contact", heading="My contact details")
    fill(sweep.page, {"#id_guardian_name": "", "#id_phone": "555"})
    sweep.submit("my-contact-errors")
    sweep.visit("/accounts/email/", "account-email")
    sweep.visit("/accounts/password/change/", "account-password")
    sweep.visit("/partners/", "family-refused-partners", status=403)


def partner_pages(sweep):
    # An offer of its own for each viewport: accepting it changes the demo.
    offer = matching.match(approved_request(kind="clothing", zip_code="21045"))
    sweep.sign_in(offer.agency.memberships.first().user.email)
    sweep.visit("/partners/", "partners-home", heading="Partner requests")
    sweep.screenshot("partners-home-en")
    sweep.visit(f"/partners/offers/{offer.pk}/", "offer-new")
    sweep.submit("offer-decline-errors", button=sweep.page.get_by_role("button", name="Decline this request"))
    sweep.submit("offer-accepted", button=sweep.page.get_by_role("button", name="Accept this request"))
    sweep.visit(f"/partners/offers/{offer.pk}/fulfil/", "fulfil", heading="Mark as given")
    sweep.submit("fulfil-errors", heading="Mark as given")
    fill(sweep.page, {"[name='items-0-description']": "Winter coat, size L", "[name='items-0-quantity']": "1"})
    sweep.submit("offer-given")
    expect(sweep.page.get_by_text("Winter coat, size L")).to_be_visible()
    sweep.visit(f"/partners/agencies/{offer.agency.slug}/", "profile")
    fill(sweep.page, {"#id_service_area_zip_codes": "2104x"})
    sweep.submit("profile-errors")


def a_booked_family():
    """A demo family without an account, with a pickup time it can still change: (registration code, phone)."""
    registration = Registration.objects.filter(
        status=Registration.Status.CONFIRMED, household__user=None, pickup_slot__isnull=False
    ).select_related("household")[0]
    return registration.registration_code, registration.household.phone


def register_for_the_holidays(sweep, label=""):
    page = sweep.page
    sweep.visit("/holiday/", f"holiday-campaign{label}")
    sweep.visit("/holiday/register/?restart=1", f"holiday-guardian{label}")
    sweep.submit(f"holiday-guardian-errors{label}")
    fill(page, {"#id_guardian-guardian_name": "Maria Lopez", "#id_guardian-phone": "410-555-0142"})
    fill(page, {"#id_guardian-zip_code": "21044"})
    sweep.submit(f"holiday-children{label}")
    sweep.submit(f"holiday-children-errors{label}")
    fill(page, {"#id_children-0-first_name": "Ana", "#id_children-0-age": "9"})
    sweep.submit(f"holiday-packages{label}")
    sweep.submit(f"holiday-packages-errors{label}")
    page.locator("[name='packages-consent']").check()
    sweep.submit(f"holiday-done{label}")


def find_the_pickup(sweep, label=""):
    code, phone = a_booked_family()
    sweep.visit("/holiday/pickup/", f"pickup-find{label}")
    fill(sweep.page, {"#id_registration_code": code, "#id_contact": "410-555-9999"})
    sweep.submit(f"pickup-find-errors{label}")
    fill(sweep.page, {"#id_registration_code": code, "#id_contact": phone})
    sweep.submit(f"pickup-confirmation{label}")
    expect(sweep.page.get_by_role("img")).to_be_visible()  # the check-in code's QR image
    sweep.visit("/holiday/pickup/time/", f"pickup-times{label}")


def holiday_pages_for_families(sweep):
    register_for_the_holidays(sweep)
    find_the_pickup(sweep)
    sweep.sign_in("family@example.org")
    sweep.visit("/holiday/my/", "holiday-my", heading="My holiday registration")
    sweep.visit("/holiday/my/pickup/", "holiday-my-pickup")
    sweep.visit("/holiday/register/", "holiday-already-registered", heading="You are already registered")
    sweep.visit("/holiday/sponsor/", "family-refused-sponsors", status=403)
    sweep.visit("/holiday/checkin/", "family-refused-checkin", status=403)


def sponsor_pages(sweep):
    sweep.sign_in("sponsor1@example.org")
    sweep.visit("/holiday/sponsor/", "sponsor-families", heading="Families waiting for a sponsor")
    sweep.screenshot("sponsor-families-en")
    sweep.visit("/holiday/sponsor/?children=2", "sponsor-families-filtered")
    adopt = sweep.page.get_by_role("button", name="Adopt the families I chose")
    sweep.submit("sponsor-adopt-none-chosen", button=adopt)
    sweep.visit("/holiday/sponsor/my-families/", "sponsor-my-families", heading="My families")
    sweep.visit("/holiday/sponsor/tags/", "sponsor-tags", heading="Gift tags")


def check_in_pages(sweep):
    registration = Registration.objects.filter(status=Registration.Status.READY).exclude(check_in_code="")[0]
    sweep.sign_in("volunteer@example.org")
    sweep.visit("/holiday/checkin/", "checkin", heading="Check families in")
    sweep.submit("checkin-empty")
    fill(sweep.page, {"#id_code": "ZZZZZZ"})
    sweep.submit("checkin-unknown-code")
    fill(sweep.page, {"#id_code": registration.check_in_code})
    sweep.submit("checkin-found")
    expect(sweep.page.get_by_role("heading", name=f"Family {registration.family_number}")).to_be_visible()
    sweep.screenshot("checkin-found-en")
    slot = PickupSlot.objects.filter(registrations__isnull=False).order_by("starts_at")[0]
    sweep.visit(f"/holiday/checkin/slot/{slot.pk}/", "checkin-slot")


def main_family_pages_in_spanish(sweep):
    # Content pages through the language switcher, which goes to each page's translation, wherever it lives.
    for url, label in [("/", "home"), ("/pupil-personnel-services/", "pps"), ("/holiday/", "holiday-campaign")]:
        sweep.switch_to_spanish(url, f"es-{label}")
    sweep.switch_to_spanish("/connection-center/?q=dental&near=21044", "es-directory")
    sweep.screenshot("directory-results-es")
    sweep.follow(sweep.page.locator(".program-card a").first, "es-program")
    sweep.visit("/accounts/login/", "es-login")
    reference = apply_for_help(sweep, "-es")
    look_up_request(sweep, reference, "-es")
    register_for_the_holidays(sweep, "-es")
    find_the_pickup(sweep, "-es")
    sweep.sign_in("family@example.org")
    sweep.visit("/my/", "es-my-requests")
    sweep.visit("/holiday/my/", "es-holiday-my")


JOURNEYS = [
    public_pages_and_accounts,
    asking_for_help_and_a_familys_own_pages,
    partner_pages,
    holiday_pages_for_families,
    sponsor_pages,
    check_in_pages,
    main_family_pages_in_spanish,
]


@pytest.mark.usefixtures("demo_site")
def test_every_page_on_a_phone_a_desktop_and_at_200_percent_zoom(browser, live_server):
    problems, pages = [], 0
    for viewport in VIEWPORTS:
        cache.clear()  # the rate limits on the forms, as between two tests
        sweep = Sweep(browser, live_server, viewport)
        for journey in JOURNEYS:
            sweep.walk(journey)
        problems += sweep.problems
        pages += sweep.pages
    assert pages >= 3 * 90, f"only {pages} pages were checked"
    if problems:
        pytest.fail(f"{len(problems)} problem(s) in {pages} pages:\n" + "\n".join(problems), pytrace=False)
