"""The email an agency's people get when a request is offered to it."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.formats import date_format

from aid_requests.matching import accept, match
from aid_requests.models import Offer
from aid_requests.notifications import send_new_offers
from tests.aid_requests.factories import approved_request
from tests.factories import AgencyUserFactory
from tests.resources.factories import AgencyMembershipFactory, PartnerAgencyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(home):
    agency = PartnerAgencyFactory()
    for email in ("first@agency.example.org", "second@agency.example.org"):
        AgencyMembershipFactory(agency=agency, user=AgencyUserFactory(email=email))
    AgencyMembershipFactory(agency=agency, user=AgencyUserFactory(email="gone@agency.example.org", is_active=False))
    AgencyMembershipFactory(user=AgencyUserFactory(email="elsewhere@example.org"), agency__is_accepting=False)
    return agency


def agency_emails():
    return [message for message in mail.outbox if "first@agency.example.org" in message.to]


def test_a_new_offer_emails_the_agencys_active_people_once(partner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        offer = match(approved_request(guardian_name="Rosa Quintero"))
    (message,) = agency_emails()
    assert sorted(message.to) == ["first@agency.example.org", "second@agency.example.org"]
    assert "1 new request for help waiting for your answer" in message.body
    assert "/partners/" in message.body and "/partners/" in message.alternatives[0].content
    assert message.subject == "New requests for help wait for your answer"
    for private in ("Rosa", "Quintero", offer.request.reference, "21044"):
        assert private not in message.subject and private not in message.body


def test_the_email_counts_the_offers_and_gives_the_earliest_deadline(partner):
    first, second = match(approved_request()), match(approved_request())
    soon = timezone.now() + timedelta(hours=3)
    Offer.objects.filter(pk=second.pk).update(deadline=soon)
    assert send_new_offers.call(partner.pk, [first.pk, second.pk]) == 2
    (message,) = agency_emails()
    assert "2 new requests for help" in message.body
    assert f"by {date_format(timezone.localtime(soon), 'DATETIME_FORMAT')};" in message.body


def test_no_email_when_the_offer_was_answered_before_the_task_ran(partner, agency_user):
    offer = accept(match(approved_request()), agency_user)
    assert send_new_offers.call(partner.pk, [offer.pk]) == 0
    assert agency_emails() == []
