"""The printable annual summary hides every count below 10, so a board packet cannot identify a family."""

import pytest
from django.conf import settings

from portal.annual_summary import FEWER_THAN, annual_summary, suppressed_rows
from tests.aid_requests.report_data import at, made

pytestmark = pytest.mark.django_db


def test_small_counts_read_fewer_than_10_and_a_lone_one_takes_the_next_smallest_with_it():
    assert suppressed_rows([("Clothing", 12), ("Dental care", 3)]) == [
        ("Clothing", FEWER_THAN),
        ("Dental care", FEWER_THAN),
    ]
    assert suppressed_rows([("Clothing", 30), ("Food", 11), ("Dental care", 2), ("Vision care", 0)]) == [
        ("Clothing", 30),
        ("Food", 11),
        ("Dental care", FEWER_THAN),
        ("Vision care", FEWER_THAN),
    ]
    assert suppressed_rows([("Clothing", 10), ("Food", 25)]) == [("Clothing", 10), ("Food", 25)]


def test_a_year_with_ten_clothing_requests_and_two_dental_ones():
    for day in range(1, 11):
        made("clothing", at(2025, 9, day), status="fulfilled")
    made("dental", at(2025, 10, 1))
    made("dental", at(2025, 10, 2))
    made("food", at(2025, 10, 3))
    summary = annual_summary(2025)
    headlines = dict(summary.headlines)
    assert headlines["Requests received"] == 13
    assert headlines["Families helped"] == 10
    assert headlines["Holiday families registered"] == FEWER_THAN
    assert summary.by_kind == [("Clothing", 10), ("Dental care", FEWER_THAN), ("Food", FEWER_THAN)]


def test_the_page_prints_no_small_number_and_draws_only_publishable_bars(staff_client):
    for day in range(1, 11):
        made("clothing", at(2025, 9, day))
    made("dental", at(2025, 10, 1))
    made("food", at(2025, 10, 3))
    html = staff_client.get("/admin/reports/annual-summary/?school_year=2025").text
    assert "The year in figures, 2025–26" in html
    assert html.count(FEWER_THAN) >= 4
    assert '<svg role="img"' in html and "Dental care</text>" not in html.split("<table", 1)[0]
    assert "css/annual_summary" in html  # its print rules, in a file: the site's policy allows no inline style
    assert "@media print" in (settings.BASE_DIR / "static" / "css" / "annual_summary.css").read_text()


def test_an_empty_year_shows_no_count_at_all(staff_client):
    html = staff_client.get("/admin/reports/annual-summary/?school_year=2019").text
    assert "No requests this school year." in html and "<svg" not in html


def test_a_partner_agency_user_is_refused(agency_client):
    assert agency_client.get("/admin/reports/annual-summary/").status_code == 403
