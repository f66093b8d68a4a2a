"""Partner agencies propose changes to their own programs; staff approve them in a Wagtail workflow."""

import datetime

import pytest
from wagtail.models import WorkflowState

from resources import listings
from resources.models import ListingCheck, ResourcePage
from tests.resources.factories import AgencyFactory, AgencyMembershipFactory, OpeningHoursFactory, ResourcePageFactory

CHANGE = {
    "summary": "Free food every week.",
    "phone": "410-555-0199",
    "service_area": "county",
    "service_area_county": "Howard County",
    "status": "active",
    "hours-TOTAL_FORMS": "2",
    "hours-INITIAL_FORMS": "0",
    "hours-0-weekday": "1",
    "hours-0-opens": "10:00",
    "hours-0-closes": "14:00",
    "hours-1-weekday": "",
    "closures-TOTAL_FORMS": "0",
    "closures-INITIAL_FORMS": "0",
}


@pytest.fixture
def program(directory, agency_user):
    agency = AgencyFactory(name="Grassroots Pantry")
    AgencyMembershipFactory(agency=agency, user=agency_user)
    page = ResourcePageFactory(parent=directory, agency=agency, title="Weekly pantry", phone="410-555-0100")
    OpeningHoursFactory(program=page, weekday=0)
    page.save_revision().publish()
    return ResourcePage.objects.get(pk=page.pk)


def test_agency_sees_its_programs(agency_client, program):
    response = agency_client.get("/partners/listings/")
    assert response.status_code == 200
    assert "Weekly pantry" in response.content.decode()


def test_a_proposal_waits_for_staff_and_the_public_page_is_unchanged(agency_client, program, client):
    response = agency_client.post(f"/partners/listings/{program.pk}/", CHANGE)
    assert response.status_code == 302
    program.refresh_from_db()
    assert program.phone == "410-555-0100"
    assert WorkflowState.objects.active().for_instance(program).exists()
    assert "410-555-0199" not in client.get(program.url).content.decode()


def test_staff_approval_publishes_the_change_and_counts_as_a_check(agency_client, program, staff):
    agency_client.post(f"/partners/listings/{program.pk}/", CHANGE)
    state = WorkflowState.objects.active().for_instance(program).get()
    state.current_task_state.task.specific.on_action(state.current_task_state, staff, "approve")
    program = ResourcePage.objects.get(pk=program.pk)
    assert program.phone == "410-555-0199"
    assert [(hours.weekday, hours.opens) for hours in program.hours.all()] == [(1, datetime.time(10))]
    check = ListingCheck.objects.get(program=program)
    assert (check.kind, check.checked_by) == (ListingCheck.Kind.CHANGE_APPROVED, staff)
    assert program.last_verified == check.checked_on


def test_staff_send_back_with_a_comment_the_agency_reads(agency_client, program, staff):
    agency_client.post(f"/partners/listings/{program.pk}/", CHANGE)
    state = WorkflowState.objects.active().for_instance(program).get()
    state.current_task_state.task.specific.on_action(
        state.current_task_state, staff, "reject", comment="Which building?"
    )
    assert "Which building?" in agency_client.get("/partners/listings/").content.decode()
    assert ResourcePage.objects.get(pk=program.pk).phone == "410-555-0100"


def test_all_still_correct_sets_the_date_in_one_step(agency_client, agency_user, program):
    response = agency_client.post(f"/partners/listings/{program.pk}/confirm/")
    assert response.status_code == 302
    check = ListingCheck.objects.get(program=program)
    assert (check.kind, check.checked_by) == (ListingCheck.Kind.AGENCY_CONFIRMED, agency_user)
    assert ResourcePage.objects.get(pk=program.pk).last_verified == check.checked_on


def test_publishing_an_older_revision_keeps_the_latest_check(agency_client, program):
    agency_client.post(f"/partners/listings/{program.pk}/confirm/")
    checked_on = ResourcePage.objects.get(pk=program.pk).last_verified
    program.save_revision().publish()  # the in-memory page still has the old date
    assert ResourcePage.objects.get(pk=program.pk).last_verified == checked_on


def test_bad_hours_are_refused_and_nothing_is_proposed(agency_client, program):
    bad = {**CHANGE, "hours-0-closes": "09:00"}
    response = agency_client.post(f"/partners/listings/{program.pk}/", bad)
    assert response.status_code == 200
    assert "Closing time must be after opening time." in response.content.decode()
    assert not WorkflowState.objects.for_instance(program).exists()


def test_another_agencys_program_is_404(agency_client, directory, program):
    other = ResourcePageFactory(parent=directory, agency=AgencyFactory())
    assert agency_client.get(f"/partners/listings/{other.pk}/").status_code == 404
    assert agency_client.post(f"/partners/listings/{other.pk}/", CHANGE).status_code == 404
    assert agency_client.post(f"/partners/listings/{other.pk}/confirm/").status_code == 404
    assert not ListingCheck.objects.exists()


def test_people_without_an_agency_get_403(family_client, program):
    assert family_client.get("/partners/listings/").status_code == 403
    assert family_client.post(f"/partners/listings/{program.pk}/confirm/").status_code == 403


def test_visitors_sign_in_first(client, program):
    assert client.get(f"/partners/listings/{program.pk}/")["Location"].startswith("/accounts/login/")


def test_the_workflow_is_approved_by_staff(program):
    task = listings.listing_workflow().tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Staff"]
