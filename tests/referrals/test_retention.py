"""Retention reaches what a school typed: the referrer's snapshot, the McKinney-Vento flag and the notices sent."""

from datetime import timedelta

import pytest
from django.utils import timezone

from aid_requests import privacy
from aid_requests.models import AidRequest, Household
from aid_requests.models.requests import Status
from portal.models import FamilyNotice

pytestmark = pytest.mark.django_db


def close_long_ago(referral):
    long_ago = timezone.now() - timedelta(days=4 * 365)
    AidRequest.objects.filter(pk=referral.request_id).update(status=Status.CLOSED, status_changed_at=long_ago)
    Household.objects.filter(pk=referral.request.household_id).update(created_at=long_ago)


def test_an_old_referral_loses_the_family_name_children_note_flag_and_messages(refer, nurse):
    _response, referral = refer()
    household = referral.request.household
    household.mark_mckinney_vento(by=nurse)
    FamilyNotice.objects.create(
        household=household, name="status_update", channel="text", to="+14105550142", body="Rosa, your request changed"
    )
    close_long_ago(referral)

    assert privacy.anonymise_due(months=36) == 1

    referral.refresh_from_db()
    household.refresh_from_db()
    assert (referral.family_name, referral.children_summary, referral.office_note) == ("", "", "")
    assert referral.school.name == "Running Brook Elementary"  # reports by school keep their figures
    assert household.mckinney_vento is False and household.mckinney_vento_marked_by is None
    notice = FamilyNotice.objects.get(household=household, name="status_update")
    assert (notice.to, notice.body) == ("", "")


def test_an_open_referral_keeps_everything(refer):
    _response, referral = refer()
    assert privacy.anonymise_due(months=0) == 0
    referral.refresh_from_db()
    assert referral.family_name == "Rosa Quintero"


def test_the_familys_own_copy_lists_the_referral(refer):
    _response, referral = refer()
    copy = privacy.PARTS["referrals"].records(Household.objects.filter(pk=referral.request.household_id))
    assert [entry["school"] for entry in copy] == ["Running Brook Elementary"]
