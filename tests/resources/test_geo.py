import pytest
from geopy.distance import geodesic

from resources.geo import ZipGeocoder, distances_miles, get_geocoder, haversine_miles, normalize_zip


def test_the_default_geocoder_answers_a_zip_offline():
    location = get_geocoder().geocode("21044")
    assert location.address == "Columbia, MD 21044"
    assert location.latitude == pytest.approx(39.21, abs=0.01)


@pytest.mark.parametrize("query", ["abcde", "2104", "", "99999", "10910 Clarksville Pike"])
def test_it_answers_none_for_what_is_not_a_known_zip(query):
    assert ZipGeocoder().geocode(query) is None


def test_a_zip_plus_four_is_read_as_its_zip():
    assert normalize_zip(" 21044-1234 ") == "21044"


def test_haversine_stays_within_half_a_percent_of_geodesic():
    columbia, baltimore = (39.2141, -76.8788), (39.2904, -76.6122)
    assert haversine_miles(*columbia, *baltimore) == pytest.approx(geodesic(columbia, baltimore).miles, rel=0.005)


def test_the_vectorised_distances_equal_the_one_by_one_haversine():
    points = [(39.2904, -76.6122), (38.9072, -77.0369), (39.2141, -76.8788)]
    expected = [haversine_miles(39.2141, -76.8788, *point) for point in points]
    assert distances_miles(39.2141, -76.8788, points) == pytest.approx(expected, rel=1e-9)
