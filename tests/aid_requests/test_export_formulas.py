"""The request queue's export and the partners report never hand staff a live formula (issue 16)."""

from decimal import Decimal

import pytest

from aid_requests.models import AidRequest
from tests.aid_requests.factories import AidRequestFactory, HouseholdFactory
from tests.resources.factories import PartnerAgencyFactory
from tests.spreadsheet_checks import HYPERLINK, assert_csv_is_safe, assert_xlsx_is_safe, csv_cells

pytestmark = pytest.mark.django_db

URL = "/admin/requests/export/"


@pytest.fixture
def school_formula():
    """A family that typed a formula as its school, with an amount already secured."""
    aid_request = AidRequestFactory(household=HouseholdFactory(schools=HYPERLINK))
    AidRequest.objects.filter(pk=aid_request.pk).update(amount_secured=Decimal("125.50"))
    return aid_request


def test_the_csv_writes_the_school_as_text(staff_client, school_formula):
    cells = assert_csv_is_safe(staff_client.get(URL, {"format": "csv"}), HYPERLINK)
    assert "125.50" in cells


def test_the_xlsx_writes_the_school_in_a_text_cell(staff_client, school_formula):
    assert_xlsx_is_safe(staff_client.get(URL, {"format": "xlsx"}), HYPERLINK)


def test_an_unknown_format_gets_the_safe_csv(staff_client, school_formula):
    assert "'" + HYPERLINK in csv_cells(staff_client.get(URL, {"format": "html"}))


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_the_partners_report_writes_an_agency_name_as_text(staff_client, export):
    PartnerAgencyFactory(name="=1+1")
    response = staff_client.get("/admin/reports/partners/", {"export": export})
    (assert_csv_is_safe if export == "csv" else assert_xlsx_is_safe)(response, "=1+1")
