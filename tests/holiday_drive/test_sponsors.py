"""The sponsors' pages at /holiday/sponsor/: who may open them, and what a sponsor sees of a family."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import UserFactory
from tests.holiday_drive.factories import AdoptionFactory, RegistrationFactory, SponsorFactory
from tests.holiday_drive.sponsor_data import FORBIDDEN, private_family, waiting_family

SPONSOR_PAGES = ["/holiday/sponsor/", "/holiday/sponsor/my-families/", "/holiday/sponsor/tags/"]


@pytest.mark.parametrize("url", SPONSOR_PAGES)
def test_anonymous_visitors_sign_in_first(client, campaign, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("persona", ["family_client", "agency_client", "staff_client"])
def test_accounts_without_a_sponsor_are_refused(request, campaign, persona):
    client = request.getfixturevalue(persona)

    response = client.get("/holiday/sponsor/")

    assert response.status_code == 403
    assert "This area is for holiday sponsors" in response.content.decode()


@pytest.mark.parametrize("url", SPONSOR_PAGES)
def test_an_account_linked_to_a_sponsor_opens_the_sponsor_pages(client, campaign, url):
    user = UserFactory()
    SponsorFactory(campaign=campaign, user=user, name="Corner Bakery")
    client.force_login(user)

    response = client.get(url)

    assert response.status_code == 200


def test_the_list_greets_the_sponsor_and_says_how_many_families_it_may_still_adopt(sponsor_client, sponsor, campaign):
    AdoptionFactory(sponsor=sponsor, registration=waiting_family(campaign))

    page = sponsor_client.get("/holiday/sponsor/").content.decode()

    assert sponsor.name in page
    assert "You offered to adopt 3 families." in page and "You can choose 2 more." in page


def test_the_list_shows_family_numbers_and_children_ages_sizes_and_wishes(sponsor_client, campaign):
    private_family(campaign)

    page = sponsor_client.get("/holiday/sponsor/").content.decode()

    assert "Family H26-" in page
    assert "-A</strong>: age 11" in page
    assert "shirt size 14" in page and "shoe size 5" in page
    assert "A telescope; Chess set; Wool mittens" in page


@pytest.mark.parametrize("url", SPONSOR_PAGES)
def test_sponsor_pages_never_show_who_the_family_is(sponsor_client, sponsor, campaign, url):
    registration = private_family(campaign)
    if url != "/holiday/sponsor/":
        AdoptionFactory(sponsor=sponsor, registration=registration)

    page = sponsor_client.get(url).content.decode()

    assert registration.family_number in page
    for private in FORBIDDEN:
        assert private not in page


def test_the_list_leaves_out_adopted_unconfirmed_and_food_only_families(sponsor_client, campaign):
    waiting = waiting_family(campaign)
    adopted = waiting_family(campaign)
    AdoptionFactory(sponsor=SponsorFactory(campaign=campaign), registration=adopted)
    registered = RegistrationFactory(campaign=campaign)
    food_only = waiting_family(campaign, wants_gifts=False, wants_clothing=False)

    page = sponsor_client.get("/holiday/sponsor/").content.decode()

    assert f"Family {waiting.family_number}" in page
    for hidden in (adopted, registered, food_only):
        assert f"Family {hidden.family_number}" not in page


def test_sponsors_filter_by_number_of_children_and_age(sponsor_client, campaign):
    one_toddler = waiting_family(campaign, children=1, ages=(3,))
    two_teens = waiting_family(campaign, children=2, ages=(14, 15))

    by_number = sponsor_client.get("/holiday/sponsor/?children=2").content.decode()
    by_age = sponsor_client.get("/holiday/sponsor/?ages=0-4").content.decode()

    assert f"Family {two_teens.family_number}" in by_number and f"Family {one_toddler.family_number}" not in by_number
    assert f"Family {one_toddler.family_number}" in by_age and f"Family {two_teens.family_number}" not in by_age


def test_the_list_shows_twenty_families_a_page(sponsor_client, campaign):
    families = [waiting_family(campaign) for _ in range(21)]

    first = sponsor_client.get("/holiday/sponsor/").content.decode()
    second = sponsor_client.get("/holiday/sponsor/?page=2").content.decode()

    assert first.count('name="family"') == 20
    assert f"Family {families[-1].family_number}" in second and "Page 2 of 2" in second


@pytest.mark.parametrize("url", SPONSOR_PAGES)
def test_sponsor_pages_take_the_same_queries_for_one_or_ten_families(sponsor_client, sponsor, campaign, url):
    sponsor.families_to_adopt = 20
    sponsor.save()
    sponsor_client.get(url)  # the first request of a session also loads the site and its settings
    with_one, with_ten = [], []
    for count, queries in ((1, with_one), (9, with_ten)):
        for _ in range(count):
            AdoptionFactory(sponsor=sponsor, registration=waiting_family(campaign, children=2))
            waiting_family(campaign, children=3)
        with CaptureQueriesContext(connection) as captured:
            page = sponsor_client.get(url).content.decode()
        queries.append(len(captured))
        assert page.count("-C</strong>" if url == "/holiday/sponsor/" else "-B") >= count

    assert with_one == with_ten
