import time
from datetime import timedelta

import pytest
import segno
from django.utils import timezone
from wagtail.models import Site

from holiday_drive import pickups
from portal.models import SiteSettings
from tests.aid_requests.factories import HouseholdFactory
from tests.holiday_drive.factories import PickupSlotFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def registration(campaign):
    return RegistrationFactory(campaign=campaign, household=HouseholdFactory(phone="410-555-0199", email="a@b.org"))


def find(client, code, contact):
    return client.post("/holiday/pickup/", {"registration_code": code, "contact": contact})


def test_a_family_without_an_account_finds_its_registration_by_code_and_phone(client, registration):
    response = find(client, registration.registration_code.lower().replace("-", " "), "(410) 555-0199")
    assert response.status_code == 302 and response.url == "/holiday/pickup/confirmation/"
    assert "has no pickup time yet" in client.get(response.url).text


def test_the_email_address_works_too(client, registration):
    assert find(client, registration.registration_code, " A@B.org ").url == "/holiday/pickup/confirmation/"


@pytest.mark.parametrize(
    "contact, message",
    [
        ("410-555-0100", "We could not find a registration"),
        ("other@b.org", "We could not find a registration"),
        ("21044", "Enter a phone number with 10 digits or an email address."),  # a ZIP code is not enough
    ],
)
def test_a_wrong_phone_email_or_a_zip_code_opens_nothing(client, registration, contact, message):
    assert message in find(client, registration.registration_code, contact).text
    assert client.get("/holiday/pickup/confirmation/").url == "/holiday/pickup/"


def test_a_lookup_opens_the_pickup_for_an_hour_only(client, registration):
    find(client, registration.registration_code, "410-555-0199")
    session = client.session
    session["holiday_pickup_registration"]["until"] = time.time() - 1
    session.save()
    assert client.get("/holiday/pickup/confirmation/").url == "/holiday/pickup/"


def test_finding_is_rate_limited(client, registration):
    for _ in range(10):
        find(client, registration.registration_code, "410-555-0100")
    assert find(client, registration.registration_code, "410-555-0199").status_code == 429


def test_the_times_show_site_day_time_and_places_left(client, registration, slot):
    pickups.book(RegistrationFactory(campaign=registration.campaign), slot)
    find(client, registration.registration_code, "410-555-0199")
    html = client.get("/holiday/pickup/time/").text
    weekday = timezone.localtime(slot.starts_at).strftime("%A")
    assert slot.site.name in html and slot.when in html and weekday in html and "1 place left" in html


def test_booking_shows_the_site_address_time_code_and_its_qr_image(client, registration, slot):
    find(client, registration.registration_code, "410-555-0199")
    response = client.post("/holiday/pickup/time/", {"pickup_slot": str(slot.pk)})
    assert response.url == "/holiday/pickup/confirmation/"
    registration.refresh_from_db()
    html = client.get(response.url).text
    assert slot.site.name in html and "5851 Robert Oliver Place" in html and slot.when in html
    assert f'<strong class="reference">{registration.check_in_code}</strong>' in html
    name = f"<title>QR code of your check-in code {registration.check_in_code}</title>"
    assert f'<svg role="img" width="174" height="174" class="check-in-qr">{name}' in html


def test_the_qr_image_holds_the_check_in_code_and_nothing_else(client, registration, slot):
    pickups.book(registration, slot)
    find(client, registration.registration_code, "410-555-0199")
    registration.refresh_from_db()
    modules = segno.make_qr(registration.check_in_code, error="m").svg_inline().split(' d="')[-1].split('"')[0]
    assert modules in client.get("/holiday/pickup/confirmation/").text


def test_a_time_that_filled_up_meanwhile_is_refused_and_nothing_changes(client, registration, slot):
    find(client, registration.registration_code, "410-555-0199")
    assert slot.site.name in client.get("/holiday/pickup/time/").text
    for _ in range(slot.capacity):
        pickups.book(RegistrationFactory(campaign=registration.campaign), slot)
    response = client.post("/holiday/pickup/time/", {"pickup_slot": str(slot.pk)})
    assert "This pickup time is full now. Please choose another one." in response.text
    registration.refresh_from_db()
    assert registration.pickup_slot is None and registration.check_in_code is None


def test_a_family_changes_its_time_and_frees_the_old_place(client, registration, slot):
    later = PickupSlotFactory(campaign=registration.campaign, starts_at=slot.starts_at + timedelta(days=1))
    pickups.book(registration, slot)
    find(client, registration.registration_code, "410-555-0199")
    client.post("/holiday/pickup/time/", {"pickup_slot": str(later.pk)})
    registration.refresh_from_db()
    assert registration.pickup_slot == later and slot.booked_count() == 0


def test_after_the_cutoff_the_page_gives_the_office_phone_and_nothing_changes(client, registration, home):
    SiteSettings.objects.update_or_create(site=Site.objects.get(), defaults={"phone": "410-313-6822"})
    soon = PickupSlotFactory(campaign=registration.campaign, starts_at=timezone.now() + timedelta(hours=3))
    later = PickupSlotFactory(campaign=registration.campaign)
    pickups.book(registration, soon)
    find(client, registration.registration_code, "410-555-0199")
    response = client.post("/holiday/pickup/time/", {"pickup_slot": str(later.pk)})
    assert "can be changed until 24 hours before" in response.text and 'href="tel:4103136822"' in response.text
    registration.refresh_from_db()
    assert registration.pickup_slot == soon


def test_a_visitor_who_found_nothing_is_sent_to_the_lookup(client):
    assert client.get("/holiday/pickup/time/").url == "/holiday/pickup/"
    assert client.get("/holiday/pickup/confirmation/").url == "/holiday/pickup/"


def test_a_family_that_just_registered_chooses_its_time_from_the_confirmation(client, register, slot):
    register()
    assert 'href="/holiday/pickup/time/"' in client.get("/holiday/register/done/").text
    assert client.post("/holiday/pickup/time/", {"pickup_slot": str(slot.pk)}).status_code == 302
    assert "QR code of your check-in code" in client.get("/holiday/register/done/").text


def test_a_signed_in_family_sees_its_qr_image_on_its_page(family_client, family, campaign, slot):
    registration = RegistrationFactory(campaign=campaign, household=HouseholdFactory(user=family))
    pickups.book(registration, slot)
    assert "QR code of your check-in code" in family_client.get("/holiday/my/").text
    assert family_client.get("/holiday/pickup/").url == "/holiday/my/"
