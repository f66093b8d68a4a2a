import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command

from resources.hsds.files import read_dataset
from resources.hsds.loading import load_dataset
from resources.hsds.values import local_time
from resources.models import Agency, ResourceIndexPage, ResourcePage, ServiceCategory
from tests.resources.factories import AgencyFactory, ResourcePageFactory
from tests.resources.hsds_helpers import EXAMPLES, full_directory, snapshot

pytestmark = pytest.mark.django_db
SERVICE_ID = "ac148810-d857-441c-9679-408f346de14b"  # the official examples' service


def import_hsds(path, *args):
    out = io.StringIO()
    call_command("import_hsds", str(path), *args, stdout=out)
    return out.getvalue()


def write(folder, table, records):
    folder.mkdir(exist_ok=True)
    (folder / f"{table}.json").write_text(json.dumps(records))
    return folder


def example_program():
    return ResourcePage.objects.get(hsds_id=SERVICE_ID)


@pytest.mark.parametrize("path", [EXAMPLES / "csv", EXAMPLES])
def test_it_loads_the_official_examples(directory, path):
    output = import_hsds(path)
    program = example_program()
    assert (program.title, program.agency.name) == ("Community Counselling", "Example Organization Inc.")
    assert [(hours.weekday, hours.opens, hours.closes) for hours in program.hours.order_by("weekday")] == [
        (3, datetime.time(10), datetime.time(18)),
        (4, datetime.time(10), datetime.time(18)),
    ]
    assert [language.code for language in program.languages.all()] == ["ur"]
    assert program.documents.startswith("Any official identification document")
    assert "created 1 agency" in output and "1 program" in output


def test_the_nested_json_examples_link_the_service_to_its_taxonomy_term(directory):
    import_hsds(EXAMPLES)
    assert [category.name for category in example_program().categories.all()] == ["name"]
    assert ServiceCategory.objects.get(hsds_id="3f7b145d-84af-42d7-8fae-eaca714b02b2").parent is None


def test_a_file_without_a_table_leaves_what_that_table_sets(directory):
    import_hsds(EXAMPLES / "csv")
    output = import_hsds(EXAMPLES / "service_list.json")  # services and organizations only
    assert example_program().hours.count() == 2
    assert [language.code for language in example_program().languages.all()] == ["ur"]
    assert "unchanged 1 agency, 1 program" in output


def test_new_programs_are_drafts_unless_published(directory):
    import_hsds(EXAMPLES / "csv")
    assert not example_program().live
    import_hsds(EXAMPLES / "csv", "--publish")
    assert example_program().live


def test_importing_twice_creates_nothing_new(directory):
    import_hsds(EXAMPLES, "--publish")
    counts = (Agency.objects.count(), ResourcePage.objects.count(), ServiceCategory.objects.count())
    revisions = example_program().revisions.count()
    output = import_hsds(EXAMPLES, "--publish")
    assert (Agency.objects.count(), ResourcePage.objects.count(), ServiceCategory.objects.count()) == counts
    assert example_program().revisions.count() == revisions
    assert "unchanged 1 agency, 1 category, 1 program" in output


@pytest.mark.parametrize("form", ["json", "csv"])
def test_export_then_import_into_an_empty_directory_reproduces_it(directory, tmp_path, form):
    full_directory(directory)
    call_command("export_hsds", str(tmp_path), stdout=io.StringIO())
    before = snapshot()
    ResourcePage.objects.all().delete()
    Agency.objects.all().delete()
    ServiceCategory.objects.filter(parent__slug="tutoring").delete()
    ServiceCategory.objects.filter(slug="tutoring").delete()
    import_hsds(tmp_path if form == "json" else tmp_path / "csv", "--publish")
    assert snapshot() == before


def test_a_changed_record_updates_the_program_as_a_draft_revision(directory, tmp_path):
    program = ResourcePageFactory(parent=directory, title="Old name")
    call_command("export_hsds", str(tmp_path), stdout=io.StringIO())
    services = json.loads((tmp_path / "service.json").read_text())
    write(tmp_path, "service", [{**services[0], "name": "New name"}])
    assert "updated 1 agency" not in import_hsds(tmp_path)
    program.refresh_from_db()
    assert (program.title, program.get_latest_revision_as_object().title) == ("Old name", "New name")


def test_terms_match_our_categories_by_code_and_name(directory, tmp_path):
    terms = [
        {"id": "11111111-1111-4111-8111-111111111111", "code": "dental", "name": "Teeth", "description": ""},
        {"id": "22222222-2222-4222-8222-222222222222", "name": "Food pantries", "description": ""},
    ]
    before = ServiceCategory.objects.count()
    assert "matched 2 categories" in import_hsds(write(tmp_path / "data", "taxonomy_term", terms))
    assert ServiceCategory.objects.count() == before


def test_bad_records_are_reported_and_skipped(directory, tmp_path):
    agency = AgencyFactory()
    services = [
        {"id": "not-a-uuid", "name": "Broken", "status": "active", "organization_id": str(agency.hsds_id)},
        {"id": "33333333-3333-4333-8333-333333333333", "name": "Orphan", "status": "active",
         "organization_id": "44444444-4444-4444-8444-444444444444"},
        {"id": "55555555-5555-4555-8555-555555555555", "name": "Good", "status": "active",
         "organization_id": str(agency.hsds_id), "description": "Fine."},
    ]  # fmt: skip
    output = import_hsds(write(tmp_path / "data", "service", services))
    assert "service not-a-uuid: skipped: its id is not a UUID" in output
    assert "service 33333333-3333-4333-8333-333333333333: skipped: its organization is" in output
    assert list(ResourcePage.objects.values_list("title", flat=True)) == ["Good"]


def test_a_schedule_that_is_not_weekly_is_reported_and_the_program_kept(directory, tmp_path):
    service = {"id": SERVICE_ID, "name": "Clinic", "status": "active", "organization_id": str(AgencyFactory().hsds_id)}
    schedule = {"id": "66666666-6666-4666-8666-666666666666", "service_id": SERVICE_ID, "freq": "MONTHLY",
                "byday": "1MO", "opens_at": "09:00", "closes_at": "10:00"}  # fmt: skip
    folder = write(write(tmp_path / "data", "service", [service]), "schedule", [schedule])
    loader = load_dataset(read_dataset(folder), ResourceIndexPage.objects.get())
    assert "schedule 66666666-6666-4666-8666-666666666666: skipped: only weekly schedules become opening hours" in [
        str(problem) for problem in loader.problems
    ]
    assert example_program().hours.count() == 0


def test_opening_times_with_a_utc_offset_become_local_time(settings):
    settings.TIME_ZONE = "America/New_York"
    assert local_time("14:00Z") in (datetime.time(9), datetime.time(10))  # EST or EDT
    assert local_time("09:00-05:00") in (datetime.time(9), datetime.time(10))
    assert local_time("09:30") == datetime.time(9, 30)
    assert local_time("9 am") is None


def test_it_fails_clearly_without_a_directory_page(db):
    with pytest.raises(CommandError, match="no directory page"):
        import_hsds(EXAMPLES / "csv")


def test_it_fails_clearly_on_a_path_with_no_dataset(directory, tmp_path):
    with pytest.raises(CommandError, match="holds no HSDS files"):
        import_hsds(tmp_path)
