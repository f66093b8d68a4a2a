import itertools

import pytest

from holiday_drive import duplicates
from holiday_drive.models import DuplicateFlag
from tests.aid_requests.factories import HouseholdFactory
from tests.holiday_drive.factories import RegisteredChildFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
PHONE_ENDINGS = itertools.count(1)


def _registration(campaign, child=None, **household):
    """A family in 21044 with its own phone and no email, unless told otherwise."""
    household = {"phone": f"443-555-{next(PHONE_ENDINGS):04d}", "email": ""} | household
    registration = RegistrationFactory(campaign=campaign, household=HouseholdFactory(**household))
    if child:
        RegisteredChildFactory(registration=registration, first_name=child[0], age=child[1])
    return registration


@pytest.fixture
def first(campaign):
    return _registration(
        campaign, child=("Ana", 9), guardian_name="Maria Lopez", phone="410-555-0142", email="maria@example.org"
    )


def _rules(registration):
    return [(flag.rule, flag.resembles_id) for flag in duplicates.flag_duplicates(registration)]


def test_the_same_phone_written_differently_is_flagged(campaign, first):
    second = _registration(campaign, guardian_name="M. Lopez", phone="+1 (410) 555.0142", email="")
    assert _rules(second) == [("phone", first.pk)]


def test_the_same_email_in_other_capitals_is_flagged(campaign, first):
    second = _registration(campaign, guardian_name="Someone Else", phone="", email=" Maria@Example.ORG ")
    assert _rules(second) == [("email", first.pk)]


def test_the_same_guardian_name_and_zip_is_flagged(campaign, first):
    second = _registration(campaign, guardian_name="  maria   LOPEZ ", phone="", email="")
    assert _rules(second) == [("guardian_zip", first.pk)]


def test_a_child_with_the_same_first_name_age_and_zip_is_flagged(campaign, first):
    second = _registration(campaign, child=("ana", 9), guardian_name="Rosa Diaz", phone="", email="")
    assert _rules(second) == [("child_zip", first.pk)]


def test_a_different_family_is_not_flagged(campaign, first):
    # The same name in another ZIP code, and a child with the same name but another age.
    second = _registration(campaign, child=("Ana", 10), guardian_name="Maria Lopez", zip_code="21045")
    assert _rules(second) == []
    assert not DuplicateFlag.objects.exists()


def test_another_campaign_is_never_compared(home, campaign, first):
    from tests.holiday_drive.factories import HolidayCampaignPageFactory

    next_year = HolidayCampaignPageFactory(parent=home, slug="holiday-2027", family_number_prefix="H27")
    assert _rules(_registration(next_year, guardian_name="Maria Lopez", phone="410-555-0142")) == []


def test_flagging_never_blocks_and_is_safe_to_run_again(campaign, first):
    second = _registration(campaign, guardian_name="Maria Lopez", phone="410-555-0142", email="maria@example.org")
    assert len(_rules(second)) == 3 and len(_rules(second)) == 3
    assert DuplicateFlag.objects.count() == 3 and second.status == "registered"


def test_every_rule_is_checked_in_one_query(campaign, first, django_assert_max_num_queries):
    second = _registration(
        campaign, child=("Ana", 9), guardian_name="Maria Lopez", phone="410-555-0142", email="maria@example.org"
    )
    # The children's keys, the four rules, the flags written, then read back.
    with django_assert_max_num_queries(4):
        assert {rule for rule, _pk in _rules(second)} == {"phone", "email", "guardian_zip", "child_zip"}


def test_a_shared_phone_flags_its_first_families_and_other_rules_still_count(campaign, first):
    shelter = [
        _registration(campaign, guardian_name=f"Guest {number}", phone="410-555-0199")
        for number in range(duplicates.MATCHES_PER_RULE + 2)
    ]
    last = _registration(campaign, guardian_name="Maria Lopez", phone="410-555-0199", email="")
    rules = _rules(last)
    assert [pk for rule, pk in rules if rule == "phone"] == [family.pk for family in shelter[:20]]
    assert [pk for rule, pk in rules if rule != "phone"] == [first.pk]


def test_staff_confirm_or_dismiss_a_flag(campaign, first, staff):
    second = _registration(campaign, guardian_name="Maria Lopez", phone="", email="")
    (flag,) = duplicates.flag_duplicates(second)
    duplicates.dismiss(flag, staff)
    flag.refresh_from_db()
    assert (flag.status, flag.resolved_by, bool(flag.resolved_at)) == ("dismissed", staff, True)
    duplicates.confirm(flag, staff)
    assert DuplicateFlag.objects.get().status == "confirmed"


def test_registering_through_the_form_flags_a_resembling_family(client, register):
    register()
    client.cookies.clear()
    register()  # the same family again, from another browser
    flags = DuplicateFlag.objects.all()
    assert {flag.rule for flag in flags} == {"phone", "email", "guardian_zip", "child_zip"}
    assert all(flag.registration.sequence == 2 for flag in flags)
