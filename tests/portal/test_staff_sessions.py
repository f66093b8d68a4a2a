"""Sessions of people who see family data end when idle and when their password changes (issue 16)."""

import pytest
from django.test import Client

from portal.second_factor import SEEN_KEY
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def _idle(client, minutes):
    session = client.session
    session[SEEN_KEY] -= minutes * 60
    session.save()


def test_a_staff_session_ends_after_the_idle_period(staff_client, settings):
    settings.SECOND_FACTOR_IDLE_MINUTES = 30
    assert staff_client.get("/admin/").status_code == 200
    _idle(staff_client, 31)
    response = staff_client.get("/admin/requests/")
    assert response.url == "/accounts/login/?next=%2Fadmin%2Frequests%2F"
    assert "_auth_user_id" not in staff_client.session


def test_a_staff_member_at_work_stays_signed_in(staff_client, settings):
    settings.SECOND_FACTOR_IDLE_MINUTES = 30
    staff_client.get("/admin/")
    _idle(staff_client, 20)
    assert staff_client.get("/admin/").status_code == 200
    _idle(staff_client, 20)  # forty minutes after the first page, twenty after the last
    assert staff_client.get("/admin/").status_code == 200


def test_a_family_session_has_no_idle_limit(family_client, home, settings):
    settings.SECOND_FACTOR_IDLE_MINUTES = 1
    family_client.get("/my/")
    assert SEEN_KEY not in family_client.session
    assert family_client.get("/my/").status_code == 200


def test_changing_the_password_ends_the_other_sessions(client, password):
    staff = StaffFactory()
    elsewhere = Client()
    elsewhere.force_login(staff)
    client.force_login(staff)
    assert elsewhere.get("/admin/").status_code == 200
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": password, "password1": "another-long-pass-71", "password2": "another-long-pass-71"},
    )
    assert response.status_code == 302
    assert elsewhere.get("/admin/").url.startswith("/accounts/login/")
