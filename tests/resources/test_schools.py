"""The district's schools: kept and imported by staff, chosen by families, typed names linked once listed."""

import pytest

from aid_requests.models import Household
from aid_requests.schools import link_listed_schools
from holiday_drive.models import Registration
from resources import transfer
from resources.models import School
from tests.aid_requests.conftest import ABOUT
from tests.aid_requests.factories import HouseholdFactory
from tests.holiday_drive.conftest import GUARDIAN
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
        b"code,name,level\n0512,Running Brook Elementary,elementary\n0600,Hammond High,college\n"
        b"0512,Twice,high\n"
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


def test_staff_keep_schools_in_the_admin_and_families_cannot(staff_client, family_client, agency_client):
    SchoolFactory(name="Running Brook Elementary")
    assert "Running Brook Elementary" in staff_client.get("/admin/snippets/resources/school/").text
    for other in (family_client, agency_client):
        assert other.get("/admin/snippets/resources/school/").status_code == 403


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


def test_the_application_offers_the_schools_as_a_list_that_works_without_javascript(client, apply, home):
    school = SchoolFactory(name="Running Brook Elementary")
    page = client.get("/requests/apply/?restart=1").text
    assert '<select name="about-school"' in page
    assert f'<option value="{school.pk}">Running Brook Elementary</option>' in page
    assert '<option value="other">Other, or not listed</option>' in page

    apply(about={**ABOUT, "school": str(school.pk)})
    assert Household.objects.get().school == school


def test_other_needs_the_schools_name_and_then_keeps_it_as_typed(apply, kinds):
    response = apply(about={**ABOUT, "school": "other", "schools": ""}, stop_after="about")
    assert "Type the name of the school." in response.text
    apply(about={**ABOUT, "school": "other", "schools": "St. John Academy"})
    household = Household.objects.get()
    assert household.school is None and household.schools == "St. John Academy"


def test_an_unknown_school_is_refused(apply, kinds):
    response = apply(about={**ABOUT, "school": "99999"}, stop_after="about")
    assert "Choose a school from the list" in response.text
    assert not Household.objects.exists()


def test_the_holiday_registration_offers_the_schools_too(register, campaign, client):
    school = SchoolFactory(name="Running Brook Elementary")
    assert (
        f'<option value="{school.pk}">Running Brook Elementary</option>'
        in client.get("/holiday/register/?restart=1").text
    )
    register(guardian={**GUARDIAN, "school": str(school.pk)})
    assert Registration.objects.get().household.school == school
