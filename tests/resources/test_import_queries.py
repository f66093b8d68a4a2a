"""A program import runs a few queries a row, whatever the size of the file, and updates keep what the file leaves out.

Counted with what runs after the commit (search and reference indexing, geocoding): a file of 20 rows runs at
most QUERIES_PER_ROW more queries a row than a file of 5.
"""

import datetime

import pytest
import tablib
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageLogEntry, Revision

from resources import transfer
from resources.models import ResourcePage, ServiceCategory
from resources.publishing import ProgramPublisher
from resources.transfer import Problem
from tests.resources.factories import AgencyFactory, ClosureFactory, LanguageFactory, OpeningHoursFactory

pytestmark = pytest.mark.django_db

# Two are the savepoint of Page.save (import-export adds none: the resource saves in bulk).
# A new page: its two rows (the publisher hands Page.save its parent and that it is no site root); its references
# are written with the batch's.
QUERIES_PER_CREATED_ROW = 2 + 2
# An existing page: its parent and the slug check (Page.clean), the slug and site-root checks (Page.save),
# its two rows; its references and its search entry, 2.
QUERIES_PER_UPDATED_ROW = 2 + 8
HEADERS = ["title", "agency", "categories", "summary", "languages", "hours"]


def _import(rows, capture_on_commit):
    dataset = tablib.Dataset(*rows, headers=HEADERS)
    with CaptureQueriesContext(connection) as queries, capture_on_commit(execute=True):
        outcome = transfer.import_dataset(dataset, "programs")
    assert outcome.imported, outcome.problems
    return len(queries)


def _rows(first, count, summary="Groceries"):
    agencies = ["Food Bank", "Clothes Closet", "Dental Clinic"]
    return [
        (f"Program {number}", agencies[number % 3], "food-pantry, meals", summary, "en, es", "Mon-Fri 09:00-17:00")
        for number in range(first, first + count)
    ]


@pytest.fixture
def agencies(directory):
    LanguageFactory(code="en", name="English")
    LanguageFactory(code="es", name="Spanish")
    for name in ["Food Bank", "Clothes Closet", "Dental Clinic"]:
        AgencyFactory(name=name, zip_code="21044")


def test_importing_new_programs_runs_a_few_queries_a_row(agencies, django_capture_on_commit_callbacks):
    _import(_rows(0, 1), django_capture_on_commit_callbacks)  # the directory has a last child from now on
    five = _import(_rows(1, 5), django_capture_on_commit_callbacks)
    twenty = _import(_rows(6, 20), django_capture_on_commit_callbacks)
    assert twenty - five <= 15 * QUERIES_PER_CREATED_ROW
    assert ResourcePage.objects.live().count() == 26


def test_updating_programs_runs_a_few_queries_a_row(agencies, django_capture_on_commit_callbacks):
    _import(_rows(0, 25), django_capture_on_commit_callbacks)
    five = _import(_rows(0, 5, summary="Fresh food"), django_capture_on_commit_callbacks)
    twenty = _import(_rows(5, 20, summary="Fresh food"), django_capture_on_commit_callbacks)
    assert twenty - five <= 15 * QUERIES_PER_UPDATED_ROW
    assert ResourcePage.objects.filter(summary="Fresh food").count() == 25


def test_an_update_replaces_the_relations_the_file_gives_and_keeps_the_others(
    agencies, django_capture_on_commit_callbacks
):
    _import(
        [("Pantry", "Food Bank", "food-pantry", "Food", "en", "Mon 09:00-12:00")], django_capture_on_commit_callbacks
    )
    program = ResourcePage.objects.get()
    ClosureFactory(program=program, starts_on=datetime.date(2026, 12, 24), ends_on=datetime.date(2026, 12, 26))
    OpeningHoursFactory(program=program, weekday=5)

    dataset = tablib.Dataset(
        ("Pantry", "Food Bank", "meals", "Tue 10:00-11:00"), headers=["title", "agency", "categories", "hours"]
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert transfer.import_dataset(dataset, "programs").updated == 1

    program = ResourcePage.objects.get()
    assert [category.slug for category in program.categories.all()] == ["meals"]
    assert [language.code for language in program.languages.all()] == ["en"]  # no languages column: kept
    assert [(hours.weekday, hours.opens) for hours in program.hours.all()] == [(1, datetime.time(10))]
    assert program.closures.count() == 1  # never imported: kept
    revision = program.latest_revision.as_object()  # what the admin shows and would publish again
    assert [category.pk for category in revision.categories.all()] == [ServiceCategory.objects.get(slug="meals").pk]
    assert [language.code for language in revision.languages.all()] == ["en"]
    assert [hours.weekday for hours in revision.hours.all()] == [1]
    assert [closure.starts_on for closure in revision.closures.all()] == [datetime.date(2026, 12, 24)]
    assert program.live_revision_id == program.latest_revision_id


def test_a_row_that_cannot_be_saved_leaves_nothing_imported(agencies, monkeypatch):
    save = ProgramPublisher.save

    def save_or_fail(publisher, program, is_create):
        if program.title == "Program 3":
            raise IntegrityError("a constraint the import did not check")
        save(publisher, program, is_create)

    monkeypatch.setattr(ProgramPublisher, "save", save_or_fail)
    outcome = transfer.import_dataset(tablib.Dataset(*_rows(0, 5), headers=HEADERS), "programs")
    assert not outcome.imported and outcome.problems
    assert not ResourcePage.objects.exists() and not Revision.objects.exists()


def test_a_bad_row_after_a_published_batch_leaves_nothing_imported(agencies, directory):
    rows = [*_rows(0, 501), ("Late", "Nobody", "food-pantry", "Food", "en", "")]  # 500 are published first
    log_entries = PageLogEntry.objects.count()
    outcome = transfer.import_dataset(tablib.Dataset(*rows, headers=HEADERS), "programs")
    assert outcome.problems == [Problem(503, "agency", 'No agency called "Nobody": import the agency first.')]
    assert not outcome.imported
    assert not ResourcePage.objects.exists() and not Revision.objects.exists()
    assert PageLogEntry.objects.count() == log_entries
    directory.refresh_from_db()
    assert directory.numchild == 0
