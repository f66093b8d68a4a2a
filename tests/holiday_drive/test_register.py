import re

import pytest

from aid_requests.models import Child, Household
from holiday_drive.models import Registration
from tests.holiday_drive.conftest import GUARDIAN, step_data

pytestmark = pytest.mark.django_db


def test_the_whole_registration_saves_the_family_with_a_number_and_lettered_children(register):
    response = register()
    assert response.status_code == 302 and response.url == "/holiday/register/done/"
    registration = Registration.objects.get()
    number = registration.family_number
    assert re.fullmatch(r"H26-\d{5}", number) and registration.status == "registered"
    assert [child.tag for child in registration.children.all()] == [f"{number}-A", f"{number}-B"]
    ana = registration.children.get(letter="A")
    assert (ana.first_name, ana.age, ana.size_shoes, ana.wishes) == ("Ana", 9, "3", ["A red bike", "Paints"])
    assert registration.packages == ["food", "gifts"] and not registration.wants_clothing
    assert registration.consent_given_at and registration.pickup_slot is None and not registration.check_in_code
    assert Household.objects.get().guardian_name == "Maria Lopez"
    assert sorted(Child.objects.values_list("first_name", flat=True)) == ["Ana", "Luis"]


def test_family_numbers_are_random_so_they_tell_no_one_the_order_of_registration(client, register):
    register()
    client.cookies.clear()
    register(guardian=GUARDIAN | {"guardian_name": "Denise Carter", "phone": "410-555-0199", "email": ""})
    first, second = (int(number[4:]) for number in Registration.objects.values_list("family_number", flat=True))
    assert first >= 10000 and second >= 10000 and second != first + 1


def test_the_confirmation_shows_the_registration_code_the_family_number_and_what_happens_next(client, register):
    register()
    html = client.get("/holiday/register/done/").text
    registration = Registration.objects.get()
    assert "Your family is registered" in html and registration.family_number in html
    assert f'<strong class="reference">{registration.registration_code}</strong>' in html
    assert "What happens next" in html and "Check-in code" not in html


def test_sending_the_last_step_twice_registers_once(client, register):
    register()
    again = client.post("/holiday/register/", step_data("packages", {"packages": ["food"], "consent": "on"}))
    assert again.status_code == 302 and again.url == "/holiday/register/done/"
    assert Registration.objects.count() == 1 and Household.objects.count() == 1


def test_a_bad_step_shows_clear_errors_and_saves_nothing(client, register):
    response = register(guardian=GUARDIAN | {"guardian_name": "", "zip_code": "2104x"}, stop_after="guardian")
    assert response.status_code == 200
    assert "Enter your name." in response.text
    assert "Enter a ZIP code of five digits, like 21044." in response.text
    assert not Household.objects.exists() and not Registration.objects.exists()


def test_the_last_step_without_consent_or_packages_saves_nothing(register):
    response = register(packages={"pickup_slot": "later"})
    assert "Choose at least one package." in response.text
    assert "We need your agreement to register your family." in response.text
    assert not Registration.objects.exists() and not Household.objects.exists()


def test_add_another_child_shows_one_more_blank_child_without_javascript(client, register):
    register(stop_after="guardian")
    response = client.post(
        "/holiday/register/", step_data("children", [{"first_name": "Ana", "age": "9"}]) | {"add_child": "1"}
    )
    assert "Child 2" in response.text and 'value="Ana"' in response.text
    assert not Registration.objects.exists()


def test_the_form_posts_are_rate_limited(client, campaign):
    for _ in range(30):
        client.post("/holiday/register/", step_data("guardian", GUARDIAN))
    response = client.post("/holiday/register/", step_data("guardian", GUARDIAN))
    assert response.status_code == 429
