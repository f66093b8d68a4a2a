"""A family who only looks at the application's first step leaves nothing behind: no session row."""

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session

from tests.aid_requests.conftest import ABOUT, step_data

pytestmark = pytest.mark.django_db


def test_looking_at_the_first_step_saves_no_session(client, home, kinds):
    for _ in range(3):
        response = client.get("/requests/apply/")
        assert response.status_code == 200 and 'name="csrfmiddlewaretoken"' in response.text
    assert Session.objects.count() == 0
    assert settings.SESSION_COOKIE_NAME not in response.cookies


def test_the_application_starts_when_its_first_step_is_sent(client, apply):
    client.get("/requests/apply/")
    response = client.post("/requests/apply/", step_data("about", ABOUT))
    assert response.status_code == 200 and "Step 2 of 4" in response.text
    assert Session.objects.count() == 1
    assert "Step 2 of 4" in client.get("/requests/apply/").text  # a reload resumes where the family was
    assert apply().url == "/requests/apply/done/"
