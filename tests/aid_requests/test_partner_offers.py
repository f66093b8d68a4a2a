"""Answering an offer at /partners/offers/<id>/: accept, decline with a reason, and who gets 404."""

from datetime import timedelta

import pytest
from django.utils import timezone

from aid_requests.matching import accept, decline, match, withdraw
from aid_requests.models import Offer
from aid_requests.models.requests import Status
from aid_requests.workflow import transition
from tests.aid_requests.factories import approved_request
from tests.factories import AgencyUserFactory
from tests.resources.factories import AgencyMembershipFactory, PartnerAgencyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(agency_user):
    return AgencyMembershipFactory(user=agency_user).agency


@pytest.fixture
def other_client(client):
    """A client signed in as the coordinator of agency B, which takes no new requests (so A gets them)."""
    user = AgencyUserFactory()
    AgencyMembershipFactory(user=user, agency__is_accepting=False)
    client.force_login(user)
    return client


def refreshed(instance):
    instance.refresh_from_db()
    return instance


def test_accepting_shows_the_family_contact_and_accepts_the_request(agency_client, partner):
    offer = match(approved_request())
    response = agency_client.post(f"/partners/offers/{offer.pk}/accept/", follow=True)
    assert "You accepted this request." in response.text and "Maria" in response.text
    assert refreshed(offer).status == Offer.Status.ACCEPTED
    assert refreshed(offer.request).status == Status.ACCEPTED


def test_declining_with_a_reason_offers_the_request_to_the_next_agency(agency_client, partner):
    further = PartnerAgencyFactory(zip_code="21794")
    offer = match(approved_request())
    response = agency_client.post(f"/partners/offers/{offer.pk}/decline/", {"reason": "No coats left"}, follow=True)
    assert response.redirect_chain[-1][0] == "/partners/" and "You declined this request." in response.text
    assert (refreshed(offer).status, offer.decline_reason) == (Offer.Status.DECLINED, "No coats left")
    assert Offer.objects.get(status=Offer.Status.OFFERED).agency == further


def test_declining_without_a_reason_is_refused_in_the_users_language(agency_client, partner):
    offer = match(approved_request())
    response = agency_client.post(f"/partners/offers/{offer.pk}/decline/", {"reason": "  "})
    assert "Tell us why you cannot take this request." in response.text
    assert 'href="#id_reason"' in response.text
    assert refreshed(offer).status == Offer.Status.OFFERED


def test_an_answer_that_comes_too_late_gets_a_plain_message(agency_client, partner, agency_user):
    offer = match(approved_request())
    Offer.objects.filter(pk=offer.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    assert "The time to answer this offer has passed." in agency_client.get(f"/partners/offers/{offer.pk}/").text
    response = agency_client.post(f"/partners/offers/{offer.pk}/accept/", follow=True)
    assert "This offer can no longer be answered" in response.text
    assert refreshed(offer).status == Offer.Status.OFFERED


def test_agency_b_gets_404_on_agency_a_offer(other_client, partner):
    offer = match(approved_request())
    assert other_client.get(f"/partners/offers/{offer.pk}/").status_code == 404
    assert other_client.post(f"/partners/offers/{offer.pk}/accept/").status_code == 404
    assert other_client.post(f"/partners/offers/{offer.pk}/decline/", {"reason": "x"}).status_code == 404
    assert other_client.post(f"/partners/offers/{offer.pk}/fulfil/").status_code == 404
    assert refreshed(offer).status == Offer.Status.OFFERED


def test_agency_b_gets_404_on_agency_a_accepted_request(other_client, partner, agency_user):
    offer = accept(match(approved_request()), agency_user)
    assert other_client.get(f"/partners/offers/{offer.pk}/").status_code == 404
    assert other_client.get(f"/partners/offers/{offer.pk}/fulfil/").status_code == 404


def test_an_offer_no_longer_theirs_gets_404(agency_client, partner, agency_user, staff):
    declined = match(approved_request())
    decline(declined, agency_user, "Too far")
    withdrawn = match(approved_request())
    withdraw(withdrawn, staff)
    expired = match(approved_request())
    Offer.objects.filter(pk=expired.pk).update(status=Offer.Status.EXPIRED)
    for offer in (declined, withdrawn, expired):
        assert agency_client.get(f"/partners/offers/{offer.pk}/").status_code == 404


def test_a_request_the_family_withdrew_disappears_from_the_agency(agency_client, partner, agency_user):
    offer = accept(match(approved_request()), agency_user)
    transition(offer.request, Status.WITHDRAWN)
    assert agency_client.get(f"/partners/offers/{offer.pk}/").status_code == 404
    assert f"offer {offer.pk}<" not in agency_client.get("/partners/").text
