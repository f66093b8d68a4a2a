from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from holiday_drive.models import HolidayCampaignPage
from portal.models import HomePage, StandardPage
from resources.models import ResourceIndexPage

pytestmark = pytest.mark.django_db


def test_a_campaign_lives_under_the_home_page_and_holds_no_pages():
    assert HolidayCampaignPage.can_create_at(HomePage())
    assert not HolidayCampaignPage.can_create_at(StandardPage())
    assert HolidayCampaignPage.allowed_subpage_models() == []


def test_the_home_page_keeps_its_other_sections():
    allowed = HomePage.allowed_subpage_models()
    assert {StandardPage, ResourceIndexPage, HolidayCampaignPage} <= set(allowed)


def test_editors_cannot_save_a_window_that_closes_before_it_opens_or_no_package(campaign):
    campaign.registration_closes = campaign.registration_opens - timedelta(hours=1)
    with pytest.raises(ValidationError, match="close after it opens"):
        campaign.full_clean()
    campaign.registration_closes = campaign.registration_opens + timedelta(days=1)
    campaign.offers_food = campaign.offers_clothing = campaign.offers_gifts = False
    with pytest.raises(ValidationError, match="at least one kind of package"):
        campaign.full_clean()


def test_the_campaign_page_lists_the_packages_it_offers(client, campaign):
    campaign.offers_clothing = False
    campaign.save_revision().publish()
    html = client.get("/holiday-2026/").text
    assert "<li>Food</li>" in html and "<li>Gifts for the children</li>" in html and "<li>Clothing</li>" not in html
