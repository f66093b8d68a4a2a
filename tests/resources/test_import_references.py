"""Imported programs are in Wagtail's reference index as if each had been saved one by one: the agency's
"Used by" lists them, and the rows are the ones Wagtail's own method writes."""

import pytest
import tablib
from wagtail.models import Comment, ReferenceIndex

from resources import transfer
from resources.models import Agency, ResourcePage
from tests.resources.factories import AgencyFactory, LanguageFactory

pytestmark = pytest.mark.django_db
HEADERS = ["title", "agency", "categories", "summary", "languages", "hours"]


def _rows(agency, count, summary="Groceries"):
    return [
        (f"Program {number}", agency, "food-pantry", summary, "en", "Mon-Fri 09:00-17:00") for number in range(count)
    ]


def _references(program):
    fields = ("to_content_type_id", "to_object_id", "model_path", "content_path", "content_path_hash")
    return set(ReferenceIndex.get_references_for_object(program).values_list(*fields))


def test_imported_programs_are_used_by_their_agency_as_wagtail_would_index_them(
    directory, django_capture_on_commit_callbacks
):
    LanguageFactory(code="en", name="English")
    AgencyFactory(name="Food Bank", zip_code="21044")
    with django_capture_on_commit_callbacks(execute=True):
        outcome = transfer.import_dataset(tablib.Dataset(*_rows("Food Bank", 3), headers=HEADERS), "programs")
    assert outcome.imported, outcome.problems

    agency = Agency.objects.get(name="Food Bank")
    programs = list(ResourcePage.objects.filter(agency=agency))
    used_by = {reference.object_id for reference in ReferenceIndex.get_references_to(agency)}
    assert used_by == {str(program.pk) for program in programs} and len(programs) == 3
    for program in programs:
        imported = _references(program)
        ReferenceIndex.remove_for_object(program)
        ReferenceIndex.create_or_update_for_object(program)
        assert imported == _references(program) != set()


def test_an_updated_program_moved_to_another_agency_leaves_the_first_ones_usage(
    directory, django_capture_on_commit_callbacks
):
    LanguageFactory(code="en", name="English")
    first, second = AgencyFactory(name="Food Bank"), AgencyFactory(name="Clothes Closet")
    with django_capture_on_commit_callbacks(execute=True):
        transfer.import_dataset(tablib.Dataset(*_rows("Food Bank", 1), headers=HEADERS), "programs")
    program = ResourcePage.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        outcome = transfer.import_dataset(
            tablib.Dataset(
                (program.hsds_id, "Program 0", "Clothes Closet", "food-pantry", "Coats", "en", ""),
                headers=["hsds_id", *HEADERS],
            ),
            "programs",
        )
    assert outcome.imported, outcome.problems
    assert ResourcePage.objects.get().agency == second
    assert not ReferenceIndex.get_references_to(first).exists()
    assert {reference.object_id for reference in ReferenceIndex.get_references_to(second)} == {str(program.pk)}


def test_an_updated_program_keeps_what_its_comments_refer_to(directory, staff, django_capture_on_commit_callbacks):
    LanguageFactory(code="en", name="English")
    AgencyFactory(name="Food Bank")
    with django_capture_on_commit_callbacks(execute=True):
        transfer.import_dataset(tablib.Dataset(*_rows("Food Bank", 1), headers=HEADERS), "programs")
    program = ResourcePage.objects.get()
    Comment.objects.create(page=program, user=staff, text="Check the hours", contentpath="hours")
    with django_capture_on_commit_callbacks(execute=True):
        outcome = transfer.import_dataset(tablib.Dataset(*_rows("Food Bank", 1, "Coats"), headers=HEADERS), "programs")
    assert outcome.updated == 1
    assert {reference.object_id for reference in ReferenceIndex.get_references_to(staff)} == {str(program.pk)}
    imported = _references(program)
    ReferenceIndex.remove_for_object(program)
    ReferenceIndex.create_or_update_for_object(program)
    assert imported == _references(program)
