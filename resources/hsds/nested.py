"""Records nested as the HSDS API answers them (schema/compiled/): one-to-one fields, or everything."""

from resources.hsds.records import (
    accessibility,
    addresses,
    agency_languages,
    agency_location,
    agency_phones,
    attributes,
    cost_options,
    organization,
    program_location,
    required_documents,
    schedules,
    service,
    service_areas,
    service_at_location,
    service_languages,
    service_phones,
)
from resources.models import ResourcePage


def full_location(program_or_agency):
    """A location with its addresses (and for an agency's, its languages and accessibility)."""
    if isinstance(program_or_agency, ResourcePage) and not program_or_agency.use_agency_location:
        location = program_location(program_or_agency)
        return {**location, "addresses": addresses(location["id"], program_or_agency)}
    agency = program_or_agency.agency if isinstance(program_or_agency, ResourcePage) else program_or_agency
    location = agency_location(agency)
    return {
        **location,
        "addresses": addresses(location["id"], agency),
        "languages": agency_languages(agency),
        "accessibility": accessibility(agency),
    }


def full_organization(agency, services=None):
    """An organization with its phones and location, and `services` as given (flat or full) if any."""
    result = {**organization(agency), "phones": agency_phones(agency), "locations": [full_location(agency)]}
    return result if services is None else {**result, "services": list(services)}


def full_service(program, *, with_locations=True):
    """A service with everything about it; the service_at_location view leaves out its locations."""
    result = {
        **service(program),
        "phones": service_phones(program),
        "schedules": schedules(program),
        "service_areas": service_areas(program),
    }
    if with_locations:
        result["service_at_locations"] = [{**service_at_location(program), "location": full_location(program)}]
    return {
        **result,
        "languages": service_languages(program),
        "organization": full_organization(program.agency),
        "cost_options": cost_options(program),
        "required_documents": required_documents(program),
        "attributes": attributes(program, with_terms=True),
    }


def listed_service(program):
    """A service's one-to-one fields with its organization, as /services lists it."""
    return {**service(program), "organization": organization(program.agency)}


def listed_service_at_location(program):
    location = program_location(program) or agency_location(program.agency)
    return {**service_at_location(program), "location": location, "service": service(program)}


def full_service_at_location(program):
    return {
        **service_at_location(program),
        "location": full_location(program),
        "service": full_service(program, with_locations=False),
    }
