"""Staff see listings overdue for their check, mark one checked, and find both lists on the Wagtail dashboard."""

import datetime

import pytest
from django.utils import timezone

from resources.models import ListingCheck, ProblemReport, ResourcePage
from tests.resources.factories import ResourcePageFactory


def overdue_program(directory, title, days=400):
    return ResourcePageFactory(
        parent=directory, title=title, last_verified=timezone.localdate() - datetime.timedelta(days=days)
    )


@pytest.fixture
def overdue(directory):
    ResourcePageFactory(parent=directory, title="Checked lately", last_verified=timezone.localdate())
    return overdue_program(directory, "Old pantry")


def test_staff_see_overdue_programs_only(staff_client, overdue):
    html = staff_client.get("/admin/directory/overdue/").text
    assert "Old pantry" in html and "Checked lately" not in html


def test_staff_mark_a_program_checked(staff_client, staff, overdue):
    staff_client.post(f"/admin/directory/overdue/{overdue.pk}/checked/")
    assert ResourcePage.objects.get(pk=overdue.pk).last_verified == timezone.localdate()
    assert ListingCheck.objects.get().checked_by == staff
    html = staff_client.get("/admin/directory/overdue/").text
    assert "is marked as checked today" in html
    assert f"/admin/pages/{overdue.pk}/edit/" not in html


def test_agency_users_cannot_mark_checked(agency_client, overdue):
    agency_client.post(f"/admin/directory/overdue/{overdue.pk}/checked/")
    assert not ListingCheck.objects.exists()


def test_the_dashboard_shows_overdue_and_often_reported_programs(staff_client, directory, overdue):
    reported = ResourcePageFactory(parent=directory, title="Reported pantry", last_verified=timezone.localdate())
    for _report in range(3):
        ProblemReport.objects.create(program=reported, reason="phone")
    ProblemReport.objects.create(program=overdue, reason="phone")
    html = staff_client.get("/admin/").text
    assert "Listings overdue for their check" in html and "Old pantry" in html
    assert "Programs reported 3 or more times this week" in html and "3 reports" in html


def test_the_dashboard_panels_run_the_same_queries_for_one_or_many(staff_client, directory, overdue):
    def count_queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            staff_client.get("/admin/")
        return len(captured)

    staff_client.get("/admin/")
    one = count_queries()
    for number in range(8):
        program = overdue_program(directory, f"Old {number}")
        for _report in range(3):
            ProblemReport.objects.create(program=program, reason="closed")
    assert count_queries() == one
