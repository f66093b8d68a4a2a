"""Everyone who sees family data signs in with a code from an authenticator app (issue 16, the high finding)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from portal.roles import VOLUNTEER
from tests.factories import AgencyUserFactory, SchoolStaffFactory, StaffFactory, UserFactory, totp_code
from tests.resources.factories import SchoolStaffLinkFactory

pytestmark = pytest.mark.django_db
SETUP = "/accounts/second-factor/"


def test_staff_without_an_authenticator_are_sent_to_set_one_up_before_the_admin(client, home):
    client.force_login(StaffFactory(enrolled=False))
    response = client.get("/admin/requests/")
    assert response.status_code == 302
    assert response.url == f"{SETUP}?next=%2Fadmin%2Frequests%2F"


def test_a_partner_without_an_authenticator_cannot_open_the_partner_portal(client, home):
    client.force_login(AgencyUserFactory(enrolled=False))
    assert client.get("/partners/").url.startswith(SETUP)


def test_school_staff_without_an_authenticator_are_sent_to_set_one_up_before_referrals(client, home):
    client.force_login(SchoolStaffFactory(enrolled=False))
    response = client.get("/referrals/")
    assert response.status_code == 302
    assert response.url == f"{SETUP}?next=%2Freferrals%2F"


def test_enrolled_school_staff_reach_their_referrals(client, home):
    nurse = SchoolStaffFactory()
    SchoolStaffLinkFactory(user=nurse)
    client.force_login(nurse)
    assert client.get("/referrals/").status_code == 200


def test_holiday_staff_without_the_staff_group_are_held_too(client, home):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="view_registration"))
    client.force_login(user)
    assert client.get("/holiday/").url.startswith(SETUP)


@pytest.mark.parametrize("path", ["/my/", "/holiday/checkin/"])
def test_families_and_volunteers_see_no_names_and_need_no_second_factor(client, home, path):
    volunteer = UserFactory()
    volunteer.groups.add(VOLUNTEER_GROUP()) if path.startswith("/holiday/") else None
    client.force_login(volunteer)
    assert client.get(path).status_code == 200


def VOLUNTEER_GROUP():  # noqa: N802 - reads like the constant it stands for
    from django.contrib.auth.models import Group

    return Group.objects.get(name=VOLUNTEER)


def test_the_set_up_page_says_why_and_how_in_english_and_spanish(client, home):
    client.force_login(StaffFactory(enrolled=False))
    html = client.get(SETUP).text
    assert "Your account can see families' personal information" in html
    assert 'href="/accounts/2fa/totp/activate/"' in html
    client.cookies["django_language"] = "es"
    assert "Configurar la aplicación de autenticación" in client.get(SETUP).text


def test_the_grace_period_lets_staff_work_until_its_date(client, home, settings):
    settings.SECOND_FACTOR_GRACE_DAYS = 7
    staff = StaffFactory(enrolled=False)
    client.force_login(staff)
    assert client.get("/admin/").status_code == 200
    assert "You can keep working without it until" in client.get(SETUP).text
    staff.refresh_from_db()
    staff.second_factor_due = timezone.now() - timedelta(minutes=1)
    staff.save()
    assert client.get("/admin/").url.startswith(SETUP)


def test_signing_in_asks_enrolled_staff_for_the_code(client, home, password):
    staff = StaffFactory()
    response = client.post("/accounts/login/", {"login": staff.email, "password": password})
    assert response.url == "/accounts/2fa/authenticate/"
    assert client.get("/admin/").status_code == 302  # not signed in yet
    wrong = client.post("/accounts/2fa/authenticate/", {"code": "000000" if totp_code() != "000000" else "111111"})
    assert "Incorrect code" in wrong.text
    client.post("/accounts/2fa/authenticate/", {"code": totp_code()})
    assert client.get("/admin/").status_code == 200


def test_staff_cannot_remove_their_only_authenticator(client, home, password):
    staff = StaffFactory()
    client.post("/accounts/login/", {"login": staff.email, "password": password})
    client.post("/accounts/2fa/authenticate/", {"code": totp_code()})
    client.post("/accounts/reauthenticate/", {"password": password})
    response = client.post("/accounts/2fa/totp/deactivate/")
    assert response.status_code == 200
    assert "You cannot deactivate two-factor authentication." in response.text
    assert staff.authenticator_set.filter(type="totp").exists()


def test_wagtails_page_privacy_login_cannot_skip_the_code(client, home, password):
    staff = StaffFactory()
    response = client.post("/_util/login/", {"username": staff.email, "password": password})
    assert "_auth_user_id" not in client.session
    assert response.status_code == 404  # the page route (portal/urls.py) comes first and shadows it
