"""An agency proposes new details for itself; staff compare them side by side and approve or send them back."""

import pytest
from django.test import Client

from resources.agency_changes import PROPOSED_AGENCY_FIELDS
from resources.models import Agency, AgencyChange
from tests.resources.factories import AgencyFactory, AgencyMembershipFactory

CHANGES = {"description": "We hand out food.", "phone": "410-555-0199"}


def form(agency):
    return {**{name: getattr(agency, name) for name in PROPOSED_AGENCY_FIELDS}, **CHANGES}


@pytest.fixture
def office(staff):
    client = Client()  # its own browser: the agency user stays signed in on the other
    client.force_login(staff)
    return client


@pytest.fixture
def agency(db, agency_user):
    agency = AgencyFactory(name="Grassroots", description="Food.", phone="410-555-0100")
    AgencyMembershipFactory(agency=agency, user=agency_user)
    return agency


def test_a_proposal_waits_and_the_agency_is_unchanged(agency_client, agency):
    response = agency_client.post(f"/partners/listings/agency/{agency.slug}/", form(agency))
    assert response.status_code == 302
    change = AgencyChange.objects.get()
    assert change.changes == CHANGES
    assert Agency.objects.get(pk=agency.pk).phone == "410-555-0100"


def test_staff_see_both_versions_and_approve(agency_client, office, staff, agency):
    agency_client.post(f"/partners/listings/agency/{agency.slug}/", form(agency))
    html = office.get("/admin/directory/agency-changes/").text
    assert "410-555-0100" in html and "410-555-0199" in html
    change = AgencyChange.objects.get()
    office.post(f"/admin/directory/agency-changes/{change.pk}/decide/", {"decision": "approve"})
    assert Agency.objects.get(pk=agency.pk).phone == "410-555-0199"
    change.refresh_from_db()
    assert (change.status, change.decided_by) == ("approved", staff) and change.decided_at


def test_sending_back_needs_a_comment_the_agency_reads(agency_client, office, agency):
    agency_client.post(f"/partners/listings/agency/{agency.slug}/", form(agency))
    change = AgencyChange.objects.get()
    url = f"/admin/directory/agency-changes/{change.pk}/decide/"
    office.post(url, {"decision": "send_back"})
    assert AgencyChange.objects.get().status == "pending"
    office.post(url, {"decision": "send_back", "comment": "Which phone line?"})
    assert AgencyChange.objects.get().status == "sent_back"
    assert "Which phone line?" in agency_client.get(f"/partners/listings/agency/{agency.slug}/").text
    assert Agency.objects.get(pk=agency.pk).phone == "410-555-0100"


def test_another_agency_is_404_and_agencies_cannot_decide(agency_client, agency):
    other = AgencyFactory()
    assert agency_client.post(f"/partners/listings/agency/{other.slug}/", form(other)).status_code == 404
    agency_client.post(f"/partners/listings/agency/{agency.slug}/", form(agency))
    change = AgencyChange.objects.get()
    agency_client.post(f"/admin/directory/agency-changes/{change.pk}/decide/", {"decision": "approve"})
    assert AgencyChange.objects.get().status == "pending"
