"""The School staff role against every page: its own referrals, others', the admin and the partner pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from referrals.models import Referral
from resources.models import SchoolStaffLink
from tests.factories import AgencyUserFactory, SchoolStaffFactory, StaffFactory, UserFactory
from tests.resources.factories import SchoolStaffLinkFactory

pytestmark = pytest.mark.django_db

AREA = ["/referrals/", "/referrals/new/"]


@pytest.fixture
def colleague(school):
    """Another counselor at the nurse's own school."""
    user = SchoolStaffFactory(email="counselor@school.example.org")
    SchoolStaffLinkFactory(user=user, school=school)
    return user


@pytest.fixture
def elsewhere(other_school):
    """A counselor at another school."""
    user = SchoolStaffFactory(email="counselor@other.example.org")
    SchoolStaffLinkFactory(user=user, school=other_school)
    return user


def signed_in(client, user):
    client.force_login(user)
    return client


def test_anonymous_visitors_sign_in_first(client, refer, home):
    _response, referral = refer()
    client.logout()
    for url in [*AREA, f"/referrals/{referral.pk}/"]:
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith("/accounts/login/")


@pytest.mark.parametrize("make", [UserFactory, AgencyUserFactory, StaffFactory, SchoolStaffFactory])
def test_people_without_the_role_and_a_school_link_are_refused(client, home, make):
    """Families, partners, office staff and a school staff account not (or no longer) linked to a school."""
    signed_in(client, make())
    for url in AREA:
        response = client.get(url)
        assert response.status_code == 403 and "This area is for school staff" in response.content.decode()


def test_a_school_link_without_the_role_is_not_enough(client, home, school):
    user = UserFactory()
    SchoolStaffLinkFactory(user=user, school=school)
    assert signed_in(client, user).get("/referrals/").status_code == 403


def test_the_referrer_sees_their_own_referrals_and_nothing_else(client, refer, nurse_client, colleague, elsewhere):
    _response, mine = refer()
    _response, theirs = refer(client=signed_in(client.__class__(), colleague), guardian_name="Other Family")
    assert theirs is not None

    listing = nurse_client.get("/referrals/").content.decode()
    assert "Rosa Quintero" in listing and "Other Family" not in listing
    assert nurse_client.get(f"/referrals/{mine.pk}/").status_code == 200
    # Another referrer's referral from the same school, and one that does not exist, look the same: not found.
    assert nurse_client.get(f"/referrals/{theirs.pk}/").status_code == 404
    assert nurse_client.get("/referrals/999999/").status_code == 404
    assert nurse_client.get("/referrals/99999999999999999999/").status_code == 404
    # Someone at another school sees neither.
    other = signed_in(client.__class__(), elsewhere)
    assert other.get(f"/referrals/{mine.pk}/").status_code == 404
    assert "Rosa Quintero" not in other.get("/referrals/").content.decode()


def test_losing_the_school_link_loses_access_at_once(refer, nurse_client, nurse):
    _response, referral = refer()
    SchoolStaffLink.objects.filter(user=nurse).delete()
    assert nurse_client.get(f"/referrals/{referral.pk}/").status_code == 403
    assert nurse_client.get("/referrals/").status_code == 403


def test_a_referrer_linked_to_two_schools_who_leaves_one_keeps_only_the_other(refer, nurse_client, nurse, other_school):
    SchoolStaffLinkFactory(user=nurse, school=other_school)
    _response, at_first = refer()
    _response, at_other = refer(school=str(other_school.pk), guardian_name="Second Family")
    SchoolStaffLink.objects.filter(user=nurse, school=other_school).delete()
    assert nurse_client.get(f"/referrals/{at_first.pk}/").status_code == 200
    assert nurse_client.get(f"/referrals/{at_other.pk}/").status_code == 404
    assert "Second Family" not in nurse_client.get("/referrals/").content.decode()


def test_the_referrer_never_sees_the_office_or_agency_side(refer, nurse_client, staff):
    _response, referral = refer()
    aid_request = referral.request
    from aid_requests.workflow import add_message

    add_message(aid_request, "Internal: mother called twice", actor=staff, visible_to_family=False)
    page = nurse_client.get(f"/referrals/{referral.pk}/").content.decode()
    for hidden in (aid_request.reference, "Internal: mother called", "rosa.family@example.org", "21044"):
        assert hidden not in page


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/requests/",
        "/admin/reports/referrals/",
        "/admin/snippets/resources/school/",
        "/admin/directory/import/",
        "/partners/",
        "/partners/offers/1/",
        "/holiday/sponsor/",
    ],
)
def test_school_staff_cannot_open_the_admin_or_partner_pages(nurse_client, refer, url):
    refer()
    response = nurse_client.get(url)
    assert response.status_code in (403, 404), url
    assert "Rosa Quintero" not in response.content.decode()


def test_the_list_runs_the_same_queries_for_one_or_ten_referrals(refer, nurse_client):
    refer()
    with CaptureQueriesContext(connection) as one:
        nurse_client.get("/referrals/")
    for number in range(9):
        refer(guardian_name=f"Family {number}")
    assert Referral.objects.count() == 10
    with CaptureQueriesContext(connection) as ten:
        page = nurse_client.get("/referrals/").content.decode()
    assert len(ten) == len(one)
    assert page.count("Waiting for the family") == 10


def test_only_referrers_see_the_link_in_the_header(nurse_client, client, home):
    assert 'href="/referrals/"' in nurse_client.get("/my/").content.decode()
    signed_in(client.__class__(), UserFactory())
    other = signed_in(client.__class__(), UserFactory())
    assert 'href="/referrals/"' not in other.get("/my/").content.decode()
