"""The data migration stores every household's number in E.164, reports the ones it cannot parse by household
id only, and changes nothing it cannot parse."""

import importlib

import pytest
from django.apps import apps

from aid_requests.models import Household
from tests.aid_requests.factories import HouseholdFactory

pytestmark = pytest.mark.django_db
migration = importlib.import_module("aid_requests.migrations.0006_normalize_phone_numbers")


def stored_as(phone):
    household = HouseholdFactory()
    Household.objects.filter(pk=household.pk).update(phone=phone)  # as typed before numbers were normalised
    return household


def test_numbers_become_e164_and_unparseable_ones_stay_and_are_reported(capsys):
    spaced, dotted = stored_as("(410) 555-0142"), stored_as("410.555.0143")
    broken, empty = stored_as("555"), stored_as("")
    migration.normalize_phone_numbers(apps, None)
    phones = dict(Household.objects.values_list("pk", "phone"))
    assert phones == {spaced.pk: "+14105550142", dotted.pk: "+14105550143", broken.pk: "555", empty.pk: ""}
    report = capsys.readouterr().out
    assert "2 normalised to E.164, 1 could not be parsed" in report
    assert f"Households whose number to check: {broken.pk}" in report
    assert "555" not in report.replace(str(broken.pk), "")


def test_running_it_twice_changes_nothing_more(capsys):
    stored_as("410-555-0142")
    migration.normalize_phone_numbers(apps, None)
    capsys.readouterr()
    migration.normalize_phone_numbers(apps, None)
    assert capsys.readouterr().out == ""
