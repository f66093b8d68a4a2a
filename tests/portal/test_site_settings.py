from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Site

from portal.models import SiteSettings
from tests.factories import AlertFactory

pytestmark = pytest.mark.django_db


def test_the_footer_shows_the_office_contact_details(client, home):
    contact = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    contact.phone = "410-313-6822"
    contact.hours = "Weekdays 8 to 4:30"
    contact.save()
    html = client.get("/").text
    footer = html.split("<footer", 1)[1]
    assert '<a href="tel:4103136822">410-313-6822</a>' in footer
    assert "Weekdays 8 to 4:30" in footer


def test_a_current_notice_is_shown_on_every_page(client, home):
    AlertFactory(message="Offices close early on Friday.", ends_at=timezone.now() + timedelta(days=1))
    assert "Offices close early on Friday." in client.get("/").text
    assert "Offices close early on Friday." in client.get("/search/").text


def test_a_notice_is_hidden_after_its_end_date(client, home):
    AlertFactory(message="Snow closing.", ends_at=timezone.now() - timedelta(minutes=1))
    assert "Snow closing." not in client.get("/").text


def test_a_notice_is_hidden_before_its_start(client, home):
    AlertFactory(message="Drive opens soon.", starts_at=timezone.now() + timedelta(hours=2))
    assert "Drive opens soon." not in client.get("/").text


def test_a_notice_cannot_end_before_it_starts(home):
    from django.core.exceptions import ValidationError

    now = timezone.now()
    alert = AlertFactory.build(starts_at=now, ends_at=now - timedelta(hours=1))
    with pytest.raises(ValidationError, match="The end must come after the start"):
        alert.full_clean()
