"""The published directory as HSDS 3.0 records, with stable ids.

Agency = organization (its address is a location with an address), ResourcePage =
service (at the location of its own address or its agency's), ServiceCategory =
taxonomy_term of one taxonomy, OpeningHours = weekly schedule. A record is a flat
dict of one table of schema/<table>.json, without its nested arrays and without empty
optional fields; ids are our `hsds_id`s or uuid5s derived from them, so they are the
same in every export. nested.py nests them as the HSDS API answers.
"""

import datetime
import uuid
from collections import defaultdict

from django.db.models import F, Prefetch, Q
from django.utils import timezone
from wagtail.models import Locale

from resources import freshness
from resources.hsds.tables import EXPORTED, WEEKDAYS, record
from resources.hsds.values import plain_text
from resources.models import Agency, ResourcePage, ServiceCategory

HSDS_VERSION = "3.0"
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"
PROFILE_URL = "https://docs.openreferral.org/en/latest/hsds/"
TAXONOMY_ID = uuid.uuid5(uuid.NAMESPACE_URL, "urn:connection-center:taxonomy:categories")
TAXONOMY_NAME = "Connection Center categories"
STALE_ALERT = "These details may be out of date: call first."
STATUSES = {ResourcePage.Status.ACTIVE: "active", ResourcePage.Status.TEMPORARILY_CLOSED: "temporarily closed"}


def derived_id(owner_id, *parts):
    """A stable id for a record we keep no id for, from the id of what it belongs to (uuid5)."""
    owner_id = owner_id if isinstance(owner_id, uuid.UUID) else uuid.UUID(owner_id)
    return uuid.uuid5(owner_id, ":".join(str(part) for part in parts))


# Querysets: what is published, loaded with everything the records read.


def live_programs():
    """Live, public programs in the default language: a translation is the same service, exported once."""
    return freshness.shown(ResourcePage.objects.live().public().filter(locale=Locale.get_default()))


def listed_programs():
    """Live, public programs with what their service records read: their agency and closures (the alert)."""
    return live_programs().select_related("agency").prefetch_related("closures").order_by("title", "pk")


def published_programs():
    """Live, public programs with everything their records read: also categories, languages and hours."""
    return listed_programs().prefetch_related(
        Prefetch("categories", queryset=ServiceCategory.objects.select_related("parent")),
        "agency__languages",
        "languages",
        "hours",
    )


def published_agencies():
    """Agencies with at least one published program (no others: a partner's details stay with staff)."""
    with_programs = live_programs().values("agency_id")
    return Agency.objects.filter(pk__in=with_programs).prefetch_related("languages")


# Organizations, locations and what hangs on them.


def organization(agency):
    return record(
        "organization",
        id=agency.hsds_id,
        name=agency.name,
        description=agency.description,
        email=agency.email,
        website=agency.website,
    )


def agency_location_id(agency):
    return derived_id(agency.hsds_id, "location")


def location_id(program):
    """Where the program is: its agency's location, or one of its own."""
    return (
        agency_location_id(program.agency) if program.use_agency_location else derived_id(program.hsds_id, "location")
    )


def agency_location(agency):
    return _location(agency_location_id(agency), agency, agency.name, agency)


def program_location(program):
    """The program's own location, or None when it uses its agency's."""
    return (
        None if program.use_agency_location else _location(location_id(program), program.agency, program.title, program)
    )


def _location(location_id, agency, name, place):
    return record(
        "location",
        id=location_id,
        location_type="physical",
        organization_id=agency.hsds_id,
        name=name,
        latitude=place.latitude,
        longitude=place.longitude,
    )


def addresses(location_id, place):
    if not (place.address_1 or place.city or place.zip_code):
        return []
    return [
        record(
            "address",
            id=derived_id(location_id, "address"),
            location_id=location_id,
            address_1=place.address_1,
            city=place.city,
            state_province=place.state,
            postal_code=place.zip_code,
            country="US",
            address_type="physical",
        )
    ]


def accessibility(agency):
    if not agency.accessibility:
        return []
    location_id = agency_location_id(agency)
    return [
        record(
            "accessibility",
            id=derived_id(location_id, "accessibility"),
            location_id=location_id,
            description=agency.accessibility,
        )
    ]


def agency_phones(agency):
    return _phones(agency.hsds_id, agency.phone, organization_id=agency.hsds_id)


def agency_languages(agency):
    return _languages(agency.hsds_id, agency.languages.all(), location_id=agency_location_id(agency))


def _phones(owner_id, number, **link):
    return [record("phone", id=derived_id(owner_id, "phone"), number=number, type="voice", **link)] if number else []


def _languages(owner_id, languages, **link):
    return [
        record(
            "language",
            id=derived_id(owner_id, "language", language.code),
            name=language.name,
            code=language.code,
            **link,
        )
        for language in languages
    ]


# Services and what hangs on them.


def service(program):
    return record(
        "service",
        id=program.hsds_id,
        organization_id=program.agency.hsds_id,
        name=program.title,
        description=service_description(program),
        url=program.website,
        email=program.email,
        status=STATUSES[program.status],
        application_process=program.how_to_apply,
        fees_description=program.fees,
        eligibility_description=program.eligibility,
        assured_date=program.last_verified.isoformat() if program.last_verified else None,
        assurer_email=freshness.office_settings()["email"] or None,
        alert=_alert(program),
        last_modified=_timestamp(last_modified(program)),
    )


def service_description(program):
    """The summary, then the text of the body."""
    return "\n\n".join(part for part in [program.summary, *body_text(program.description)] if part)


def body_text(stream):
    """The text of a body StreamField, a string per paragraph, heading, list or call to action."""
    parts = []
    for block in stream:
        if block.block_type == "paragraph":
            parts.append(plain_text(block.value.source))
        elif block.block_type == "heading":
            parts.append(block.value["text"])
        elif block.block_type == "list":
            parts.append("\n".join(block.value["items"]))
        elif block.block_type == "call_to_action":
            parts.extend([block.value["heading"], block.value["text"]])
    return [part for part in parts if part]


def last_modified(program):
    """When the published program or its agency last changed."""
    return max(moment for moment in (program.last_published_at, program.agency.updated_at) if moment)


def modified_since(moment):
    """The filter matching `last_modified(program) >= moment`."""
    return Q(last_published_at__gte=moment) | Q(agency__updated_at__gte=moment)


def _timestamp(moment):
    return moment.astimezone(datetime.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _alert(program):
    """Closures that have not ended yet, and a stale program's warning, in one line for HSDS `alert`."""
    today = timezone.localdate()
    closures = sorted((closure for closure in program.closures.all() if closure.ends_on >= today), key=_starts_on)
    stale = [STALE_ALERT] if freshness.is_stale(program.last_verified, today) else []
    return " ".join(
        stale
        + [
            f"Closed {_day(closure.starts_on)}"
            + (f" to {_day(closure.ends_on)}" if closure.ends_on != closure.starts_on else "")
            + (f": {closure.reason}." if closure.reason else ".")
            for closure in closures
        ]
    )


def _starts_on(closure):
    return closure.starts_on


def _day(day):
    return f"{day:%B} {day.day}, {day.year}"


def service_at_location(program):
    return record(
        "service_at_location",
        id=derived_id(program.hsds_id, "service_at_location"),
        service_id=program.hsds_id,
        location_id=location_id(program),
    )


def service_phones(program):
    return _phones(program.hsds_id, program.phone, service_id=program.hsds_id)


def service_languages(program):
    return _languages(program.hsds_id, program.languages.all(), service_id=program.hsds_id)


def schedules(program):
    """One weekly schedule per opening hours row, in local time."""
    return [
        record(
            "schedule",
            id=derived_id(program.hsds_id, "schedule", hours.weekday, hours.opens, hours.closes),
            service_id=program.hsds_id,
            freq="WEEKLY",
            byday=WEEKDAYS[hours.weekday],
            opens_at=f"{hours.opens:%H:%M}",
            closes_at=f"{hours.closes:%H:%M}",
            description=hours.note,
        )
        for hours in sorted(program.hours.all(), key=lambda hours: (hours.weekday, hours.opens))
    ]


def attributes(program, *, with_terms=False):
    """The links from the program to its categories' taxonomy terms."""
    result = []
    for category in program.categories.all():
        attribute = record(
            "attribute",
            id=derived_id(program.hsds_id, "attribute", category.hsds_id),
            link_id=program.hsds_id,
            taxonomy_term_id=category.hsds_id,
            link_entity="service",
        )
        if with_terms:
            attribute["taxonomy_term"] = full_taxonomy_term(category)
        result.append(attribute)
    return result


def required_documents(program):
    return [
        record(
            "required_document",
            id=derived_id(program.hsds_id, "document", document),
            service_id=program.hsds_id,
            document=document,
        )
        for document in dict.fromkeys(program.document_list)
    ]


def cost_options(program):
    if not program.is_free:
        return []
    return [
        record(
            "cost_option",
            id=derived_id(program.hsds_id, "cost_option", "free"),
            service_id=program.hsds_id,
            option="Free",
            currency="USD",
            amount=0,
        )
    ]


def service_areas(program):
    area = ResourcePage.ServiceArea
    if program.service_area == area.ZIP_CODES:
        name, description = "ZIP codes " + ", ".join(program.served_zip_codes), ""
    elif program.service_area == area.RADIUS:
        name, description = f"Within {program.service_area_radius_miles} miles", f"Of {program.place.one_line_address}."
    else:
        name, description = program.service_area_county, ""
    if not name:
        return []
    return [
        record(
            "service_area",
            id=derived_id(program.hsds_id, "service_area"),
            service_id=program.hsds_id,
            name=name,
            description=description,
        )
    ]


# The taxonomy.


def taxonomy():
    return record(
        "taxonomy",
        id=TAXONOMY_ID,
        name=TAXONOMY_NAME,
        description="The kinds of help in the Connection Center directory, in two levels.",
    )


def taxonomy_term(category):
    return record(
        "taxonomy_term",
        id=category.hsds_id,
        code=category.slug,
        name=category.name,
        description=category.description,
        parent_id=category.parent.hsds_id if category.parent_id else None,
        language="en",
        taxonomy_id=TAXONOMY_ID,
    )


def full_taxonomy_term(category):
    return {**taxonomy_term(category), "taxonomy_detail": taxonomy()}


# The whole directory, table by table (the export).


def directory_tables():
    """Every record of the published directory, by table: about ten queries whatever its size."""
    tables = defaultdict(list)
    tables["taxonomy"].append(taxonomy())
    categories = ServiceCategory.objects.select_related("parent").order_by(
        F("parent_id").asc(nulls_first=True), "sort_order", "name"
    )  # parents before their children
    tables["taxonomy_term"] = [taxonomy_term(category) for category in categories]
    for agency in published_agencies():
        location = agency_location(agency)
        tables["organization"].append(organization(agency))
        tables["location"].append(location)
        tables["address"] += addresses(location["id"], agency)
        tables["phone"] += agency_phones(agency)
        tables["language"] += agency_languages(agency)
        tables["accessibility"] += accessibility(agency)
    for program in published_programs():
        tables["service"].append(service(program))
        tables["service_at_location"].append(service_at_location(program))
        if location := program_location(program):
            tables["location"].append(location)
            tables["address"] += addresses(location["id"], program)
        tables["phone"] += service_phones(program)
        tables["schedule"] += schedules(program)
        tables["language"] += service_languages(program)
        tables["attribute"] += attributes(program)
        tables["required_document"] += required_documents(program)
        tables["cost_option"] += cost_options(program)
        tables["service_area"] += service_areas(program)
    return {name: tables[name] for name in EXPORTED}
