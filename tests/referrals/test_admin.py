"""Office staff invite school staff and read the referrals report; nobody else can."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portal.models import User
from portal.roles import SCHOOL_STAFF
from referrals.models import Referral
from resources.models import SchoolStaffLink
from tests.referrals.conftest import family_link
from tests.referrals.test_family_link import confirm_data

pytestmark = pytest.mark.django_db


def test_staff_invite_a_counselor_who_gets_the_role_the_schools_and_a_password_link(staff_client, school):
    invitation = {"email": "Counselor@School.example.org", "name": "Ana Ruiz", "schools": [school.pk]}
    response = staff_client.post("/admin/referrals/invite/", invitation)
    assert response.status_code == 302
    user = User.objects.get(email="counselor@school.example.org")
    assert user.groups.filter(name=SCHOOL_STAFF).exists() and not user.has_usable_password()
    assert list(SchoolStaffLink.objects.filter(user=user).values_list("school", flat=True)) == [school.pk]
    [message] = mail.outbox
    assert message.to == ["counselor@school.example.org"] and "/accounts/password/reset/key/" in message.body


def test_an_invitation_without_a_school_saves_nothing(staff_client):
    response = staff_client.post("/admin/referrals/invite/", {"email": "x@school.example.org", "name": "X"})
    assert "Choose at least one school." in response.text
    assert not User.objects.filter(email="x@school.example.org").exists() and not mail.outbox


def test_nobody_signs_up_as_school_staff(client, home):
    """Signing up makes a family account: no role, so no /referrals/."""
    client.post(
        "/accounts/signup/",
        {"email": "self@school.example.org", "password1": "a-long-pass-word-77", "password2": "a-long-pass-word-77"},
    )
    user = User.objects.filter(email="self@school.example.org").first()
    assert user is None or not user.groups.exists()


@pytest.mark.parametrize("persona", ["nurse_client", "family_client", "agency_client"])
@pytest.mark.parametrize("url", ["/admin/referrals/invite/", "/admin/reports/referrals/"])
def test_school_staff_families_and_agencies_cannot_open_the_office_pages(request, persona, url):
    assert request.getfixturevalue(persona).get(url).status_code == 403


def test_the_report_counts_by_school_and_kind_with_the_confirmed_share(refer, staff_client, family_browser, post):
    _response, confirmed = refer()
    post(family_browser, family_link(), confirm_data(confirmed))
    refer(guardian_name="Second Family", kind="dental")
    Referral.objects.filter(pk=confirmed.pk).update(created_at=timezone.now())

    with CaptureQueriesContext(connection) as queries:
        page = staff_client.get("/admin/reports/referrals/").text
    assert "Running Brook Elementary" in page
    assert "<td>2</td><td>1 (50 %)</td>" in page  # the school: two referrals, one confirmed
    assert "Second Family" not in page and "Rosa" not in page  # figures, not families
    for _ in range(5):
        refer(guardian_name="More")
    with CaptureQueriesContext(connection) as more:
        staff_client.get("/admin/reports/referrals/")
    assert len(more) == len(queries)


def _fulfilled(referral, days):
    from datetime import timedelta

    from aid_requests.models import Fulfilment, Offer
    from tests.resources.factories import PartnerAgencyFactory

    done = referral.created_at + timedelta(days=days)
    offer = Offer.objects.create(
        request=referral.request, agency=PartnerAgencyFactory(), status="accepted", offered_at=done, deadline=done
    )
    Fulfilment.objects.create(request=referral.request, offer=offer, recorded_at=done, given_on=done.date())


def test_the_median_days_to_fulfilment_by_school_by_kind_and_in_all(refer):
    from referrals.reports import referral_figures

    for kind in ("vision", "vision", "vision", "dental", "dental"):
        refer(kind=kind)
    referrals = list(Referral.objects.order_by("pk"))
    for referral, days in zip(referrals, [1, 2, 4.5, 10], strict=False):  # the last dental one is not fulfilled
        _fulfilled(referral, days)
    figures = referral_figures()
    [school] = figures["schools"]
    assert (school.referrals, school.fulfilled, school.median_days_to_fulfil) == (5, 4, "3.2")  # (2 + 4.5) / 2
    assert [(row.referrals, row.fulfilled, row.median_days_to_fulfil) for row in figures["kinds"]] == [
        (2, 1, "10.0"),
        (3, 3, "2.0"),
    ]
    assert (figures["total"].referrals, figures["total"].median_days_to_fulfil) == (5, "3.2")
