import re

import pytest
from django.http import QueryDict
from wagtail.models import Page, Revision

from resources.columns import parse_hours
from resources.demo import seed_directory
from resources.demo_data import AGENCIES, PROGRAMS
from resources.directory import DirectorySearch
from resources.geo import zip_centroid
from resources.models import Agency, Closure, OpeningHours, ResourceIndexPage, ResourcePage
from tests.factories import make_home
from tests.module_seed import kept_for_the_module

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def _seeded_once(django_db_setup, django_db_blocker):
    with kept_for_the_module(django_db_blocker):
        seed_directory(make_home())
        yield


@pytest.fixture
def seeded(_seeded_once, db):
    return ResourceIndexPage.objects.get()


def _counts():
    models = (Page, Agency, ResourcePage, OpeningHours, Closure, Revision, ResourcePage.categories.through)
    return [model.objects.count() for model in models]


def _search(index, query=""):
    return DirectorySearch(index, QueryDict(query)).run()


def test_running_it_twice_changes_no_counts(home):
    assert seed_directory(home) == (len(AGENCIES), len(PROGRAMS))
    first = _counts()
    assert seed_directory(home) == (0, 0)
    assert _counts() == first


def test_every_program_is_published_with_a_category_hours_and_coordinates(seeded):
    programs = ResourcePage.objects.child_of(seeded).prefetch_related("categories", "hours")
    assert len(programs) == len(PROGRAMS)
    for program in programs:
        assert program.live and program.live_revision_id, program.title
        assert program.categories.all() and program.hours.all(), program.title
        assert program.has_coordinates, program.title


def test_the_directory_page_lists_the_programs(seeded, client):
    html = client.get("/connection-center/").text
    assert f"{len(PROGRAMS)} programs" in html
    assert "Back-to-School Backpacks" in html  # first by title
    vision = client.get("/connection-center/?category=vision&near=21042").text
    assert "Free Eye Exams and Glasses for Students" in vision and "Replacement Glasses" in vision


def test_the_directory_lists_programs_by_title(seeded):
    titles = [program.title for program in _search(seeded).page.object_list]
    assert titles == sorted(program["title"] for program in PROGRAMS)[:20]


def test_it_finds_glasses_near_ellicott_city(seeded):
    titles = [program.title for program in _search(seeded, "q=glasses&near=21043&radius=10").page.object_list]
    assert "Free Eye Exams and Glasses for Students" in titles


def test_a_child_category_is_found_under_its_parent(seeded):
    titles = {program.title for program in _search(seeded, "category=medical").page.object_list}
    assert {"Children's Dental Check-ups", "Hearing Aid Bank", "Prescription Help Fund"} <= titles


def test_nobody_real_is_called_or_emailed():
    for key, _name, _street, _city, zip_code, phone, *_rest in AGENCIES:
        assert re.fullmatch(r"\d{3}-555-01\d\d", phone), key
        assert zip_centroid(zip_code), key
    assert all(re.fullmatch(r"\d{3}-555-01\d\d", program.get("phone", "410-555-0100")) for program in PROGRAMS)


def test_hours_read_ranges_lists_and_notes():
    rows = parse_hours("Mo-We 09:00-12:00; Tu,Th 17:00-20:00 (evening pantry)")
    assert [(row.weekday, row.opens.hour, row.closes.hour) for row in rows] == [
        (0, 9, 12), (1, 9, 12), (2, 9, 12), (1, 17, 20), (3, 17, 20)
    ]  # fmt: skip
    assert rows[-1].note == "evening pantry"
