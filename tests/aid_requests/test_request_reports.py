"""Request reports: figures checked against hand-built requests, and the pages only staff open."""

import pytest

from aid_requests.dollars_secured import dollars_by_kind_and_month
from aid_requests.report_filters import requests_in
from aid_requests.request_outcomes import by_outcome, decline_reasons
from aid_requests.request_speed import speed_by_kind, speed_by_month
from aid_requests.request_volume import by_kind_and_month, by_language, by_school
from resources.models import ServiceCategory
from tests.aid_requests.report_data import at, made, two_kinds_over_two_months

pytestmark = pytest.mark.django_db
EVERYTHING = {}


def test_requests_by_kind_and_month_fill_the_months_between():
    two_kinds_over_two_months()
    table = by_kind_and_month(requests_in(EVERYTHING))
    assert table.columns == ["Month", "Clothing", "Dental care"]
    assert table.rows == [["2025-09", 2, 0], ["2025-10", 0, 1]]


def test_requests_by_school_and_language():
    two_kinds_over_two_months()
    assert by_school(requests_in(EVERYTHING)).rows == [["Bryant Woods Elementary", 2], ["Wilde Lake High", 1]]
    assert by_language(requests_in(EVERYTHING)).rows == [["English", 3]]


def test_speed_is_median_and_90th_percentile_by_nearest_rank():
    two_kinds_over_two_months()
    rows = speed_by_kind(requests_in(EVERYTHING)).rows
    assert rows == [
        ["Clothing", 2.0, 3.0, 5.0, 10.0, 50.0, 50.0],
        ["Dental care", 1.0, 1.0, None, None, None, None],
    ]
    assert [row[0] for row in speed_by_month(requests_in(EVERYTHING)).rows] == ["2025-09", "2025-10"]


def test_the_nearest_rank_holds_for_every_group_size_from_1_to_11():
    """Month m has m requests, first offered after m, m - 1, ... 1 hours (so not in the order made); the nearest
    rank is the ceil(p × m / 100)th fastest: on PostgreSQL percentile_disc, elsewhere numbered rows."""
    for month in range(1, 12):
        for day in range(1, month + 1):
            made("clothing", at(2025, month, day), offer_after=month + 1 - day)
    rows = speed_by_month(requests_in(EVERYTHING)).rows
    nearest = [(month * 50 + 99) // 100 for month in range(1, 12)], [(month * 90 + 99) // 100 for month in range(1, 12)]
    assert [row[1:3] for row in rows] == [[float(p50), float(p90)] for p50, p90 in zip(*nearest, strict=True)]


def test_one_request_is_its_own_median_and_90th_percentile():
    made("vision", at(2025, 11, 3), offer_after=6)
    assert speed_by_kind(requests_in(EVERYTHING)).rows == [["Vision care", 6.0, 6.0, None, None, None, None]]


def test_two_kinds_of_the_same_name_are_one_row_of_speed():
    two_kinds_over_two_months()
    rows = speed_by_kind(requests_in(EVERYTHING)).rows
    ServiceCategory.objects.filter(slug="hearing").update(name="Clothing")  # no request of this kind yet
    assert speed_by_kind(requests_in(EVERYTHING)).rows == rows
    made("hearing", at(2025, 9, 3), offer_after=100)
    [clothing, dental] = speed_by_kind(requests_in(EVERYTHING)).rows
    assert (clothing[0], dental[0]) == ("Clothing", "Dental care")
    assert clothing[2] == 100.0  # the 90th percentile of the first offer: the hearing request's, among clothing's


def test_outcomes_and_the_reasons_agencies_gave():
    two_kinds_over_two_months()
    assert by_outcome(requests_in(EVERYTHING)).rows == [["Help given", 1], ["Still open", 2]]
    assert decline_reasons(requests_in(EVERYTHING)).rows == [["No winter coats in that size", 1]]


def test_dollars_secured_count_only_medical_kinds():
    two_kinds_over_two_months()
    table = dollars_by_kind_and_month(requests_in(EVERYTHING))
    assert table.columns == ["Month", "Dental care"] and table.rows == [["2025-10", 120]]


def test_a_school_year_and_a_date_range_narrow_the_figures():
    two_kinds_over_two_months()
    made("clothing", at(2024, 12, 1))
    assert by_kind_and_month(requests_in({"school_year": 2024})).rows == [["2024-12", 1]]
    october = requests_in({"school_year": 2025, "start": at(2025, 10, 1).date(), "end": at(2025, 10, 5).date()})
    assert by_kind_and_month(october).rows == [["2025-10", 1]]


@pytest.mark.parametrize(
    "table", [by_kind_and_month, by_school, speed_by_kind, speed_by_month, by_outcome, dollars_by_kind_and_month]
)
def test_an_empty_range_and_a_kind_with_no_data_give_empty_tables(table):
    two_kinds_over_two_months()
    assert table(requests_in({"start": at(2030, 1, 1).date()})).rows == []
    assert table(requests_in({"kind": ServiceCategory.objects.get(slug="hearing")})).rows == []
