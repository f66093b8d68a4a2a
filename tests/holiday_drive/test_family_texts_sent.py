"""Holiday families who chose texts hear by text: registered, waitlisted, promoted, confirmed, pickup booked or
changed (by the family or by staff moving the slot), and the day before; others by email, with D'Andre intact."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from holiday_drive import pickups, statuses
from holiday_drive.models import Registration
from portal.models import FamilyNotice
from tests.aid_requests.factories import HouseholdFactory
from tests.holiday_drive.conftest import GUARDIAN
from tests.holiday_drive.factories import PickupSlotFactory, RegistrationFactory

TEXTER = {**GUARDIAN, "contact_method": "text", "email": ""}


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def texter(campaign, **fields):
    household = HouseholdFactory(contact_method="text", phone="410-555-0142", email="", guardian_name="D'Andre Smith")
    return RegistrationFactory(campaign=campaign, household=household, **fields)


def test_registering_with_texts_sends_the_family_number_by_text(register, text_outbox, on_commit):
    with on_commit():
        register(guardian=TEXTER)
    registration = Registration.objects.get()
    (text,) = text_outbox
    assert text.to == "+14105550142"
    assert registration.family_number in text.body and "/holiday/pickup/" in text.body


def test_a_full_drive_says_waitlisted(campaign, register, text_outbox, on_commit):
    campaign.family_cap = 0
    campaign.save_revision().publish()
    with on_commit():
        register(guardian=TEXTER)
    assert "waiting list" in text_outbox[0].body


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [("waitlisted", "registered", "a place opened"), ("registered", "confirmed", "is confirmed")],
)
def test_promotion_and_confirmation_are_texted(campaign, text_outbox, on_commit, start, end, words):
    registration = texter(campaign, status=start)
    with on_commit():
        statuses.move(registration, end)
    assert words in text_outbox[-1].body


def test_booking_then_changing_a_pickup_is_texted_each_time(campaign, text_outbox, on_commit):
    registration = texter(campaign)
    first, second = PickupSlotFactory(campaign=campaign), PickupSlotFactory(campaign=campaign)
    with on_commit():
        registration = pickups.book(registration, first)
    with on_commit():
        pickups.change(registration, second)
    assert [body.split(":")[1].split()[:3] for body in (t.body for t in text_outbox)] == [
        ["holiday", "pickup", first.starts_at.strftime("%b")],
        ["holiday", "pickup", "changed"],
    ]


def test_staff_moving_a_slot_tells_every_family_on_it(campaign, text_outbox, on_commit):
    slot = PickupSlotFactory(campaign=campaign)
    texter(campaign, pickup_slot=slot, check_in_code="7K3F9Q")
    emailed = RegistrationFactory(campaign=campaign, pickup_slot=slot, check_in_code="7K3F9R")
    emailed.household.guardian_name = "D'Andre Jones"
    emailed.household.save()
    slot.starts_at += timedelta(hours=2)
    slot.ends_at += timedelta(hours=2)
    with on_commit():
        slot.save()
    assert "changed" in text_outbox[0].body
    (email,) = mail.outbox
    assert "D'Andre" in email.body and "&#x27;" not in email.body
    assert FamilyNotice.objects.filter(name="pickup_changed").count() == 2


def test_editing_a_slot_without_moving_it_tells_nobody(campaign, text_outbox, on_commit):
    slot = PickupSlotFactory(campaign=campaign)
    texter(campaign, pickup_slot=slot, check_in_code="7K3F9Q")
    slot.capacity += 1
    with on_commit():
        slot.save()
    assert text_outbox == []


def test_the_day_before_reminder_goes_by_text(campaign, text_outbox):
    from tests.holiday_drive.test_reminders import local

    texter(campaign, pickup_slot=PickupSlotFactory(campaign=campaign, starts_at=local(1, 10)), check_in_code="7K3F9Q")
    call_command("send_pickup_reminders", stdout=None)
    assert "7K3F9Q" in text_outbox[0].body
    assert Registration.objects.get().reminder_sent_at is not None


def test_in_development_the_registration_text_is_printed_on_the_console(register, settings, capsys, on_commit):
    settings.SMS_BACKEND = "portal.sms.backends.console.TextBackend"  # the default while DEBUG is on
    with on_commit():
        register(guardian=TEXTER)
    assert Registration.objects.get().family_number in capsys.readouterr().out
