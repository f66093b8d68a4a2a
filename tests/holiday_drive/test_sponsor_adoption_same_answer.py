"""A sponsor posting registration ids to /holiday/sponsor/adopt/ learns nothing about families it cannot adopt:
taken, cancelled, food only, not confirmed, another drive's or no such id, the answer is the same words."""

import pytest

from holiday_drive.models import Adoption, Registration
from tests.holiday_drive.factories import AdoptionFactory, HolidayCampaignPageFactory, SponsorFactory
from tests.holiday_drive.sponsor_data import waiting_family

pytestmark = pytest.mark.django_db

Status = Registration.Status


def _not_adoptable(kind, campaign, home):
    if kind == "no such id":
        return None
    if kind == "another drive's":
        return waiting_family(HolidayCampaignPageFactory(parent=home, slug="holiday-2025", family_number_prefix="H25"))
    family = waiting_family(campaign)
    if kind == "taken":
        AdoptionFactory(sponsor=SponsorFactory(campaign=campaign), registration=family)
    else:
        changes = {
            "cancelled": {"status": Status.CANCELLED},
            "not confirmed": {"status": Status.REGISTERED},
            "food only": {"wants_gifts": False, "wants_clothing": False},
        }[kind]
        Registration.objects.filter(pk=family.pk).update(**changes)
    return family


KINDS = ["taken", "cancelled", "not confirmed", "food only", "another drive's", "no such id"]


def test_every_family_a_sponsor_cannot_adopt_gets_the_same_answer_without_its_number(
    sponsor_client, sponsor, campaign, home
):
    answers = set()
    for kind in KINDS:
        family = _not_adoptable(kind, campaign, home)
        family_id = family.pk if family else Registration.objects.order_by("-pk").first().pk + 1000
        response = sponsor_client.post("/holiday/sponsor/adopt/", {"family": [family_id]}, follow=True)
        words = tuple(str(message) for message in response.context["messages"])
        answers.add((response.status_code, tuple(response.redirect_chain), words))
        assert not family or family.family_number not in " ".join(words)
    assert len(answers) == 1, answers
    assert not sponsor.adoptions.exists() and Adoption.objects.count() == 1


def test_a_sponsor_with_no_place_left_gets_the_same_refusal_for_a_free_family_and_a_made_up_id(
    sponsor_client, sponsor, campaign
):
    for _ in range(sponsor.families_to_adopt):
        AdoptionFactory(sponsor=sponsor, registration=waiting_family(campaign))
    free = waiting_family(campaign)
    answers = {
        sponsor_client.post("/holiday/sponsor/adopt/", {"family": [family_id]}, follow=True).text.count(
            "You have adopted all 3 families you offered to."
        )
        for family_id in (free.pk, free.pk + 1000)
    }
    assert answers == {1}
