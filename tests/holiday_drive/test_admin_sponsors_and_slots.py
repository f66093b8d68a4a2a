"""Staff keep sponsors, distribution sites and pickup slots in the Wagtail admin."""

from datetime import timedelta

import pytest

from holiday_drive.models import DistributionSite, PickupSlot
from tests.holiday_drive.factories import (
    AdoptionFactory,
    DistributionSiteFactory,
    PickupSlotFactory,
    RegistrationFactory,
    SponsorFactory,
)

pytestmark = pytest.mark.django_db

SLOTS = "/admin/holiday-drive/slots/"


def slot_form(slot, **changes):
    local = {"starts_at": slot.starts_at, "ends_at": slot.ends_at}
    data = {name: value.strftime("%Y-%m-%d %H:%M") for name, value in local.items()}
    return {"campaign": slot.campaign_id, "site": slot.site_id, "capacity": slot.capacity, **data, **changes}


def test_the_slot_list_shows_how_many_families_booked_each_slot(staff_client, campaign):
    slot = PickupSlotFactory(campaign=campaign, capacity=5)
    RegistrationFactory.create_batch(2, campaign=campaign, pickup_slot=slot)
    RegistrationFactory(campaign=campaign, pickup_slot=slot, status="cancelled")
    assert "2 of 5" in staff_client.get(SLOTS).text


def test_a_slots_capacity_cannot_drop_below_its_bookings(staff_client, campaign):
    slot = PickupSlotFactory(campaign=campaign, capacity=5)
    RegistrationFactory.create_batch(3, campaign=campaign, pickup_slot=slot)
    response = staff_client.post(f"{SLOTS}edit/{slot.pk}/", slot_form(slot, capacity=2))
    assert "3 families have booked this time" in response.text
    response = staff_client.post(f"{SLOTS}edit/{slot.pk}/", slot_form(slot, capacity=8))
    assert response.status_code == 302 and PickupSlot.objects.get().capacity == 8


def test_a_slot_must_end_after_it_starts(staff_client, campaign):
    slot = PickupSlotFactory(campaign=campaign)
    early = slot.starts_at - timedelta(hours=1)
    response = staff_client.post(f"{SLOTS}edit/{slot.pk}/", slot_form(slot, ends_at=early.strftime("%Y-%m-%d %H:%M")))
    assert "The slot must end after it starts." in response.text


def test_staff_add_a_distribution_site(staff_client):
    data = {"name": "Elkridge Hub", "address": "6540 Washington Boulevard", "zip_code": "21075", "notes": ""}
    assert staff_client.post("/admin/holiday-drive/sites/new/", data).status_code == 302
    assert DistributionSite.objects.get().name == "Elkridge Hub"


def test_the_sponsor_list_shows_families_promised_adopted_and_gifts_received(staff_client, campaign):
    sponsor = SponsorFactory(campaign=campaign, name="Grace Fellowship", families_to_adopt=4)
    for received in (True, False, False):
        AdoptionFactory(
            sponsor=sponsor,
            registration=RegistrationFactory(campaign=campaign, status="sponsored"),
            gifts_received_at=campaign.registration_opens if received else None,
        )
    html = " ".join(staff_client.get("/admin/holiday-drive/sponsors/").text.split())
    assert "<td > Business </td> <td > 4 </td> <td > 3 </td> <td > 1 </td>" in html


def test_agency_users_cannot_open_sites_or_slots(agency_client, campaign):
    DistributionSiteFactory(name="Elkridge Hub")
    for url in ("/admin/holiday-drive/sites/", SLOTS):
        response = agency_client.get(url)
        assert response.status_code == 403 and "Elkridge Hub" not in response.text


def test_a_slots_usage_page_lists_its_registrations_with_a_link_to_each(staff_client, campaign):
    """Registrations have a page of their own and no edit form: the usage page links there, not to a 500."""
    staff_client.get(SLOTS)  # the admin's URLs load: Wagtail's reference index now tracks registrations
    slot = PickupSlotFactory(campaign=campaign)
    registration = RegistrationFactory(campaign=campaign, pickup_slot=slot)
    response = staff_client.get(f"{SLOTS}usage/{slot.pk}/")
    assert response.status_code == 200
    assert f'href="/admin/holiday-drive/registrations/{registration.pk}/"' in response.text
