import pytest

from aid_requests.models import AidRequest, Child, Household
from tests.aid_requests.conftest import ABOUT

pytestmark = pytest.mark.django_db


def _nothing_saved():
    return not (Household.objects.exists() or Child.objects.exists() or AidRequest.objects.exists())


@pytest.mark.parametrize("zip_code", ["", "2104", "abcde", "210445"])
def test_a_missing_or_malformed_zip_returns_the_first_step(apply, zip_code):
    response = apply(about=ABOUT | {"zip_code": zip_code}, stop_after="about")
    assert response.status_code == 200
    assert "Step 1 of 4" in response.text
    assert 'id="id_about-zip_code_error"' in response.text
    assert _nothing_saved()


def test_a_child_without_an_age_returns_the_children_step(apply):
    response = apply(children=[{"first_name": "Ana", "age": ""}], stop_after="children")
    assert "Enter the child’s age." in response.text
    assert 'href="#id_children-0-age"' in response.text  # the error summary links to the field
    assert _nothing_saved()


def test_no_need_chosen_returns_the_needs_step(apply):
    response = apply(needs={"children": ["0"], "urgency": "routine"}, stop_after="needs")
    assert "Choose at least one kind of help." in response.text
    assert _nothing_saved()


def test_no_consent_returns_the_last_step_and_creates_nothing(apply):
    response = apply(consent={})
    assert response.status_code == 200
    assert "We need your agreement to find help for you." in response.text
    assert _nothing_saved()


def test_email_contact_without_an_email_is_refused(apply):
    response = apply(about=ABOUT | {"contact_method": "email", "email": ""}, stop_after="about")
    assert "Enter your email address, or choose another way to contact you." in response.text


def test_errors_are_shown_in_spanish_to_a_spanish_speaker(client, apply):
    client.cookies["django_language"] = "es"
    response = apply(about=ABOUT | {"zip_code": "12"}, stop_after="about")
    assert "Escriba un código postal de cinco dígitos" in response.text
