"""Every family notice by text, in English and Spanish: one segment, a link where there is something to see,
and nothing sensitive (no child's name, no medical need, no address, no guardian's name)."""

from datetime import datetime

import pytest
from django.utils import timezone, translation

from aid_requests.models import StatusEvent
from aid_requests.models.requests import Status
from portal import notices, sms
from portal.sms.segments import encoding
from tests.aid_requests.factories import AidRequestFactory, ChildFactory, HouseholdFactory
from tests.holiday_drive.factories import DistributionSiteFactory, PickupSlotFactory, RegistrationFactory

SENSITIVE = ["Maria", "Lopez", "Anabella", "Quiet Lane", "21044", "Dental", "dental", "Robert Oliver"]
LONG_SITE = "Oakland Mills Middle School"  # a long real site name: the texts must fit with it
NEEDS_LINK = {
    "referral_received",
    "request_received",
    "status_update",
    "holiday_registered",
    "holiday_promoted",
    "holiday_confirmed",
}


@pytest.fixture
def contexts(settings, campaign):
    """Each notice's data, as the apps pass it, for a family with a dental request and a child named Anabella."""
    settings.WAGTAILADMIN_BASE_URL = "https://help.example.org"
    household = HouseholdFactory(guardian_name="Maria Lopez", contact_method="text")
    child = ChildFactory(household=household, first_name="Anabella")
    dental = AidRequestFactory(household=household, kind_id=_kind("dental"), children=[child])
    clothing = AidRequestFactory(household=household, children=[child])
    event = StatusEvent.objects.create(request=dental, from_status=Status.OFFERED, to_status=Status.ACCEPTED)
    message = StatusEvent.objects.create(request=dental, from_status=Status.OFFERED, to_status=Status.OFFERED)
    starts = timezone.make_aware(datetime(2026, 12, 12, 10, 30))
    slot = PickupSlotFactory(
        campaign=campaign,
        site=DistributionSiteFactory(name=LONG_SITE),
        starts_at=starts,
        ends_at=starts.replace(hour=11),
    )
    registration = RegistrationFactory(campaign=campaign, household=household, pickup_slot=slot, check_in_code="7K3F9Q")
    holiday = {"registration": registration, "slot": slot}
    return household, {
        "request_received": {"requests": [dental, clothing]},
        "status_update": {"event": event, "aid_request": dental},
        "status_update (a message)": {"event": message, "aid_request": dental},
        "holiday_registered": {"registration": registration, "slot": None},
        "holiday_registered (with a pickup)": holiday,
        "holiday_waitlisted": holiday,
        "holiday_promoted": holiday,
        "holiday_confirmed": holiday,
        "pickup_booked": holiday,
        "pickup_changed": holiday,
        "pickup_reminder": holiday,
        # The longest link a referral text carries: the site's address and a 22-character token.
        "referral_received": {
            "reference": dental.reference,
            "link": "https://help.example.org/referrals/family/" + "T" * 22 + "/",
            "days": 14,
        },
    }


def _kind(slug):
    from resources.models import ServiceCategory

    return ServiceCategory.objects.get(slug=slug).pk


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_text_fits_one_segment_and_tells_nothing_sensitive(contexts, language):
    household, every = contexts
    assert {label.split(" ")[0] for label in every} == set(notices.NOTICES)
    for label, context in every.items():
        name = label.split(" ")[0]
        with translation.override(language):
            body = notices.render_text(name, household, context)
        assert sms.segments(body) == 1, (label, language, len(body), body)
        assert encoding(body) == "GSM-7", (label, body)
        assert not [word for word in SENSITIVE if word in body], (label, body)
        assert body.startswith("Connection Center:")
        if name in NEEDS_LINK:
            assert "https://help.example.org/" in body, (label, body)


def test_texts_carry_the_codes_a_family_needs(contexts):
    household, every = contexts
    received = notices.render_text("request_received", household, every["request_received"])
    for aid_request in every["request_received"]["requests"]:
        assert aid_request.reference in received
    assert "7K3F9Q" in notices.render_text("pickup_reminder", household, every["pickup_reminder"])
    assert "H26-" in notices.render_text("holiday_waitlisted", household, every["holiday_waitlisted"])


def test_spanish_texts_lose_only_the_accents_gsm_lacks(contexts):
    household, every = contexts
    with translation.override("es"):
        body = notices.render_text("request_received", household, every["request_received"])
    assert "solicitudes" in body or "solicitud" in body
    assert not set("áíóú") & set(body)
