"""The admin dashboard is a to-do list for staff, and shows people of other roles no family data."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from aid_requests.models import AidRequest, Offer
from holiday_drive.models import Registration
from portal.roles import VOLUNTEER
from tests.aid_requests.factories import AidRequestFactory
from tests.factories import UserFactory
from tests.holiday_drive.factories import (
    AdoptionFactory,
    HolidayCampaignPageFactory,
    RegistrationFactory,
    SponsorFactory,
)
from tests.resources.factories import PartnerAgencyFactory

pytestmark = pytest.mark.django_db
PANELS = ["todo-urgent", "todo-no-partner", "todo-overdue-offers", "todo-not-fulfilled"]
HOLIDAY_PANELS = ["todo-registrations-to-review", "todo-without-sponsor", "todo-gifts-not-received"]


def _aged(status, days, **fields):
    aid_request = AidRequestFactory(**fields)
    AidRequest.objects.filter(pk=aid_request.pk).update(
        status=status, status_changed_at=timezone.now() - timedelta(days=days), **fields
    )
    return aid_request


@pytest.fixture
def campaign(home):
    return HolidayCampaignPageFactory(parent=home)


def _work(number, campaign):
    """`number` requests waiting in each request panel, and as many holiday families in each holiday panel."""
    sponsor = SponsorFactory(campaign=campaign, families_to_adopt=number)
    agency = PartnerAgencyFactory()
    for _ in range(number):
        _aged("submitted", 2, urgency="urgent")
        _aged("approved", 1, no_match_reason="No partner agency serves ZIP 21044")
        _aged("accepted", 30)
        offered = _aged("offered", 3)
        Offer.objects.create(request=offered, agency=agency, deadline=timezone.now() - timedelta(hours=1))
        RegistrationFactory(campaign=campaign, status=Registration.Status.CONFIRMED)
        AdoptionFactory(sponsor=sponsor, registration=RegistrationFactory(campaign=campaign, status="sponsored"))
    _aged("submitted", 0, urgency="urgent")  # not yet a day
    _aged("accepted", 2)  # accepted recently


def _panel_counts(html):
    counts = {}
    for name in PANELS + HOLIDAY_PANELS:
        if f'id="{name}' in html:
            after = html.split(f'id="{name}', 1)[1]
            counts[name] = int(after.split('class="todo-count">', 1)[1].split("<", 1)[0])
    return counts


def test_staff_see_what_waits_with_the_right_counts(staff_client, campaign):
    _work(2, campaign)
    counts = _panel_counts(staff_client.get("/admin/").text)
    assert counts == dict.fromkeys(PANELS, 2) | {
        "todo-registrations-to-review": 0,
        "todo-without-sponsor": 2,
        "todo-gifts-not-received": 2,
    }


def test_a_panel_lists_the_five_oldest_and_links_to_the_filtered_queue(staff_client, campaign):
    _work(7, campaign)
    html = staff_client.get("/admin/").text
    urgent = html.split('id="todo-urgent-section"', 1)[1].split("</section>", 1)[0]
    assert urgent.count("<li>") == 5
    assert "See all 7" in urgent
    assert "/admin/requests/?urgency=urgent&amp;urgency=emergency&amp;status=submitted" in urgent
    assert staff_client.get("/admin/requests/?no_partner=true").text.count("No partner") >= 1


def test_the_dashboard_runs_as_many_queries_for_many_items_as_for_one(staff_client, campaign):
    _work(1, campaign)
    staff_client.get("/admin/")
    with CaptureQueriesContext(connection) as few:
        staff_client.get("/admin/")
    _work(12, campaign)
    with CaptureQueriesContext(connection) as many:
        staff_client.get("/admin/")
    assert len(many) == len(few)


def _with_admin_access(user):
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_a_partner_agency_user_is_refused_and_would_see_no_panel(client, agency_user, campaign):
    _work(1, campaign)
    client.force_login(agency_user)
    assert client.get("/admin/").status_code == 403
    _with_admin_access(agency_user)
    html = client.get("/admin/").text
    assert _panel_counts(html) == {} and "CC-" not in html and "H26-" not in html


def test_a_volunteer_who_reaches_the_admin_sees_no_panel(client, campaign):
    _work(1, campaign)
    volunteer = UserFactory(email="helper@example.org")
    volunteer.groups.add(Group.objects.get(name=VOLUNTEER))
    client.force_login(_with_admin_access(volunteer))
    html = client.get("/admin/").text
    assert _panel_counts(html) == {} and "CC-" not in html and "H26-" not in html


def test_an_empty_office_shows_each_panel_with_nothing_waiting(staff_client, home):
    html = staff_client.get("/admin/").text
    assert _panel_counts(html) == dict.fromkeys(PANELS, 0)
    assert html.count("Nothing waits here.") == 4
