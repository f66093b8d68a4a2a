import datetime

import pytest
import tablib
from wagtail.models import ReferenceIndex

from resources import transfer
from resources.columns import format_hours, parse_hours
from resources.models import Agency, ResourcePage, ServiceCategory
from resources.transfer import Problem
from tests.resources.factories import AgencyFactory, LanguageFactory, OpeningHoursFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db

PROGRAM_HEADERS = ["title", "agency", "categories", "summary", "zip_code", "hours"]


def _file(headers, rows, extension="csv"):
    content = transfer.FORMATS[extension]().export_data(tablib.Dataset(*rows, headers=headers))
    return transfer.read_dataset(content if isinstance(content, bytes) else content.encode(), extension)


def _import(kind, headers, rows, extension="csv", **options):
    return transfer.import_dataset(_file(headers, rows, extension), kind, **options)


def test_exported_agencies_and_programs_import_back_unchanged(directory):
    program = ResourcePageFactory(parent=directory, categories=ServiceCategory.objects.filter(slug="dental"))
    program.languages.set([LanguageFactory()])
    OpeningHoursFactory(program=program, note="walk-ins")
    program.save_revision().publish()
    before = {kind: transfer.export_content(kind, "csv")[0] for kind in ("agencies", "programs")}
    ResourcePage.objects.all().delete()
    Agency.objects.all().delete()
    for kind in ("agencies", "programs"):
        assert transfer.import_dataset(transfer.read_dataset(before[kind], "csv"), kind).imported
    assert {kind: transfer.export_content(kind, "csv")[0] for kind in before} == before


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_a_file_with_one_bad_row_imports_nothing_and_names_the_line_and_column(directory, extension):
    AgencyFactory(name="Food Bank")
    rows = [("Pantry", "Food Bank", "food-pantry", "Food", "", ""), ("Toys", "Food Bank", "toys", "Toys", "", "")]
    outcome = _import("programs", PROGRAM_HEADERS, rows, extension)
    assert outcome.problems == [Problem(3, "categories", 'Unknown category "toys".')]
    assert not outcome.imported and not ResourcePage.objects.exists()


def test_each_problem_is_told_in_plain_words(directory):
    rows = [("", "Nobody", "food", "Food", "2104", "Mon 9-5")]
    messages = {problem.column: problem.message for problem in _import("programs", PROGRAM_HEADERS, rows).problems}
    assert messages == {
        "agency": 'No agency called "Nobody": import the agency first.',
        "hours": 'Write hours like "Mon 09:00-17:00; Tue 09:00-12:00"; could not read "Mon 9-5".',
        "title": "This field cannot be blank.",
        "zip_code": "Enter a five-digit ZIP code.",
    }


def test_unknown_and_missing_columns_are_reported_on_line_1(directory):
    outcome = _import("agencies", ["nme", "zip_code"], [("Food Bank", "21044")])
    assert [(problem.line, problem.column) for problem in outcome.problems] == [(1, "name"), (1, "nme")]


def test_imported_programs_are_published_with_a_revision(directory, client):
    AgencyFactory(name="Food Bank")
    assert _import("programs", PROGRAM_HEADERS, [("Pantry", "food bank", "food-pantry", "Food", "", "")]).imported
    program = ResourcePage.objects.get()
    assert program.live and not program.has_unpublished_changes
    assert program.live_revision_id == program.latest_revision_id is not None
    assert client.get(program.url).status_code == 200


def test_an_agency_is_recognised_by_name_and_zip_and_updated(django_capture_on_commit_callbacks):
    agency = AgencyFactory(name="Food Bank", zip_code="21044", latitude=None, longitude=None)
    with django_capture_on_commit_callbacks(execute=True):
        outcome = _import("agencies", ["name", "zip_code", "languages"], [("FOOD BANK", "21044", "es")])
    assert (outcome.created, outcome.updated) == (0, 1)
    agency.refresh_from_db()
    assert [language.code for language in agency.languages.all()] == ["es"]
    assert agency.has_coordinates  # geocoded after the import


def test_a_row_repeating_an_earlier_one_is_a_problem():
    outcome = _import("agencies", ["name", "zip_code"], [("Food Bank", "21044"), ("Food Bank", "21044")])
    assert outcome.problems == [Problem(3, "name", "Line 2 already describes this agency.")]


def test_hours_are_read_and_written_as_compact_text():
    hours = parse_hours("Mon 09:00-12:00; mon 13:00-17:00 (walk-ins); Tuesday 9:30-12:00")
    assert [(opening.weekday, opening.opens) for opening in hours] == [
        (0, datetime.time(9)),
        (0, datetime.time(13)),
        (1, datetime.time(9, 30)),
    ]
    assert format_hours(hours) == "Mon 09:00-12:00; Mon 13:00-17:00 (walk-ins); Tue 09:30-12:00"


@pytest.mark.parametrize("text", ["Mon 17:00-09:00", "Someday 09:00-17:00", "Mon 25:00-26:00"])
def test_hours_that_cannot_be_right_are_refused(text):
    with pytest.raises(ValueError):
        parse_hours(text)


def test_imported_programs_are_searchable_and_counted_as_uses_of_their_agency(
    directory, django_capture_on_commit_callbacks
):
    agency = AgencyFactory(name="Food Bank")
    with django_capture_on_commit_callbacks(execute=True):
        _import("programs", PROGRAM_HEADERS, [("Pantry", "Food Bank", "food-pantry", "Groceries", "", "")])
    program = ResourcePage.objects.get()
    assert list(ResourcePage.objects.live().search("Groceries")) == [program]
    assert ReferenceIndex.get_references_to(agency).filter(object_id=str(program.pk)).exists()
