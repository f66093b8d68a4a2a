"""A school nurse refers a family for glasses; the family confirms in Spanish from the message they got; staff
approve, the partner accepts and records the glasses given; the nurse sees "Done" and nothing else."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from portal.models import User
from referrals.models import Referral
from resources.models import Agency, AgencyMembership, ServiceCategory
from tests.e2e.axe import assert_no_serious_violations
from tests.e2e.conftest import sign_in
from tests.factories import AgencyUserFactory, SchoolStaffFactory
from tests.resources.factories import SchoolFactory, SchoolStaffLinkFactory

pytestmark = pytest.mark.usefixtures("demo_site")


@pytest.fixture
def eye_care_partner():
    """A partner for vision help across Howard County, with one person who answers its offers."""
    agency = Agency.objects.get(slug="clear-view-eye-care-fund")
    agency.is_partner, agency.service_area_counties = True, "Howard County"
    agency.save()
    agency.categories_served.add(ServiceCategory.objects.get(slug="vision"))
    person = AgencyUserFactory(email="eyes@agency.example.org")
    AgencyMembership.objects.create(user=person, agency=agency, role=AgencyMembership.Role.COORDINATOR)
    return agency


@pytest.mark.parametrize("page", ["phone"], indirect=True)
def test_a_nurse_refers_a_family_for_glasses_and_sees_it_done(page, browser, live_server, eye_care_partner):
    school = SchoolFactory(name="Running Brook Elementary", code="0512")
    nurse = SchoolStaffFactory(email="nurse@school.example.org")
    SchoolStaffLinkFactory(user=nurse, school=school)

    # The nurse, on her phone, refers the family.
    sign_in(page.context, live_server, nurse.email)
    page.goto("/referrals/")
    page.get_by_role("link", name="Refer a family").first.click()
    page.get_by_label("Parent or guardian’s name").fill("Rosa Quintero")
    page.get_by_label("Email", exact=True).check()
    page.get_by_label("Family’s email address").fill("rosa.family@example.org")
    page.get_by_label("Family’s language").select_option("es")
    page.get_by_label("Family’s ZIP code").fill("21044")
    page.get_by_label(re.compile(r"Medical help: Vision")).check()
    page.get_by_label("First name", exact=True).first.fill("Beto")
    page.get_by_label("Age", exact=True).first.fill("8")
    page.get_by_label("In person").check()
    page.get_by_label("I confirm that the family agreed").check()
    assert_no_serious_violations(page, "referral-journey-form")
    page.get_by_role("button", name="Send the referral").click()
    expect(page.locator(".referral-status")).to_have_text("Waiting for the family")
    assert_no_serious_violations(page, "referral-journey-detail")
    referral = Referral.objects.get()

    # The family opens the link from their email, and answers in Spanish.
    [message] = [sent for sent in mail.outbox if sent.to == ["rosa.family@example.org"]]
    link = re.search(r"/referrals/family/[\w-]+/", message.body).group(0)
    family = browser.new_context(base_url=live_server.url).new_page()
    family.goto(link)
    expect(family.get_by_role("heading", level=1)).to_have_text("La escuela de su hijo nos pidió ayudar")
    assert_no_serious_violations(family, "referral-journey-family")
    family.get_by_label(re.compile("Estoy de acuerdo en que la oficina comparta estos datos")).check()
    family.get_by_role("button", name="Sí, busquen ayuda para nosotros").click()
    expect(family.get_by_role("heading", level=1)).to_have_text("Gracias")
    family.goto(link)  # the link works once
    expect(family.get_by_role("heading", level=1)).to_have_text("Este enlace ya se usó")

    # Office staff approve; matching offers it to the eye care partner.
    staff = browser.new_context(base_url=live_server.url).new_page()
    sign_in(staff.context, live_server, "staff@example.org")
    staff.goto(f"/admin/requests/{referral.request_id}/")
    staff.get_by_role("button", name="Approve").click()
    expect(staff.get_by_text(f"Offered to {eye_care_partner.name}")).to_be_visible()

    # The partner accepts and records the glasses given.
    partner = browser.new_context(base_url=live_server.url).new_page()
    sign_in(partner.context, live_server, "eyes@agency.example.org")
    partner.goto("/partners/")
    partner.get_by_role("link", name=re.compile(r"offer \d+$")).first.click()
    partner.get_by_role("button", name="Accept this request").click()
    partner.get_by_role("link", name="Mark as given").click()
    partner.get_by_label("What you gave").first.fill("Eye exam and one pair of glasses")
    partner.get_by_label("How many").first.fill("1")
    partner.get_by_label("Dollars").fill("185")  # vision is a medical kind: the form asks what it cost
    partner.get_by_role("button", name="Mark as given").click()
    expect(partner.get_by_text("Eye exam and one pair of glasses")).to_be_visible()

    # The nurse sees "Done", and nothing of the agency's side.
    page.goto(f"/referrals/{referral.pk}/")
    expect(page.locator(".referral-status")).to_have_text("Done")
    content = page.content()
    for hidden in (eye_care_partner.name, "glasses", referral.request.reference, "rosa.family@example.org"):
        assert hidden not in content
    assert User.objects.filter(email="nurse@school.example.org").get().school_links.count() == 1
