"""Retention of holiday registrations: children's names and wishes go, the campaign's figures stay."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone

from aid_requests import privacy
from aid_requests.models import AidRequest, Household
from holiday_drive.models import RegisteredChild, Registration
from holiday_drive.models.registrations import new_check_in_code
from holiday_drive.reports import campaign_report
from tests.aid_requests.factories import AidRequestFactory
from tests.holiday_drive.factories import (
    AdoptionFactory,
    PickupSlotFactory,
    RegisteredChildFactory,
    RegistrationFactory,
    SponsorFactory,
)

pytestmark = pytest.mark.django_db

Status = Registration.Status
LONG_AGO = timezone.now() - timedelta(days=4 * 365)
WISH_COLUMNS = {"wish_1", "wish_2", "wish_3"}


def a_registration(campaign, status, *, at=LONG_AGO):
    registration = RegistrationFactory(campaign=campaign, pickup_slot=PickupSlotFactory(campaign=campaign))
    RegisteredChildFactory(registration=registration, first_name="Ana", age=9, size_top="10", wish_1="A red bike")
    AdoptionFactory(sponsor=SponsorFactory(campaign=campaign), registration=registration)
    Registration.objects.filter(pk=registration.pk).update(
        status=status, status_changed_at=at, check_in_code=new_check_in_code()
    )
    Household.objects.filter(pk=registration.household_id).update(created_at=at)
    return registration


def export_without_wishes(staff_client):
    text = staff_client.get("/admin/holiday-drive/registrations/export/", {"format": "csv"}).content.decode()
    return [
        {key: value for key, value in row.items() if key not in WISH_COLUMNS}
        for row in csv.DictReader(io.StringIO(text))
    ]


def test_a_family_that_picked_up_long_ago_keeps_only_what_reports_count(campaign, staff_client):
    registration = a_registration(campaign, Status.PICKED_UP)
    a_registration(campaign, Status.NO_SHOW)
    a_registration(campaign, Status.CANCELLED)
    a_registration(campaign, Status.READY)  # still to pick up: kept
    before = campaign_report(campaign), export_without_wishes(staff_client)
    assert privacy.anonymise_due(months=36) == 3
    assert (campaign_report(campaign), export_without_wishes(staff_client)) == before
    child = RegisteredChild.objects.get(registration=registration)
    assert (child.first_name, child.wish_1, child.age, child.size_top) == ("", "", 9, "10")
    registration.refresh_from_db()
    assert (registration.check_in_code, registration.phone_key, registration.status) == (None, "", Status.PICKED_UP)
    assert RegisteredChild.objects.filter(first_name="Ana").count() == 1  # the family still to pick up


def test_an_open_registration_keeps_a_household_whose_requests_closed_long_ago(campaign):
    registration = a_registration(campaign, Status.SPONSORED)
    aid_request = AidRequestFactory(household=registration.household)
    AidRequest.objects.filter(pk=aid_request.pk).update(status="fulfilled", status_changed_at=LONG_AGO)
    assert privacy.anonymise_due(months=36) == 0


def test_a_recent_registration_keeps_a_household_with_old_requests(campaign):
    registration = a_registration(campaign, Status.PICKED_UP, at=timezone.now() - timedelta(days=30))
    aid_request = AidRequestFactory(household=registration.household)
    AidRequest.objects.filter(pk=aid_request.pk).update(status="fulfilled", status_changed_at=LONG_AGO)
    assert privacy.due(months=36).count() == 0 and privacy.due(months=1).count() == 1
