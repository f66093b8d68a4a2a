"""A family who only looks at the registration's first step leaves nothing behind: no session row."""

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session

from tests.holiday_drive.conftest import GUARDIAN, step_data

pytestmark = pytest.mark.django_db


def test_looking_at_the_first_step_saves_no_session(client, campaign):
    for _ in range(3):
        response = client.get("/holiday/register/")
        assert response.status_code == 200 and 'name="csrfmiddlewaretoken"' in response.text
    assert Session.objects.count() == 0
    assert settings.SESSION_COOKIE_NAME not in response.cookies


def test_the_registration_starts_when_its_first_step_is_sent(client, campaign, register):
    client.get("/holiday/register/")
    response = client.post("/holiday/register/", step_data("guardian", GUARDIAN))
    assert response.status_code == 200 and Session.objects.count() == 1
    assert 'name="children-TOTAL_FORMS"' in response.text
    assert register().url == "/holiday/register/done/"


def test_a_later_step_sent_without_a_session_starts_over(client, campaign):
    response = client.post("/holiday/register/", step_data("packages", {"packages": ["food"], "consent": "on"}))
    assert response.status_code == 302 and response.url == "/holiday/register/"
