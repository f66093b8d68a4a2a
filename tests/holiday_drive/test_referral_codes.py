import pytest

from holiday_drive.models import Registration
from tests.holiday_drive.conftest import GUARDIAN, step_data
from tests.holiday_drive.factories import ReferralCodeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def referral_only(campaign):
    campaign.referral_only = True
    campaign.save()
    return ReferralCodeFactory(campaign=campaign, code="BRYANT-26", issued_to="Bryant Woods Elementary")


def test_a_referral_only_drive_asks_for_the_code_first(client, referral_only):
    html = client.get("/holiday/register/?restart=1").text
    assert html.index("Referral code") < html.index("Your name")
    assert "Enter the code they gave you." in html


def test_a_missing_code_is_refused_with_a_field_error(register, referral_only):
    response = register(guardian=GUARDIAN | {"referral_code": ""}, stop_after="guardian")
    assert "Enter the referral code your school or agency gave you." in response.text
    assert 'href="#id_guardian-referral_code"' in response.text


def test_an_unknown_or_inactive_code_is_refused(register, referral_only):
    response = register(guardian=GUARDIAN | {"referral_code": "NOPE-26"}, stop_after="guardian")
    assert "We do not recognize this referral code." in response.text
    referral_only.is_active = False
    referral_only.save()
    response = register(guardian=GUARDIAN | {"referral_code": "BRYANT-26"}, stop_after="guardian")
    assert "We do not recognize this referral code." in response.text
    assert not Registration.objects.exists()


def test_a_valid_code_as_typed_records_the_referral_source(register, referral_only):
    register(guardian=GUARDIAN | {"referral_code": " bryant-26 "})
    registration = Registration.objects.get()
    assert registration.referral_code == referral_only
    assert registration.referral_code.issued_to == "Bryant Woods Elementary"


def test_an_open_drive_needs_no_code(register, campaign):
    register()
    assert Registration.objects.get().referral_code is None


def test_a_code_stopped_while_the_family_fills_in_the_form_is_refused_at_the_end(client, register, referral_only):
    """Each step is checked again before the family is saved, not only the last one they send."""
    register(guardian=GUARDIAN | {"referral_code": "BRYANT-26"}, stop_after="children")
    referral_only.is_active = False
    referral_only.save()
    packages = {"packages": ["food"], "pickup_slot": "later", "consent": "on"}
    response = client.post("/holiday/register/", step_data("packages", packages))
    assert "We do not recognize this referral code." in response.text and "Step 1 of 3" in response.text
    assert not Registration.objects.exists()
