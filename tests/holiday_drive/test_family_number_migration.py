"""Migration 0004 renumbers the registrations of earlier seasons at random and gives each a registration code;
reversing it numbers them in order again."""

import importlib

import pytest
from django.apps import apps

from holiday_drive.models import RegisteredChild, Registration
from tests.holiday_drive.factories import RegisteredChildFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("holiday_drive.migrations.0004_random_family_numbers_and_registration_codes")


def _numbered_in_order(campaign, count):
    numbers = range(1, count + 1)
    return [RegistrationFactory(campaign=campaign, sequence=n, family_number=f"H26-{n:04d}") for n in numbers]


def test_counted_family_numbers_become_random_and_unique_and_every_family_gets_a_code(campaign):
    registrations = _numbered_in_order(campaign, 12)
    RegisteredChildFactory(registration=registrations[0])
    before = set(Registration.objects.values_list("registration_code", flat=True))

    migration.randomise(apps, None)

    numbers = list(Registration.objects.order_by("sequence").values_list("family_number", flat=True))
    assert len(set(numbers)) == 12 and all(len(number) == 9 and number[4] != "0" for number in numbers)
    assert not set(numbers) & {f"H26-{n:04d}" for n in range(1, 13)}
    codes = set(Registration.objects.values_list("registration_code", flat=True))
    assert len(codes) == 12 and not codes & before
    child = RegisteredChild.objects.select_related("registration").get()
    assert child.tag == f"{numbers[0]}-A"  # gift tags follow the new number


def test_reversing_numbers_them_in_order_again(campaign):
    _numbered_in_order(campaign, 3)
    migration.randomise(apps, None)

    migration.number_in_order(apps, None)

    assert list(Registration.objects.order_by("sequence").values_list("family_number", flat=True)) == [
        "H26-0001",
        "H26-0002",
        "H26-0003",
    ]
