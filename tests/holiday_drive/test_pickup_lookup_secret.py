"""The pickup lookup opens only with the family's own registration code: a family number and a phone number,
which a sponsor, a volunteer or an abusive partner may know, open nothing, and guesses are limited per family."""

import pytest

from holiday_drive.models import Registration
from holiday_drive.models.registrations import normalize_registration_code
from tests.aid_requests.factories import HouseholdFactory
from tests.holiday_drive.factories import HolidayCampaignPageFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

FIND, CONFIRMATION = "/holiday/pickup/", "/holiday/pickup/confirmation/"


@pytest.fixture
def registration(campaign):
    return RegistrationFactory(campaign=campaign, household=HouseholdFactory(phone="410-555-0199", email="a@b.org"))


def test_a_family_number_with_the_phone_number_opens_nothing(client, registration):
    response = client.post(FIND, {"family_number": registration.family_number, "contact": "410-555-0199"})
    assert response.status_code == 200 and "This field is required." in response.text
    assert client.get(CONFIRMATION).url == FIND


def test_the_family_number_typed_as_the_code_opens_nothing(client, registration):
    response = client.post(FIND, {"registration_code": registration.family_number, "contact": "410-555-0199"})
    assert "We could not find a registration" in response.text and client.get(CONFIRMATION).url == FIND


def test_the_registration_code_with_the_phone_number_opens_the_pickup(client, registration):
    response = client.post(FIND, {"registration_code": registration.registration_code, "contact": "4105550199"})
    assert response.url == CONFIRMATION
    assert registration.registration_code in client.get(CONFIRMATION).text


def test_tries_for_one_family_are_limited_whatever_address_they_come_from(client, registration):
    for attempt in range(10):
        wrong = {"registration_code": f"AAAA-AAA{'23456789ABC'[attempt]}", "contact": "410-555-0199"}
        assert client.post(FIND, wrong, REMOTE_ADDR=f"203.0.113.{attempt}").status_code == 200
    right = {"registration_code": registration.registration_code, "contact": "410-555-0199"}
    assert client.post(FIND, right, REMOTE_ADDR="198.51.100.7").status_code == 429
    other_family = RegistrationFactory(campaign=registration.campaign)
    other = {"registration_code": other_family.registration_code, "contact": other_family.household.phone}
    assert client.post(FIND, other, REMOTE_ADDR="198.51.100.8").url == CONFIRMATION


def test_codes_are_random_and_easy_to_read_aloud(campaign):
    codes = [RegistrationFactory(campaign=campaign).registration_code for _ in range(20)]
    assert len(set(codes)) == 20
    assert all(len(code) == 9 and code[4] == "-" and not set(code) & set("01ILO") for code in codes)
    assert normalize_registration_code(" 7k3f 9qx2 ") == "7K3F-9QX2" and normalize_registration_code("7K3F") == ""


def test_family_numbers_are_random_with_five_digits_and_unique_per_campaign(home):
    campaign = HolidayCampaignPageFactory(parent=home)
    registrations = [RegistrationFactory(campaign=campaign) for _ in range(30)]
    numbers = [int(registration.family_number.removeprefix("H26-")) for registration in registrations]
    assert len(set(numbers)) == 30 and all(10000 <= number <= 99999 for number in numbers)
    assert numbers != sorted(numbers)
    assert Registration.objects.filter(family_number__regex=r"^H26-0").count() == 0
