"""A referral sent twice at once is saved once; a family's link answered twice at once counts once (PostgreSQL)."""

import uuid
from types import SimpleNamespace

import pytest

from aid_requests.models import Household
from referrals import referring
from referrals.models import Referral
from resources.models import ServiceCategory
from tests.factories import SchoolStaffFactory
from tests.postgres.test_matching_concurrency import in_parallel
from tests.resources.factories import SchoolFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]


@pytest.fixture(autouse=True)
def _no_messages(monkeypatch):
    """The family's message is tested elsewhere; here a flushed database has no site to send it from."""
    monkeypatch.setattr(referring, "tell_family_of_referral", SimpleNamespace(enqueue=lambda *args, **kwargs: None))


def _family(school):
    return {
        "guardian_name": "Rosa Quintero",
        "phone": "",
        "email": "rosa.family@example.org",
        "preferred_language": "es",
        "contact_method": "email",
        "zip_code": "21044",
        "school": school,
        "kind": ServiceCategory.objects.get(slug="vision"),
        "urgency": "routine",
        "consent_method": "in_person",
        "office_note": "",
        "mckinney_vento": False,
    }


def _child():
    return {
        "first_name": "Beto",
        "age": 8,
        "grade": "3",
        "size_top": "",
        "size_bottom": "",
        "size_shoes": "",
        "size_coat": "",
    }


def test_ten_parallel_submits_of_one_referral_save_one():
    school, nurse, key = SchoolFactory(), SchoolStaffFactory(), uuid.uuid4()
    family = _family(school)
    results = in_parallel(
        10, lambda index: referring.refer(user=nurse, family=family, children=[_child()], submission_key=key)
    )
    assert all(isinstance(result, tuple) for result in results), results
    assert sum(created for _referral, created in results) == 1
    assert Referral.objects.count() == 1 and Household.objects.count() == 1


def test_a_link_answered_ten_times_at_once_counts_once():
    school, nurse = SchoolFactory(), SchoolStaffFactory()
    referral, _created = referring.refer(
        user=nurse, family=_family(school), children=[_child()], submission_key=uuid.uuid4()
    )
    token = referral.issue_link()
    household = referral.request.household
    corrected = {field: getattr(household, field) for field in referring.HOUSEHOLD_FIELDS}

    def answer(index):
        if index % 2:
            return referring.decline(token)
        return referring.confirm(token, family=corrected, children={})

    results = in_parallel(10, answer)
    answered = [result for result in results if isinstance(result, Referral)]
    refused = [result for result in results if isinstance(result, referring.LinkProblem)]
    assert len(answered) == 1 and len(refused) == 9, results
    referral.refresh_from_db()
    assert (referral.confirmed_at is None) != (referral.declined_at is None)
    assert referral.request.events.exclude(from_status="").count() == 1
