import pytest

from aid_requests.models import StatusEvent
from aid_requests.models.requests import Status
from tests.aid_requests.factories import AidRequestFactory
from tests.resources.factories import PartnerAgencyFactory

pytestmark = pytest.mark.django_db


def act(client, aid_request, **data):
    return client.post(f"/admin/requests/{aid_request.pk}/", data)


def test_staff_approve_a_request(staff_client, staff):
    aid_request = AidRequestFactory()
    act(staff_client, aid_request, action="approve")
    aid_request.refresh_from_db()
    assert aid_request.status == Status.APPROVED
    assert StatusEvent.objects.get(to_status=Status.APPROVED).actor == staff


def test_a_decline_needs_a_reason_and_shows_it_to_the_family(staff_client, client):
    aid_request = AidRequestFactory()
    response = act(staff_client, aid_request, action="decline", message="")
    assert "Give the family a reason" in response.text
    act(staff_client, aid_request, action="decline", message="We do not cover braces.")
    html = client.post("/requests/status/", {"reference": aid_request.reference, "zip_code": "21044"}).text
    assert "Declined" in html and "We do not cover braces." in html


def test_asking_for_information_reaches_the_family_and_notes_do_not(staff_client, client):
    aid_request = AidRequestFactory()
    act(staff_client, aid_request, action="ask", message="What is Ana's shoe size?")
    act(staff_client, aid_request, action="note", message="Called the school counselor.")
    html = client.post("/requests/status/", {"reference": aid_request.reference, "zip_code": "21044"}).text
    assert "What is Ana&#x27;s shoe size?" in html and "Called the school counselor." not in html


def test_assign_to_me(staff_client, staff):
    aid_request = AidRequestFactory()
    act(staff_client, aid_request, action="assign")
    aid_request.refresh_from_db()
    assert aid_request.assigned_to == staff


def test_approving_a_withdrawn_request_is_refused_and_changes_nothing(staff_client):
    aid_request = AidRequestFactory()
    aid_request.__class__.objects.filter(pk=aid_request.pk).update(status=Status.WITHDRAWN)
    response = act(staff_client, aid_request, action="approve")
    assert response.status_code == 302
    aid_request.refresh_from_db()
    assert aid_request.status == Status.WITHDRAWN and not StatusEvent.objects.exists()


def test_approving_offers_the_request_to_a_partner_and_the_page_shows_it(staff_client):
    PartnerAgencyFactory(name="Howard Helping Hands")
    aid_request = AidRequestFactory()
    act(staff_client, aid_request, action="approve")
    aid_request.refresh_from_db()
    assert aid_request.status == Status.OFFERED
    html = staff_client.get(f"/admin/requests/{aid_request.pk}/").text
    assert "Howard Helping Hands" in html and "Offered" in html


def test_approving_without_a_partner_shows_staff_the_reason(staff_client):
    aid_request = AidRequestFactory()
    response = act(staff_client, aid_request, action="approve")
    html = staff_client.get(response.url).text
    assert "No partner" in html and "clothing" in html
