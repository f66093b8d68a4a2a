import pytest

from aid_requests.models.requests import Status
from tests.aid_requests.factories import AidRequestFactory, HouseholdFactory

pytestmark = pytest.mark.django_db


def test_a_family_sees_all_its_requests(family_client, family):
    household = HouseholdFactory(user=family)
    first, second = AidRequestFactory(household=household), AidRequestFactory(household=household)
    html = family_client.get("/my/").text
    assert first.reference in html and second.reference in html


def test_a_family_never_sees_another_familys_request(family_client, family):
    other = AidRequestFactory()
    assert other.reference not in family_client.get("/my/").text


def test_a_family_cannot_withdraw_another_familys_request_by_id(family_client, family):
    other = AidRequestFactory()
    response = family_client.post("/requests/withdraw/", {"request_id": other.pk})
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.status == Status.SUBMITTED


def test_a_family_withdraws_its_own_request(family_client, family):
    mine = AidRequestFactory(household=HouseholdFactory(user=family))
    family_client.post("/requests/withdraw/", {"request_id": mine.pk})
    mine.refresh_from_db()
    assert mine.status == Status.WITHDRAWN


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get("/my/")
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_a_family_updates_its_contact_details(family_client, family):
    household = HouseholdFactory(user=family)
    family_client.post(
        "/my/contact/",
        {
            "guardian_name": "Maria L.",
            "phone": "410-555-0199",
            "email": "",
            "preferred_language": "es",
            "contact_method": "text",
        },
    )
    household.refresh_from_db()
    assert (household.phone, household.preferred_language, household.contact_method) == ("+14105550199", "es", "text")
    assert household.text_consent_at is not None  # choosing texts on this page records consent


def test_bad_contact_details_are_refused_and_not_saved(family_client, family):
    household = HouseholdFactory(user=family)
    response = family_client.post(
        "/my/contact/",
        {"guardian_name": "Maria", "phone": "12", "email": "", "preferred_language": "en", "contact_method": "phone"},
    )
    assert "This phone number is too short. Enter all 10 digits" in response.text
    household.refresh_from_db()
    assert household.phone == "+14105550142"


def test_a_signed_in_family_finds_its_household_filled_in(family_client, family, home):
    HouseholdFactory(user=family, guardian_name="Rosa Diaz")
    html = family_client.get("/requests/apply/?restart=1").text
    assert 'value="Rosa Diaz"' in html
