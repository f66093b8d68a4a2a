import pytest

from tests.factories import UserFactory
from tests.holiday_drive.factories import HolidayCampaignPageFactory, PickupSlotFactory, SponsorFactory

PREFIX = "register_wizard"
GUARDIAN = {
    "guardian_name": "Maria Lopez",
    "phone": "410-555-0142",
    "email": "maria@example.org",
    "preferred_language": "en",
    "contact_method": "phone",
    "zip_code": "21044",
}
CHILDREN = [
    {"first_name": "Ana", "age": "9", "size_top": "10", "size_shoes": "3", "wish_1": "A red bike", "wish_2": "Paints"},
    {"first_name": "Luis", "age": "6", "size_coat": "6", "wish_1": "Dinosaur book"},
]


def step_data(step, data):
    """POST data for one step of the registration, as the browser sends it."""
    payload = {f"{PREFIX}-current_step": step}
    if step == "children":
        payload |= {
            "children-TOTAL_FORMS": str(len(data)),
            "children-INITIAL_FORMS": "0",
            "children-MIN_NUM_FORMS": "1",
            "children-MAX_NUM_FORMS": "8",
        }
        for index, child in enumerate(data):
            payload |= {f"children-{index}-{name}": value for name, value in child.items()}
    else:
        payload |= {f"{step}-{name}": value for name, value in data.items()}
    return payload


@pytest.fixture
def campaign(home):
    """The Holiday 2026 drive at /holiday-2026/, open now, with room for 100 families."""
    return HolidayCampaignPageFactory(parent=home)


@pytest.fixture
def slot(campaign):
    return PickupSlotFactory(campaign=campaign, capacity=2)


@pytest.fixture
def register(client, campaign):
    """Fill in the registration step by step; returns the last response. Pass a dict or list to change a step."""

    def fill(guardian=None, children=None, packages=None, stop_after=None):
        client.get("/holiday/register/?restart=1")
        steps = [
            ("guardian", guardian or GUARDIAN),
            ("children", children or CHILDREN),
            ("packages", packages or {"packages": ["food", "gifts"], "pickup_slot": "later", "consent": "on"}),
        ]
        for name, data in steps:
            response = client.post("/holiday/register/", step_data(name, data))
            if name == stop_after:
                return response
        return response

    return fill


# Sponsors: an account linked to a sponsor of the campaign, who offered to adopt three families.
@pytest.fixture
def sponsor_user(db):
    return UserFactory(email="giving@hardware.example.org")


@pytest.fixture
def sponsor(campaign, sponsor_user):
    return SponsorFactory(campaign=campaign, user=sponsor_user, families_to_adopt=3)


@pytest.fixture
def sponsor_client(client, sponsor):
    client.force_login(sponsor.user)
    return client
