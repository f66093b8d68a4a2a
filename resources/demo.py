"""The demo Connection Center that `seed_demo` builds; every step finds before it creates."""

import datetime

from django.apps import apps
from django.utils.text import slugify

from resources.columns import parse_hours
from resources.content import directory_page
from resources.demo_data import AGENCIES, PROGRAMS
from resources.geo import zip_centroid
from resources.models import (
    Agency,
    AgencyMembership,
    Closure,
    Language,
    ResourcePage,
    ServiceCategory,
)
from resources.taxonomy import ensure_reference_data


def seed_directory(home_page):
    """Build or complete the directory under `home_page`; return how many agencies and programs it created."""
    ensure_reference_data(apps)
    index, _ = directory_page(home_page)
    agencies, agencies_created = {}, 0
    for row in AGENCIES:
        agencies[row[0]], created = _agency(*row)
        agencies_created += created
    categories = {category.slug: category for category in ServiceCategory.objects.all()}
    languages = {language.code: language for language in Language.objects.all()}
    existing = set(index.get_children().values_list("slug", flat=True))
    programs_created = 0
    agency_languages = {row[0]: row[7] for row in AGENCIES}
    for row in PROGRAMS:
        if slugify(row["title"]) not in existing:
            codes = row.get("languages") or agency_languages[row["agency"]]
            _program(index, agencies[row["agency"]], row, categories, [languages[code] for code in codes.split()])
            programs_created += 1
    return agencies_created, programs_created


def _agency(key, name, address, city, zip_code, phone, is_partner, language_codes, description):
    agency = Agency.objects.filter(slug=slugify(name)).first()
    if agency is not None:
        return agency, False
    latitude, longitude = zip_centroid(zip_code)
    agency = Agency.objects.create(
        name=name,
        slug=slugify(name),
        description=description,
        address_1=address,
        city=city,
        state="MD",
        zip_code=zip_code,
        latitude=latitude,
        longitude=longitude,
        phone=phone,
        email=f"{key}@example.org",
        website=f"https://{key}.example.org/",
        is_partner=is_partner,
    )
    agency.languages.set(Language.objects.filter(code__in=language_codes.split()))
    return agency, True


def _program(index, agency, row, categories, languages):
    """One published program with its hours, closures and a first revision."""
    street, city, zip_code = row.get("place", ("", "", ""))
    latitude, longitude = zip_centroid(zip_code or agency.zip_code)
    area, area_value = row.get("area", (ResourcePage.ServiceArea.COUNTY, None))
    program = ResourcePage(
        title=row["title"],
        slug=slugify(row["title"]),
        agency=agency,
        summary=row["summary"],
        eligibility=row["eligibility"],
        how_to_apply=row["how_to_apply"],
        documents=row["documents"],
        fees=row.get("fees", ""),
        is_free=not row.get("fees"),
        use_agency_location=not zip_code,
        address_1=street,
        city=city,
        zip_code=zip_code,
        latitude=latitude,
        longitude=longitude,
        service_area=area,
        service_area_zip_codes=area_value if area == ResourcePage.ServiceArea.ZIP_CODES else "",
        service_area_radius_miles=area_value if area == ResourcePage.ServiceArea.RADIUS else None,
        phone=row.get("phone", agency.phone),
        email=agency.email,
        website=agency.website,
        status=row.get("status", ResourcePage.Status.ACTIVE),
        last_verified=datetime.date.fromisoformat(row["verified"]),
    )
    program.categories = [categories[slug] for slug in row["categories"].split()]
    program.languages = languages
    program.hours = parse_hours(row["hours"])
    program.closures = [
        Closure(starts_on=datetime.date.fromisoformat(first), ends_on=datetime.date.fromisoformat(last), reason=reason)
        for first, last, reason in row.get("closures", [])
    ]
    index.add_child(instance=program)
    program.save_revision().publish()
    return program


# Demo partner accounts: (email, agency slug); each is its agency's coordinator.
DEMO_PARTNERS = [
    ("agency1@example.org", "bright-start-clothing-closet"),
    ("agency2@example.org", "backpack-brigade"),
    ("agency2@example.org", "little-patuxent-family-shelter"),  # one person answering for two agencies
]


def seed_partners(user_for_email):
    """Give every demo partner agency a service profile, and link the demo partner accounts to theirs.

    A partner serves the categories of its own programs across Howard County, ten requests at a time.
    """
    for agency in Agency.objects.filter(is_partner=True).prefetch_related("programs__categories"):
        if agency.categories_served.exists():
            continue
        served = {category for program in agency.programs.all() for category in program.categories.all()}
        agency.categories_served.set(served)
        agency.service_area_counties = agency.service_area_counties or "Howard County"
        agency.save(update_fields=["service_area_counties"])
    for email, slug in DEMO_PARTNERS:
        user, agency = user_for_email(email), Agency.objects.filter(slug=slug).first()
        if user and agency:
            AgencyMembership.objects.get_or_create(
                user=user, agency=agency, defaults={"role": AgencyMembership.Role.COORDINATOR}
            )
