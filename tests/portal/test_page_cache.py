"""Public pages from the cache: fast for anonymous visitors, never stale after staff publish, never personal."""

import re

import pytest
from django.conf import settings
from django.contrib.messages import constants
from django.contrib.messages.storage.session import SessionStorage
from django.http import HttpResponse
from django.test import Client, RequestFactory

from portal.models import Alert, SiteSettings
from tests.resources.factories import AgencyFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def test_a_second_anonymous_visit_runs_no_query(client, home, django_assert_num_queries):
    SiteSettings.for_site(home.get_site())  # created by the first page view otherwise, which is a change
    client.get("/")
    with django_assert_num_queries(0):
        response = client.get("/")
    assert response.status_code == 200
    assert home.title in response.text


def test_a_published_change_is_visible_at_once(client, home):
    assert "Help for every family" not in client.get("/").text
    home.title = "Help for every family"
    home.save_revision().publish()
    assert "Help for every family" in client.get("/").text


def test_an_unpublished_program_is_gone_at_once(client, directory):
    program = ResourcePageFactory(parent=directory, title="Coat Closet", slug="coat-closet")
    assert "Coat Closet" in client.get("/connection-center/").text
    assert client.get("/connection-center/coat-closet/").status_code == 200
    program.unpublish()
    assert "Coat Closet" not in client.get("/connection-center/").text
    assert client.get("/connection-center/coat-closet/").status_code == 404


def test_an_agency_change_shows_on_its_program_page_at_once(client, directory):
    agency = AgencyFactory(phone="410-555-0100")
    ResourcePageFactory(parent=directory, title="Coat Closet", slug="coat-closet", agency=agency, phone="")
    assert "410-555-0100" in client.get("/connection-center/coat-closet/").text
    agency.phone = "410-555-0199"
    agency.save()  # what approving an agency's change does to its row
    html = client.get("/connection-center/coat-closet/").text
    assert "410-555-0199" in html and "410-555-0100" not in html


def test_new_site_settings_and_notices_show_at_once(client, home):
    client.get("/")
    settings = SiteSettings.for_site(home.get_site())
    settings.phone = "410-555-0123"
    settings.save()
    Alert.objects.create(message="Offices closed on Friday")
    html = client.get("/").text
    assert "410-555-0123" in html and "Offices closed on Friday" in html


def test_a_signed_in_page_is_never_cached_nor_served_from_the_cache(client, family, home):
    anonymous = client.get("/").text
    assert "Sign out" not in anonymous
    signed_in = Client()
    signed_in.force_login(family)
    assert "Sign out" in signed_in.get("/").text  # not the anonymous page from the cache
    assert "Sign out" in signed_in.get("/").text
    assert "Sign out" not in Client().get("/").text  # the signed-in page was not stored for others


def test_a_page_with_a_waiting_message_is_not_served_from_the_cache(client, home):
    client.get("/")  # cached
    session = client.session
    request = RequestFactory().get("/")
    request.session = session
    storage = SessionStorage(request)  # where the site keeps messages (MESSAGE_STORAGE)
    storage.add(constants.SUCCESS, "Your request was sent.")
    storage.update(HttpResponse())
    session.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    assert "Your request was sent." in client.get("/").text
    assert "Your request was sent." not in client.get("/").text  # shown once
    assert "Your request was sent." not in Client().get("/").text


def test_each_visitor_gets_their_own_form_token_and_it_works(home):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_token = TOKEN.search(first.get("/").text).group(1)
    second_token = TOKEN.search(second.get("/").text).group(1)  # from the cache
    assert first_token != second_token
    response = second.post("/i18n/setlang/", {"language": "es", "next": "/", "csrfmiddlewaretoken": second_token})
    assert response.status_code == 302


def test_a_search_is_not_cached_and_the_language_is_part_of_the_key(client, directory):
    ResourcePageFactory(parent=directory, title="Coat Closet", slug="coat-closet")
    english = client.get("/connection-center/")
    assert "Accept-Language" in english["Vary"]
    spanish = Client(HTTP_ACCEPT_LANGUAGE="es").get("/connection-center/")
    assert spanish.status_code == 200
    assert 'lang="es"' in spanish.text and 'lang="en"' in english.text
    first = client.get("/connection-center/", {"q": "coat"}).text
    ResourcePageFactory(parent=directory, title="Coat Rack", slug="coat-rack")
    assert "Coat Rack" in client.get("/connection-center/", {"q": "coat"}).text and "Coat Rack" not in first


def test_a_page_with_a_view_restriction_is_never_cached(client, home):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=home, restriction_type=PageViewRestriction.PASSWORD, password="x")
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert len(queries) > 0  # served by Wagtail again, which asks for the password
    assert 'name="password"' in response.text


def test_what_people_do_on_the_site_does_not_empty_the_cache(client, directory, staff, django_assert_num_queries):
    """An audit entry, a family's "Something wrong?" report, a notice sent, a sign-in:
    none changes a public page, so none makes every visitor's next page render afresh."""
    from wagtail.log_actions import log

    from aid_requests import privacy
    from aid_requests.models import Household
    from portal.models import FamilyNotice
    from resources.models import ProblemReport
    from tests.aid_requests.factories import HouseholdFactory

    program = ResourcePageFactory(parent=directory, title="Warm Coats Closet")
    client.get(program.url)
    household = HouseholdFactory()
    log(household, privacy.DELETION_REQUESTED, user=staff)  # an entry in Wagtail's audit log
    ProblemReport.objects.create(program=program, reason=ProblemReport.Reason.PHONE)
    FamilyNotice.objects.create(household=household, name="status_update", channel="email", to="a@example.org")
    staff.save(update_fields=["last_login"])
    Household.objects.filter(pk=household.pk).update(guardian_name="")
    with django_assert_num_queries(0):
        assert "Warm Coats Closet" in client.get(program.url).text


def test_a_program_checked_today_loses_its_call_first_note_at_once(client, directory, staff):
    from resources import listings
    from resources.models import ListingCheck

    program = ResourcePageFactory(parent=directory, title="Warm Coats Closet", last_verified=None)
    assert "call first" in client.get(program.url).text  # never checked: stale, and now in the cache
    listings.confirm(program, staff, ListingCheck.Kind.STAFF_CHECKED)
    assert "call first" not in client.get(program.url).text


def test_a_request_reads_the_content_version_once_and_sees_its_own_change(home, monkeypatch):
    """A page asks for it about four times; a change the request itself makes moves it on for the rest of it."""
    from django.core.cache import caches

    from portal import page_cache

    cache, reads = caches["default"], []
    real_get = type(cache).get

    def counted_get(self, key, *args, **kwargs):
        reads.append(key)
        return real_get(self, key, *args, **kwargs)

    monkeypatch.setattr(type(cache), "get", counted_get)
    Client().get("/holiday/")
    Client().get("/connection-center/?q=coats")
    assert reads.count(page_cache.VERSION_KEY) == 2

    seen = []

    def view(request):
        seen.append(page_cache.content_version())
        page_cache.content_changed()
        seen.append(page_cache.content_version())
        return HttpResponse()

    page_cache.ContentVersionMiddleware(view)(RequestFactory().get("/"))
    assert seen[0] != seen[1] == cache.get(page_cache.VERSION_KEY)


def test_the_footer_kept_in_each_process_shows_a_change_at_once_and_each_language_its_own(client, home):
    def footer(language="en"):
        html = client.get("/accounts/login/", headers={"accept-language": language}).text
        return html.split("<footer", 1)[1]

    settings = SiteSettings.for_site(home.get_site())
    settings.phone, settings.hours = "410-555-0100", "Weekdays 8 to 4:30"
    settings.save()
    assert "410-555-0100" in footer() and "Teléfono" in footer("es") and "Phone" in footer()
    settings.phone = "410-555-0123"
    settings.save()
    assert "410-555-0123" in footer() and "410-555-0100" not in footer("es")


def test_the_lists_every_page_reads_are_kept_in_the_process_each_read_its_own_copy(home):
    from django.core.cache import caches
    from django.utils import translation

    from portal import page_cache

    built = []

    def build():
        built.append(1)
        return {"schools": ["Oakland Mills"]}

    with translation.override("en"):
        first = page_cache.reference("schools", build)
        first["schools"].append("set by a request")
        caches["default"].delete(f"reference:{page_cache.content_version()}:schools:en")  # no round trip needed
        assert page_cache.reference("schools", build) == {"schools": ["Oakland Mills"]} and len(built) == 1
        page_cache.content_changed()
        page_cache.reference("schools", build)
    assert len(built) == 2  # a change is read at once
