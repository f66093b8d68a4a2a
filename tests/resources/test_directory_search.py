import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from resources.directory import DirectorySearch
from resources.geo import zip_centroid
from resources.models import ResourcePage, ServiceCategory
from tests.resources.factories import AgencyFactory, ClosureFactory, OpeningHoursFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db
ORIGIN = zip_centroid("21044")
MILES_PER_DEGREE_LATITUDE = 69.05
MONDAY_10_AM = datetime.datetime(2026, 11, 30, 10, 0, tzinfo=ZoneInfo("America/New_York"))


def search(directory, query="", now=None):
    return DirectorySearch(directory, QueryDict(query), now=now).run()


def titles(result):
    return [program.title for program in result.page.object_list]


def program_north(directory, title, miles):
    return ResourcePageFactory(
        parent=directory, title=title, latitude=ORIGIN[0] + miles / MILES_PER_DEGREE_LATITUDE, longitude=ORIGIN[1]
    )


def test_words_find_programs_by_summary_agency_and_category(directory):
    ResourcePageFactory(parent=directory, title="Warm Kids", summary="Winter coats for children")
    ResourcePageFactory(parent=directory, title="Smiles", agency=AgencyFactory(name="Bright Dental Clinic"))
    ResourcePageFactory(parent=directory, title="Pantry", categories=[ServiceCategory.objects.get(slug="food")])
    ResourcePageFactory(parent=directory, title="Unrelated", summary="Bus passes")
    assert titles(search(directory, "q=coats")) == ["Warm Kids"]
    assert titles(search(directory, "q=Bright")) == ["Smiles"]
    assert titles(search(directory, "q=Food")) == ["Pantry"]


def test_a_top_level_category_includes_its_subcategories(directory):
    ResourcePageFactory(parent=directory, title="Glasses", categories=[ServiceCategory.objects.get(slug="vision")])
    ResourcePageFactory(parent=directory, title="Coats", categories=[ServiceCategory.objects.get(slug="coats")])
    assert titles(search(directory, "category=medical")) == ["Glasses"]
    assert titles(search(directory, "category=vision&category=clothing")) == ["Coats", "Glasses"]


def test_near_a_zip_sorts_by_distance_and_leaves_out_the_far_ones(directory):
    program_north(directory, "Eight miles", 8)
    program_north(directory, "Three miles", 3)
    program_north(directory, "Thirty miles", 30)
    result = search(directory, "near=21044&radius=10")
    assert titles(result) == ["Three miles", "Eight miles"]
    assert [round(program.distance, 1) for program in result.page.object_list] == [3.0, 8.0]


def test_words_and_distance_combine(directory):
    program_north(directory, "Near coats", 2)
    ResourcePageFactory(
        parent=directory, title="Far coats", summary="coats", latitude=ORIGIN[0] + 1, longitude=ORIGIN[1]
    )
    program_north(directory, "Near food", 1)
    result = search(directory, "q=coats&near=21044")
    assert titles(result) == ["Near coats"]


def _monday_programs(directory):
    """Four programs on Monday at 10: open, closed for the day, paused, and opening only at 13:00."""
    for title in ("Open", "Closed today", "Paused", "Afternoons"):
        program = ResourcePageFactory(
            parent=directory, title=title, status="temporarily_closed" if title == "Paused" else "active"
        )
        OpeningHoursFactory(
            program=program, weekday=0, opens=datetime.time(13) if title == "Afternoons" else datetime.time(9)
        )
    ClosureFactory(
        program=directory.get_children().get(title="Closed today").specific,
        starts_on=MONDAY_10_AM.date(),
        ends_on=MONDAY_10_AM.date(),
    )


def test_open_now_uses_hours_closures_and_status(directory):
    _monday_programs(directory)
    assert titles(search(directory, "open_now=on", now=MONDAY_10_AM)) == ["Open"]


def test_free_and_language_filters(directory, django_db_setup):
    from resources.models import Language

    spanish = Language.objects.get(code="es")
    ResourcePageFactory(parent=directory, title="Free in Spanish", is_free=True, languages=[spanish])
    ResourcePageFactory(parent=directory, title="Paid in Spanish", languages=[spanish])
    ResourcePageFactory(parent=directory, title="Free in English", is_free=True)
    assert titles(search(directory, "free=on&language=es")) == ["Free in Spanish"]


def test_twenty_results_a_page(directory):
    for number in range(25):
        ResourcePageFactory(parent=directory, title=f"Program {number:02}")
    assert len(search(directory).page.object_list) == 20
    assert titles(search(directory, "page=2")) == [f"Program {number}" for number in range(20, 25)]


def _search_queries(client, url):
    """Queries of `url` at its first visit (no card cached), then at the next (all cached)."""
    client.get("/connection-center/?q=nothingmatchesthis")  # warm the site root and the lists: no card shown
    counts = []
    for _visit in range(2):
        with CaptureQueriesContext(connection) as queries:
            text = client.get(url).text
        counts.append(len(queries))
    return text, counts


def test_the_page_runs_the_same_queries_for_one_result_as_for_twenty(client, directory):
    food = ServiceCategory.objects.get(slug="food")
    ResourcePageFactory(parent=directory, title="Only one", categories=[food])
    text, one = _search_queries(client, "/connection-center/?category=food&q=families&near=21044")
    assert "1 program" in text
    for number in range(24):
        OpeningHoursFactory(program=ResourcePageFactory(parent=directory, title=f"More {number}", categories=[food]))
    text, twenty = _search_queries(client, "/connection-center/?category=food&q=families&near=21044")
    assert "25 programs" in text
    assert twenty == one
    assert one[1] == one[0] - 2  # cached cards load no program nor its categories


def test_each_kind_of_search_returns_its_first_page_in_its_own_order(directory):
    """Words: Wagtail's own ranked order (best first, ties newest first); near a ZIP: nearest first,
    the words only narrowing; a category: by title."""
    food = ServiceCategory.objects.get(slug="food")
    coats = ServiceCategory.objects.get(slug="coats")
    for miles, title, summary, category in (
        (4, "Coats closet", "Warm clothes for children", coats),
        (1, "Corner pantry", "Coats and groceries", food),
        (3, "Food bank", "Coats for the winter", food),
        (2, "Bus passes", "Rides to school", coats),
        (30, "Far coats", "Coats far away", coats),
    ):
        program = program_north(directory, title, miles)
        program.summary = summary
        program.save()
        program.categories.set([category])
        program.save()
    # The order of Wagtail's own ranked search, which the directory reads from the index more cheaply.
    wagtail_order = [program.title for program in ResourcePage.objects.live().search("coats")]
    assert len(wagtail_order) == 5  # "Bus passes" too: its kind of help is called Coats
    assert titles(search(directory, "q=coats")) == wagtail_order
    assert titles(search(directory, "near=21044&radius=10")) == [
        "Corner pantry",
        "Bus passes",
        "Food bank",
        "Coats closet",
    ]
    assert titles(search(directory, "q=coats&near=21044&radius=10")) == [
        "Corner pantry",
        "Bus passes",
        "Food bank",
        "Coats closet",
    ]
    assert titles(search(directory, "q=coats&category=food&near=21044")) == ["Corner pantry", "Food bank"]
    assert titles(search(directory, "category=clothing")) == ["Bus passes", "Coats closet", "Far coats"]


def test_a_result_says_open_now_by_its_hours_closures_and_status(directory):
    _monday_programs(directory)
    result = search(directory, now=MONDAY_10_AM)
    assert {program.title: program.open_now for program in result.page.object_list} == {
        "Afternoons": False,
        "Closed today": False,
        "Open": True,
        "Paused": False,
    }


def test_a_new_subcategory_counts_for_its_kind_of_help_at_once(directory):
    assert titles(search(directory, "category=clothing")) == []  # the category list is now cached
    gloves = ServiceCategory.objects.create(
        slug="gloves", name="Gloves", parent=ServiceCategory.objects.get(slug="clothing")
    )
    ResourcePageFactory(parent=directory, title="Warm hands", categories=[gloves])
    assert titles(search(directory, "category=clothing")) == ["Warm hands"]
