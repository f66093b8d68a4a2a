"""Whether a service area holds a ZIP code: the one coverage rule.

A ZIP is covered when it is on the area's list, lies within its radius of the place, or
lies in one of its counties. A partner agency may fill in all three (any counts, for
matching); a program chooses one (for the HSDS API's `postcode` filter).
"""

from dataclasses import dataclass
from functools import cache

from resources.columns import split_list
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


def in_area(area, *, zip_codes="", radius=None, counties="", miles=None, state=""):
    """Whether `area` (a ZipArea) is on the `zip_codes` list, within `radius` (`miles` away) or in `counties`."""
    if area.zip_code in split_list(zip_codes):
        return True
    if radius and miles is not None and miles <= radius:
        return True
    in_counties = {county.lower() for county in split_list(counties)}
    return bool(area.county) and area.county.lower() in in_counties and state in ("", area.state)


def covers(agency, area):
    """Whether `agency`'s service area holds `area` (a ZipArea)."""
    return in_area(
        area,
        zip_codes=agency.service_area_zip_codes,
        radius=agency.service_area_radius_miles,
        counties=agency.service_area_counties,
        miles=area.miles_to(agency),
        state=agency.state,
    )
