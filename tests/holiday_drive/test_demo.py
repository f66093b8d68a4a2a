from io import StringIO

import pytest
from django.core.management import call_command

from holiday_drive.models import Adoption, DuplicateFlag, HolidayCampaignPage, Registration
from holiday_drive.models.campaigns import campaigns
from portal.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_for_module, db):
    return HolidayCampaignPage.objects.get(slug="holiday-2026")


def test_the_demo_drive_is_open_with_its_sites_slots_families_and_sponsors(demo):
    assert demo.is_open()
    assert demo.registrations.count() == 30
    assert demo.pickup_slots.count() == 10 and demo.pickup_slots.values("site").distinct().count() == 2
    assert sorted(demo.sponsors.values_list("kind", flat=True)) == ["agency", "business", "congregation"]
    assert all(sponsor.user and sponsor.user.email.startswith("sponsor") for sponsor in demo.sponsors.all())


def test_the_demo_families_are_in_varied_states(demo):
    statuses = set(demo.registrations.values_list("status", flat=True))
    assert statuses == {choice.value for choice in Registration.Status}
    waiting = demo.registrations.waitlisted().order_by("sequence")
    assert [registration.waitlist_position() for registration in waiting] == list(range(1, waiting.count() + 1))
    assert Adoption.objects.filter(gifts_received_at__isnull=False).exists()
    assert DuplicateFlag.objects.filter(status="open").count() == 1
    assert all(slot.booked_count() <= slot.capacity for slot in demo.pickup_slots.all())


def test_the_demo_family_sees_its_holiday_registration(client, demo):
    client.force_login(User.objects.get(email="family@example.org"))
    html = client.get("/holiday/my/").text
    registration = Registration.objects.get(household__user__email="family@example.org")
    assert registration.family_number in html and "Sofia" in html


def test_seeding_again_adds_nothing(demo):
    call_command("seed_demo", stdout=StringIO())
    assert Registration.objects.count() == 30 and campaigns().count() == 1  # and its Spanish page
