import pytest
from django.core import mail

from aid_requests.models import AidRequest, Child, Household, StatusEvent
from tests.aid_requests.conftest import ABOUT, step_data

pytestmark = pytest.mark.django_db


def test_the_whole_application_makes_one_request_per_need(client, apply, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = apply()
    assert response.status_code == 302 and response.url == "/requests/apply/done/"
    household = Household.objects.get()
    assert household.consent_to_share and household.consent_given_at
    assert [child.first_name for child in household.children.all()] == ["Ana", "Luis"]
    requests = AidRequest.objects.order_by("kind__slug")
    assert [request.kind.slug for request in requests] == ["clothing", "school-supplies"]
    assert all(request.children.count() == 2 and request.status == "submitted" for request in requests)
    assert StatusEvent.objects.filter(to_status="submitted").count() == 2


def test_the_done_page_shows_the_codes_and_the_office_phone(client, apply):
    apply()
    html = client.get("/requests/apply/done/").text
    for request in AidRequest.objects.all():
        assert request.reference in html
    assert "What happens next" in html


def test_the_confirmation_email_is_in_the_familys_language_with_nothing_personal_in_the_subject(
    apply, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        apply()
    (message,) = mail.outbox
    assert message.to == ["maria@example.org"]
    assert message.subject == "Recibimos su solicitud de ayuda"
    assert "Maria" not in message.subject and "CC-" not in message.subject
    assert AidRequest.objects.first().reference in message.body


def test_the_application_works_in_spanish(client, apply):
    client.cookies["django_language"] = "es"
    response = client.get("/requests/apply/?restart=1")
    assert "Paso 1 de 4" in response.text
    response = apply()
    assert response.url == "/requests/apply/done/"
    assert "Recibimos su solicitud" in client.get("/requests/apply/done/").text


def test_submitting_the_last_step_twice_creates_one_set(client, apply):
    apply()
    again = client.post("/requests/apply/", step_data("consent", {"consent": "on"}))
    assert again.status_code == 302 and again.url == "/requests/apply/done/"
    assert AidRequest.objects.count() == 2 and Household.objects.count() == 1


def test_back_keeps_what_was_typed_on_the_current_step(client, apply):
    apply(stop_after="about")
    client.post(
        "/requests/apply/", step_data("children", [{"first_name": "Ana", "age": ""}]) | {"wizard_goto_step": "about"}
    )
    response = client.post("/requests/apply/", step_data("about", ABOUT))
    assert 'value="Ana"' in response.text


def test_add_another_child_shows_one_more_blank_child(client, apply):
    apply(stop_after="about")
    response = client.post(
        "/requests/apply/", step_data("children", [{"first_name": "Ana", "age": "9"}]) | {"add_child": "1"}
    )
    assert "Child 2" in response.text and 'value="Ana"' in response.text
    assert not Child.objects.exists()
