"""The family's single-use link: confirm (with corrections) in their language, decline, and links that fail."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from aid_requests import backlog, matching
from aid_requests.models import StatusEvent
from referrals.models import Referral
from tests.referrals.conftest import family_link

pytestmark = pytest.mark.django_db


@pytest.fixture
def referred(refer):
    """A referral sent by the nurse, and the link the family got."""
    _response, referral = refer()
    return referral, family_link()


def confirm_data(referral, **overrides):
    household = referral.request.household
    child = household.children.get()
    data = {
        "family-guardian_name": "Rosa María Quintero",
        "family-phone": "410-555-0123",
        "family-email": household.email,
        "family-preferred_language": "es",
        "family-contact_method": "email",
        "family-zip_code": "21044",
        "family-consent": "on",
        "children-TOTAL_FORMS": "1",
        "children-INITIAL_FORMS": "1",
        "children-MIN_NUM_FORMS": "0",
        "children-MAX_NUM_FORMS": "8",
        "children-0-id": str(child.pk),
        "children-0-first_name": "Alberto",
        "children-0-age": "8",
        "children-0-grade": "3",
        "answer": "confirm",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_the_family_reads_the_page_in_their_language_and_confirms_with_corrections(family_browser, referred, post):
    referral, link = referred
    page = family_browser.get(link)
    assert page.status_code == 200 and page["Referrer-Policy"] == "same-origin"
    assert '<html lang="es">' in page.content.decode()

    response = post(family_browser, link, confirm_data(referral))

    assert response.status_code == 200 and "Gracias" in response.content.decode()
    referral.refresh_from_db()
    aid_request = referral.request
    aid_request.refresh_from_db()
    household = aid_request.household
    household.refresh_from_db()
    assert referral.confirmed_at is not None and aid_request.status == "submitted"
    assert household.consent_to_share and household.guardian_name == "Rosa María Quintero"
    assert household.children.get().first_name == "Alberto"
    assert referral.family_name == "Rosa Quintero"  # the referrer's snapshot keeps what they entered


def test_a_reused_link_says_so_and_changes_nothing(family_browser, referred, post):
    referral, link = referred
    post(family_browser, link, confirm_data(referral))
    events = StatusEvent.objects.count()

    again = post(family_browser, link, confirm_data(referral, **{"family-guardian_name": "Someone Else"}))

    assert again.status_code == 410
    assert "ya se usó" in again.content.decode() or "already used" in again.content.decode()
    assert StatusEvent.objects.count() == events
    assert referral.request.household.__class__.objects.get(pk=referral.request.household_id).guardian_name != (
        "Someone Else"
    )
    assert family_browser.get(link).status_code == 410


def test_confirming_needs_the_familys_agreement(family_browser, referred, post):
    referral, link = referred
    response = post(family_browser, link, confirm_data(referral, **{"family-consent": None}))
    assert response.status_code == 200
    referral.refresh_from_db()
    assert referral.confirmed_at is None and referral.request.status == "awaiting"
    assert not referral.request.household.consent_to_share


def test_an_expired_link_says_so_and_changes_nothing(family_browser, referred, post):
    referral, link = referred
    Referral.objects.filter(pk=referral.pk).update(link_expires_at=timezone.now() - timedelta(minutes=1))
    response = post(family_browser, link, confirm_data(referral))
    assert response.status_code == 410
    referral.refresh_from_db()
    assert referral.confirmed_at is None and referral.request.status == "awaiting"


def test_an_unknown_link_is_not_found(family_browser, referred):
    assert family_browser.get("/referrals/family/not-a-real-token/").status_code == 404


def test_a_new_link_replaces_the_old_one(family_browser, referred):
    from referrals.notices import tell_family_of_referral

    referral, old_link = referred
    tell_family_of_referral.call(referral.pk)
    assert family_browser.get(old_link).status_code == 404
    assert family_browser.get(family_link()).status_code == 200


def test_a_family_that_declines_closes_the_referral_and_the_referrer_sees_only_that(
    family_browser, referred, post, nurse_client
):
    referral, link = referred
    response = post(family_browser, link, {"answer": "decline"})
    assert response.status_code == 200
    referral.refresh_from_db()
    assert referral.declined_at is not None and referral.request.status == "withdrawn"
    assert not referral.request.household.consent_to_share
    page = nurse_client.get(f"/referrals/{referral.pk}/").content.decode()
    assert "Declined by the family" in page
    assert family_browser.get(link).status_code == 410


def test_nothing_is_matched_before_the_family_confirms(referred):
    referral, _link = referred
    with pytest.raises(matching.OfferError):
        matching.match(referral.request)
    assert matching.candidates(referral.request) == ([], matching.NO_CONSENT)
    assert backlog.match_backlog() == (0, 0)


def test_staff_go_ahead_before_the_family_only_with_a_reason_which_is_recorded(referred, staff_client):
    referral, _link = referred
    url = f"/admin/requests/{referral.request.pk}/"

    staff_client.post(url, {"action": "approve", "message": ""})
    referral.request.refresh_from_db()
    assert referral.request.status == "awaiting"

    staff_client.post(url, {"action": "approve", "message": "Emergency: the child cannot see at all."})
    referral.request.refresh_from_db()
    assert referral.request.status == "approved"
    event = referral.request.events.get(from_status="awaiting", to_status="approved")
    assert event.note == "Emergency: the child cannot see at all." and event.actor is not None


def test_the_message_goes_only_to_the_family(referred, nurse):
    assert [message.to for message in mail.outbox] == [["rosa.family@example.org"]]


def test_the_link_never_reaches_the_logs():
    from portal.logs import redact

    assert redact("GET /referrals/family/9xlrZi8y-ZcXd_fw/ 200 12ms") == "GET /referrals/family/[token]/ 200 12ms"


def test_a_correction_to_a_number_that_is_not_one_is_refused_and_changes_nothing(family_browser, referred, post):
    referral, link = referred
    household = referral.request.household
    before = (household.guardian_name, household.phone)

    response = post(
        family_browser, link, confirm_data(referral, **{"family-phone": "12", "family-contact_method": "text"})
    )

    assert response.status_code == 200 and 'aria-invalid="true"' in response.content.decode()
    referral.refresh_from_db()
    household.refresh_from_db()
    assert referral.confirmed_at is None and (household.guardian_name, household.phone) == before
