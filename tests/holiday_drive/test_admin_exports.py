"""Registrations as CSV and XLSX: one row per child, the list's filters, nothing private."""

import csv
import io

import openpyxl
import pytest

from holiday_drive.models import Registration
from tests.holiday_drive.factories import (
    AdoptionFactory,
    PickupSlotFactory,
    RegisteredChildFactory,
    RegistrationFactory,
    SponsorFactory,
)

pytestmark = pytest.mark.django_db

URL = "/admin/holiday-drive/registrations/export/"
Status = Registration.Status


@pytest.fixture
def family_of_two(campaign):
    """A sponsored family with a pickup time, two children, and a household with every private detail filled in."""
    registration = RegistrationFactory(
        campaign=campaign, status=Status.SPONSORED, pickup_slot=PickupSlotFactory(campaign=campaign)
    )
    household = registration.household
    household.guardian_name, household.street_address = "Maria Lopez", "12 Quiet Lane"
    household.schools = "Bryant Woods"
    household.is_homeless = household.has_free_meals = True
    household.save()
    RegisteredChildFactory(registration=registration, letter="A", first_name="Ana", age=9, size_top="10")
    RegisteredChildFactory(registration=registration, letter="B", first_name="Luis", age=6, size_coat="6")
    AdoptionFactory(sponsor=SponsorFactory(campaign=campaign, name="Main Street Hardware"), registration=registration)
    return registration


def rows(response):
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_the_csv_has_a_row_per_child_with_the_family_columns_repeated(staff_client, family_of_two):
    response = staff_client.get(URL, {"format": "csv"})
    assert response["Content-Type"] == "text/csv"
    children = rows(response)
    number = family_of_two.family_number
    assert [row["child"] for row in children] == [f"{number}-A", f"{number}-B"]
    assert {row["status"] for row in children} == {"Sponsored"}
    assert {row["sponsor"] for row in children} == {"Main Street Hardware"}
    assert [row["children_in_family"] for row in children] == ["2", "2"]
    assert (children[0]["size_top"], children[1]["size_coat"]) == ("10", "6")


def test_the_export_never_holds_names_contact_details_or_private_flags(staff_client, family_of_two):
    text = staff_client.get(URL, {"format": "csv"}).content.decode()
    household = family_of_two.household
    for private in ("Maria", "Ana", "Luis", household.phone, household.email, "Quiet Lane", "Bryant Woods"):
        assert private not in text
    assert "homeless" not in text.lower() and "meals" not in text.lower()


def test_the_export_follows_the_lists_filters_and_search(staff_client, family_of_two, campaign):
    waiting = RegistrationFactory(campaign=campaign, status=Status.WAITLISTED)
    RegisteredChildFactory(registration=waiting)
    exported = {row["family_number"] for row in rows(staff_client.get(URL, {"format": "csv", "status": "waitlisted"}))}
    assert exported == {waiting.family_number}
    exported = {row["family_number"] for row in rows(staff_client.get(URL, {"q": family_of_two.family_number}))}
    assert exported == {family_of_two.family_number}


def test_the_export_comes_as_xlsx_too(staff_client, family_of_two):
    response = staff_client.get(URL, {"format": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    header, *children = list(sheet.values)
    assert header[0] == "family_number" and "child" in header
    tags = [row[header.index("child")] for row in children]
    assert tags == [f"{family_of_two.family_number}-{letter}" for letter in "AB"]


def test_the_list_links_to_exports_with_its_filters(staff_client, family_of_two):
    html = staff_client.get("/admin/holiday-drive/registrations/", {"status": "sponsored"}).text
    assert f"{URL}?format=xlsx&amp;status=sponsored" in html
