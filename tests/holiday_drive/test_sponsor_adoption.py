"""Sponsors adopt families: one or several at once, never a family another sponsor has, never past their limit."""

from datetime import datetime

import pytest
from django.utils import timezone

from holiday_drive import sponsoring
from holiday_drive.models import Adoption, Registration
from tests.factories import UserFactory
from tests.holiday_drive.factories import AdoptionFactory, SponsorFactory
from tests.holiday_drive.sponsor_data import FORBIDDEN, private_family, waiting_family

Status = Registration.Status


def _adopt(client, *registrations):
    return client.post("/holiday/sponsor/adopt/", {"family": [r.pk for r in registrations]}, follow=True)


def test_a_sponsor_adopts_several_families_with_one_button(sponsor_client, sponsor, campaign):
    first, second = waiting_family(campaign), waiting_family(campaign)

    response = _adopt(sponsor_client, first, second)

    assert response.redirect_chain[-1][0] == "/holiday/sponsor/my-families/"
    assert f"You adopted families {first.family_number}, {second.family_number}" in response.content.decode()
    assert set(sponsor.adoptions.values_list("registration", flat=True)) == {first.pk, second.pk}
    assert set(Registration.objects.values_list("status", flat=True)) == {Status.SPONSORED}


def test_an_adopted_family_leaves_the_list_of_waiting_families(sponsor_client, campaign):
    family = waiting_family(campaign)

    _adopt(sponsor_client, family)

    assert f"Family {family.family_number}" not in sponsor_client.get("/holiday/sponsor/").content.decode()


def test_a_family_another_sponsor_adopted_first_is_reported_and_the_others_adopted(sponsor_client, sponsor, campaign):
    taken, free = waiting_family(campaign), waiting_family(campaign)
    other = SponsorFactory(campaign=campaign, user=UserFactory())
    sponsoring.adopt(other, [taken.pk])

    page = _adopt(sponsor_client, taken, free).content.decode()

    assert "1 family you chose cannot be adopted any more: another sponsor may have been first." in page
    assert "The other families you chose are yours." in page and taken.family_number not in page
    assert Adoption.objects.get(registration=taken).sponsor == other
    assert Adoption.objects.get(registration=free).sponsor == sponsor


def test_two_sponsors_choosing_the_same_family_give_one_adoption(campaign):
    family = waiting_family(campaign)
    first, second = (SponsorFactory(campaign=campaign) for _ in range(2))

    won, lost = sponsoring.adopt(first, [family.pk]), sponsoring.adopt(second, [family.pk])

    assert (won.adopted, lost.adopted, lost.unavailable) == ([family.family_number], [], 1)
    assert Adoption.objects.filter(registration=family).count() == 1


def test_choosing_more_families_than_offered_adopts_none(sponsor_client, sponsor, campaign):
    AdoptionFactory(sponsor=sponsor, registration=waiting_family(campaign))
    chosen = [waiting_family(campaign) for _ in range(3)]

    page = _adopt(sponsor_client, *chosen).content.decode()

    assert "You can choose 2 more families. Please choose fewer" in page
    assert sponsor.adoptions.count() == 1
    assert not Registration.objects.filter(pk__in=[r.pk for r in chosen]).exclude(status=Status.CONFIRMED).exists()


def test_a_sponsor_who_adopted_all_it_offered_sees_no_adopt_button(sponsor_client, sponsor, campaign):
    for _ in range(3):
        AdoptionFactory(sponsor=sponsor, registration=waiting_family(campaign))
    waiting_family(campaign)

    page = sponsor_client.get("/holiday/sponsor/").content.decode()

    assert "You have adopted all the families you offered to." in page
    assert 'name="family"' not in page


def test_a_cancelled_family_cannot_be_adopted(sponsor_client, sponsor, campaign):
    family = waiting_family(campaign)
    Registration.objects.filter(pk=family.pk).update(status=Status.CANCELLED)

    page = _adopt(sponsor_client, family).content.decode()

    assert "1 family you chose cannot be adopted any more" in page and family.family_number not in page
    assert not sponsor.adoptions.exists()


def test_adopting_without_choosing_asks_to_choose(sponsor_client, campaign):
    response = sponsor_client.post("/holiday/sponsor/adopt/", {}, follow=True)

    assert "Choose at least one family to adopt." in response.content.decode()


def test_my_families_shows_the_drop_off_deadline_and_whether_gifts_arrived(sponsor_client, sponsor, campaign):
    campaign.gift_dropoff_deadline = timezone.make_aware(datetime(2026, 12, 14, 17, 0))
    campaign.save()
    AdoptionFactory(sponsor=sponsor, registration=waiting_family(campaign))

    page = sponsor_client.get("/holiday/sponsor/my-families/").content.decode()

    assert "Bring your gifts by</dt>" in page and "<strong>Dec. 14, 2026, 5 p.m.</strong>" in page
    assert "Gifts not received yet." in page


def test_the_tag_page_prints_one_tag_per_child_without_names(sponsor_client, sponsor, campaign):
    family = private_family(campaign)
    AdoptionFactory(sponsor=sponsor, registration=family)

    page = sponsor_client.get(f"/holiday/sponsor/families/{family.family_number}/tags/").content.decode()

    assert page.count('class="gift-tag panel"') == 1
    assert f"{family.family_number}-A" in page and "A telescope" in page and "Bring by" in page
    assert not [private for private in FORBIDDEN if private in page]


def test_all_my_tags_prints_a_tag_for_every_child_of_every_family(sponsor_client, sponsor, campaign):
    for children in (3, 2):
        AdoptionFactory(sponsor=sponsor, registration=waiting_family(campaign, children=children))

    page = sponsor_client.get("/holiday/sponsor/tags/").content.decode()

    assert page.count('class="gift-tag panel"') == 5


@pytest.mark.parametrize("adopted_by_another", [True, False])
def test_a_family_that_is_not_the_sponsors_own_is_not_found(sponsor_client, campaign, adopted_by_another):
    family = waiting_family(campaign)
    if adopted_by_another:
        AdoptionFactory(sponsor=SponsorFactory(campaign=campaign), registration=family)

    response = sponsor_client.get(f"/holiday/sponsor/families/{family.family_number}/tags/")

    assert response.status_code == 404
