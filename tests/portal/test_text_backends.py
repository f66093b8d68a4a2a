"""The text backends: console prints, locmem keeps an outbox, Twilio is read from recorded HTTP answers."""

import io

import pytest
from django.core.exceptions import ImproperlyConfigured
from requests.exceptions import ConnectTimeout

from portal import sms
from portal.sms.backends import console, twilio
from tests.portal import twilio_recorded as recorded

TWILIO = {
    "TWILIO_ACCOUNT_SID": "AC00000000000000000000000000000000",
    "TWILIO_AUTH_TOKEN": "secret-token",
    "TWILIO_FROM": "+14435550100",
    "TWILIO_MESSAGING_SERVICE_SID": "",
    "WAGTAILADMIN_BASE_URL": "https://help.example.org",
}


def test_console_prints_the_number_and_the_text():
    stream = io.StringIO()
    message_id = console.TextBackend(stream=stream).send("+14105550142", "Your code is CC-7K3F-9QX2.")
    assert "Text message to +14105550142" in stream.getvalue()
    assert "Your code is CC-7K3F-9QX2." in stream.getvalue()
    assert message_id.startswith("console-")


def test_locmem_keeps_the_text_in_the_outbox(text_outbox):
    sms.send_text("+14105550142", "Hello")
    assert [(message.to, message.body) for message in text_outbox] == [("+14105550142", "Hello")]


@pytest.fixture
def twilio_settings(settings):
    for name, value in TWILIO.items():
        setattr(settings, name, value)
    return settings


def test_twilio_sends_from_the_number_with_a_delivery_callback(twilio_settings):
    client = recorded.RecordedHttpClient(recorded.CREATED)
    sid = twilio.TextBackend(http_client=client).send("+14105550142", "Hello")
    assert sid == "SM1f0e8ae6ade43cb3c0ce4525424e404f"
    (request,) = client.requests
    assert request["method"] == "POST"
    assert request["url"].endswith("/Accounts/AC00000000000000000000000000000000/Messages.json")
    assert request["data"]["To"] == "+14105550142"
    assert request["data"]["From"] == "+14435550100"
    assert request["data"]["Body"] == "Hello"
    assert request["data"]["StatusCallback"] == "https://help.example.org/texts/status/"


def test_twilio_sends_through_a_messaging_service_when_one_is_set(twilio_settings):
    twilio_settings.TWILIO_MESSAGING_SERVICE_SID = "MG00000000000000000000000000000000"
    client = recorded.RecordedHttpClient(recorded.CREATED)
    twilio.TextBackend(http_client=client).send("+14105550142", "Hello")
    assert client.requests[0]["data"]["MessagingServiceSid"] == "MG00000000000000000000000000000000"
    assert "From" not in client.requests[0]["data"]


@pytest.mark.parametrize("answer", [recorded.INVALID_TO, recorded.UNSUBSCRIBED])
def test_twilio_refusals_are_permanent(twilio_settings, answer):
    with pytest.raises(sms.PermanentTextError):
        twilio.TextBackend(http_client=recorded.RecordedHttpClient(answer)).send("+14105550142", "Hello")


@pytest.mark.parametrize("answer", [recorded.TOO_MANY, recorded.UNAVAILABLE])
def test_twilio_busy_or_down_is_temporary(twilio_settings, answer):
    with pytest.raises(sms.TemporaryTextError):
        twilio.TextBackend(http_client=recorded.RecordedHttpClient(answer)).send("+14105550142", "Hello")


def test_twilio_unreachable_is_temporary(twilio_settings):
    client = recorded.RecordedHttpClient(error=ConnectTimeout("timed out"))
    with pytest.raises(sms.TemporaryTextError):
        twilio.TextBackend(http_client=client).send("+14105550142", "Hello")


def test_twilio_without_credentials_refuses_to_start(twilio_settings):
    twilio_settings.TWILIO_AUTH_TOKEN = ""
    with pytest.raises(ImproperlyConfigured):
        twilio.TextBackend()


@pytest.mark.parametrize(
    ("body", "count"),
    [
        ("", 0),
        ("a" * 160, 1),
        ("a" * 161, 2),
        ("a" * 306, 2),
        ("a" * 307, 3),
        ("€" * 80, 1),
        ("á" * 70, 1),
        ("á" * 71, 2),
    ],
)
def test_segments_follow_gsm_and_ucs2_lengths(body, count):
    assert sms.segments(body) == count
