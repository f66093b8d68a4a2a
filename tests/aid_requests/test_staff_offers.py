"""Staff overrides on the request page: match again, offer to a chosen agency, withdraw an offer, close."""

import pytest
from django.contrib.auth.models import Permission

from aid_requests.matching import accept, match
from aid_requests.models import Offer, StatusEvent
from aid_requests.models.requests import Status
from tests.aid_requests.factories import approved_request
from tests.factories import UserFactory
from tests.resources.factories import AgencyCapacityFactory, PartnerAgencyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_partners():
    """The nearer partner gets the first offer; the further one is next."""
    return PartnerAgencyFactory(name="Near Partner", zip_code="21045"), PartnerAgencyFactory(
        name="Far Partner", zip_code="21794"
    )


@pytest.fixture
def viewer_client(client):
    """Staff who may read requests but not act on them."""
    viewer = UserFactory(enrolled=True)
    codenames = ["access_admin", "view_aidrequest", "view_household"]
    viewer.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    client.force_login(viewer)
    return client


def act(client, aid_request, **data):
    return client.post(f"/admin/requests/{aid_request.pk}/", data, follow=True)


def refreshed(instance):
    instance.refresh_from_db()
    return instance


def test_matching_again_withdraws_the_open_offer_and_offers_the_next_partner(staff_client, two_partners):
    near, far = two_partners
    first = match(approved_request())
    response = act(staff_client, first.request, action="rematch")
    assert "Offered to Far Partner." in response.text
    assert refreshed(first).status == Offer.Status.WITHDRAWN
    assert Offer.objects.get(status=Offer.Status.OFFERED).agency == far


def test_matching_again_offers_a_waiting_request_to_a_partner_that_joined(staff_client):
    aid_request = approved_request()
    PartnerAgencyFactory(name="New Partner")
    act(staff_client, aid_request, action="rematch")
    assert refreshed(aid_request).status == Status.OFFERED
    assert Offer.objects.get().agency.name == "New Partner"


def test_matching_again_with_nobody_left_tells_staff_why(staff_client):
    PartnerAgencyFactory()
    offer = match(approved_request())
    response = act(staff_client, offer.request, action="rematch")
    assert "No partner agency yet: every partner for clothing in 21044 has already had this request." in response.text
    assert refreshed(offer.request).status == Status.APPROVED


def test_matching_an_accepted_request_again_is_refused_and_changes_nothing(staff_client, two_partners, agency_user):
    offer = accept(match(approved_request()), agency_user)
    response = act(staff_client, offer.request, action="rematch")
    assert "can be matched again" in response.text
    assert refreshed(offer).status == Offer.Status.ACCEPTED and Offer.objects.count() == 1


def test_the_agency_choice_shows_each_partners_coverage_and_load(staff_client, two_partners):
    PartnerAgencyFactory(name="Baltimore Partner", zip_code="21201", service_area_counties="Baltimore City")
    AgencyCapacityFactory(agency=two_partners[1], max_open=3)
    PartnerAgencyFactory(name="Dental Partner", serves=["dental"])
    offer = match(approved_request())
    html = staff_client.get(f"/admin/requests/{offer.request.pk}/").text
    assert "Near Partner: covers 21044, 1 of 5 open" in html
    assert "Far Partner: covers 21044, 0 of 3 open" in html
    assert "Baltimore Partner: does not cover 21044, 0 of 5 open" in html
    assert "Dental Partner" not in html


def test_staff_offer_the_request_to_an_agency_of_their_choice(staff_client, two_partners):
    near, far = two_partners
    aid_request = approved_request()
    response = act(staff_client, aid_request, action="offer_to", agency=far.pk)
    assert "Offered to Far Partner." in response.text
    offer = Offer.objects.get()
    assert (offer.agency, offer.rank, refreshed(aid_request).status) == (far, None, Status.OFFERED)


def test_offering_without_choosing_an_agency_asks_for_one(staff_client, two_partners):
    aid_request = approved_request()
    response = act(staff_client, aid_request, action="offer_to", agency="")
    assert "Choose the agency to offer the request to." in response.text
    assert not Offer.objects.exists()


def test_an_agency_at_its_limit_is_refused_and_the_open_offer_stays(staff_client, two_partners):
    near, far = two_partners
    AgencyCapacityFactory(agency=far, max_open=1)
    Offer.objects.filter(pk=match(approved_request()).pk).update(agency=far)
    offer = match(approved_request())
    response = act(staff_client, offer.request, action="offer_to", agency=far.pk)
    assert "Far Partner is at its limit for clothing." in response.text
    assert refreshed(offer).status == Offer.Status.OFFERED and Offer.objects.count() == 2


def test_staff_withdraw_an_accepted_offer_and_the_request_waits_approved(staff_client, two_partners, agency_user):
    offer = accept(match(approved_request()), agency_user)
    response = act(staff_client, offer.request, action="withdraw", offer=offer.pk)
    assert "Offer to Near Partner withdrawn." in response.text
    assert refreshed(offer).status == Offer.Status.WITHDRAWN
    assert refreshed(offer.request).status == Status.APPROVED


def test_withdrawing_an_offer_no_longer_open_shows_an_error(staff_client, two_partners):
    offer = match(approved_request())
    act(staff_client, offer.request, action="withdraw", offer=offer.pk)
    response = act(staff_client, offer.request, action="withdraw", offer=offer.pk)
    assert "This offer is withdrawn." in response.text
    assert StatusEvent.objects.filter(to_status=Status.APPROVED).count() == 1


def test_another_requests_offer_cannot_be_withdrawn_from_this_page(staff_client, two_partners):
    other, aid_request = match(approved_request()), approved_request()
    response = act(staff_client, aid_request, action="withdraw", offer=other.pk)
    assert "Select a valid choice" in response.text
    assert refreshed(other).status == Offer.Status.OFFERED


def test_closing_needs_a_note_then_ends_the_agencys_offer(staff_client, two_partners, agency_user):
    offer = accept(match(approved_request()), agency_user)
    response = act(staff_client, offer.request, action="close", message="")
    assert "Say why the request is closed" in response.text and refreshed(offer.request).status == Status.ACCEPTED
    act(staff_client, offer.request, action="close", message="The family found help elsewhere.")
    assert refreshed(offer.request).status == Status.CLOSED and refreshed(offer).status == Offer.Status.WITHDRAWN
    assert StatusEvent.objects.get(to_status=Status.CLOSED).note == "The family found help elsewhere."


def test_a_request_still_being_reviewed_cannot_be_closed(staff_client):
    aid_request = approved_request()
    aid_request.__class__.objects.filter(pk=aid_request.pk).update(status=Status.IN_REVIEW)
    assert "Close the request" not in staff_client.get(f"/admin/requests/{aid_request.pk}/").text
    response = act(staff_client, aid_request, action="close", message="Duplicate.")
    assert "cannot go from in_review to closed" in response.text
    assert refreshed(aid_request).status == Status.IN_REVIEW and not StatusEvent.objects.exists()


def test_staff_who_may_only_view_see_no_buttons_and_cannot_act(viewer_client, two_partners):
    offer = match(approved_request())
    html = viewer_client.get(f"/admin/requests/{offer.request.pk}/").text
    assert "Near Partner" in html
    assert not any(label in html for label in ("Match again", "Offer to this agency", "Withdraw", "Close the request"))
    for data in ({"action": "rematch"}, {"action": "withdraw", "offer": offer.pk}, {"action": "close", "message": "x"}):
        assert viewer_client.post(f"/admin/requests/{offer.request.pk}/", data).status_code == 403
    assert refreshed(offer).status == Offer.Status.OFFERED
