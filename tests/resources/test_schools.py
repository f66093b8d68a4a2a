"""The district's schools: kept and imported by staff, chosen by families, typed names linked once listed."""

import pytest

from aid_requests.models import Household
from aid_requests.schools import link_listed_schools
from resources import transfer
from resources.models import School
from tests.aid_requests.factories import HouseholdFactory
from tests.resources.factories import SchoolFactory

pytestmark = pytest.mark.django_db

SCHOOLS_CSV = (
    b"code,name,level,address,zip_code\n"
    b"0512,Running Brook Elementary,elementary,5215 W Running Brook Rd,21044\n"
    b"0733,Wilde Lake Middle,middle,,21044\n"
)


def _import(content, dry_run=False):
    return transfer.import_dataset(transfer.read_dataset(content, "csv"), "schools", dry_run=dry_run)


def test_staff_import_the_districts_schools_and_a_second_import_updates_by_code():
    outcome = _import(SCHOOLS_CSV)
    assert outcome.imported and outcome.created == 2
    assert School.objects.get(code="0733").level == "middle"

    outcome = _import(b"code,name,level\n0733,Wilde Lake Middle School,middle\n")
    assert outcome.imported and (outcome.created, outcome.updated) == (0, 1)
    assert School.objects.get(code="0733").name == "Wilde Lake Middle School"


def test_a_file_with_a_bad_line_names_it_and_imports_nothing():
    outcome = _import(
        b"code,name,level\n0512,Running Brook Elementary,elementary\n0600,Hammond High,college\n0512,Twice,high\n"
    )
    assert not outcome.imported and not School.objects.exists()
    lines = {(problem.line, problem.column) for problem in outcome.problems}
    assert (3, "level") in lines and (4, "code") in lines


def test_a_file_without_the_code_column_is_refused():
    outcome = _import(b"name,level\nRunning Brook Elementary,elementary\n")
    assert not outcome.imported and "This column is required." in str(outcome.problems[0])


def test_the_import_page_guesses_a_schools_file(staff_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = staff_client.post("/admin/directory/import/", {"file": SimpleUploadedFile("schools.csv", SCHOOLS_CSV)})
    assert response.status_code == 302
    assert "Ready to import schools: 2 to create" in staff_client.get(response.url).text


def test_staff_keep_schools_in_the_admin(staff_client):
    SchoolFactory(name="Running Brook Elementary")
    assert "Running Brook Elementary" in staff_client.get("/admin/snippets/resources/school/").text


@pytest.mark.parametrize("persona", ["family_client", "agency_client"])
def test_families_and_agencies_cannot_open_the_schools(request, persona):
    SchoolFactory(name="Running Brook Elementary")
    response = request.getfixturevalue(persona).get("/admin/snippets/resources/school/")
    assert response.status_code == 403 and "Running Brook Elementary" not in response.text


def test_typed_school_names_that_match_a_listed_school_exactly_are_linked():
    school = SchoolFactory(name="Running Brook Elementary")
    exact = HouseholdFactory(schools="  running brook   elementary ")
    fuzzy = HouseholdFactory(schools="Running Brook")
    blank = HouseholdFactory(schools="")
    assert link_listed_schools(School, Household) == 1
    for household in (exact, fuzzy, blank):
        household.refresh_from_db()
    assert exact.school == school and exact.schools == ""
    assert fuzzy.school is None and fuzzy.schools == "Running Brook"  # left as it was
    assert blank.school is None
