"""The provider's webhooks: signed or refused, STOP/START/HELP in English and Spanish, delivery reports."""

import pytest
from django.core import mail
from twilio.request_validator import RequestValidator

from portal import notices
from portal.models import FamilyNotice, TextOptOut
from tests.aid_requests.factories import AidRequestFactory, HouseholdFactory

pytestmark = pytest.mark.django_db
BASE = "https://help.example.org"


@pytest.fixture(autouse=True)
def _twilio(settings):
    settings.TWILIO_AUTH_TOKEN = "secret-token"
    settings.WAGTAILADMIN_BASE_URL = BASE


def post(client, path, data, signature=None):
    signature = signature or RequestValidator("secret-token").compute_signature(BASE + path, data)
    return client.post(path, data, headers={"X-Twilio-Signature": signature})


def reply(client, body, sender="+14105550142"):
    return post(client, "/texts/inbound/", {"From": sender, "Body": body, "MessageSid": "SM1"})


def test_a_bad_signature_gets_403_and_changes_nothing(client):
    response = post(client, "/texts/inbound/", {"From": "+14105550142", "Body": "STOP"}, signature="forged")
    assert response.status_code == 403
    assert not TextOptOut.objects.exists()


def test_no_signature_gets_403(client):
    assert client.post("/texts/status/", {"MessageSid": "SM1", "MessageStatus": "failed"}).status_code == 403


def test_a_get_is_refused(client):
    assert client.get("/texts/inbound/").status_code == 405


@pytest.mark.parametrize("word", ["STOP", "stop", "Parar", "ALTO", "cancelar"])
def test_stop_turns_texts_off_and_says_so(client, word):
    response = reply(client, word)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml"
    assert TextOptOut.objects.get(phone="+14105550142").source == "reply"
    assert ("START" in response.content.decode()) or ("COMENZAR" in response.content.decode())


def test_spanish_stop_is_answered_in_spanish(client):
    assert "Responda" in reply(client, "PARAR").content.decode()


def test_stop_then_a_notice_sends_the_email_instead(client, text_outbox):
    household = HouseholdFactory(contact_method="text", phone="410-555-0142")
    reply(client, "STOP")
    notices.notify("request_received", household, {"requests": [AidRequestFactory(household=household)]})
    assert text_outbox == []
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("word", ["START", "Sí", "comenzar"])
def test_start_turns_texts_back_on(client, word):
    notices.stop_texts("+14105550142", TextOptOut.Source.REPLY)
    reply(client, word)
    assert not TextOptOut.objects.exists()


@pytest.mark.parametrize(("word", "expected"), [("HELP", "Msg & data rates may apply"), ("ayuda", "Responda")])
def test_help_says_who_we_are_and_how_to_stop(client, word, expected):
    response = reply(client, word)
    assert expected in response.content.decode().replace("&amp;", "&")
    assert not TextOptOut.objects.exists()


def test_a_delivery_failure_is_recorded_and_the_email_goes(client, text_outbox):
    household = HouseholdFactory(contact_method="text", phone="410-555-0142")
    record = notices.notify("request_received", household, {"requests": [AidRequestFactory(household=household)]})
    data = {"MessageSid": "locmem-1", "MessageStatus": "undelivered", "ErrorCode": "30003"}
    assert post(client, "/texts/status/", data).status_code == 204
    record.refresh_from_db()
    assert record.status == FamilyNotice.Status.FAILED
    assert len(mail.outbox) == 1


def test_the_webhooks_are_rate_limited(client, settings):
    settings.SMS_WEBHOOK_POSTS_PER_MINUTE = 2
    statuses = [reply(client, "HELP").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
