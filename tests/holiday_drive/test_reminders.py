from datetime import datetime, time, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from holiday_drive.models import Registration
from portal.schedule import JOBS
from portal.scheduler import tick
from tests.aid_requests.factories import HouseholdFactory
from tests.holiday_drive.factories import PickupSlotFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def local(days, hour, minute=0):
    """A time on the office's calendar, `days` from today."""
    return timezone.make_aware(datetime.combine(timezone.localdate() + timedelta(days=days), time(hour, minute)))


def booked(campaign, starts_at, code="7K3F9Q", **household):
    slot = PickupSlotFactory(campaign=campaign, starts_at=starts_at)
    household = HouseholdFactory(guardian_name="Maria Lopez", **household)
    return RegistrationFactory(campaign=campaign, household=household, pickup_slot=slot, check_in_code=code)


def run():
    out = StringIO()
    call_command("send_pickup_reminders", stdout=out)
    return out.getvalue()


def test_a_family_picking_up_tomorrow_gets_the_place_time_and_code(campaign):
    registration = booked(campaign, local(1, 10))
    assert "1 sent" in run()
    [email] = mail.outbox
    assert email.to == [registration.household.email]
    body = email.body
    assert registration.pickup_slot.site.name in body and "5851 Robert Oliver Place" in body
    assert registration.pickup_slot.when in body and "7K3F9Q" in body


def test_the_subject_names_no_one_and_no_code(campaign):
    registration = booked(campaign, local(1, 10))
    run()
    subject = mail.outbox[0].subject
    assert subject == "Your holiday pickup is tomorrow"
    assert "Maria" not in subject and "7K3F9Q" not in subject and registration.family_number not in subject


def test_running_it_again_sends_nothing(campaign):
    registration = booked(campaign, local(1, 10))
    run()
    assert "none due" in run()
    assert len(mail.outbox) == 1
    registration.refresh_from_db()
    assert registration.reminder_sent_at is not None


def test_tomorrow_is_the_office_calendar_day(campaign):
    just_after_midnight = booked(campaign, local(1, 0, 30))
    booked(campaign, local(2, 0, 30), code="AAAAA2")
    booked(campaign, local(0, 23, 30), code="AAAAA3")
    run()
    assert [email.to for email in mail.outbox] == [[just_after_midnight.household.email]]


def test_cancelled_families_and_families_without_email_get_nothing(campaign):
    Registration.objects.filter(pk=booked(campaign, local(1, 10)).pk).update(status="cancelled")
    booked(campaign, local(1, 11), code="AAAAA2", email="")
    assert "none due" in run() and not mail.outbox


def test_the_email_is_in_the_family_language(campaign):
    booked(campaign, local(1, 10), preferred_language="es")
    run()
    html, _type = mail.outbox[0].alternatives[0]
    assert '<html lang="es">' in html


def test_a_failed_send_is_tried_again_on_the_next_run(campaign, monkeypatch):
    registration = booked(campaign, local(1, 10))

    def fail(message, *args, **kwargs):
        raise ConnectionRefusedError("the mail server is down")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", fail)
    assert "1 failed" in run()
    registration.refresh_from_db()
    assert registration.reminder_sent_at is None
    monkeypatch.undo()
    assert "1 sent" in run() and len(mail.outbox) == 1


def test_the_scheduler_sends_them_at_ten(campaign):
    registration = booked(campaign, local(1, 10))
    [job] = [job for job in JOBS if job.name == "pickup_reminders"]
    [run] = tick(local(0, 10), jobs=[job])
    assert run.outcome == "succeeded"
    assert [email.to for email in mail.outbox] == [[registration.household.email]]
