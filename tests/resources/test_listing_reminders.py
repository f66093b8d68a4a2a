"""The scheduled yearly review: agencies with due programs get one email per stage and cycle, in their language."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from portal.schedule import JOBS
from portal.scheduler import tick
from resources import listings
from resources.models import ListingCheck
from tests.factories import AgencyUserFactory
from tests.resources.factories import AgencyFactory, AgencyMembershipFactory, ResourcePageFactory

TODAY = datetime.date(2026, 12, 7)  # a Monday
AT_EIGHT = timezone.make_aware(datetime.datetime(2026, 12, 7, 8, 0))
[JOB] = [job for job in JOBS if job.name == "listing_reminders"]


def agency_with_program(directory, verified, email, language=""):
    agency = AgencyFactory()
    AgencyMembershipFactory(agency=agency, user=AgencyUserFactory(email=email, language=language))
    program = ResourcePageFactory(parent=directory, agency=agency, last_verified=verified)
    return agency, program


def run_scheduler(now=AT_EIGHT):
    with time_machine.travel(now, tick=False):
        [run] = tick(now, jobs=[JOB])
    assert run.outcome == "succeeded"


@pytest.fixture
def agencies(directory):
    due = agency_with_program(directory, datetime.date(2026, 1, 7), "due@example.org")
    fresh = agency_with_program(directory, datetime.date(2026, 6, 1), "fresh@example.org")
    return due, fresh


def test_only_agencies_with_due_programs_are_emailed(agencies):
    run_scheduler()
    assert [email.to for email in mail.outbox] == [["due@example.org"]]
    assert agencies[0][1].title in mail.outbox[0].body
    assert "/partners/listings/" in mail.outbox[0].body


def test_the_subject_names_no_program_and_no_person(agencies):
    run_scheduler()
    assert mail.outbox[0].subject == "Please check your Connection Center listings"


def test_a_second_run_in_the_same_cycle_sends_nothing(agencies):
    run_scheduler()
    run_scheduler(AT_EIGHT + datetime.timedelta(days=1))
    assert len(mail.outbox) == 1


def test_the_reminder_comes_at_twelve_months(agencies):
    run_scheduler()
    run_scheduler(AT_EIGHT + datetime.timedelta(days=31))
    assert len(mail.outbox) == 2
    assert "A reminder" in mail.outbox[1].body


def test_a_check_starts_a_new_cycle(agencies, staff):
    run_scheduler()
    with time_machine.travel(AT_EIGHT, tick=False):
        listings.confirm(agencies[0][1], staff, ListingCheck.Kind.STAFF_CHECKED)
    run_scheduler(AT_EIGHT + datetime.timedelta(days=31))
    assert len(mail.outbox) == 1


def test_the_email_is_in_the_contacts_language(directory):
    agency_with_program(directory, None, "es@example.org", language="es")
    run_scheduler()
    assert mail.outbox[0].subject == "Por favor, revise sus programas en el Connection Center"
