"""An agency proposes its program's description (plain paragraphs) and temporary closures; staff approve them."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import WorkflowState
from wagtail.rich_text import RichText

from resources.models import ResourcePage
from tests.resources.factories import AgencyFactory, AgencyMembershipFactory, ClosureFactory, ResourcePageFactory

TODAY = timezone.localdate()
SOON, LATER = TODAY + datetime.timedelta(days=10), TODAY + datetime.timedelta(days=12)
FORMATTED = [
    ("heading", {"text": "What to expect", "level": "h2"}),
    ("paragraph", RichText('<p data-block-key="a">Bring a <b>bag</b> &amp; your ID.</p>')),
    ("list", {"items": ["Rice", "Beans"], "numbered": False}),
]


@pytest.fixture
def program(directory, agency_user):
    agency = AgencyFactory(name="Grassroots Pantry")
    AgencyMembershipFactory(agency=agency, user=agency_user)
    page = ResourcePageFactory(parent=directory, agency=agency, title="Weekly pantry", description=FORMATTED)
    page.save_revision().publish()
    return ResourcePage.objects.get(pk=page.pk)


def proposal(program, description=None, closures=(), **fields):
    """What the change form posts: the program's details as they are, plus `closures` rows and `fields`."""
    data = {
        "summary": program.summary,
        "description": "What to expect\r\n\r\nBring a bag & your ID.\r\n\r\nRice\r\nBeans"
        if description is None
        else description,
        "service_area": "county",
        "service_area_county": "Howard County",
        "status": "active",
        "hours-TOTAL_FORMS": "0",
        "hours-INITIAL_FORMS": "0",
        "closures-TOTAL_FORMS": str(len(closures)),
        "closures-INITIAL_FORMS": "0",
    }
    for number, row in enumerate(closures):
        data.update({f"closures-{number}-{name}": value for name, value in row.items()})
    return data | fields


def approve(program, staff):
    state = WorkflowState.objects.active().for_instance(program).get()
    state.current_task_state.task.specific.on_action(state.current_task_state, staff, "approve")
    return ResourcePage.objects.get(pk=program.pk)


def test_the_form_shows_the_description_as_plain_paragraphs(agency_client, program):
    html = agency_client.get(f"/partners/listings/{program.pk}/").text
    assert '<label for="id_description">Description</label>' in html
    assert "What to expect\n\nBring a bag &amp; your ID.\n\nRice\nBeans</textarea>" in html


def test_an_unchanged_description_keeps_the_office_formatting(agency_client, program, staff):
    agency_client.post(f"/partners/listings/{program.pk}/", proposal(program, phone="410-555-0199"))
    program = approve(program, staff)
    assert program.phone == "410-555-0199"
    assert [block.block_type for block in program.description] == ["heading", "paragraph", "list"]


def test_a_changed_description_becomes_paragraphs_families_read(agency_client, client, program, staff):
    text = "We give food.\r\n\r\nCome <early>\r\nand bring a bag."
    agency_client.post(f"/partners/listings/{program.pk}/", proposal(program, description=text))
    program = approve(program, staff)
    assert [block.block_type for block in program.description] == ["paragraph", "paragraph"]
    html = Client().get(program.url).text
    assert "Come &lt;early&gt;<br/>and bring a bag." in html
    assert "What to expect" not in html


def test_a_description_too_long_is_refused(agency_client, program):
    response = agency_client.post(f"/partners/listings/{program.pk}/", proposal(program, description="a" * 5001))
    assert "Ensure this value has at most 5000 characters" in response.text
    assert not WorkflowState.objects.for_instance(program).exists()


def test_an_approved_closure_shows_on_the_public_page(agency_client, program, staff):
    row = {"starts_on": SOON.isoformat(), "ends_on": LATER.isoformat(), "reason": "Staff training"}
    agency_client.post(f"/partners/listings/{program.pk}/", proposal(program, closures=[row]))
    assert "Staff training" not in Client().get(program.url).text  # waits for the office
    program = approve(program, staff)
    assert [(c.starts_on, c.ends_on, c.reason) for c in program.closures.all()] == [(SOON, LATER, "Staff training")]
    assert "Upcoming closures" in Client().get(program.url).text
    assert "Staff training" in Client().get(program.url).text


def test_staff_see_the_proposed_closure_in_the_comparison(agency_client, program, staff):
    row = {"starts_on": SOON.isoformat(), "reason": "Building repairs"}
    agency_client.post(f"/partners/listings/{program.pk}/", proposal(program, closures=[row]))
    revision = ResourcePage.objects.get(pk=program.pk).latest_revision
    staff_client = Client()
    staff_client.force_login(staff)
    html = staff_client.get(f"/admin/pages/{program.pk}/revisions/compare/live...{revision.pk}/").text
    assert "Temporary closures" in html and "Building repairs" in html


def test_a_one_day_closure_needs_only_its_first_day(agency_client, program, staff):
    agency_client.post(f"/partners/listings/{program.pk}/", proposal(program, closures=[{"starts_on": SOON}]))
    assert [(c.starts_on, c.ends_on) for c in approve(program, staff).closures.all()] == [(SOON, SOON)]


@pytest.mark.parametrize(
    "row, error",
    [
        ({"starts_on": LATER, "ends_on": SOON}, "The last day must not be before the first."),
        ({"ends_on": SOON, "reason": "Holiday"}, "Give the first day closed, or leave the whole row empty."),
        ({"starts_on": TODAY - datetime.timedelta(days=3)}, "This closure has already ended: leave the row empty."),
        ({"starts_on": "next tuesday"}, "Enter a valid date."),
    ],
)
def test_a_bad_closure_is_refused_and_nothing_is_proposed(agency_client, program, row, error):
    response = agency_client.post(f"/partners/listings/{program.pk}/", proposal(program, closures=[row]))
    assert response.status_code == 200
    assert error in response.text and "Please fix the following" in response.text
    assert not WorkflowState.objects.for_instance(program).exists()


def test_too_many_closure_rows_are_refused(agency_client, program):
    rows = [{"starts_on": SOON + datetime.timedelta(days=number)} for number in range(21)]
    response = agency_client.post(f"/partners/listings/{program.pk}/", proposal(program, closures=rows))
    assert "Please submit at most 20 forms." in response.text
    assert not WorkflowState.objects.for_instance(program).exists()


def test_ended_closures_are_kept_but_not_offered_for_editing(agency_client, program, staff):
    ClosureFactory(
        program=program,
        starts_on=TODAY - datetime.timedelta(days=40),
        ends_on=TODAY - datetime.timedelta(days=39),
        reason="Old repairs",
    )
    assert "Old repairs" not in agency_client.get(f"/partners/listings/{program.pk}/").text
    agency_client.post(f"/partners/listings/{program.pk}/", proposal(program, closures=[{"starts_on": SOON}]))
    assert sorted(c.reason for c in approve(program, staff).closures.all()) == ["", "Old repairs"]


def test_people_without_an_agency_cannot_propose_closures(family_client, program):
    response = family_client.post(
        f"/partners/listings/{program.pk}/", proposal(program, closures=[{"starts_on": SOON}])
    )
    assert response.status_code == 403
    assert not WorkflowState.objects.for_instance(program).exists()


def test_an_emptied_closure_row_removes_the_closure(agency_client, program, staff):
    ClosureFactory(program=program, starts_on=SOON, ends_on=LATER, reason="Winter break")
    assert 'value="Winter break"' in agency_client.get(f"/partners/listings/{program.pk}/").text
    emptied = proposal(program, closures=[{"starts_on": "", "ends_on": "", "reason": ""}])
    agency_client.post(f"/partners/listings/{program.pk}/", emptied | {"closures-INITIAL_FORMS": "1"})
    assert not approve(program, staff).closures.exists()
