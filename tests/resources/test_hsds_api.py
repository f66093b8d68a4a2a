import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resources.geo import zip_centroid
from resources.hsds.records import TAXONOMY_ID, derived_id
from resources.models import Agency, ResourcePage, ServiceCategory
from tests.resources.factories import AgencyFactory, ResourcePageFactory
from tests.resources.hsds_helpers import (
    EXAMPLES,
    compiled_validator,
    errors,
    full_directory,
    read_json,
    table_validator,
)

pytestmark = pytest.mark.django_db
API = "/api/hsds/"
MILES_PER_DEGREE_LATITUDE = 69.05


def get(client, path, status=200):
    response = client.get(API + path)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def titles(page):
    return [item["name"] for item in page["contents"]]


def program_north_of_21044(directory, title, miles, **fields):
    latitude, longitude = zip_centroid("21044")
    return ResourcePageFactory(
        parent=directory,
        title=title,
        latitude=latitude + miles / MILES_PER_DEGREE_LATITUDE,
        longitude=longitude,
        **fields,
    )


def test_the_root_says_which_hsds_it_speaks(client):
    assert get(client, "") == read_json(EXAMPLES / "base.json") | {
        "profile": "https://docs.openreferral.org/en/latest/hsds/"
    }


def test_lists_are_pages_valid_against_the_compiled_schemas(client, directory):
    full_directory(directory)
    for path, schema in [
        ("services", "service_list"),
        ("services?full=true", "service"),
        ("service_at_locations", "service_at_location_list"),
        ("service_at_locations?full=true", "service_at_location"),
        ("organizations", "organization_list"),
        ("organizations?full=true", "organization"),
        ("organizations?full_service=true", "organization"),
    ]:
        page = get(client, path)
        assert page["total_items"] == len(page["contents"]) > 0, path
        assert errors(compiled_validator(schema, paged=True), page) == [], path


def test_one_of_each_is_valid_against_its_schema(client, directory):
    pantry = full_directory(directory)
    service_at_location = derived_id(pantry.hsds_id, "service_at_location")
    for path, validator in [
        (f"services/{pantry.hsds_id}", compiled_validator("service")),
        (f"service_at_locations/{service_at_location}", compiled_validator("service_at_location")),
        (f"organizations/{pantry.agency.hsds_id}?full_service=true", compiled_validator("organization")),
        (f"taxonomies/{TAXONOMY_ID}", table_validator("taxonomy")),
        (f"taxonomy_terms/{pantry.categories.first().hsds_id}", table_validator("taxonomy_term")),
    ]:
        assert errors(validator, get(client, path)) == [], path


def test_a_full_service_carries_its_hours_categories_and_languages(client, directory):
    pantry = full_directory(directory)
    service = get(client, f"services/{pantry.hsds_id}")
    assert [(s["byday"], s["opens_at"]) for s in service["schedules"]] == [
        ("MO", "09:00"),
        ("MO", "13:00"),
        ("SA", "10:30"),
    ]
    assert {a["taxonomy_term"]["code"] for a in service["attributes"]} == {"food-pantry", "math-tutoring"}
    assert {language["code"] for language in service["languages"]} == {"es", "ko"}
    assert service["service_at_locations"][0]["location"]["addresses"][0]["postal_code"] == "21044"


def test_a_draft_program_is_not_found(client, directory):
    draft = ResourcePageFactory(parent=directory, live=False)
    assert get(client, f"services/{draft.hsds_id}", status=404)["error"]
    assert get(client, "services")["total_items"] == 0


@pytest.mark.parametrize(
    "path",
    [
        "services?page=abc", "services?page=0", "services?per_page=100000", "services?per_page=-1",
        "services?page=99999999999999999999", "services?page=%C2%B2", "services?per_page=1e2",
        "services?modified_after=notadate", "services?modified_after=2026-13-45",
        "services?modified_after=0001-01-01T00:00:00%2B14:00", "services?taxonomy_term_id=food",
        "services?organization_id=1", "services?full=maybe", "services?format=xml",
        "service_at_locations?postcode=ABC", "service_at_locations?proximity=1000",
        "service_at_locations?postcode=21044&proximity=far", "service_at_locations?postcode=21044&proximity=-5",
        "service_at_locations?postcode=00000&proximity=500", "taxonomy_terms?top_only=yes",
        "taxonomy_terms?parent_id=x",
    ],
)  # fmt: skip
def test_a_bad_parameter_gets_a_400_with_a_json_error(client, path):
    assert get(client, path, status=400)["status"] == 400


def test_an_unknown_id_gets_a_404(client, db):
    for path in ["services", "service_at_locations", "organizations", "taxonomies", "taxonomy_terms"]:
        assert get(client, f"{path}/3fa85f64-5717-4562-b3fc-2c963f66afa6", status=404)["status"] == 404


@pytest.mark.parametrize("id", ["not-a-uuid", "12", "%C2%B2", "3fa85f64"])
def test_an_id_of_any_other_shape_gets_a_404_too(client, db, id):
    for path in ["services", "service_at_locations", "organizations", "taxonomies", "taxonomy_terms"]:
        assert get(client, f"{path}/{id}", status=404)["error"]


def test_a_missing_or_empty_format_answers_json(client, db):
    assert get(client, "services?format=")["contents"] == []
    assert get(client, "services?format=JSON")["contents"] == []


def test_it_is_read_only(client, db):
    assert client.post(API + "services").status_code == 405


@pytest.mark.parametrize(
    "path", ["services", "services?full=true", "service_at_locations?postcode=21044", "organizations"]
)
def test_a_list_runs_as_many_queries_for_25_items_as_for_2(client, directory, path):
    def queries_after_adding(count):
        for _ in range(count):
            ResourcePageFactory(parent=directory)
        with CaptureQueriesContext(connection) as captured:  # the first request since the change: nothing kept
            get(client, path)
        return len(captured)

    two = queries_after_adding(2)
    assert queries_after_adding(23) == two
    assert get(client, path)["total_items"] == 25


def test_pages_split_the_list(client, directory):
    for title in ["A", "B", "C"]:
        ResourcePageFactory(parent=directory, title=title)
    page = get(client, "services?per_page=2&page=2")
    assert (page["total_items"], page["total_pages"], page["page_number"], page["size"]) == (3, 2, 2, 1)
    assert (page["first_page"], page["last_page"], page["empty"], titles(page)) == (False, True, False, ["C"])
    assert get(client, "services?per_page=2&page=9")["empty"] is True


def test_services_filter_by_term_organization_and_words(client, directory):
    food = ServiceCategory.objects.get(slug="food")
    agency = AgencyFactory()
    ResourcePageFactory(parent=directory, title="Pantry", categories=[ServiceCategory.objects.get(slug="food-pantry")])
    ResourcePageFactory(parent=directory, title="Coats", agency=agency, summary="Winter coats for children")
    assert titles(get(client, f"services?taxonomy_term_id={food.hsds_id}")) == ["Pantry"]
    assert titles(get(client, f"services?organization_id={agency.hsds_id}")) == ["Coats"]
    assert titles(get(client, "services?search=coats")) == ["Coats"]
    assert titles(get(client, f"services?taxonomy_term_id={food.hsds_id}&search=coats")) == []


def test_search_syntax_is_read_as_plain_words(client, directory):
    ResourcePageFactory(parent=directory, title="Coats", summary="Winter coats")
    assert titles(get(client, 'services?search="coats')) == ["Coats"]
    assert titles(get(client, "services?search=coats)*")) == ["Coats"]


def test_modified_after_keeps_programs_changed_since(client, directory):
    ResourcePageFactory(parent=directory, title="Old")
    Agency.objects.update(updated_at=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC))
    ResourcePageFactory(parent=directory, title="New")
    assert titles(get(client, "services?modified_after=2026-01-01")) == ["New"]
    assert titles(get(client, "services?modified_after=2026-01-01T00:00:00%2B00:00")) == ["New"]


def test_proximity_in_meters_keeps_the_nearby_nearest_first(client, directory):
    program_north_of_21044(directory, "Two miles", 2)
    program_north_of_21044(directory, "Half a mile", 0.5)
    program_north_of_21044(directory, "Far", 20)
    page = get(client, "service_at_locations?postcode=21044&proximity=5000")
    assert [item["service"]["name"] for item in page["contents"]] == ["Half a mile", "Two miles"]


def test_a_postcode_alone_keeps_the_programs_whose_service_area_holds_it(client, directory):
    program_north_of_21044(directory, "County-wide", 1)
    program_north_of_21044(directory, "Listed", 1, service_area="zip_codes", service_area_zip_codes="21045, 21044")
    program_north_of_21044(directory, "Elsewhere", 1, service_area="zip_codes", service_area_zip_codes="21045")
    program_north_of_21044(directory, "Nearby", 1, service_area="radius", service_area_radius_miles=3)
    page = get(client, "service_at_locations?postcode=21044")
    assert sorted(item["service"]["name"] for item in page["contents"]) == ["County-wide", "Listed", "Nearby"]


def test_taxonomy_terms_filter_by_level_and_parent(client, db):
    medical = ServiceCategory.objects.get(slug="medical")
    top = [term["code"] for term in get(client, "taxonomy_terms?top_only=true&per_page=100")["contents"]]
    assert "medical" in top and "dental" not in top
    children = get(client, f"taxonomy_terms?parent_id={medical.hsds_id}")["contents"]
    assert [term["code"] for term in children] == ["emergency-medical", "dental", "vision", "hearing", "prescriptions"]
    assert get(client, "taxonomy_terms?taxonomy_id=3fa85f64-5717-4562-b3fc-2c963f66afa6")["total_items"] == 0


def test_there_is_one_taxonomy(client, db):
    page = get(client, "taxonomies")
    assert [taxonomy["id"] for taxonomy in page["contents"]] == [str(TAXONOMY_ID)]


def test_an_organization_lists_only_its_published_services(client, directory):
    agency = AgencyFactory()
    ResourcePageFactory(parent=directory, agency=agency, title="Open")
    ResourcePageFactory(parent=directory, agency=agency, title="Draft", live=False)
    organization = get(client, f"organizations/{agency.hsds_id}")
    assert [service["name"] for service in organization["services"]] == ["Open"]
    assert ResourcePage.objects.count() == 2


def test_words_with_a_filter_that_keeps_nothing_find_nothing(client, directory):
    ResourcePageFactory(parent=directory, summary="Winter coats")
    assert get(client, "services?organization_id=3fa85f64-5717-4562-b3fc-2c963f66afa6&search=coats")["empty"] is True
