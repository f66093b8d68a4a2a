"""The registrations export never hands staff a live formula a family or sponsor typed (issue 16)."""

import pytest

from holiday_drive.models import Registration
from tests.holiday_drive.factories import (
    AdoptionFactory,
    ReferralCodeFactory,
    RegisteredChildFactory,
    RegistrationFactory,
    SponsorFactory,
)
from tests.spreadsheet_checks import HYPERLINK, SUM, assert_csv_is_safe, assert_xlsx_is_safe

pytestmark = pytest.mark.django_db

URL = "/admin/holiday-drive/registrations/export/"


@pytest.fixture
def booby_trapped(campaign):
    """A family whose child wishes for a formula in a formula size, sponsored and referred by formulas."""
    registration = RegistrationFactory(
        campaign=campaign,
        status=Registration.Status.SPONSORED,
        referral_code=ReferralCodeFactory(campaign=campaign, issued_to="+1+1"),
    )
    RegisteredChildFactory(registration=registration, age=9, wish_1=HYPERLINK, size_top=SUM, size_shoes="-1+1")
    AdoptionFactory(sponsor=SponsorFactory(campaign=campaign, name="@SUM(A1:A2)"), registration=registration)
    return registration


def test_the_csv_writes_each_typed_formula_as_text(staff_client, booby_trapped):
    response = staff_client.get(URL, {"format": "csv"})
    assert_csv_is_safe(response, HYPERLINK, SUM, "-1+1", "+1+1", "@SUM(A1:A2)")


def test_the_xlsx_has_no_formula_cell_and_keeps_numbers(staff_client, booby_trapped):
    cells = assert_xlsx_is_safe(staff_client.get(URL, {"format": "xlsx"}), HYPERLINK, SUM, "-1+1", "@SUM(A1:A2)")
    assert "9" in {cell.value for cell in cells}  # the age, as import-export renders numbers
