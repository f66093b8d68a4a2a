import pytest

from aid_requests.models.requests import Status
from aid_requests.workflow import add_message, transition
from tests.aid_requests.factories import AidRequestFactory

pytestmark = pytest.mark.django_db
NOT_FOUND = "We could not find a request with that code and ZIP code."


def test_code_and_zip_show_the_family_visible_timeline(client, staff):
    aid_request = AidRequestFactory()
    transition(aid_request, Status.IN_REVIEW, actor=staff, note="Internal: call school", visible_to_family=False)
    add_message(aid_request, "Please tell us the shoe size.", actor=staff)
    html = client.post(
        "/requests/status/", {"reference": aid_request.reference.lower().replace("-", " "), "zip_code": "21044"}
    ).text
    assert "Being reviewed" in html and "Please tell us the shoe size." in html
    assert "Internal: call school" not in html


def test_a_wrong_zip_and_a_wrong_code_get_the_same_answer(client):
    aid_request = AidRequestFactory()
    wrong_zip = client.post("/requests/status/", {"reference": aid_request.reference, "zip_code": "21045"})
    wrong_code = client.post("/requests/status/", {"reference": "CC-2222-2222", "zip_code": "21044"})
    assert NOT_FOUND in wrong_zip.text and NOT_FOUND in wrong_code.text
    assert "Status:" not in wrong_zip.text and "Clothing" not in wrong_zip.text


def test_the_eleventh_try_within_a_minute_gets_429(client):
    for _ in range(10):
        assert client.post("/requests/status/", {"reference": "CC-2222-2222", "zip_code": "21044"}).status_code == 200
    response = client.post("/requests/status/", {"reference": "CC-2222-2222", "zip_code": "21044"})
    assert response.status_code == 429
    assert "Wait one minute, then try again." in response.text


def test_nothing_personal_appears_on_the_status_page(client):
    aid_request = AidRequestFactory()
    html = client.post("/requests/status/", {"reference": aid_request.reference, "zip_code": "21044"}).text
    for private in ("Maria Lopez", "410-555-0142", "12 Quiet Lane", aid_request.household.email):
        assert private not in html


def test_a_family_withdraws_by_code_and_zip(client):
    aid_request = AidRequestFactory()
    client.post("/requests/withdraw/", {"reference": aid_request.reference, "zip_code": "21044"})
    aid_request.refresh_from_db()
    assert aid_request.status == Status.WITHDRAWN


def test_withdrawing_with_a_wrong_zip_changes_nothing(client):
    aid_request = AidRequestFactory()
    assert (
        client.post("/requests/withdraw/", {"reference": aid_request.reference, "zip_code": "21045"}).status_code == 404
    )
    aid_request.refresh_from_db()
    assert aid_request.status == Status.SUBMITTED
