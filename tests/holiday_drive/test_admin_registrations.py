"""Staff in the Wagtail admin: the registrations list, a registration's page and its actions."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from aid_requests.models import HouseholdView
from holiday_drive.models import DuplicateFlag, Registration
from tests.factories import UserFactory
from tests.holiday_drive.factories import (
    AdoptionFactory,
    PickupSlotFactory,
    RegisteredChildFactory,
    RegistrationFactory,
    SponsorFactory,
)

pytestmark = pytest.mark.django_db

LIST = "/admin/holiday-drive/registrations/"
Status = Registration.Status


def page_of(registration):
    return f"{LIST}{registration.pk}/"


def act(client, registration, **data):
    return client.post(page_of(registration), data, follow=True)


def test_the_list_filters_by_status_and_searches_by_family_number(staff_client, campaign):
    confirmed = RegistrationFactory(campaign=campaign, status=Status.CONFIRMED)
    waiting = RegistrationFactory(campaign=campaign, status=Status.WAITLISTED)
    html = staff_client.get(LIST, {"status": "confirmed"}).text
    assert confirmed.family_number in html and waiting.family_number not in html
    html = staff_client.get(LIST, {"q": waiting.family_number}).text
    assert waiting.family_number in html and confirmed.family_number not in html


@pytest.mark.parametrize("name", ["site", "slot", "sponsored", "flagged"])
def test_the_list_filters_by_site_slot_sponsor_and_open_duplicate_flags(staff_client, campaign, name):
    slot = PickupSlotFactory(campaign=campaign)
    chosen = RegistrationFactory(campaign=campaign, pickup_slot=slot)
    other = RegistrationFactory(campaign=campaign, pickup_slot=PickupSlotFactory(campaign=campaign))
    AdoptionFactory(sponsor=SponsorFactory(campaign=campaign), registration=chosen)
    DuplicateFlag.objects.create(registration=chosen, resembles=RegistrationFactory(campaign=campaign), rule="phone")
    value = {"site": slot.site.pk, "slot": slot.pk, "sponsored": "true", "flagged": "true"}[name]
    html = staff_client.get(LIST, {name: value}).text
    assert chosen.family_number in html and other.family_number not in html


def test_the_list_runs_the_same_queries_for_5_rows_as_for_50(staff_client, campaign):
    def some(count):
        for _ in range(count):
            registration = RegistrationFactory(campaign=campaign, pickup_slot=PickupSlotFactory(campaign=campaign))
            RegisteredChildFactory(registration=registration)
            AdoptionFactory(sponsor=SponsorFactory(campaign=campaign), registration=registration)

    some(5)
    staff_client.get(LIST)
    with CaptureQueriesContext(connection) as five:
        staff_client.get(LIST)
    some(45)
    with CaptureQueriesContext(connection) as fifty:
        assert staff_client.get(LIST).text.count("H26-") >= 50
    assert len(fifty) == len(five)


def test_a_registration_page_shows_the_household_and_is_audit_logged(staff_client, staff, campaign):
    registration = RegistrationFactory(campaign=campaign)
    RegisteredChildFactory(registration=registration, first_name="Ana", wish_1="A red bike")
    html = staff_client.get(page_of(registration)).text
    assert registration.household.guardian_name in html and "A red bike" in html
    assert registration.registration_code in html  # to help a family that lost it, after checking who calls
    (entry,) = HouseholdView.objects.all()
    assert (entry.household, entry.viewed_by) == (registration.household, staff)


def test_staff_confirm_a_registration(staff_client, campaign):
    registration = RegistrationFactory(campaign=campaign)
    assert "Confirmed" in act(staff_client, registration, action="confirm").text
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED


def test_cancelling_frees_the_pickup_time_and_suggests_promoting(staff_client, campaign):
    campaign.family_cap = 1
    campaign.save()
    registration = RegistrationFactory(campaign=campaign, pickup_slot=PickupSlotFactory(campaign=campaign))
    RegistrationFactory(campaign=campaign, status=Status.WAITLISTED)
    html = act(staff_client, registration, action="cancel").text
    registration.refresh_from_db()
    assert (registration.status, registration.pickup_slot) == (Status.CANCELLED, None)
    assert "A place is free" in html


def test_an_invalid_move_is_refused_with_a_message_and_changes_nothing(staff_client, campaign):
    registration = RegistrationFactory(campaign=campaign, status=Status.PICKED_UP)
    html = act(staff_client, registration, action="cancel").text
    assert "cannot become" in html
    registration.refresh_from_db()
    assert registration.status == Status.PICKED_UP


def test_promoting_gives_the_first_waiting_family_a_place(staff_client, campaign):
    campaign.family_cap = 1
    campaign.save()
    RegistrationFactory(campaign=campaign, status=Status.CANCELLED)
    first, second = RegistrationFactory.create_batch(2, campaign=campaign, status=Status.WAITLISTED)
    html = act(staff_client, second, action="promote").text
    assert f"{first.family_number} has a place now" in html
    statuses = dict(Registration.objects.values_list("pk", "status"))
    assert (statuses[first.pk], statuses[second.pk]) == (Status.REGISTERED, Status.WAITLISTED)


def test_promoting_when_no_place_is_free_says_so_and_changes_nothing(staff_client, campaign):
    campaign.family_cap = 1
    campaign.save()
    RegistrationFactory(campaign=campaign, status=Status.CONFIRMED)
    waiting = RegistrationFactory(campaign=campaign, status=Status.WAITLISTED)
    html = act(staff_client, waiting, action="promote").text
    assert "No place is free: 1 of 1 places are taken" in html
    waiting.refresh_from_db()
    assert waiting.status == Status.WAITLISTED


def test_the_same_family_cancels_the_later_registration_and_resolves_every_flag_of_the_pair(
    staff_client, staff, campaign
):
    earlier, later = RegistrationFactory.create_batch(2, campaign=campaign)
    phone = DuplicateFlag.objects.create(registration=later, resembles=earlier, rule="phone")
    email = DuplicateFlag.objects.create(registration=later, resembles=earlier, rule="email")
    act(staff_client, earlier, action="same_family", flag=phone.pk)
    later.refresh_from_db(), earlier.refresh_from_db(), email.refresh_from_db()
    assert (earlier.status, later.status) == (Status.REGISTERED, Status.CANCELLED)
    assert (email.status, email.resolved_by) == (DuplicateFlag.Status.CONFIRMED, staff)


def test_not_a_duplicate_dismisses_the_flag_and_keeps_both_registrations(staff_client, campaign):
    earlier, later = RegistrationFactory.create_batch(2, campaign=campaign)
    flag = DuplicateFlag.objects.create(registration=later, resembles=earlier, rule="guardian_zip")
    act(staff_client, later, action="different", flag=flag.pk)
    flag.refresh_from_db()
    assert flag.status == DuplicateFlag.Status.DISMISSED
    assert set(Registration.objects.values_list("status", flat=True)) == {Status.REGISTERED}


def test_a_duplicate_whose_later_registration_was_picked_up_is_refused_and_stays_open(staff_client, campaign):
    earlier = RegistrationFactory(campaign=campaign)
    later = RegistrationFactory(campaign=campaign, status=Status.PICKED_UP)
    flag = DuplicateFlag.objects.create(registration=later, resembles=earlier, rule="phone")
    assert "cannot become" in act(staff_client, earlier, action="same_family", flag=flag.pk).text
    flag.refresh_from_db()
    assert flag.status == DuplicateFlag.Status.OPEN


@pytest.fixture
def volunteer(db):
    """A volunteer at a distribution site, even one given admin access and read access to registrations."""
    user = UserFactory(email="volunteer@example.org", enrolled=True)
    user.groups.add(Group.objects.get_or_create(name="Volunteer")[0])
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_registration")
    )
    return user


@pytest.mark.parametrize("persona", ["family", "agency_user", "volunteer"])
def test_volunteers_agencies_and_families_cannot_open_or_change_registrations(client, request, persona, campaign):
    client.force_login(request.getfixturevalue(persona))
    registration = RegistrationFactory(campaign=campaign)
    for url in (LIST, page_of(registration), f"{LIST}export/"):
        response = client.get(url)
        assert response.status_code in (302, 403) and registration.family_number not in response.text
    assert client.post(page_of(registration), {"action": "cancel"}).status_code == 403
    registration.refresh_from_db()
    assert registration.status == Status.REGISTERED and not HouseholdView.objects.exists()
