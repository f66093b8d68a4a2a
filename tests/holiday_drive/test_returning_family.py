import pytest

from holiday_drive.models import Registration
from tests.aid_requests.factories import ChildFactory, HouseholdFactory
from tests.holiday_drive.conftest import GUARDIAN, step_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def household(family):
    """The family applied for help before, with one child on file."""
    household = HouseholdFactory(user=family, guardian_name="Rosa Martinez", phone="410-555-0150", zip_code="21045")
    ChildFactory(household=household, first_name="Sofia", age=8, size_top="8", size_shoes="1")
    return household


def test_a_returning_family_finds_its_details_and_children_filled_in(family_client, campaign, household):
    html = family_client.get("/holiday/register/?restart=1").text
    assert 'value="Rosa Martinez"' in html and 'value="21045"' in html
    guardian = GUARDIAN | {"guardian_name": "Rosa Martinez", "phone": "410-555-0150", "zip_code": "21045"}
    response = family_client.post("/holiday/register/", step_data("guardian", guardian))
    assert 'value="Sofia"' in response.text and 'value="8"' in response.text


def test_a_returning_family_registers_with_its_household(family_client, register, household):
    register()
    registration = Registration.objects.get()
    assert registration.household == household
    assert registration.children.get(letter="A").child.household == household


def test_a_second_registration_by_the_same_household_is_refused_with_its_family_number(family_client, register):
    register()
    response = family_client.get("/holiday/register/?restart=1")
    assert "You are already registered" in response.text
    number = Registration.objects.get().family_number
    assert f'Your family number is <strong class="reference">{number}</strong>' in response.text
    response = register()
    assert "You are already registered" in response.text
    assert Registration.objects.count() == 1


def test_the_family_sees_its_registration_on_its_page(family_client, register):
    register()
    html = family_client.get("/holiday/my/").text
    registration = Registration.objects.get()
    assert "My holiday registration" in html and registration.family_number in html and "Ana, age 9" in html
    assert "Choose a pickup time" in html


def test_my_holiday_page_needs_an_account(client):
    response = client.get("/holiday/my/")
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")
