from unittest import mock

import pytest
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from resources.geo import zip_centroid
from resources.models import Agency, ResourcePage
from tests.resources.factories import AgencyFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db

COLUMBIA = zip_centroid("21044")
ELLICOTT_CITY = zip_centroid("21043")


@pytest.fixture
def saved(django_capture_on_commit_callbacks):
    """Run what saving queues after commit, as a real request would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _coordinates(instance):
    instance.refresh_from_db()
    return instance.latitude, instance.longitude


def test_saving_an_agency_gives_it_its_zip_coordinates(saved):
    with saved():
        agency = AgencyFactory(zip_code="21044", latitude=None, longitude=None)
    assert _coordinates(agency) == COLUMBIA


def test_a_program_using_its_agency_location_gets_the_agency_coordinates(saved, directory):
    agency = AgencyFactory(zip_code="21043", latitude=None, longitude=None)
    with saved():
        program = ResourcePageFactory(parent=directory, agency=agency, latitude=None, longitude=None)
    assert _coordinates(program) == (None, None)  # the agency itself is not geocoded yet
    with saved():
        agency.save()
    assert _coordinates(program) == ELLICOTT_CITY


def test_a_program_with_its_own_zip_gets_its_own_coordinates(saved, directory):
    with saved():
        program = ResourcePageFactory(
            parent=directory, agency__zip_code="21043", use_agency_location=False, zip_code="21044", latitude=None
        )
    assert _coordinates(program) == COLUMBIA


def test_publishing_a_revision_geocodes_the_live_page(saved, directory):
    program = ResourcePageFactory(parent=directory, use_agency_location=False, zip_code="21043")
    program.zip_code = "21044"
    with saved():
        program.save_revision().publish()
    assert _coordinates(ResourcePage.objects.get(pk=program.pk)) == COLUMBIA


def test_a_failing_geocoder_logs_a_warning_without_the_address_and_leaves_no_coordinates(saved, caplog):
    with mock.patch("resources.geo.ZipGeocoder.geocode", side_effect=OSError("5500 Main Street")), saved():
        agency = AgencyFactory(zip_code="21044", latitude=None, longitude=None)
    assert Agency.objects.filter(pk=agency.pk).exists()
    assert _coordinates(agency) == (None, None)
    assert f"agency {agency.pk} failed (OSError)" in caplog.text
    assert "Main Street" not in caplog.text


def test_a_program_page_request_never_calls_the_geocoder(client, directory):
    program = ResourcePageFactory(parent=directory, use_agency_location=False, zip_code="21044")
    with mock.patch("resources.geo.ZipGeocoder.geocode") as geocode:
        response = client.get(program.url)
    assert response.status_code == 200
    geocode.assert_not_called()


class StreetGeocoder(Geocoder):
    """Stands for a network geocoder such as Nominatim: it knows one street address."""

    def __init__(self, user_agent):
        super().__init__(user_agent=user_agent)

    def geocode(self, query, **kwargs):
        return Location(query, Point(39.1, -76.9), {}) if query.startswith("5500 Main Street") else None


def test_a_network_geocoder_gets_the_street_address_and_the_zip_centre_is_the_fallback(saved, settings):
    settings.GEOCODER = "tests.resources.test_geocoding.StreetGeocoder"
    with saved():
        on_main_street = AgencyFactory(address_1="5500 Main Street", zip_code="21044", latitude=None)
        elsewhere = AgencyFactory(address_1="1 Unknown Lane", zip_code="21043", latitude=None)
    assert _coordinates(on_main_street) == (39.1, -76.9)
    assert _coordinates(elsewhere) == ELLICOTT_CITY
