"""Retention: households whose last case closed long ago lose what names them; reports keep their figures."""

import datetime
import io
import logging
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from aid_requests import privacy, reports
from aid_requests.models import AidRequest, Child, Household, Offer, StatusEvent
from aid_requests.models.fulfilments import Fulfilment
from aid_requests.models.requests import Status
from portal.calendar_months import months_before
from portal.schedule import JOBS
from tests.aid_requests.factories import AidRequestFactory, HouseholdFactory
from tests.resources.factories import PartnerAgencyFactory

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.now() - timedelta(days=4 * 365)


def a_case(status, *, closed_at=LONG_AGO, **household):
    """A household with one request in `status` since `closed_at`, offered to and answered by a partner."""
    aid_request = AidRequestFactory(
        household=HouseholdFactory(schools="Bryant Woods", **household), details="Ana's asthma"
    )
    aid_request.household.children.update(notes="allergic to wool")
    AidRequest.objects.filter(pk=aid_request.pk).update(
        status=status, status_changed_at=closed_at, amount_secured=Decimal("80.00")
    )
    Household.objects.filter(pk=aid_request.household_id).update(created_at=closed_at - timedelta(days=30))
    offer = Offer.objects.create(
        request=aid_request,
        agency=PartnerAgencyFactory(),
        status="accepted",
        offered_at=closed_at - timedelta(days=9),
        deadline=closed_at,
        answered_at=closed_at - timedelta(days=8),
        decline_reason="",
    )
    StatusEvent.objects.create(
        request=aid_request,
        from_status="accepted",
        to_status=status,
        created_at=closed_at,
        note="Spoke to Maria at 12 Quiet Lane",
    )
    if status == Status.FULFILLED:
        Fulfilment.objects.create(
            request=aid_request, offer=offer, given_on=closed_at.date(), amount=Decimal("42.50"), note="Maria collected"
        )
    return aid_request


def figures():
    """Every figure of the partners report, agency by agency."""
    partners = [
        (
            line.agency.pk,
            line.open_offers,
            line.held,
            line.offers_made,
            line.accepted,
            line.declined,
            line.expired,
            line.median_to_accept,
            line.median_to_fulfil,
        )
        for line in reports.partner_figures()
    ]
    return partners


def test_a_household_closed_long_ago_loses_names_contacts_and_free_text(family):
    aid_request = a_case(Status.FULFILLED, user=family)
    assert privacy.anonymise_due(months=36) == 1
    household = Household.objects.get(pk=aid_request.household_id)
    assert (household.guardian_name, household.phone, household.email, household.street_address) == ("", "", "", "")
    assert (household.is_homeless, household.user, household.anonymised_at is not None) == (False, None, True)
    assert (household.zip_code, household.schools) == ("21044", "Bryant Woods")
    child = Child.objects.get(household=household)
    assert (child.first_name, child.notes, child.age, child.size_top) == ("", "", 9, "10")
    aid_request.refresh_from_db()
    assert (aid_request.details, aid_request.status, aid_request.amount_secured) == (
        "",
        Status.FULFILLED,
        Decimal("80.00"),
    )
    assert StatusEvent.objects.get(request=aid_request, to_status=Status.FULFILLED).note == ""
    assert Fulfilment.objects.get(request=aid_request).note == "" and aid_request.fulfilment.amount == Decimal("42.50")


def test_reports_and_the_queue_export_give_the_same_figures_after(staff_client):
    for status in (Status.FULFILLED, Status.DECLINED, Status.WITHDRAWN, Status.CLOSED):
        a_case(status)
    a_case(Status.ACCEPTED)  # still open: kept
    before = figures(), staff_client.get("/admin/requests/export/", {"format": "csv"}).content
    assert privacy.anonymise_due(months=36) == 4
    assert (figures(), staff_client.get("/admin/requests/export/", {"format": "csv"}).content) == before


def test_a_household_with_an_open_request_is_kept_however_old():
    closed = a_case(Status.FULFILLED)
    AidRequestFactory(household=closed.household)  # a new request, just submitted
    assert privacy.anonymise_due(months=36) == 0
    assert Household.objects.get(pk=closed.household_id).guardian_name == "Maria Lopez"


def test_a_household_closed_within_the_period_is_kept():
    a_case(Status.FULFILLED, closed_at=timezone.now() - timedelta(days=300))
    assert privacy.due(months=6).count() == 1 and privacy.due(months=12).count() == 0


def test_the_command_dry_runs_then_anonymises_once_and_names_no_one(caplog):
    a_case(Status.FULFILLED)
    out = io.StringIO()
    call_command("anonymise_households", "--dry-run", stdout=out)
    assert "Dry run: 1 households" in out.getvalue() and Household.objects.get().guardian_name == "Maria Lopez"
    with caplog.at_level(logging.INFO, logger="aid_requests.privacy"):
        call_command("anonymise_households", stdout=out)
        call_command("anonymise_households", stdout=out)
    assert "Anonymised 1 households" in out.getvalue() and "Anonymised 0 households" in out.getvalue()
    assert "Maria" not in out.getvalue() + caplog.text and "anonymised 1 households" in caplog.text


def test_the_command_refuses_when_retention_is_off(settings):
    settings.RETENTION_MONTHS = 0
    with pytest.raises(Exception, match="Retention is off"):
        call_command("anonymise_households", stdout=io.StringIO())


def test_the_nightly_job_runs_only_when_retention_is_on(settings):
    job = next(job for job in JOBS if job.name == "retention")
    assert job.is_enabled and job.task.name == "anonymise_old_households"
    settings.RETENTION_MONTHS = 0
    assert not job.is_enabled


@pytest.mark.parametrize(
    ("moment", "months", "expected"),
    [((2026, 3, 31), 1, (2026, 2, 28)), ((2026, 1, 15), 36, (2023, 1, 15)), ((2024, 3, 31), 13, (2023, 2, 28))],
)
def test_months_count_on_the_calendar(moment, months, expected):
    at = datetime.datetime(*moment, 12, tzinfo=datetime.UTC)
    assert months_before(at, months) == datetime.datetime(*expected, 12, tzinfo=datetime.UTC)
