"""The plain-text half of every email to a family, an agency or a sponsor is not HTML: D'Andre reads D'Andre."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone, translation

from holiday_drive.models import DistributionSite, PickupSlot
from portal.emails import render_email

pytestmark = pytest.mark.django_db

NAME = "D'Andre O'Neil & Sons <Jr>"


def contexts():
    household = SimpleNamespace(first_name=NAME)
    starts = timezone.now() + timedelta(days=3)
    slot = PickupSlot(starts_at=starts, ends_at=starts + timedelta(hours=1))
    slot.site = DistributionSite(name=NAME, address=NAME)
    registration = SimpleNamespace(family_number="H26-0142", check_in_code="7K3F9Q")
    aid_request = SimpleNamespace(reference="CC-7K3F-9QX2", kind=SimpleNamespace(label=NAME), get_status_display=str)
    holiday = {"household": household, "registration": registration, "slot": slot}
    return {
        "request_received": {"household": household, "requests": [aid_request]},
        "status_update": {"household": household, "aid_request": aid_request, "event": SimpleNamespace(note=NAME)},
        "holiday_update": {**holiday, "notice": "holiday_registered"},
        "pickup_booked": {**holiday, "notice": "pickup_changed"},
        "pickup_reminder": holiday,
        "new_offers": {"count": 2, "deadline": timezone.now(), "agency": SimpleNamespace(name=NAME)},
        "adoption_ended": {"sponsor": NAME, "family_number": "H26-0142", "cancelled": True},
    }


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("template", list(contexts()))
def test_the_text_part_keeps_apostrophes_and_the_html_part_escapes_them(template, language):
    with translation.override(language):
        email = render_email(template, "Subject", contexts()[template])
    assert "D'Andre O'Neil & Sons <Jr>" in email["text"]
    assert "&#x27;" not in email["text"] and "&amp;" not in email["text"]
    assert "D&#x27;Andre O&#x27;Neil &amp; Sons &lt;Jr&gt;" in email["html"]
