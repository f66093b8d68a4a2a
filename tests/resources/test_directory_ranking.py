"""The directory's words search ranks as Wagtail's own search does, on SQLite and PostgreSQL alike."""

import pytest
from django.http import QueryDict

from resources.directory import DirectorySearch
from resources.models import ResourcePage, ServiceCategory
from tests.resources.factories import AgencyFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db


def titles(directory, query):
    return [program.title for program in DirectorySearch(directory, QueryDict(query)).run().page.object_list]


def wagtail_order(words):
    return [program.title for program in ResourcePage.objects.live().search(words)]


@pytest.fixture
def programs(directory):
    food = ServiceCategory.objects.get(slug="food")
    ResourcePageFactory(parent=directory, title="Winter coats", summary="Coats and boots for children")
    ResourcePageFactory(parent=directory, title="Food pantry", summary="Groceries and winter coats", categories=[food])
    ResourcePageFactory(parent=directory, title="Pantry on Main", summary="Food all year, coats in winter")
    ResourcePageFactory(parent=directory, title="Rides", agency=AgencyFactory(name="Winter Coats Drive"))
    ResourcePageFactory(parent=directory, title="Coats", summary="Coats, coats, coats")
    ResourcePageFactory(parent=directory, title="Unrelated", summary="Bus passes")


@pytest.mark.parametrize("words", ["coats", "winter coats", "food pantry", "winter", "pantry"])
def test_words_rank_programs_as_wagtail_does(directory, programs, words):
    assert titles(directory, f"q={words}") == wagtail_order(words)
    assert len(wagtail_order(words)) >= 2  # an order worth comparing


def test_words_narrow_a_search_near_a_zip_code_as_they_narrow_a_ranked_one(directory, programs):
    assert sorted(titles(directory, "q=winter coats&near=21044")) == sorted(wagtail_order("winter coats"))
