"""A family that applies choosing "Text message" gets its notices by text, in its language, and can stop them."""

import pytest
from django.core import mail

from aid_requests.models import AidRequest, Household
from aid_requests.models.requests import Status
from aid_requests.notifications import send_status_update
from aid_requests.workflow import transition
from portal.models import FamilyNotice, TextOptOut
from tests.aid_requests.conftest import ABOUT

TEXTER = {**ABOUT, "contact_method": "text", "email": ""}


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


def test_applying_with_texts_sends_the_reference_codes_by_text_in_spanish(apply, text_outbox, on_commit):
    with on_commit(execute=True):
        apply(about=TEXTER)
    (text,) = text_outbox
    assert text.to == "+14105550142"
    for reference in AidRequest.objects.values_list("reference", flat=True):
        assert reference in text.body
    assert "recibimos" in text.body
    household = Household.objects.get()
    assert household.phone == "+14105550142"
    assert "Msg & data rates may apply" in household.text_consent_wording  # the words on the page it read


def test_the_apply_form_shows_the_consent_wording(client, home):
    html = client.get("/requests/apply/").text
    assert "Msg & data rates may apply" in html
    assert "Reply STOP to stop, HELP for help." in html


def test_a_family_that_gave_both_gets_only_the_channel_it_chose(apply, text_outbox, on_commit):
    with on_commit(execute=True):
        apply(about={**ABOUT, "contact_method": "text"})
    assert len(text_outbox) == 1
    assert mail.outbox == []


def test_status_changes_go_by_text(apply, text_outbox, on_commit):
    apply(about=TEXTER)
    aid_request = AidRequest.objects.first()
    with on_commit(execute=True):
        transition(aid_request, Status.IN_REVIEW)
    assert aid_request.reference in text_outbox[-1].body
    assert FamilyNotice.objects.filter(name="status_update", channel="text", status="sent").count() == 1


@pytest.mark.parametrize(
    ("phone", "message"),
    [
        ("410-555", "too short"),
        ("410-555-01234", "too long"),
        ("phone", "Enter a phone number with 10 digits"),
        ("+44 20 7946 0958", "cannot get text messages"),
    ],
)
def test_numbers_that_cannot_be_texted_get_a_clear_error(apply, phone, message):
    response = apply(about={**TEXTER, "preferred_language": "en", "phone": phone}, stop_after="about")
    assert message in response.text
    assert not Household.objects.exists()


def test_the_errors_come_in_spanish(client, apply, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    response = apply(about={**TEXTER, "phone": "410-555"}, stop_after="about")
    assert "demasiado corto" in response.text


def test_a_family_stops_texts_from_the_status_page(client, apply, text_outbox, on_commit):
    with on_commit(execute=True):
        apply(about={**TEXTER, "email": "maria@example.org"})
    aid_request = AidRequest.objects.first()
    found = client.post("/requests/status/", {"reference": aid_request.reference, "zip_code": "21044"})
    assert "Stop text messages" in found.text
    client.post("/requests/texts/stop/", {"reference": aid_request.reference, "zip_code": "21044"})
    assert TextOptOut.objects.get(phone="+14105550142").source == "family"
    send_status_update.enqueue(transition(aid_request, Status.IN_REVIEW).pk)
    assert len(text_outbox) == 1
    assert len(mail.outbox) == 1


def test_a_wrong_code_stops_nothing(client, apply):
    apply(about=TEXTER)
    response = client.post("/requests/texts/stop/", {"reference": "CC-2222-2222", "zip_code": "21044"})
    assert response.status_code == 404
    assert not TextOptOut.objects.exists()


def test_in_development_the_text_is_printed_on_the_console(apply, settings, capsys, on_commit):
    settings.SMS_BACKEND = "portal.sms.backends.console.TextBackend"  # the default while DEBUG is on
    with on_commit(execute=True):
        apply(about=TEXTER)
    printed = capsys.readouterr().out
    assert "Text message to +14105550142" in printed
    for reference in AidRequest.objects.values_list("reference", flat=True):
        assert reference in printed
