import csv
import io

import pytest
from django.core.management import call_command

from resources.hsds.records import directory_tables
from resources.hsds.tables import ENUMS, EXPORTED, NUMBER_COLUMNS, TABLES, UUID_COLUMNS
from tests.resources.factories import AgencyFactory, ResourcePageFactory
from tests.resources.hsds_helpers import EXAMPLES, SCHEMAS, errors, full_directory, read_json, table_validator

pytestmark = pytest.mark.django_db


@pytest.fixture
def exported(directory, tmp_path):
    full_directory(directory)
    call_command("export_hsds", str(tmp_path), stdout=io.StringIO())
    return tmp_path


def header(path):
    with open(path, newline="", encoding="utf-8") as lines:
        return next(csv.reader(lines))


def test_every_record_written_validates_against_its_table_schema(exported):
    for table in EXPORTED:
        validator = table_validator(table)
        records = read_json(exported / f"{table}.json")
        assert records, f"{table}.json is empty"
        for record in records:
            assert errors(validator, record) == [], (table, record)


def test_csv_files_have_the_names_and_columns_of_the_official_examples(exported):
    written = sorted(path.name for path in (exported / "csv").glob("*.csv"))
    assert written == sorted(TABLES[table].path for table in EXPORTED)
    for name in written:
        assert header(exported / "csv" / name) == header(EXAMPLES / "csv" / name), name


def test_the_csv_rows_hold_the_same_records_as_the_json(exported):
    with open(exported / "csv" / "schedules.csv", newline="", encoding="utf-8") as lines:
        rows = [{column: value for column, value in row.items() if value} for row in csv.DictReader(lines)]
    assert rows == read_json(exported / "schedule.json")


def test_the_datapackage_describes_each_csv_file(exported):
    package = read_json(exported / "csv" / "datapackage.json")
    assert package["profile"] == "tabular-data-package"
    for resource in package["resources"]:
        fields = [field["name"] for field in resource["schema"]["fields"]]
        assert fields == header(exported / "csv" / resource["path"])
    service = next(resource for resource in package["resources"] if resource["name"] == "service")
    assert {"fields": "organization_id", "reference": {"resource": "organization", "fields": "id"}} in service[
        "schema"
    ]["foreignKeys"]


def test_our_table_definitions_follow_the_schemas(db):
    for path in SCHEMAS.glob("*.json"):
        schema = read_json(path)
        if "path" not in schema:
            continue
        table = TABLES[schema["name"]]
        scalars = {
            name: p for name, p in schema["properties"].items() if p.get("type") not in ("array", "object", None)
        }
        assert (table.path, table.columns) == (schema["path"], tuple(scalars)), table.name
        assert table.required == set(schema["required"] + schema.get("tabular_required", [])), table.name
        assert {c for c, p in scalars.items() if p["type"] == "number"} == NUMBER_COLUMNS & set(table.columns)
        assert {c for c, p in scalars.items() if p.get("format") == "uuid"} == UUID_COLUMNS & set(table.columns)
        assert {c: p["enum"] for c, p in scalars.items() if "enum" in p} == {c: ENUMS[c] for c in scalars if c in ENUMS}


def test_drafts_and_their_records_are_left_out(directory):
    full_directory(directory)
    names = [service["name"] for service in directory_tables()["service"]]
    assert names == ["Eye Clinic", "Homework Club", "Weekly Pantry"]


def test_ids_are_the_same_in_every_export(directory):
    full_directory(directory)
    first, second = directory_tables(), directory_tables()
    assert [[record["id"] for record in first[table]] for table in EXPORTED] == [
        [record["id"] for record in second[table]] for table in EXPORTED
    ]


def test_opening_hours_become_weekly_schedules(directory):
    pantry = full_directory(directory)
    schedules = [record for record in directory_tables()["schedule"] if record["service_id"] == str(pantry.hsds_id)]
    assert [(s["freq"], s["byday"], s["opens_at"], s["closes_at"]) for s in schedules] == [
        ("WEEKLY", "MO", "09:00", "12:00"),
        ("WEEKLY", "MO", "13:00", "17:00"),
        ("WEEKLY", "SA", "10:30", "14:00"),
    ]
    assert schedules[0]["description"] == "Walk-ins"


def test_a_program_with_its_own_address_has_its_own_location(directory):
    full_directory(directory)
    tables = directory_tables()
    clinic = next(service for service in tables["service"] if service["name"] == "Eye Clinic")
    link = next(link for link in tables["service_at_location"] if link["service_id"] == clinic["id"])
    address = next(address for address in tables["address"] if address["location_id"] == link["location_id"])
    assert (address["address_1"], address["postal_code"], address["country"]) == ("10 Elm Street", "21043", "US")


def test_the_command_says_what_it_wrote(directory, tmp_path, capsys):
    full_directory(directory)
    call_command("export_hsds", str(tmp_path))
    assert "3 services" in capsys.readouterr().out


def test_an_agency_without_published_programs_is_left_out(directory):
    AgencyFactory(name="Partner only", email="private@example.org")
    ResourcePageFactory(parent=directory, title="Draft", agency=AgencyFactory(name="Drafts only"), live=False)
    assert directory_tables()["organization"] == []
