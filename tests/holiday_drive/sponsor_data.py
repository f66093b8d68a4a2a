"""Families as sponsors see them, shared by the sponsor and gifts tests."""

from holiday_drive.models import Registration
from tests.aid_requests.factories import ChildFactory, HouseholdFactory
from tests.holiday_drive.factories import RegisteredChildFactory, RegistrationFactory

# Details only staff may see: each is distinctive so its absence from a sponsor's page means something.
PRIVATE = {
    "guardian_name": "Philippa Zwingliford",
    "phone": "410-555-7391",
    "email": "zwingli.family@example.org",
    "street_address": "77 Marigold Crescent",
    "schools": "Thunderhill Elementary",
    "zip_code": "21797",
}
CHILD_FIRST_NAME = "Bartholomew"
FORBIDDEN = [*PRIVATE.values(), "Zwingliford", CHILD_FIRST_NAME, "Thunderhill"]


def waiting_family(campaign, children=1, ages=(9,), **fields):
    """A confirmed family asking for gifts, not yet adopted, with `children` children of the given ages."""
    registration = RegistrationFactory(campaign=campaign, status=Registration.Status.CONFIRMED, **fields)
    for index in range(children):
        RegisteredChildFactory(
            registration=registration, letter="ABCDEFGH"[index], age=ages[index % len(ages)], wish_1=f"Wish {index}"
        )
    return registration


def private_family(campaign):
    """A waiting family whose guardian, contact details, school and child's name are all distinctive."""
    household = HouseholdFactory(**PRIVATE)
    child = ChildFactory(household=household, first_name=CHILD_FIRST_NAME, school="Thunderhill Elementary")
    registration = RegistrationFactory(campaign=campaign, household=household, status=Registration.Status.CONFIRMED)
    RegisteredChildFactory(
        registration=registration,
        child=child,
        first_name=f"{CHILD_FIRST_NAME} Zwingliford",
        age=11,
        size_top="14",
        size_shoes="5",
        wish_1="A telescope",
        wish_2="Chess set",
        wish_3="Wool mittens",
    )
    return registration
