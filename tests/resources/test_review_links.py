"""The review email's link shows an agency its programs once, without signing in, and never changes anything."""

import datetime
import re

import pytest
import time_machine
from django.core import mail, signing
from django.test import Client
from django.utils import timezone
from wagtail.models import WorkflowState

from resources import review_links
from resources.models import ListingCheck, ListingReviewLink
from resources.reminders import send_listing_reminders
from tests.factories import AgencyUserFactory
from tests.resources.factories import (
    AgencyFactory,
    AgencyMembershipFactory,
    ClosureFactory,
    OpeningHoursFactory,
    ResourcePageFactory,
)

USED = "This link was already used or has expired"


@pytest.fixture
def agency(directory):
    agency = AgencyFactory(name="Grassroots Pantry")
    for email in ("ana@pantry.example.org", "ben@pantry.example.org"):
        AgencyMembershipFactory(agency=agency, user=AgencyUserFactory(email=email))
    ResourcePageFactory(parent=directory, agency=agency, title="Weekly pantry", last_verified=datetime.date(2020, 1, 6))
    ResourcePageFactory(parent=directory, agency=agency, title="Unpublished idea", live=False)
    return agency


@pytest.fixture
def link(agency):
    return review_links.issue(agency)


def _open(client, link):
    """Follow the link, then press "Open the review page" as the person does; the answer to the press."""
    offer = client.get(link)
    assert offer.status_code == 200 and "Open the review page" in offer.text
    return client.post("/partners/listings/review/", {"link": offer.wsgi_request.GET["link"]})


def test_each_contact_gets_their_own_link_naming_only_the_agency(agency):
    send_listing_reminders.call()
    links = [re.search(r"(/partners/listings/review/\?link=\S+)", email.body)[1] for email in mail.outbox]
    assert [email.to for email in mail.outbox] == [["ana@pantry.example.org"], ["ben@pantry.example.org"]]
    assert len(set(links)) == 2
    token = signing.loads(Client().get(links[0]).wsgi_request.GET["link"], salt=review_links.SALT)
    assert set(token) == {"agency", "key"} and token["agency"] == agency.pk
    assert not any("ana" in link or "ben" in link for link in links)


def test_the_link_shows_what_families_see_and_the_last_check(client, agency, link):
    program = agency.programs.get(title="Weekly pantry")
    OpeningHoursFactory(program=program, weekday=2, opens=datetime.time(9), closes=datetime.time(12))
    ClosureFactory(program=program, starts_on=datetime.date(2020, 1, 1), ends_on=datetime.date(2020, 1, 2))
    ClosureFactory(program=program, starts_on=datetime.date(2099, 1, 1), ends_on=datetime.date(2099, 1, 1))
    html = _open(client, link).text
    assert "Wednesday: 9 a.m.–noon" in html
    assert "Jan. 1, 2099: a staff training day" in html and "Jan. 1, 2020" not in html
    assert "Weekly pantry" in html and "Help for families." in html
    assert "Jan. 6, 2020" in html and "Due for review" in html
    assert "Unpublished idea" not in html
    assert "<form" not in html.split("<main")[-1].split("</main>")[0]


def test_the_page_is_neither_stored_nor_indexed(client, link):
    for response in (client.get(link), _open(Client(), link)):
        assert "no-store" in response["Cache-Control"]
        assert response["X-Robots-Tag"] == "noindex, nofollow"
        assert '<meta name="robots" content="noindex, nofollow">' in response.text


def test_a_mail_scanner_following_the_link_does_not_use_it_up(client, link):
    """Outlook's Safe Links and the like open every link in an email before the person does."""
    assert Client().get(link).status_code == 200
    assert Client().head(link).status_code == 200
    assert ListingReviewLink.objects.get().used_at is None
    assert "Weekly pantry" in _open(client, link).text


def test_the_link_opens_once(client, link):
    _open(client, link)
    assert (
        Client().post("/partners/listings/review/", {"link": client.get(link).wsgi_request.GET["link"]}).status_code
        == 410
    )
    response = Client().get(link)
    assert response.status_code == 410
    assert USED in response.text
    assert 'href="/accounts/login/?next=/partners/listings/"' in response.text


def test_an_expired_link_opens_nothing(client, link):
    with time_machine.travel(timezone.now() + datetime.timedelta(days=31)):
        response = client.get(link)
    assert response.status_code == 410 and USED in response.text


@pytest.mark.parametrize("query", ["", "?link=", "?link=forged:token", "?link=%00%FF"])
def test_a_missing_or_forged_link_opens_nothing(client, link, query):
    response = client.get("/partners/listings/review/" + query)
    assert response.status_code == 410 and USED in response.text


def test_a_link_for_another_agency_key_opens_nothing(client, agency, link):
    key = ListingReviewLink.objects.get().key
    forged = signing.dumps({"agency": AgencyFactory().pk, "key": key}, salt=review_links.SALT)
    assert client.get("/partners/listings/review/", {"link": forged}).status_code == 410


def test_anonymous_posts_change_nothing(client, agency, link):
    program = agency.programs.get(title="Weekly pantry")
    assert client.post(link).status_code == 410  # the token travels in the form, not in the address
    assert client.post(f"/partners/listings/{program.pk}/confirm/")["Location"].startswith("/accounts/login/")
    assert client.post(f"/partners/listings/{program.pk}/", {"summary": "Gone"})["Location"].startswith("/accounts/")
    assert not ListingCheck.objects.exists() and not WorkflowState.objects.exists()
    assert ListingReviewLink.objects.get().used_at is None


def test_another_agencys_member_cannot_act_through_it(agency_client, agency_user, agency, link):
    AgencyMembershipFactory(agency=AgencyFactory(), user=agency_user)
    program = agency.programs.get(title="Weekly pantry")
    assert "Weekly pantry" in _open(agency_client, link).text  # read-only, as for anyone holding the link
    assert agency_client.post(f"/partners/listings/{program.pk}/confirm/").status_code == 404
    assert "Weekly pantry" not in agency_client.get("/partners/listings/").text
    assert not ListingCheck.objects.exists()


def test_a_signed_in_member_goes_to_their_listings_and_the_link_stays_unused(client, agency, link):
    client.force_login(agency.memberships.first().user)
    assert client.get(link)["Location"] == "/partners/listings/"
    assert ListingReviewLink.objects.get().used_at is None


def test_the_page_reads_the_same_rows_for_many_programs(client, directory, agency, link, django_assert_num_queries):
    for number in range(5):
        ResourcePageFactory(parent=directory, agency=agency, title=f"Program {number}")
    token = client.get(link).wsgi_request.GET["link"]
    # The link, the agency, its programs, their hours, closures, languages; 2 the site's (its settings are kept).
    with django_assert_num_queries(8):
        client.post("/partners/listings/review/", {"link": token})


def test_the_reminder_job_forgets_links_too_old_to_open(agency, link):
    with time_machine.travel(timezone.now() + datetime.timedelta(days=31)):
        send_listing_reminders.call()
    assert ListingReviewLink.objects.count() == 2  # the two just sent


def test_a_used_link_is_explained_in_spanish(client, link):
    _open(client, link)
    response = Client(headers={"accept-language": "es"}).get(link)
    assert "Este enlace ya se usó o venció" in response.text
