"""The partner list at /partners/: who may open it, and what it shows of each request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from aid_requests.matching import accept, match
from aid_requests.models import AidRequest
from tests.aid_requests.factories import ChildFactory, approved_request
from tests.factories import AgencyUserFactory
from tests.resources.factories import AgencyMembershipFactory

pytestmark = pytest.mark.django_db

PRIVATE_HOUSEHOLD = {
    "guardian_name": "Marisol Zebrowski",
    "phone": "410-555-0199",
    "email": "hidden.parent@example.org",
    "street_address": "77 Hidden Orchard Road",
    "schools": "Wilde Lake Middle",
    "is_homeless": True,
    "has_free_meals": True,
}
# Words that would reveal the private flags, in the family form's own wording.
FLAG_WORDS = ["homeless", "steady place", "free or reduced", "meals"]
NEVER_SHOWN = ["Zebrowski", "hidden.parent@example.org", "77 Hidden Orchard", "Wilde Lake", "Brook Elementary"]
NEVER_SHOWN += ["Ximena", "allergic", "Secret details", *FLAG_WORDS]
PORTAL_URLS = ["/partners/", "/partners/offers/1/", "/partners/offers/1/fulfil/", "/partners/agencies/any/"]


@pytest.fixture
def partner(agency_user):
    """The agency agency_user coordinates; it takes up to 20 clothing requests at once."""
    return AgencyMembershipFactory(user=agency_user, agency__default_max_open=20).agency


def private_offer():
    """An offer of a request whose household and child hold distinctive private values."""
    aid_request = approved_request(**PRIVATE_HOUSEHOLD)
    AidRequest.objects.filter(pk=aid_request.pk).update(details="Secret details", urgency="urgent")
    child = ChildFactory(
        household=aid_request.household, first_name="Ximena", age=7, grade="2", school="Running Brook Elementary"
    )
    child.size_shoes, child.notes = "13K", "allergic to wool"
    child.save()
    aid_request.children.set([child])
    return match(aid_request)


def absent(html, words):
    return [word for word in words if word.lower() in html.lower()]


def test_before_acceptance_the_list_and_offer_show_only_the_allowed_fields(agency_client, partner):
    offer = private_offer()
    for url in ("/partners/", f"/partners/offers/{offer.pk}/"):
        html = agency_client.get(url).text
        assert "Age 7" in html and "Grade 2" in html and "13K" in html and "21044" in html
        assert "Urgent" in html and "Clothing" in html
        assert absent(html, NEVER_SHOWN + ["Marisol", "555-0199", offer.request.reference]) == []


def test_after_acceptance_the_offer_shows_the_first_name_and_the_chosen_phone(agency_client, partner, agency_user):
    offer = private_offer()
    accept(offer, agency_user)
    html = agency_client.get(f"/partners/offers/{offer.pk}/").text
    assert "Marisol" in html and "(410) 555-0199" in html and "Phone call" in html
    assert absent(html, NEVER_SHOWN) == []


def test_a_family_that_chose_email_is_shown_by_email_only(agency_client, partner, agency_user):
    offer = match(approved_request(contact_method="email", email="reach.me@example.org", phone="410-555-0177"))
    accept(offer, agency_user)
    html = agency_client.get(f"/partners/offers/{offer.pk}/").text
    assert "reach.me@example.org" in html and "410-555-0177" not in html


def test_the_list_has_new_offers_and_accepted_requests(agency_client, partner, agency_user):
    new, taken = match(approved_request()), match(approved_request())
    accept(taken, agency_user)
    html = agency_client.get("/partners/").text
    new_part, accepted_part = html.split("Accepted: help to give")
    assert f"offer {new.pk}<" in new_part and f"offer {taken.pk}<" in accepted_part


def test_a_user_of_two_agencies_sees_the_offers_of_both(agency_client, partner, agency_user):
    other = AgencyMembershipFactory(user=agency_user, agency__name="Second Agency", agency__zip_code="21794").agency
    first = match(approved_request())
    partner.is_accepting = False  # the first partner had the first request; the next one goes to the other
    partner.save()
    second = match(approved_request())
    html = agency_client.get("/partners/").text
    assert second.agency == other and "Second Agency" in html
    assert f"offer {first.pk}<" in html and f"offer {second.pk}<" in html


def test_the_list_runs_the_same_queries_for_one_or_ten_offers(
    home, agency_client, partner, agency_user, django_assert_num_queries
):
    accept(match(approved_request()), agency_user)
    agency_client.get("/partners/")  # the first page of a session also loads the site's settings
    with CaptureQueriesContext(connection) as one:
        agency_client.get("/partners/")
    for _ in range(9):
        accept(match(approved_request()), agency_user)
        match(approved_request())
    with django_assert_num_queries(len(one.captured_queries)):
        response = agency_client.get("/partners/")
    assert response.text.count('class="offer-card"') == 19


def test_anonymous_visitors_are_sent_to_sign_in(client):
    for url in PORTAL_URLS:
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith("/accounts/login/")


@pytest.mark.parametrize("persona", ["family_client", "staff_client", "agency_client"])
def test_people_without_a_membership_are_refused(request, persona):
    signed_in = request.getfixturevalue(persona)  # agency_client here is in the Agency group, with no membership
    for url in PORTAL_URLS:
        response = signed_in.get(url)
        assert response.status_code == 403 and "This area is for partner agencies" in response.text
    assert signed_in.post("/partners/offers/1/accept/").status_code == 403


def test_members_of_an_agency_that_is_no_longer_active_are_refused(agency_client, partner):
    partner.is_active = False
    partner.save()
    assert agency_client.get("/partners/").status_code == 403


def test_only_partner_users_see_the_link_in_the_header(client, family, partner, agency_user):
    client.force_login(family)
    assert "Partner requests" not in client.get("/my/").text
    client.force_login(AgencyUserFactory())
    assert "Partner requests" not in client.get("/my/").text
    client.force_login(agency_user)
    assert 'href="/partners/">Partner requests' in client.get("/my/").text
