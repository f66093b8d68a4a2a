"""The HSDS 3.0 schemas and examples (shared/hsds-3.0 beside the checkout), and a directory that uses every mapping.

A missing shared/ folder makes these tests fail, not skip: CI has it beside the checkout.
"""

import datetime
import json
from functools import cache
from pathlib import Path

from django.conf import settings
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from wagtail.rich_text import RichText

from resources.geo import zip_centroid
from resources.hsds.records import body_text
from resources.models import Agency, Language, ResourcePage, ServiceCategory
from tests.resources.factories import (
    AgencyFactory,
    ClosureFactory,
    OpeningHoursFactory,
    ResourcePageFactory,
    ServiceCategoryFactory,
)

SHARED = Path(settings.BASE_DIR).parent / "shared" / "hsds-3.0"
SCHEMAS = SHARED / "schema"
EXAMPLES = SHARED / "examples"


def read_json(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


@cache
def _registry():
    """Every table schema by file name, so that their `$ref`s ("phone.json") resolve."""
    resources = [
        (path.name, Resource.from_contents(read_json(path), default_specification=DRAFT202012))
        for path in SCHEMAS.glob("*.json")
    ]
    assert resources, f"No HSDS schemas in {SCHEMAS}"
    return Registry().with_resources(resources)


def _validator(schema):
    return Draft202012Validator(schema, registry=_registry(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def table_validator(table):
    return _validator(read_json(SCHEMAS / f"{table}.json"))


def compiled_validator(name, *, paged=False):
    """A validator of an API answer: one compiled object, or a page (openapi's Page) of them."""
    schema = read_json(SCHEMAS / "compiled" / f"{name}.json")
    if paged:
        page = read_json(SCHEMAS / "openapi.json")["components"]["schemas"]["Page"]
        schema = {
            "allOf": [page],
            "required": [*page["properties"], "contents"],
            "properties": {"contents": {"type": "array", "items": schema}},
        }
    return _validator(schema)


def errors(validator, instance):
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(instance)]


def full_directory(index):
    """Two agencies, three published programs using every field HSDS carries, and a draft."""
    spanish, korean = Language.objects.get(code="es"), Language.objects.get(code="ko")
    tutoring = ServiceCategoryFactory(name="Tutoring", slug="tutoring", description="Help with homework.")
    math = ServiceCategoryFactory(name="Math tutoring", slug="math-tutoring", parent=tutoring)
    helpers = AgencyFactory(
        name="Howard Helpers", description="Neighbors helping neighbors.", email="help@example.org",
        website="https://helpers.example.org", accessibility="Ramp at the side door.",
    )  # fmt: skip
    helpers.languages.set([spanish])
    pantry = ResourcePageFactory(
        parent=index, title="Weekly Pantry", agency=helpers, summary="Groceries every week.",
        description=[("paragraph", RichText("<p>Fresh food &amp; bread.</p>"))], eligibility="Howard County families.",
        how_to_apply="Come by.", documents="Photo ID\nProof of address", is_free=True, phone="410-555-0199",
        email="pantry@example.org", website="https://pantry.example.org", last_verified=datetime.date(2026, 1, 5),
        categories=[ServiceCategory.objects.get(slug="food-pantry"), math], languages=[spanish, korean],
    )  # fmt: skip
    OpeningHoursFactory(program=pantry, weekday=0, opens=datetime.time(9), closes=datetime.time(12), note="Walk-ins")
    OpeningHoursFactory(program=pantry, weekday=0, opens=datetime.time(13), closes=datetime.time(17))
    OpeningHoursFactory(program=pantry, weekday=5, opens=datetime.time(10, 30), closes=datetime.time(14))
    ClosureFactory(program=pantry, starts_on=datetime.date.today(), reason="Inventory")
    latitude, longitude = zip_centroid("21043")
    ResourcePageFactory(
        parent=index, title="Eye Clinic", agency=AgencyFactory(name="Clinic Partners", phone=""),
        use_agency_location=False, address_1="10 Elm Street", city="Ellicott City", zip_code="21043",
        latitude=latitude, longitude=longitude, service_area="zip_codes", service_area_zip_codes="21043, 21044",
        status="temporarily_closed", fees="$5 a visit", categories=[ServiceCategory.objects.get(slug="vision")],
    )  # fmt: skip
    ResourcePageFactory(parent=index, title="Homework Club", agency=helpers, categories=[tutoring])
    ResourcePageFactory(parent=index, title="Not Ready Yet", agency=helpers, live=False)
    return pantry


def snapshot():
    """What a family sees of the directory: agencies, published programs, categories, hours and languages."""
    agencies = sorted(
        (
            str(agency.hsds_id), agency.name, agency.description, agency.email, agency.website, agency.phone,
            agency.address_1, agency.city, agency.state, agency.zip_code, agency.latitude, agency.longitude,
            agency.accessibility, sorted(language.code for language in agency.languages.all()),
        )
        for agency in Agency.objects.all()
    )  # fmt: skip
    programs = sorted(
        (
            str(page.hsds_id), page.title, str(page.agency.hsds_id), page.summary, body_text(page.description),
            page.eligibility, page.how_to_apply, page.documents, page.fees, page.is_free, page.phone, page.email,
            page.website, page.status, page.last_verified, page.use_agency_location, page.address_1, page.city,
            page.state, page.zip_code, page.latitude, page.longitude,
            sorted(category.slug for category in page.categories.all()),
            sorted(language.code for language in page.languages.all()),
            sorted((hours.weekday, hours.opens, hours.closes, hours.note) for hours in page.hours.all()),
        )
        for page in ResourcePage.objects.live().select_related("agency")
    )  # fmt: skip
    categories = sorted(
        (category.slug, category.name, category.description, category.parent.slug if category.parent else None)
        for category in ServiceCategory.objects.select_related("parent")
    )
    return {"agencies": agencies, "programs": programs, "categories": categories}
