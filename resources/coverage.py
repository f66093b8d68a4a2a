"""Where a partner agency takes requests: the one coverage rule matching uses.

An agency covers a ZIP code when the ZIP is on its list, lies within its radius of the
agency's location, or lies in one of its counties; any of the three that is filled in counts.
"""

from dataclasses import dataclass
from functools import cache

from resources.geo import ZipGeocoder, haversine_miles, normalize_zip


@cache
def _zip_geocoder():
    """One per process: building a geopy geocoder costs about 20 ms (it sets up an HTTP adapter)."""
    return ZipGeocoder()


@dataclass(frozen=True)
class ZipArea:
    """A household's ZIP with its centre and county, looked up once and checked against many agencies."""

    zip_code: str
    latitude: float | None = None
    longitude: float | None = None
    county: str = ""
    state: str = ""

    @classmethod
    def of(cls, zip_code):
        zip_code = normalize_zip(zip_code) or ""
        known = _zip_geocoder().geocode(zip_code) if zip_code else None
        if known is None:
            return cls(zip_code)
        return cls(zip_code, known.latitude, known.longitude, known.raw["county"], known.raw["state"])

    @property
    def has_centre(self):
        return self.latitude is not None

    def miles_to(self, agency):
        """Miles from the ZIP's centre to the agency, or None when either place is unknown."""
        if not (self.has_centre and agency.has_coordinates):
            return None
        return haversine_miles(self.latitude, self.longitude, agency.latitude, agency.longitude)


def split_list(value):
    return [item.strip() for item in (value or "").split(",") if item.strip()]


def covers(agency, area):
    """Whether `agency`'s service area holds `area` (a ZipArea)."""
    if area.zip_code in split_list(agency.service_area_zip_codes):
        return True
    radius = agency.service_area_radius_miles
    miles = area.miles_to(agency)
    if radius and miles is not None and miles <= radius:
        return True
    counties = {county.lower() for county in split_list(agency.service_area_counties)}
    return bool(area.county) and area.county.lower() in counties and agency.state in ("", area.state)
