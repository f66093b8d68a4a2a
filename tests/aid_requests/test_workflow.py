import pytest
from django.core import mail

from aid_requests.matching import match
from aid_requests.models import StatusEvent
from aid_requests.models.requests import Status
from aid_requests.workflow import TRANSITIONS, InvalidTransition, transition
from tests.aid_requests.factories import AidRequestFactory, approved_request
from tests.resources.factories import PartnerAgencyFactory

pytestmark = pytest.mark.django_db
INVALID = [(start, end) for start in Status for end in Status if end not in TRANSITIONS[start]]


@pytest.mark.parametrize(("start", "end"), INVALID[::7])  # a spread sample of every invalid move
def test_an_invalid_transition_raises_and_writes_nothing(start, end):
    aid_request = AidRequestFactory()
    aid_request.__class__.objects.filter(pk=aid_request.pk).update(status=start)
    with pytest.raises(InvalidTransition):
        transition(aid_request, end)
    aid_request.refresh_from_db()
    assert aid_request.status == start
    assert not StatusEvent.objects.filter(request=aid_request).exists()


def test_every_state_can_reach_closed_or_is_final():
    for start, ends in TRANSITIONS.items():
        assert ends or start in (Status.WITHDRAWN, Status.CLOSED)


def test_a_transition_records_who_when_and_why(staff):
    aid_request = AidRequestFactory()
    event = transition(aid_request, Status.IN_REVIEW, actor=staff, note="Looking into it")
    assert (event.from_status, event.to_status, event.actor, event.note) == (
        "submitted",
        "in_review",
        staff,
        "Looking into it",
    )


def test_a_decline_notifies_the_family_in_plain_words(staff, home, django_capture_on_commit_callbacks):
    aid_request = AidRequestFactory()
    with django_capture_on_commit_callbacks(execute=True):
        transition(aid_request, Status.DECLINED, actor=staff, note="We cannot pay for braces.")
    (message,) = mail.outbox
    assert "We cannot pay for braces." in message.body
    assert aid_request.reference not in message.subject and "Maria" not in message.subject


def test_a_family_withdrawing_an_offered_request_withdraws_the_offer(home):
    PartnerAgencyFactory()
    aid_request = approved_request()
    match(aid_request)
    (offer,) = aid_request.offers.all()
    transition(aid_request, Status.WITHDRAWN)
    offer.refresh_from_db()
    assert offer.status == "withdrawn" and offer.answered_at is not None
