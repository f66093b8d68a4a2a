"""The one rule for exported spreadsheets: text a spreadsheet would run as a formula is written as text."""

import pytest
import tablib

from portal import spreadsheets
from tests.factories import StandardPageFactory
from tests.spreadsheet_checks import HYPERLINK, PAYLOADS, assert_csv_is_safe, assert_xlsx_is_safe


@pytest.mark.parametrize("payload", PAYLOADS)
def test_text_starting_a_formula_gets_the_apostrophe_that_marks_text(payload):
    assert spreadsheets.neutralise(payload) == "'" + payload


@pytest.mark.parametrize("value", ["-12.50", "+15", "-1,250.00", "-3", 12, -12.5, None, "", "Bryant Woods", "a=b"])
def test_numbers_and_ordinary_text_stay_as_they_are(value):
    assert spreadsheets.neutralise(value) == value


@pytest.mark.parametrize("value", ["-", "+", "-.", "--1", "-1-1", "+1 410 555 0100"])
def test_signs_that_are_not_a_whole_number_are_text(value):
    assert spreadsheets.neutralise(value) == "'" + value


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_a_file_we_exported_imports_back_as_it_was(file_format):
    typed = [payload for payload in PAYLOADS if "\r" not in payload]  # XML reads a carriage return as a line feed
    dataset = tablib.Dataset(*[(payload, "-12.50") for payload in typed], headers=["school", "amount"])
    content = spreadsheets.export(dataset, file_format)
    read = spreadsheets.FORMATS[file_format]().create_dataset(content if file_format == "xlsx" else content.decode())
    assert [tuple(row) for row in read] == [(payload, "-12.50") for payload in typed]


def test_a_wagtail_report_export_follows_the_rule(staff_client, home):
    """Wagtail's own reports (here: pages not changed for a while) write their CSV through the same rule."""
    StandardPageFactory(parent=home, title=HYPERLINK, slug="evil").save_revision().publish()
    assert_csv_is_safe(staff_client.get("/admin/reports/aging-pages/?export=csv"), HYPERLINK)
    assert_xlsx_is_safe(staff_client.get("/admin/reports/aging-pages/?export=xlsx"), HYPERLINK)
