from datetime import timedelta
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import formats, timezone

from holiday_drive.models import Registration
from portal.roles import STAFF, VOLUNTEER, ensure_groups
from tests.aid_requests.factories import HouseholdFactory
from tests.factories import UserFactory
from tests.holiday_drive.factories import (
    PickupSlotFactory,
    RegisteredChildFactory,
    RegistrationFactory,
    SponsorFactory,
)

pytestmark = pytest.mark.django_db

PRIVATE = [
    "Zebulon",
    "Quartermaine",
    "410-555-0987",
    "zq@private.example",
    "77 Hidden Way",
    "Bryant Woods",
    "Persephone",
]


@pytest.fixture
def volunteer(db):
    user = UserFactory(email="helper@example.org", first_name="Robin")
    user.groups.add(Group.objects.get(name=VOLUNTEER))
    return user


@pytest.fixture
def volunteer_client(client, volunteer):
    client.force_login(volunteer)
    return client


@pytest.fixture
def ready(campaign, slot):
    """A family whose bags are ready, with two children and details a volunteer must never see."""
    household = HouseholdFactory(
        guardian_name="Zebulon Quartermaine",
        phone="410-555-0987",
        email="zq@private.example",
        street_address="77 Hidden Way",
        schools="Bryant Woods Elementary",
    )
    registration = RegistrationFactory(
        campaign=campaign, household=household, status="ready", pickup_slot=slot, check_in_code="7K3F9Q"
    )
    RegisteredChildFactory(registration=registration, letter="A", first_name="Persephone")
    RegisteredChildFactory(registration=registration, letter="B", first_name="Ana")
    return registration


def look_up(client, code):
    return client.post("/holiday/checkin/", {"code": code})


def test_a_volunteer_sees_the_family_number_packages_children_slot_and_where_the_bag_is(volunteer_client, ready):
    html = look_up(volunteer_client, "7k3-f9q").text
    assert ready.family_number in html and "Food" in html and "Gifts for the children" in html
    assert f"2: {ready.family_number}-A, {ready.family_number}-B" in html
    assert ready.pickup_slot.when in html and "Bags in the gym." in html and "Mark picked up" in html


def test_check_in_pages_show_no_name_contact_address_school_or_child_name(volunteer_client, ready):
    pages = [
        look_up(volunteer_client, "7K3F9Q").text,
        volunteer_client.get(f"/holiday/checkin/slot/{ready.pickup_slot_id}/").text,
    ]
    volunteer_client.post("/holiday/checkin/pick-up/", {"code": "7K3F9Q"})
    pages += [look_up(volunteer_client, "7K3F9Q").text, volunteer_client.get("/holiday/checkin/").text]
    for html in pages:
        assert not [private for private in PRIVATE if private in html]


def test_mark_picked_up_records_when_and_by_whom(volunteer_client, volunteer, ready):
    response = volunteer_client.post("/holiday/checkin/pick-up/", {"code": "7K3F9Q"}, follow=True)
    assert f"Family {ready.family_number} is picked up." in response.text
    ready.refresh_from_db()
    assert ready.status == "picked_up" and ready.checked_in_by == volunteer
    assert timezone.now() - ready.picked_up_at < timedelta(minutes=1)


def test_a_second_check_in_says_when_and_by_whom_and_changes_nothing(volunteer_client, ready, staff, client):
    volunteer_client.post("/holiday/checkin/pick-up/", {"code": "7K3F9Q"})
    first = Registration.objects.get(pk=ready.pk)
    client.force_login(staff)
    response = client.post("/holiday/checkin/pick-up/", {"code": "7K3F9Q"}, follow=True)
    when = formats.time_format(timezone.localtime(first.picked_up_at), "TIME_FORMAT")
    assert f"Family {ready.family_number} was already picked up on" in response.text and "by Robin." in response.text
    assert when in response.text
    assert "Mark picked up" not in look_up(client, "7K3F9Q").text
    again = Registration.objects.get(pk=ready.pk)
    assert again.status == "picked_up" and again.picked_up_at == first.picked_up_at
    assert again.checked_in_by_id == first.checked_in_by_id


def test_an_unknown_code_gets_a_clear_message(volunteer_client, ready):
    html = look_up(volunteer_client, "AAAAAA").text
    assert "No family has this check-in code." in html and ready.family_number not in html
    response = volunteer_client.post("/holiday/checkin/pick-up/", {"code": "AAAAAA"}, follow=True)
    assert "No family has this check-in code." in response.text


@pytest.mark.parametrize(
    "status, message", [("waitlisted", "is on the waiting list"), ("cancelled", "This registration was cancelled")]
)
def test_a_waitlisted_or_cancelled_family_is_not_picked_up(volunteer_client, ready, status, message):
    Registration.objects.filter(pk=ready.pk).update(status=status)
    html = look_up(volunteer_client, "7K3F9Q").text
    assert message in html and "Mark picked up" not in html
    response = volunteer_client.post("/holiday/checkin/pick-up/", {"code": "7K3F9Q"}, follow=True)
    assert message in response.text
    assert Registration.objects.get(pk=ready.pk).status == status


def test_families_sponsors_and_agency_users_are_refused_and_visitors_sign_in(
    client, family, agency_user, campaign, ready
):
    assert client.get("/holiday/checkin/").url.startswith("/accounts/login/")
    sponsor = SponsorFactory(campaign=campaign, user=UserFactory()).user
    for user in (family, sponsor, agency_user):
        client.force_login(user)
        assert client.get("/holiday/checkin/").status_code == 403
        assert look_up(client, "7K3F9Q").status_code == 403
        assert client.post("/holiday/checkin/pick-up/", {"code": "7K3F9Q"}).status_code == 403
    assert Registration.objects.get(pk=ready.pk).status == "ready"


def test_staff_check_in_too(staff_client, ready):
    assert ready.family_number in look_up(staff_client, "7K3F9Q").text


def test_a_volunteer_cannot_open_the_admin_or_the_registrations_list(volunteer_client, ready, staff, client):
    for url in ("/admin/", "/admin/holiday-drive/registrations/", f"/admin/holiday-drive/registrations/{ready.pk}/"):
        assert volunteer_client.get(url).status_code == 403
    client.force_login(staff)
    assert ready.family_number in client.get("/admin/holiday-drive/registrations/").text


def past_slot(campaign, hours_ago=2):
    starts = timezone.now() - timedelta(hours=hours_ago)
    return PickupSlotFactory(campaign=campaign, starts_at=starts, ends_at=starts + timedelta(hours=1))


def test_after_a_slot_ends_the_families_who_did_not_come_are_marked(volunteer_client, campaign):
    slot = past_slot(campaign)
    missed, came, cancelled = (
        RegistrationFactory(campaign=campaign, pickup_slot=slot, status=status)
        for status in ("ready", "picked_up", "cancelled")
    )
    html = volunteer_client.get(f"/holiday/checkin/slot/{slot.pk}/").text
    assert all(registration.family_number in html for registration in (missed, came, cancelled))
    response = volunteer_client.post(f"/holiday/checkin/slot/{slot.pk}/", follow=True)
    assert "1 families marked as not picked up." in response.text and "Not picked up" in response.text
    statuses = dict(Registration.objects.values_list("pk", "status"))
    assert statuses == {missed.pk: "no_show", came.pk: "picked_up", cancelled.pk: "cancelled"}


def test_before_a_slot_ends_no_one_is_marked(volunteer_client, ready):
    response = volunteer_client.post(f"/holiday/checkin/slot/{ready.pickup_slot_id}/", follow=True)
    assert "This pickup time has not ended yet." in response.text
    assert Registration.objects.get(pk=ready.pk).status == "ready"


def test_check_in_lists_today_and_ended_times_with_families_to_close(volunteer_client, campaign):
    to_close, closed = past_slot(campaign, hours_ago=48), past_slot(campaign, hours_ago=48)
    RegistrationFactory(campaign=campaign, pickup_slot=to_close, status="ready")
    RegistrationFactory(campaign=campaign, pickup_slot=closed, status="no_show")
    today = PickupSlotFactory(campaign=campaign, starts_at=timezone.now())
    html = volunteer_client.get("/holiday/checkin/").text
    assert f"/holiday/checkin/slot/{to_close.pk}/" in html and f"/holiday/checkin/slot/{today.pk}/" in html
    assert f"/holiday/checkin/slot/{closed.pk}/" not in html


def test_the_slot_page_runs_the_same_queries_for_one_family_or_ten(volunteer_client, campaign):
    slot = past_slot(campaign)

    def queries():
        with CaptureQueriesContext(connection) as context:
            volunteer_client.get(f"/holiday/checkin/slot/{slot.pk}/")
        return len(context)

    RegistrationFactory(campaign=campaign, pickup_slot=slot, status="ready")
    queries()  # the first page of a session also loads the site and its settings
    one = queries()
    for _ in range(9):
        RegistrationFactory(campaign=campaign, pickup_slot=slot, status="ready")
    assert queries() == one


def test_ensure_groups_gives_volunteers_check_in_only_and_staff_the_holiday_drive(db):
    Group.objects.filter(name=VOLUNTEER).delete()
    ensure_groups(apps)
    volunteer = Group.objects.get(name=VOLUNTEER)
    assert list(volunteer.permissions.values_list("codename", flat=True)) == ["check_in"]
    staff = set(Group.objects.get(name=STAFF).permissions.values_list("codename", flat=True))
    assert {"check_in", "view_registration", "change_registration", "add_pickupslot", "delete_sponsor"} <= staff
    assert "delete_registration" not in staff


def test_the_demo_volunteer_checks_in_and_cannot_open_the_admin(client, settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    assert client.login(email="volunteer@example.org", password="connection-demo-2026")
    code = Registration.objects.filter(status="ready").exclude(check_in_code=None).first().check_in_code
    assert "Mark picked up" in look_up(client, code).text
    assert client.get("/admin/").status_code == 403


@pytest.mark.parametrize("status", ["confirmed", "sponsored"])
def test_a_confirmed_family_is_checked_in_even_before_its_gifts_arrive(volunteer_client, volunteer, ready, status):
    Registration.objects.filter(pk=ready.pk).update(status=status)
    volunteer_client.post("/holiday/checkin/pick-up/", {"code": "7K3F9Q"})
    assert Registration.objects.get(pk=ready.pk).status == "picked_up"


def test_a_family_staff_have_not_confirmed_is_not_picked_up(volunteer_client, ready):
    Registration.objects.filter(pk=ready.pk).update(status="registered")
    volunteer_client.post("/holiday/checkin/pick-up/", {"code": "7K3F9Q"})
    assert Registration.objects.get(pk=ready.pk).status == "registered"
