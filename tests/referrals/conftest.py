"""A school with a nurse who refers families, and a helper that sends her referral form."""

import uuid

import pytest
from django.core import mail
from django.test import Client

from referrals.models import Referral
from resources.models import ServiceCategory
from tests.factories import SchoolStaffFactory
from tests.resources.factories import SchoolFactory, SchoolStaffLinkFactory


@pytest.fixture
def school(db):
    return SchoolFactory(name="Running Brook Elementary", code="0512")


@pytest.fixture
def other_school(db):
    return SchoolFactory(name="Wilde Lake Middle", code="0733", level="middle")


@pytest.fixture
def nurse(school):
    user = SchoolStaffFactory(email="nurse@school.example.org")
    SchoolStaffLinkFactory(user=user, school=school)
    return user


@pytest.fixture
def nurse_client(client, nurse, home):
    client.force_login(nurse)
    return client


def referral_data(from_school, kind="vision", **overrides):
    """The referral form as the nurse's browser posts it: one child, a family that wants email."""
    data = {
        "submission_key": str(uuid.uuid4()),
        "school": str(from_school.pk),
        "guardian_name": "Rosa Quintero",
        "contact_method": "email",
        "phone": "",
        "email": "rosa.family@example.org",
        "preferred_language": "es",
        "zip_code": "21044",
        "kind": str(ServiceCategory.objects.get(slug=kind).pk),
        "urgency": "routine",
        "office_note": "Squints at the board; mother works nights.",
        "consent_method": "in_person",
        "consent_stated": "on",
        "children-TOTAL_FORMS": "3",
        "children-INITIAL_FORMS": "0",
        "children-MIN_NUM_FORMS": "1",
        "children-MAX_NUM_FORMS": "8",
        "children-0-first_name": "Beto",
        "children-0-age": "8",
        "children-0-grade": "3",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def post(django_capture_on_commit_callbacks):
    """POST as the browser would, running what the view queues once its transaction commits (emails)."""

    def send(client, url, data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data)

    return send


@pytest.fixture
def refer(nurse_client, school, post):
    """Send a referral as the nurse; returns (response, the new Referral or None)."""

    def send(client=None, school_=None, **overrides):
        before = set(Referral.objects.values_list("pk", flat=True))
        response = post(client or nurse_client, "/referrals/new/", referral_data(school_ or school, **overrides))
        new = Referral.objects.exclude(pk__in=before).first()
        return response, new

    return send


def family_link():
    """The link in the last email a family got, as a path."""
    body = mail.outbox[-1].body
    start = body.index("/referrals/family/")
    return body[start:].split()[0]


@pytest.fixture
def family_browser(db):
    """The family's own browser: not the nurse's, and signed in as nobody."""
    return Client()


# Each persona in a browser of its own: these tests switch between the nurse, the office and the agency.
@pytest.fixture
def staff_client(staff):
    browser = Client()
    browser.force_login(staff)
    return browser


@pytest.fixture
def agency_client(agency_user):
    browser = Client()
    browser.force_login(agency_user)
    return browser
