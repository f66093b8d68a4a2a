from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import IntegrityError
from django.utils import timezone

from aid_requests.matching import OfferError, accept, decline, expire_overdue, match, offer_to, withdraw
from aid_requests.models import Offer, StatusEvent
from aid_requests.models.requests import Status
from aid_requests.workflow import transition
from tests.aid_requests.factories import AidRequestFactory, approved_request
from tests.resources.factories import PartnerAgencyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_partners():
    """The nearer partner gets the first offer; the further one is next."""
    return PartnerAgencyFactory(zip_code="21045"), PartnerAgencyFactory(zip_code="21794")


def refreshed(instance):
    instance.refresh_from_db()
    return instance


def test_an_offer_tells_the_family_in_plain_words_and_names_no_agency(two_partners):
    aid_request = approved_request()
    offer = match(aid_request)
    event = StatusEvent.objects.get(to_status=Status.OFFERED)
    assert event.visible_to_family and event.get_to_status_display() == "Sent to a partner agency"
    assert offer.deadline == offer.offered_at + timedelta(hours=48)


def test_an_agency_deadline_of_its_own_replaces_the_setting():
    PartnerAgencyFactory(response_hours=4)
    offer = match(approved_request())
    assert offer.deadline == offer.offered_at + timedelta(hours=4)


def test_accepting_an_offer_accepts_the_request(two_partners, agency_user):
    offer = match(approved_request())
    accept(offer, agency_user)
    assert refreshed(offer).status == Offer.Status.ACCEPTED and offer.answered_at
    assert refreshed(offer.request).status == Status.ACCEPTED


def test_an_offer_cannot_be_accepted_twice_or_after_a_decline(two_partners, agency_user):
    accepted, declined = match(approved_request()), match(approved_request())
    accept(accepted, agency_user)
    decline(declined, agency_user, "No coats in stock")
    for offer in (accepted, declined):
        with pytest.raises(OfferError):
            accept(offer, agency_user)


def test_an_offer_past_its_deadline_cannot_be_accepted(two_partners, agency_user):
    offer = match(approved_request())
    Offer.objects.filter(pk=offer.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    with pytest.raises(OfferError):
        accept(offer, agency_user)


def test_a_decline_moves_the_request_to_the_next_partner(two_partners, agency_user):
    near, further = two_partners
    offer = match(approved_request())
    next_offer = decline(offer, agency_user, "No coats in stock")
    assert refreshed(offer).decline_reason == "No coats in stock" and offer.status == Offer.Status.DECLINED
    assert next_offer.agency == further and refreshed(offer.request).status == Status.OFFERED


def test_when_the_last_partner_declines_the_request_waits_approved_with_a_reason(agency_user):
    PartnerAgencyFactory()
    aid_request = approved_request()
    assert decline(match(aid_request), agency_user, "Too far") is None
    assert refreshed(aid_request).status == Status.APPROVED
    assert aid_request.no_match_reason == "every partner for clothing in 21044 has already had this request"


def test_an_unanswered_offer_expires_and_goes_to_the_next_partner(two_partners):
    near, further = two_partners
    offer = match(approved_request())
    assert expire_overdue(timezone.now() + timedelta(hours=47)) == 0
    assert expire_overdue(timezone.now() + timedelta(hours=49)) == 1
    assert refreshed(offer).status == Offer.Status.EXPIRED
    assert Offer.objects.get(status=Offer.Status.OFFERED).agency == further


def test_staff_offer_to_a_chosen_agency_withdraws_the_open_offer(two_partners, staff):
    near, further = two_partners
    offer = match(approved_request())
    chosen = offer_to(offer.request, further, staff)
    assert refreshed(offer).status == Offer.Status.WITHDRAWN
    assert (chosen.agency, chosen.rank, chosen.status) == (further, None, Offer.Status.OFFERED)


def test_staff_cannot_offer_to_an_agency_at_its_limit(staff):
    full = PartnerAgencyFactory(default_max_open=1)
    match(approved_request())
    with pytest.raises(OfferError):
        offer_to(approved_request(), full, staff)


def test_staff_withdraw_an_accepted_offer_and_the_request_waits_approved(two_partners, agency_user, staff):
    offer = match(approved_request())
    accept(offer, agency_user)
    withdraw(offer, staff)
    assert refreshed(offer).status == Offer.Status.WITHDRAWN
    assert refreshed(offer.request).status == Status.APPROVED and Offer.objects.count() == 1


def test_the_database_refuses_a_second_accepted_offer(two_partners, agency_user):
    near, further = two_partners
    offer = match(approved_request())
    accept(offer, agency_user)
    with pytest.raises(IntegrityError):
        Offer.objects.create(request=offer.request, agency=further, status="accepted", deadline=timezone.now())


def test_approving_a_request_in_the_admin_offers_it(staff_client, two_partners):
    aid_request = AidRequestFactory()
    staff_client.post(f"/admin/requests/{aid_request.pk}/", {"action": "approve"})
    assert refreshed(aid_request).status == Status.OFFERED
    assert Offer.objects.get().agency == two_partners[0]


def test_approving_with_no_partner_tells_staff_why(staff_client):
    aid_request = AidRequestFactory()
    response = staff_client.post(f"/admin/requests/{aid_request.pk}/", {"action": "approve"}, follow=True)
    assert "No partner agency yet: no partner serves clothing in 21044." in response.text
    assert refreshed(aid_request).status == Status.APPROVED


def test_the_commands_match_the_backlog_and_expire_overdue_offers(two_partners, capsys):
    approved_request(), approved_request(consent_to_share=False)
    call_command("match_requests")
    call_command("expire_offers")
    assert capsys.readouterr().out.splitlines() == [
        "Matched 1 requests; 1 wait with a reason staff can read.",
        "Expired offers: 0.",
    ]


def test_a_request_the_family_withdrew_frees_its_place_and_cannot_be_accepted(agency_user):
    PartnerAgencyFactory(default_max_open=1)
    offer = match(approved_request())
    transition(offer.request, Status.WITHDRAWN)
    with pytest.raises(OfferError):
        accept(offer, agency_user)
    assert match(approved_request()).agency == offer.agency
