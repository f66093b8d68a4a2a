"""A family with an account sees and downloads everything held about them, and asks for deletion."""

import json

import pytest
from django.test import Client
from wagtail.models import ModelLogEntry

from aid_requests import privacy
from aid_requests.models import AidRequest, Household
from tests.aid_requests.factories import AidRequestFactory, ChildFactory, HouseholdFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PAGE, JSON, DELETE = "/my/data/", "/my/data.json", "/my/data/delete/"


@pytest.fixture
def maria(family, home):
    """The signed-in family's household: a request for their child Ana, with what they wrote."""
    household = HouseholdFactory(user=family, street_address="12 Quiet Lane")
    AidRequestFactory(
        household=household, details="Ana needs a winter coat", children=[ChildFactory(household=household)]
    )
    return household


def test_the_family_reads_everything_on_one_page(family_client, maria):
    html = family_client.get(PAGE).text
    for held in (
        "Maria Lopez",
        "(410) 555-0142",
        "12 Quiet Lane",
        "Ana",
        "Ana needs a winter coat",
        "parent@example.org",
    ):
        assert held in html
    assert maria.requests.get().reference in html


def test_the_json_holds_the_same_and_is_a_download(family_client, maria):
    response = family_client.get(JSON)
    assert response["Content-Disposition"].startswith('attachment; filename="my-data-')
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["households"][0]["guardian_name"] == "Maria Lopez"
    assert data["households"][0]["children"][0]["first_name"] == "Ana"
    assert data["requests"][0]["details"] == "Ana needs a winter coat"
    assert data["holiday_registrations"] == []


def test_another_family_sees_only_their_own(client, maria):
    client.force_login(UserFactory(email="other@example.org"))
    assert "Maria" not in client.get(PAGE).text
    assert json.loads(client.get(JSON).content)["households"] == []


@pytest.mark.parametrize("url", [PAGE, JSON])
def test_anonymous_visitors_are_sent_to_sign_in(client, url):
    assert client.get(url)["Location"].startswith("/accounts/login/")


def test_the_page_runs_the_same_queries_for_one_request_as_for_five(
    family_client, maria, django_assert_max_num_queries
):
    family_client.get(PAGE)
    for _ in range(4):
        AidRequestFactory(household=maria, children=[ChildFactory(household=maria)])
    with django_assert_max_num_queries(15):
        assert family_client.get(PAGE).text.count("CC-") >= 5


def test_asking_for_deletion_needs_the_box_ticked(family_client, maria):
    response = family_client.post(DELETE, follow=True)
    assert "Tick the box" in response.text
    assert Household.objects.get().deletion_requested_at is None


def test_asking_for_deletion_is_recorded_and_shown(family_client, maria, family):
    response = family_client.post(DELETE, {"confirm": "yes"}, follow=True)
    assert "We have your request" in response.text and "You asked us on" in response.text
    assert Household.objects.get().deletion_requested_at is not None
    entry = ModelLogEntry.objects.get(action=privacy.DELETION_REQUESTED)
    assert (entry.user_id, entry.label) == (family.pk, f"Household {maria.pk}")


def test_deletion_is_asked_by_post_only(family_client, maria):
    assert family_client.get(DELETE).status_code == 405


def staff_page(staff):
    client = Client()
    client.force_login(staff)
    return client


def test_staff_anonymise_a_household_that_asked(family_client, maria, staff):
    family_client.post(DELETE, {"confirm": "yes"})
    AidRequest.objects.update(status="withdrawn")
    staff_client = staff_page(staff)
    assert f"Household {maria.pk}" in staff_client.get("/admin/requests/deletions/").text
    response = staff_client.post("/admin/requests/deletions/", {"household": maria.pk}, follow=True)
    assert "is anonymised" in response.text
    maria.refresh_from_db()
    assert (maria.guardian_name, maria.user, maria.street_address) == ("", None, "")
    assert ModelLogEntry.objects.get(action=privacy.ANONYMISED).user_id == staff.pk
    assert "Maria" not in family_client.get(PAGE).text
    detail = staff_client.get(f"/admin/requests/{maria.requests.get().pk}/").text
    assert "Anonymised" in detail and "Maria" not in detail


def test_staff_cannot_anonymise_while_a_request_is_open(family_client, maria, staff):
    family_client.post(DELETE, {"confirm": "yes"})
    response = staff_page(staff).post("/admin/requests/deletions/", {"household": maria.pk}, follow=True)
    assert "still has an open request" in response.text
    assert Household.objects.get().guardian_name == "Maria Lopez"


@pytest.mark.parametrize("household", ["abc", "99999999999999999999", ""])
def test_a_bad_or_unrequested_household_is_not_found(maria, staff, household):
    assert staff_page(staff).post("/admin/requests/deletions/", {"household": household or maria.pk}).status_code == 404


def test_families_and_agencies_cannot_open_the_staff_page(family_client, agency_user):
    assert family_client.get("/admin/requests/deletions/").status_code in (302, 403)
    agency = Client()
    agency.force_login(agency_user)
    assert agency.get("/admin/requests/deletions/").status_code in (302, 403)
    assert agency.post("/admin/requests/deletions/", {"household": 1}).status_code in (302, 403)
