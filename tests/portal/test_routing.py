"""Pages found by their URL from the cache (portal.routing) are still served as Wagtail's rules say.

Each test first visits the page, so that what routing keeps in the cache is warm, then changes what staff
change (a restriction, a slug, a move, publishing) and checks that the next visit follows the change.
"""

import pytest
from wagtail.models import Page, PageViewRestriction, get_page_models

from holiday_drive.models import HolidayCampaignPage
from portal.models import SiteSettings
from portal.routing import RestrictionsReadOnce, _page_at
from tests.factories import StandardPageFactory
from tests.holiday_drive.factories import HolidayCampaignPageFactory
from tests.resources.factories import ResourcePageFactory

pytestmark = pytest.mark.django_db


def _restrict(page):
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")


def test_a_restricted_program_asks_for_the_password_and_leaves_the_directory(client, directory):
    ResourcePageFactory(parent=directory, title="Coat Closet", slug="coat-closet")
    private = ResourcePageFactory(parent=directory, title="Staff Pantry", slug="staff-pantry")
    assert "Staff Pantry" in client.get("/connection-center/", {"page": "1"}).text
    assert client.get("/connection-center/staff-pantry/", {"from": "list"}).status_code == 200

    _restrict(private)

    response = client.get("/connection-center/staff-pantry/", {"from": "list"})
    assert 'name="password"' in response.text and "Staff Pantry" not in response.text
    listing = client.get("/connection-center/", {"page": "1"}).text
    assert "Coat Closet" in listing and "Staff Pantry" not in listing


def test_a_program_under_a_restricted_directory_asks_for_the_password(client, directory):
    ResourcePageFactory(parent=directory, title="Coat Closet", slug="coat-closet")
    assert client.get("/connection-center/coat-closet/", {"from": "list"}).status_code == 200

    restriction = _restrict(directory)

    response = client.get("/connection-center/coat-closet/", {"from": "list"})
    assert 'name="password"' in response.text and "Coat Closet" not in response.text

    restriction.delete()
    assert "Coat Closet" in client.get("/connection-center/coat-closet/", {"from": "list"}).text


def test_a_renamed_program_is_found_at_its_new_address_at_once(client, directory):
    program = ResourcePageFactory(parent=directory, title="Coat Closet", slug="coat-closet")
    assert client.get("/connection-center/coat-closet/").status_code == 200

    program.slug = "winter-coat-closet"
    program.save_revision().publish()

    assert "Coat Closet" in client.get("/connection-center/winter-coat-closet/").text
    old = client.get("/connection-center/coat-closet/")
    assert old.status_code in (301, 302, 404)  # Wagtail's automatic redirect, when it made one
    if old.status_code != 404:
        assert old["Location"].endswith("/connection-center/winter-coat-closet/")


def test_a_moved_page_is_served_at_its_new_place_and_not_at_the_old(client, home):
    about = StandardPageFactory(parent=home, title="About us", slug="about")
    help_page = StandardPageFactory(parent=home, title="Getting help", slug="help")
    assert client.get("/help/").status_code == 200

    help_page.move(about, pos="last-child")

    assert "Getting help" in client.get("/about/help/").text
    assert client.get("/help/", follow=False).status_code in (301, 302, 404)


def test_a_draft_is_not_served_and_a_published_one_is_at_once(client, directory):
    draft = ResourcePageFactory(parent=directory, title="Coat Closet", slug="coat-closet", live=False)
    assert client.get("/connection-center/coat-closet/").status_code == 404

    draft.save_revision().publish()

    assert client.get("/connection-center/coat-closet/").status_code == 200


def test_an_unknown_address_is_not_found(client, directory):
    SiteSettings.for_site(directory.get_site())
    assert client.get("/connection-center/no-such-program/").status_code == 404
    assert client.get("/no-such-page/deeper/").status_code == 404


def test_every_page_type_of_the_site_reads_view_restrictions_only_when_one_exists():
    ours = [model for model in get_page_models() if model is not Page and not model.__module__.startswith("wagtail")]
    assert ours and all(issubclass(model, RestrictionsReadOnce) for model in ours)


def test_a_restricted_holiday_campaign_page_asks_for_the_password(client, home):
    HolidayCampaignPageFactory(parent=home, title="Holiday 2026", slug="holiday-2026")
    assert "Holiday 2026" in client.get("/holiday-2026/", {"from": "poster"}).text

    campaign = HolidayCampaignPage.objects.get()
    _restrict(campaign)

    response = client.get("/holiday-2026/", {"from": "poster"})
    assert 'name="password"' in response.text and "Holiday 2026" not in response.text


def test_a_search_shows_the_directory_as_just_published(client, directory):
    # A query string keeps a page out of the page cache, but routing keeps the page itself.
    assert client.get("/connection-center/", {"q": "coats"}).status_code == 200

    directory.intro = "Help near you, checked every month"
    directory.save_revision().publish()
    assert "Help near you, checked every month" in client.get("/connection-center/", {"q": "coats"}).text

    directory.unpublish()
    assert client.get("/connection-center/", {"q": "coats"}).status_code == 404


def test_each_request_gets_its_own_copy_of_the_page(rf, directory):
    first, second = _page_at(rf.get("/"), "/connection-center/"), _page_at(rf.get("/"), "/connection-center/")
    first.title = "Changed by one request"
    assert second.title == directory.title and first is not second
