"""The application asks for the school from the district's list, with "other / not listed" typed in."""

import pytest

from aid_requests.models import Household
from tests.aid_requests.conftest import ABOUT
from tests.resources.factories import SchoolFactory

pytestmark = pytest.mark.django_db


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
