"""The directory's result cards come from the cache (resources/cards.py): what families see must not go stale.

Each test shows a card once (so it is cached), changes something, and looks again.
"""

import datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest

from portal.calendar_months import months_before
from tests.resources.factories import AgencyFactory, OpeningHoursFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db

MONDAY = datetime.datetime(2026, 11, 30, tzinfo=ZoneInfo("America/New_York"))


def _search(client, at=None, **query):
    with mock.patch("django.utils.timezone.now", return_value=at or MONDAY.replace(hour=10)):
        return client.get("/connection-center/", query).text


def test_a_published_change_shows_on_the_card_at_once(client, directory):
    program = ResourcePageFactory(parent=directory, title="Coat closet", summary="Warm coats for children.")
    assert "Warm coats for children." in _search(client, q="coats")
    program.summary = "Coats, hats and gloves."
    program.save_revision().publish()
    html = _search(client, q="coats")
    assert "Coats, hats and gloves." in html and "Warm coats for children." not in html


def test_an_agency_change_shows_on_the_card_at_once(client, directory):
    agency = AgencyFactory(name="Howard Helpers", phone="410-555-0100")
    ResourcePageFactory(parent=directory, title="Coat closet", summary="Warm coats.", agency=agency)
    assert '<a href="tel:4105550100">Call 410-555-0100</a>' in _search(client, q="coats")
    agency.name, agency.phone = "Howard Neighbors", "410-555-0111"
    agency.save()
    html = _search(client, q="coats")
    assert "Howard Neighbors" in html and "Howard Helpers" not in html
    assert '<a href="tel:4105550111">Call 410-555-0111</a>' in html


OPEN_NOW = '<span class="badge badge--open">Open now</span>'


def test_open_now_is_told_at_each_request(client, directory):
    OpeningHoursFactory(
        program=ResourcePageFactory(parent=directory, title="Coat closet", summary="Warm coats."), weekday=0
    )
    assert OPEN_NOW in _search(client, at=MONDAY.replace(hour=10), q="coats")
    assert OPEN_NOW not in _search(client, at=MONDAY.replace(hour=18), q="coats")
    assert OPEN_NOW in _search(client, at=MONDAY.replace(hour=11), q="coats")


def test_the_distance_is_the_searched_zip_s(client, directory):
    ResourcePageFactory(
        parent=directory, title="Coat closet", summary="Warm coats.", latitude=39.2141 + 2.4 / 69.05, longitude=-76.8788
    )
    assert "miles away" not in _search(client, q="coats")  # cached without a distance
    assert "2.4 miles away" in _search(client, q="coats", near="21044")
    assert "Less than 0.1 miles away" not in _search(client, q="coats", near="21044")


def test_a_card_grows_stale_the_day_its_check_gets_too_old(client, directory, settings):
    ResourcePageFactory(
        parent=directory,
        title="Coat closet",
        summary="Warm coats.",
        last_verified=months_before(MONDAY.date(), settings.LISTING_STALE_MONTHS),
    )
    note = "These details may be out of date: call first."
    assert note not in _search(client, at=MONDAY.replace(day=29, hour=10), q="coats")
    assert note in _search(client, at=MONDAY.replace(hour=10), q="coats")


def test_each_language_gets_its_own_card(client, directory):
    ResourcePageFactory(parent=directory, title="Coat closet", summary="Warm coats.", is_free=True)
    assert '<span class="badge">Free</span>' in _search(client, q="coats")
    with mock.patch("django.utils.timezone.now", return_value=MONDAY.replace(hour=10)):
        response = client.get("/es/connection-center/", {"q": "coats"})
    assert response.status_code == 200
    assert '<span class="badge">Gratis</span>' in response.text and "Coat closet" in response.text
