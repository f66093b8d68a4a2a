"""Listings that stay true, in the browser: an agency proposes new hours and staff approve them; an agency cannot
open another agency's program; a family reports a wrong phone number and staff resolve the report."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from resources.models import AgencyMembership, ProblemReport, ResourcePage
from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.usefixtures("demo_site")


def programs_of(email):
    agency = AgencyMembership.objects.filter(user__email=email).order_by("agency__name").first().agency
    return ResourcePage.objects.live().filter(agency=agency, locale__language_code=settings.LANGUAGE_CODE)


def signed_in_page(browser, live_server, email):
    context = browser.new_context(base_url=live_server.url)
    sign_in(context, live_server, email)
    return context.new_page()


@pytest.mark.parametrize("page", ["desktop"], indirect=True)
def test_an_agency_proposes_new_hours_staff_approve_and_families_see_them(page, browser, live_server, axe_clean):
    program = programs_of("agency1@example.org").first()
    sign_in(page.context, live_server, "agency1@example.org")
    page.goto("/partners/listings/")
    axe_clean("listings")
    page.get_by_role("link", name=f"Propose changes to {program.title}").click()
    axe_clean("propose")
    row = page.get_by_role("group", name="Opening 1")
    row.get_by_label("Day").select_option(label="Saturday")
    row.get_by_label("Opens").fill("09:15")
    row.get_by_label("Closes").fill("11:45")
    page.get_by_role("button", name="Send the changes to the office").click()
    expect(page.get_by_text("The office will check your changes")).to_be_visible()
    expect(page.get_by_text("Waiting for the office").first).to_be_visible()

    public = browser.new_context(base_url=live_server.url).new_page()
    public.goto(program.url)
    assert "9:15" not in public.content()

    staff = signed_in_page(browser, live_server, "staff@example.org")
    staff.goto("/admin/")
    review = staff.locator("#awaiting-review-content")
    review.get_by_role("button", name="Actions").first.click()
    review.get_by_role("link", name="Compare with live version").click()
    expect(staff.locator("main")).to_contain_text("Saturday")  # the side-by-side comparison shows the new row
    staff.go_back()
    review.get_by_role("button", name="Actions").first.click()
    with staff.expect_navigation():
        review.get_by_role("button", name="Approve", exact=True).click()
    expect(staff.locator("#awaiting-review-content")).to_have_count(0)

    public.goto(program.url)
    expect(public.get_by_text("9:15")).to_be_visible()


@pytest.mark.parametrize("page", ["phone"], indirect=True)
def test_an_agency_cannot_open_another_agencys_program(page, live_server):
    other = ResourcePage.objects.exclude(agency__memberships__user__email="agency1@example.org").first()
    sign_in(page.context, live_server, "agency1@example.org")
    response = page.goto(f"/partners/listings/{other.pk}/")
    assert response.status == 404
    page.goto("/partners/listings/")
    assert other.title not in page.content()


@pytest.mark.parametrize("page", ["phone"], indirect=True)
def test_a_family_reports_a_wrong_phone_and_staff_resolve_it(page, browser, live_server, axe_clean):
    program = programs_of("agency2@example.org").first()
    page.goto(program.url)
    page.get_by_label("The phone number does not work").check()
    page.get_by_label("Anything else we should know? (optional)").fill("Nobody answers")
    page.get_by_role("button", name="Send the report").click()
    expect(page.get_by_text("Thank you. The office will check this program's details.")).to_be_visible()
    axe_clean("reported")

    staff = signed_in_page(browser, live_server, "staff@example.org")
    staff.goto("/admin/directory/reports/")
    expect(staff.get_by_text("Nobody answers")).to_be_visible()
    staff.get_by_label("Forward to the agency").check()
    staff.get_by_role("button", name="Resolve").click()
    expect(staff.get_by_text("Report resolved and sent to")).to_be_visible()
    report = ProblemReport.objects.get()
    assert report.resolved_by.email == "staff@example.org" and report.forwarded_at
