"""The directory, a program page and the home page run a small number of queries, whatever the data holds.

Counted on a page that is rendered (a search, or a link with a query string, is never served from the page cache),
after a first visit has cached the lists that change only when staff edit them (categories, languages, notices,
site settings). Served from the page cache, a page runs none (tests/portal/test_page_cache.py).
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.models import SiteSettings
from resources.models import Language, ServiceCategory
from tests.resources.factories import (
    AgencyFactory,
    ClosureFactory,
    OpeningHoursFactory,
    ResourcePageFactory,
)

pytestmark = pytest.mark.django_db

# portal.routing finds the page in one query (the site, the tree and the view restrictions are cached).
DIRECTORY_QUERIES = 8  # the page 1, page of ids 2-3, open now 1, programs of cards not cached yet 2 (cards.py)
PROGRAM_QUERIES = 6  # the page with its agency 1, its parent 1, hours, closures, categories and languages 4
HOME_QUERIES = 1  # the page
SEARCH = {"q": "coats", "category": "clothing", "near": "21044"}


def _queries(client, url, data=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, data)
    assert response.status_code == 200
    return len(queries)


def _programs(directory, count):
    clothing = ServiceCategory.objects.get_or_create(slug="clothing", defaults={"name": "Clothing"})[0]
    spanish = Language.objects.get_or_create(code="es", defaults={"name": "Spanish", "native_name": "Español"})[0]
    first = directory.get_children().count()
    for number in range(first, first + count):
        program = ResourcePageFactory(
            parent=directory, title=f"Winter coats {number}", agency=AgencyFactory(zip_code="21044")
        )
        program.categories.add(clothing)
        program.languages.add(spanish)
        for weekday in range(3):
            OpeningHoursFactory(program=program, weekday=weekday)
        ClosureFactory(program=program, starts_on=datetime.date(2026, 12, 24), ends_on=datetime.date(2026, 12, 26))
        program.save_revision().publish()


def test_the_directory_runs_the_same_few_queries_for_2_or_25_programs(client, directory):
    SiteSettings.for_site(directory.get_site())
    _programs(directory, 2)
    client.get("/connection-center/", {"q": "nothingmatchesthis"})  # caches the categories and languages, no card
    few = _queries(client, "/connection-center/", SEARCH)
    _programs(directory, 23)
    client.get("/connection-center/", {"q": "nothingmatchesthis"})
    many = _queries(client, "/connection-center/", SEARCH)
    assert few == many <= DIRECTORY_QUERIES
    assert _queries(client, "/connection-center/", {"page": "2"}) <= DIRECTORY_QUERIES


def test_a_program_page_reads_each_of_its_parts_once(client, directory):
    SiteSettings.for_site(directory.get_site())
    _programs(directory, 1)
    program = directory.get_children().last()
    client.get(program.url, {"from": "first"})
    assert _queries(client, program.url, {"from": "list"}) <= PROGRAM_QUERIES


def test_the_home_page_runs_a_handful_of_queries(client, home):
    SiteSettings.for_site(home.get_site())
    client.get("/", {"from": "first"})
    assert _queries(client, "/", {"from": "poster"}) <= HOME_QUERIES
