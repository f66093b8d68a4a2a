"""One way to reach a family: the channel it chose, a fallback to email, and a record staff can read."""

import pytest
from django.core import mail

from portal import notices, sms
from portal.models import FamilyNotice, TextOptOut
from portal.sms.backends import locmem
from tests.aid_requests.factories import AidRequestFactory, HouseholdFactory

pytestmark = pytest.mark.django_db


def texter(**fields):
    return HouseholdFactory(contact_method="text", phone="410-555-0142", **fields)


def received(household):
    return notices.notify("request_received", household, {"requests": [AidRequestFactory(household=household)]})


def test_a_family_that_chose_texts_gets_a_text_and_no_email(text_outbox):
    household = texter()
    record = received(household)
    assert [message.to for message in text_outbox] == ["+14105550142"]
    assert mail.outbox == []
    record.refresh_from_db()
    assert (record.channel, record.status, record.provider_id) == ("text", "sent", "locmem-1")
    assert record.fallback_email is not None  # kept until delivered, in case the text is never delivered


def test_a_family_that_chose_email_gets_an_email_and_no_text(text_outbox):
    household = HouseholdFactory(contact_method="email", phone="410-555-0142")
    received(household)
    assert text_outbox == []
    assert len(mail.outbox) == 1
    assert FamilyNotice.objects.get().channel == "email"


def test_a_family_reachable_by_neither_gets_nothing(text_outbox):
    household = HouseholdFactory(contact_method="phone", email="")
    assert received(household) is None
    assert text_outbox == [] and mail.outbox == []


def test_choosing_texts_records_when_and_the_words_agreed_to():
    household = texter()
    assert household.text_consent_at is not None
    assert "Msg & data rates may apply" in household.text_consent_wording
    assert household.phone == "+14105550142"


def test_a_number_that_said_stop_gets_the_email_instead(text_outbox):
    household = texter()
    notices.stop_texts(household.phone, TextOptOut.Source.REPLY)
    received(household)
    assert text_outbox == []
    assert [message.to for message in mail.outbox] == [[household.email]]
    assert list(FamilyNotice.objects.values_list("channel", "status")) == [("email", "sent"), ("text", "opted_out")]


def test_a_refused_text_falls_back_to_email_once_and_staff_see_why(text_outbox):
    household = texter()
    locmem.failures["+14105550142"] = sms.PermanentTextError("Twilio refused the text: error 21211 (HTTP 400).")
    received(household)
    assert len(mail.outbox) == 1
    text = FamilyNotice.objects.get(channel="text")
    assert (text.status, text.attempts, text.fallback_email) == ("failed", 1, None)
    assert "21211" in text.error


def test_a_refused_text_without_an_email_is_recorded_as_failed(text_outbox):
    household = texter(email="")
    locmem.failures["+14105550142"] = sms.PermanentTextError("refused")
    received(household)
    assert mail.outbox == []
    assert FamilyNotice.objects.get().status == "failed"


def test_a_busy_provider_is_tried_again_then_given_up(settings, text_outbox):
    settings.SMS_SEND_ATTEMPTS = 3
    household = texter()
    locmem.failures["+14105550142"] = sms.TemporaryTextError("busy")
    received(household)
    text = FamilyNotice.objects.get(channel="text")
    assert (text.status, text.attempts) == ("failed", 3)
    assert len(mail.outbox) == 1


def test_a_text_is_sent_once_even_when_its_task_runs_twice(text_outbox):
    record = received(texter())
    notices.deliver_text.enqueue(record.pk)
    assert len(text_outbox) == 1


def test_an_undelivered_text_falls_back_to_email(text_outbox):
    record = received(texter())
    notices.record_delivery("locmem-1", "undelivered", "30003")
    record.refresh_from_db()
    assert record.status == "failed" and "30003" in record.error
    assert len(mail.outbox) == 1


def test_a_delivered_text_forgets_its_fallback_email(text_outbox):
    record = received(texter())
    notices.record_delivery("locmem-1", "delivered")
    record.refresh_from_db()
    assert (record.status, record.fallback_email) == ("delivered", None)
    assert mail.outbox == []


def test_texts_without_recorded_consent_are_not_sent(text_outbox):
    household = texter()
    type(household).objects.filter(pk=household.pk).update(text_consent_at=None)
    household.refresh_from_db()
    received(household)
    assert text_outbox == []
    assert len(mail.outbox) == 1


def test_a_household_saved_with_texts_chosen_by_anyone_but_the_family_has_no_text_consent(text_outbox):
    """A staff edit or an import that sets "text" is not the family agreeing to texts: email instead."""
    household = HouseholdFactory(contact_method="email", phone="410-555-0142", text_consent=False)
    household.contact_method = "text"
    household.save()
    household.refresh_from_db()
    assert household.text_consent_at is None and household.text_consent_wording == ""
    received(household)
    assert text_outbox == []
    assert len(mail.outbox) == 1
