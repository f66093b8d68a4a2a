"""A family's own copy of their data includes their holiday registrations and children's wishes."""

import json

import pytest

from tests.aid_requests.factories import HouseholdFactory
from tests.holiday_drive.factories import RegisteredChildFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_the_page_and_the_json_show_the_registration(family_client, family, campaign):
    registration = RegistrationFactory(campaign=campaign, household=HouseholdFactory(user=family))
    RegisteredChildFactory(registration=registration, first_name="Ana", age=9, wish_1="A red bike")
    html = family_client.get("/my/data/").text
    assert "Holiday 2026" in html and "A red bike" in html
    data = json.loads(family_client.get("/my/data.json").content)
    [record] = data["holiday_registrations"]
    assert record["family_number"] == registration.family_number
    assert record["children"][0]["wishes"] == ["A red bike"]
