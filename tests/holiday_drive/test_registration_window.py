from datetime import timedelta

import pytest
from django.utils import timezone

from holiday_drive.models import Registration
from tests.holiday_drive.conftest import GUARDIAN, step_data
from tests.holiday_drive.factories import HolidayCampaignPageFactory

pytestmark = pytest.mark.django_db


def _closed_campaign(home, **dates):
    return HolidayCampaignPageFactory(parent=home, **dates)


def test_before_the_window_the_page_gives_the_dates_and_no_form(client, home):
    _closed_campaign(home, registration_opens=timezone.now() + timedelta(days=3))
    response = client.get("/holiday/register/")
    assert response.status_code == 200
    assert "Holiday drive registration is closed" in response.text
    assert "Registration has not opened yet." in response.text
    assert "The next holiday drive is Holiday 2026" in response.text and "Registration opens" in response.text
    assert '<form method="post" novalidate' not in response.text


def test_after_the_window_the_page_says_when_it_closed(client, home):
    _closed_campaign(
        home,
        registration_opens=timezone.now() - timedelta(days=40),
        registration_closes=timezone.now() - timedelta(days=2),
    )
    response = client.get("/holiday/register/")
    assert response.status_code == 200 and "Registration is closed." in response.text


def test_posting_outside_the_window_creates_nothing(client, home):
    _closed_campaign(home, registration_opens=timezone.now() + timedelta(days=3))
    response = client.post("/holiday/register/", step_data("guardian", GUARDIAN))
    assert response.status_code == 200 and "Holiday drive registration is closed" in response.text
    assert not Registration.objects.exists()


def test_a_window_that_closes_while_the_family_fills_in_saves_nothing(client, register, campaign):
    register(stop_after="children")
    campaign.registration_closes = timezone.now() - timedelta(minutes=1)
    campaign.save()
    response = client.post("/holiday/register/", step_data("packages", {"packages": ["food"], "consent": "on"}))
    assert "Holiday drive registration is closed" in response.text
    assert not Registration.objects.exists()


def test_an_unpublished_campaign_does_not_open_registration(client, home):
    campaign = _closed_campaign(home)
    campaign.unpublish()
    assert "Holiday drive registration is closed" in client.get("/holiday/register/").text


def test_without_any_campaign_the_holiday_link_says_there_is_none(client, home):
    response = client.get("/holiday/")
    assert response.status_code == 200 and "There is no holiday drive open right now" in response.text


def test_the_holiday_link_leads_to_the_open_campaign(client, campaign):
    response = client.get("/holiday/")
    assert response.status_code == 302 and response.url == "/holiday-2026/"


def test_the_campaign_page_offers_to_register_only_while_open(client, campaign):
    html = client.get("/holiday-2026/").text
    assert "Food, clothing and gifts for families in December." in html
    assert 'href="/holiday/register/?restart=1"' in html and "Registration is open now." in html
    campaign.registration_closes = timezone.now() - timedelta(minutes=1)
    campaign.save_revision().publish()
    html = client.get("/holiday-2026/").text
    assert "/holiday/register/" not in html and "Registration is closed." in html


def test_a_window_staff_close_is_closed_at_the_next_page_though_the_drive_is_cached(client, home):
    campaign = HolidayCampaignPageFactory(parent=home)
    assert "Holiday drive registration is closed" not in client.get("/holiday/register/").text
    campaign.registration_closes = timezone.now() - timedelta(minutes=1)
    campaign.save_revision().publish()
    assert "Holiday drive registration is closed" in client.get("/holiday/register/").text
