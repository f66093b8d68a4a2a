"""Families report what is wrong with a program, with no account; staff resolve reports and may forward them."""

import pytest
from django.core import mail
from django.test import override_settings

from resources.models import ProblemReport
from tests.factories import AgencyUserFactory
from tests.resources.factories import AgencyFactory, AgencyMembershipFactory, ResourcePageFactory


@pytest.fixture
def program(directory):
    return ResourcePageFactory(parent=directory, title="Weekly pantry", agency=AgencyFactory(name="Grassroots"))


def test_the_program_page_offers_the_form_without_an_account(client, program):
    html = client.get(program.url).text
    assert "Something wrong?" in html
    assert f'action="/listings/{program.pk}/report/"' in html


def test_a_family_reports_a_wrong_phone(client, program):
    response = client.post(f"/listings/{program.pk}/report/", {"reason": "phone", "note": "It rings forever"})
    assert response.status_code == 302 and response["Location"] == program.url
    report = ProblemReport.objects.get()
    assert (report.program_id, report.reason, report.note, report.resolved_at) == (
        program.pk,
        "phone",
        "It rings forever",
        None,
    )


def test_a_report_without_a_reason_is_refused_and_saves_nothing(client, program):
    response = client.post(f"/listings/{program.pk}/report/", {"note": "x" * 600})
    assert response.status_code == 400
    assert "Choose what is wrong." in response.text
    assert not ProblemReport.objects.exists()


def test_an_unknown_program_is_404(client, program):
    assert client.post("/listings/999999/report/", {"reason": "phone"}).status_code == 404


@override_settings(PROBLEM_REPORTS_PER_HOUR=2)
def test_reports_are_rate_limited(client, program):
    for _attempt in range(2):
        client.post(f"/listings/{program.pk}/report/", {"reason": "closed"})
    response = client.post(f"/listings/{program.pk}/report/", {"reason": "closed"})
    assert response.status_code == 429
    assert ProblemReport.objects.count() == 2


def test_staff_see_the_queue_and_resolve_a_report(staff_client, staff, program):
    report = ProblemReport.objects.create(program=program, reason="phone")
    assert "Weekly pantry" in staff_client.get("/admin/directory/reports/").text
    staff_client.post(f"/admin/directory/reports/{report.pk}/resolve/")
    report.refresh_from_db()
    assert report.resolved_by == staff and report.resolved_at and not report.forwarded_at
    assert not mail.outbox


def test_forwarding_emails_the_agency_in_its_language(staff_client, program):
    AgencyMembershipFactory(agency=program.agency, user=AgencyUserFactory(email="es@example.org", language="es"))
    report = ProblemReport.objects.create(program=program, reason="phone", note="No contesta")
    staff_client.post(f"/admin/directory/reports/{report.pk}/resolve/", {"forward": "1"})
    assert [email.to for email in mail.outbox] == [["es@example.org"]]
    assert "No contesta" in mail.outbox[0].body and "Weekly pantry" not in mail.outbox[0].subject
    assert ProblemReport.objects.get().forwarded_at


def test_agencies_and_families_cannot_open_the_queue(agency_client, program):
    report = ProblemReport.objects.create(program=program, reason="phone")
    assert agency_client.get("/admin/directory/reports/").status_code in (302, 403)
    agency_client.post(f"/admin/directory/reports/{report.pk}/resolve/")
    assert ProblemReport.objects.get().resolved_at is None
