"""McKinney-Vento: first in the queue and in matching, shown to office staff (audit-logged) and to the referrer who
marked it, and to nobody else: no partner, sponsor, other referrer or family page, export or email."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client

from aid_requests import backlog
from aid_requests.matching import accept
from aid_requests.models import AidRequest, HouseholdView, Offer
from aid_requests.models.requests import Status
from tests.aid_requests.factories import AidRequestFactory, HouseholdFactory
from tests.factories import SchoolStaffFactory
from tests.referrals.conftest import family_link
from tests.referrals.test_family_link import confirm_data
from tests.resources.factories import AgencyMembershipFactory, SchoolStaffLinkFactory

pytestmark = pytest.mark.django_db

WORDS = ["mckinney"]  # "vento" alone is inside Wagtail's own "preventOutlet..."


def absent(text):
    return not any(word in text.lower() for word in WORDS)


@pytest.fixture
def flagged(refer, family_browser, post, staff_client, agency_user):
    """A referral the nurse marked McKinney-Vento, confirmed by the family, approved and accepted by an agency."""
    AgencyMembershipFactory(user=agency_user, agency__default_max_open=20, agency__serves=["vision"])
    _response, referral = refer(mckinney_vento="on")
    post(family_browser, family_link(), confirm_data(referral))
    post(staff_client, f"/admin/requests/{referral.request.pk}/", {"action": "approve", "message": ""})
    offer = Offer.objects.get(request=referral.request)
    return referral, offer


def test_the_flag_never_reaches_partners_families_other_referrers_exports_or_emails(
    flagged, family_browser, agency_client, agency_user, staff_client, school
):
    referral, offer = flagged
    aid_request = referral.request
    assert aid_request.household.__class__.objects.get(pk=aid_request.household_id).mckinney_vento

    pages = {
        "partner list": agency_client.get("/partners/"),
        "partner offer": agency_client.get(f"/partners/offers/{offer.pk}/"),
    }
    accept(offer, agency_user)
    pages["partner offer accepted"] = agency_client.get(f"/partners/offers/{offer.pk}/")
    pages["partner fulfil"] = agency_client.get(f"/partners/offers/{offer.pk}/fulfil/")
    pages["family status"] = family_browser.post(
        "/requests/status/", {"reference": aid_request.reference, "zip_code": "21044"}
    )
    colleague = SchoolStaffFactory()
    SchoolStaffLinkFactory(user=colleague, school=school)
    other_referrer = Client()
    other_referrer.force_login(colleague)
    pages["other referrer list"] = other_referrer.get("/referrals/")
    pages["other referrer detail"] = other_referrer.get(f"/referrals/{referral.pk}/")
    pages["staff export csv"] = staff_client.get("/admin/requests/export/?format=csv")
    pages["staff queue"] = staff_client.get("/admin/requests/")
    pages["referral report"] = staff_client.get("/admin/reports/referrals/")

    for name, response in pages.items():
        assert response.status_code in (200, 404), name
        assert absent(response.content.decode(errors="replace")), name
    assert pages["partner offer"].status_code == 200 and pages["family status"].status_code == 200
    assert mail.outbox, "the family and the agency were emailed"
    for message in mail.outbox:
        texts = [message.subject, message.body, *(content for content, _type in message.alternatives)]
        assert all(absent(text) for text in texts), message.subject


def test_office_staff_see_it_and_each_showing_is_audit_logged(flagged, staff_client, staff):
    referral, _offer = flagged
    page = staff_client.get(f"/admin/requests/{referral.request.pk}/").content.decode()
    assert "McKinney-Vento" in page and "Eligible" in page
    view = HouseholdView.objects.filter(viewed_by=staff).latest("viewed_at")
    assert view.saw_mckinney_vento


def test_the_referrer_who_marked_it_sees_it_and_that_is_logged_too(flagged, nurse_client, nurse):
    referral, _offer = flagged
    page = nurse_client.get(f"/referrals/{referral.pk}/").content.decode()
    assert "McKinney-Vento" in page
    assert HouseholdView.objects.filter(viewed_by=nurse, saw_mckinney_vento=True).exists()


def test_a_referrer_does_not_see_a_flag_office_staff_set(refer, nurse_client, staff_client):
    _response, referral = refer()
    staff_client.post(f"/admin/requests/{referral.request.pk}/", {"action": "mckinney_vento", "message": ""})
    household = referral.request.household
    household.refresh_from_db()
    assert household.mckinney_vento
    assert absent(nurse_client.get(f"/referrals/{referral.pk}/").content.decode())


def test_only_office_and_referrer_templates_name_the_flag():
    """Every role's pages render from templates: only these may name the flag at all."""
    allowed = {"aid_requests/admin/request_detail.html", "referrals/detail.html", "referrals/new.html"}
    root = Path(settings.BASE_DIR) / "templates"
    naming = {
        str(path.relative_to(root))
        for path in root.rglob("*")
        if path.is_file() and not absent(path.read_text(errors="replace"))
    }
    assert naming <= allowed


def test_a_flagged_request_comes_first_in_the_staff_queue(staff_client):
    older = AidRequestFactory(household=HouseholdFactory(guardian_name="Older Family"))
    flagged = AidRequestFactory(household=HouseholdFactory(guardian_name="Flagged Family", mckinney_vento=True))
    urgent = AidRequestFactory(household=HouseholdFactory(guardian_name="Urgent Family"), urgency="urgent")
    page = staff_client.get("/admin/requests/").content.decode()
    positions = [page.index(request.reference) for request in (urgent, flagged, older)]
    # Urgent and a routine McKinney-Vento request share a rank; the longer waiting goes first among them.
    assert positions[2] == max(positions)
    assert page.index(flagged.reference) < page.index(older.reference)


def test_a_flagged_request_gets_the_last_room_in_batch_matching(agency_user):
    AgencyMembershipFactory(user=agency_user, agency__default_max_open=1)
    older = AidRequestFactory()
    flagged = AidRequestFactory(household=HouseholdFactory(mckinney_vento=True))
    AidRequest.objects.filter(pk__in=[older.pk, flagged.pk]).update(status=Status.APPROVED)
    assert backlog.match_backlog() == (1, 1)
    assert Offer.objects.get().request_id == flagged.pk
