import datetime
from unittest import mock

import pytest
from django.utils import timezone

from resources.models import ServiceCategory
from tests.resources.factories import AgencyFactory, ClosureFactory, OpeningHoursFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db


def test_the_landing_view_offers_category_chips(client, directory):
    html = client.get("/connection-center/").text
    assert '<a class="chip" href="?category=medical">Medical help</a>' in html
    assert 'href="?category=dental"' not in html  # subcategories are not chips


def test_a_result_shows_name_agency_categories_distance_and_phone(client, directory):
    ResourcePageFactory(
        parent=directory,
        title="Smile Clinic",
        agency=AgencyFactory(name="Howard Health", phone="410-555-0123"),
        categories=[ServiceCategory.objects.get(slug="dental")],
        latitude=39.2141 + 2.4 / 69.05,
        longitude=-76.8788,
    )
    html = client.get("/connection-center/", {"near": "21044"}).text
    assert '<a href="/connection-center/smile-clinic/">Smile Clinic</a>' in html
    assert "Howard Health" in html and "Dental care" in html
    assert "2.4 miles away" in html
    assert '<a href="tel:4105550123">Call 410-555-0123</a>' in html


def test_a_bad_zip_gets_a_plain_message_and_the_unfiltered_list(client, directory):
    ResourcePageFactory(parent=directory, title="Far away", latitude=10, longitude=10)
    html = client.get("/connection-center/", {"near": "2104x"}).text
    assert "“2104x” is not a ZIP code. Enter five digits, like 21044." in html
    assert "Far away" in html


def test_an_unknown_zip_gets_a_plain_message(client, directory):
    html = client.get("/connection-center/", {"near": "00000"}).text
    assert "We could not find ZIP code 00000." in html


def test_an_unknown_category_is_ignored_with_a_notice(client, directory):
    ResourcePageFactory(parent=directory, title="Pantry", categories=[ServiceCategory.objects.get(slug="food")])
    html = client.get("/connection-center/?category=food&category=spaceships").text
    assert "We don’t have a kind of help called “spaceships”, so we left it out." in html
    assert "Pantry" in html


@pytest.mark.parametrize(
    "query",
    [
        "radius=abc",
        "page=zzz",
        "page=999",
        "language=xx",
        "open_now=maybe",
        "q=" + "x" * 500,
        "near=" + "9" * 50,
        "category=",
    ],
)
def test_odd_parameters_never_crash(client, directory, query):
    assert client.get("/connection-center/?" + query).status_code == 200


def test_no_geocoder_is_called_during_a_page_request(client, directory):
    program = ResourcePageFactory(parent=directory, title="Pantry")
    with mock.patch("resources.geo.ZipGeocoder.geocode", side_effect=AssertionError("geocoder called")):
        assert client.get("/connection-center/?near=21044&q=pantry").status_code == 200
        assert client.get(program.url).status_code == 200


def test_the_program_page_has_what_a_family_needs_to_go_there(client, directory):
    today = timezone.localdate()
    program = ResourcePageFactory(
        parent=directory,
        title="Coat Closet",
        documents="Photo ID\nProof of address",
        last_verified=datetime.date(2026, 10, 1),
        agency=AgencyFactory(phone="410-555-0199"),
    )
    OpeningHoursFactory(
        program=program, weekday=today.weekday(), opens=datetime.time(0, 0), closes=datetime.time(23, 59)
    )
    html = client.get("/connection-center/coat-closet/").text
    assert (
        "5500 Main Street" in html and "https://www.openstreetmap.org/directions?route=%3B39.21410%2C-76.87880" in html
    )
    assert '<a href="tel:4105550199">410-555-0199</a>' in html
    assert "<li>Photo ID</li>" in html and "<li>Proof of address</li>" in html
    assert "Open now" in html and 'aria-current="date"' in html
    assert "Details checked on Oct. 1, 2026." in html


def test_a_closure_today_shows_closed_with_its_reason(client, directory):
    program = ResourcePageFactory(parent=directory, title="Food Pantry")
    OpeningHoursFactory(
        program=program, weekday=timezone.localdate().weekday(), opens=datetime.time(0), closes=datetime.time(23, 59)
    )
    ClosureFactory(program=program, reason="inventory")
    html = client.get(program.url).text
    assert "Closed today for inventory" in html
    assert "Open now" not in html
