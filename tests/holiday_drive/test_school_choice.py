"""The holiday registration asks for the school from the district's list too."""

import pytest

from holiday_drive.models import Registration
from tests.holiday_drive.conftest import GUARDIAN
from tests.resources.factories import SchoolFactory

pytestmark = pytest.mark.django_db


def test_the_holiday_registration_offers_the_schools_too(register, campaign, client):
    school = SchoolFactory(name="Running Brook Elementary")
    assert (
        f'<option value="{school.pk}">Running Brook Elementary</option>'
        in client.get("/holiday/register/?restart=1").text
    )
    register(guardian={**GUARDIAN, "school": str(school.pk)})
    assert Registration.objects.get().household.school == school


def test_a_school_staff_add_or_close_shows_at_once_though_the_list_is_cached(campaign, client):
    client.get("/holiday/register/?restart=1")  # the list is cached now
    school = SchoolFactory(name="Thunder Hill Elementary")
    assert "Thunder Hill Elementary" in client.get("/holiday/register/?restart=1").text
    school.is_active = False
    school.save()
    assert "Thunder Hill Elementary" not in client.get("/holiday/register/?restart=1").text
