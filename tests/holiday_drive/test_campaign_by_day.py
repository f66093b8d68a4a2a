"""The holiday drive day by day, this campaign against last year's, on hand-built registrations."""

import csv
import io
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from holiday_drive.campaign_by_day import by_day_of_campaign
from holiday_drive.models import Registration
from tests.holiday_drive.factories import (
    AdoptionFactory,
    HolidayCampaignPageFactory,
    RegistrationFactory,
    SponsorFactory,
)

pytestmark = pytest.mark.django_db


def _opening(year):
    return timezone.make_aware(datetime(year, 11, 1, 9))


@pytest.fixture
def drives(home):
    last = HolidayCampaignPageFactory(
        parent=home,
        title="Holiday 2025",
        slug="holiday-2025",
        year=2025,
        family_number_prefix="H25",
        registration_opens=_opening(2025),
        registration_closes=_opening(2025) + timedelta(days=30),
    )
    this = HolidayCampaignPageFactory(
        parent=home, registration_opens=_opening(2026), registration_closes=_opening(2026) + timedelta(days=30)
    )
    return this, last


def _registered(campaign, days_after, **fields):
    registration = RegistrationFactory(campaign=campaign, **fields)
    Registration.objects.filter(pk=registration.pk).update(created_at=campaign.registration_opens + days_after)
    return registration


def test_each_day_counts_registrations_adoptions_and_pickups_for_both_years(drives):
    this, last = drives
    adopted = _registered(this, timedelta(hours=2), status="picked_up", picked_up_at=_opening(2026) + timedelta(days=2))
    AdoptionFactory(
        registration=adopted, sponsor=SponsorFactory(campaign=this), adopted_at=_opening(2026) + timedelta(days=1)
    )
    _registered(this, timedelta(hours=3))
    _registered(last, timedelta(days=1, hours=1))
    table = by_day_of_campaign(this, last)
    assert table.columns[:3] == ["Day of the campaign", "Registrations, 2026", "Registrations, 2025"]
    by_day = {row[0]: row[1:] for row in table.rows}
    assert by_day[1] == [2, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    assert by_day[2] == [0, 1, 1, 0, 0, 0, 0, 0, 0, 0]
    assert by_day[3] == [0, 0, 0, 0, 0, 0, 1, 0, 0, 0]


def test_a_campaign_without_registrations_has_an_empty_table(drives):
    this, last = drives
    assert by_day_of_campaign(this, last).rows == []


def test_the_page_draws_the_chart_and_exports_the_same_rows(staff_client, drives):
    this, last = drives
    _registered(this, timedelta(hours=2))
    html = staff_client.get("/admin/reports/holiday-by-day/").text
    assert '<svg role="img"' in html and "Holiday 2026 day by day, against Holiday 2025" in html
    response = staff_client.get(f"/admin/reports/holiday-by-day/?campaign={this.pk}&export=csv&table=by-day")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[1] == ["1", "1"] + ["0"] * 9


def test_a_partner_agency_user_is_refused(agency_client, drives):
    assert agency_client.get("/admin/reports/holiday-by-day/").status_code == 403
