"""Sponsors adopting the same families at the same moment (PostgreSQL only): one sponsor per family, no deadlock."""

import pytest
from wagtail.models import Locale, Page

from holiday_drive import sponsoring
from holiday_drive.models import Adoption, Registration
from tests.holiday_drive.factories import HolidayCampaignPageFactory, RegistrationFactory, SponsorFactory
from tests.postgres.test_matching_concurrency import in_parallel

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]


@pytest.fixture
def campaign():
    """A flushed database has no page tree: the root is made when missing."""
    Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    return HolidayCampaignPageFactory(parent=root)


def _waiting(campaign, count):
    return [RegistrationFactory(campaign=campaign, status=Registration.Status.CONFIRMED) for _ in range(count)]


def test_twenty_sponsors_adopting_one_family_at_once_give_one_adoption(campaign):
    (family,) = _waiting(campaign, 1)
    sponsors = [SponsorFactory(campaign=campaign) for _ in range(20)]

    outcomes = in_parallel(20, lambda index: sponsoring.adopt(sponsors[index], [family.pk]))

    assert sum(outcome.adopted == [family.family_number] for outcome in outcomes) == 1
    assert sum(outcome.unavailable == 1 for outcome in outcomes) == 19
    assert Adoption.objects.count() == 1
    assert Registration.objects.get(pk=family.pk).status == Registration.Status.SPONSORED


def test_overlapping_choices_adopt_each_family_once_without_deadlock(campaign):
    families = _waiting(campaign, 6)
    sponsors = [SponsorFactory(campaign=campaign, families_to_adopt=6) for _ in range(10)]
    # Each sponsor chooses three neighbouring families, in a different order: the locks must not cross.
    choices = [[families[(index + step) % 6].pk for step in (2, 0, 1)] for index in range(10)]

    outcomes = in_parallel(10, lambda index: sponsoring.adopt(sponsors[index], choices[index]))

    assert not [outcome for outcome in outcomes if isinstance(outcome, Exception)]
    assert sorted(number for outcome in outcomes for number in outcome.adopted) == sorted(
        family.family_number for family in families
    )
    assert Adoption.objects.count() == 6
