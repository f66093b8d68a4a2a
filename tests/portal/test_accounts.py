import re

import pytest
from django.core import mail

from portal.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _link(message):
    return re.search(r"http://testserver(/accounts/\S+/)", message.body).group(1)


def test_signup_asks_to_verify_the_email_then_the_link_signs_in(client, home):
    response = client.post(
        "/accounts/signup/",
        {"email": "new@example.org", "password1": "a-long-pass-417", "password2": "a-long-pass-417"},
    )
    assert response.status_code == 302
    assert response.url == "/accounts/confirm-email/"
    assert len(mail.outbox) == 1 and "new@example.org" not in mail.outbox[0].subject
    client.post(_link(mail.outbox[0]))
    assert client.get("/accounts/email/").status_code == 200  # signed in now
    assert User.objects.get(email="new@example.org").emailaddress_set.get().verified


def test_login_with_an_unverified_email_sends_a_verification_instead(client, home, password):
    UserFactory(email="pending@example.org", verified=False)
    response = client.post("/accounts/login/", {"login": "pending@example.org", "password": password})
    assert response.url == "/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session


def test_login_with_email_and_password(client, family, password):
    response = client.post("/accounts/login/", {"login": family.email, "password": password})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(family.pk)


def test_a_wrong_password_gets_a_clear_error(client, family):
    response = client.post("/accounts/login/", {"login": family.email, "password": "wrong"})
    assert response.status_code == 200
    assert "The email address and/or password you specified are not correct." in response.text


def test_repeated_failed_logins_are_rate_limited(client, family):
    for _ in range(5):
        client.post("/accounts/login/", {"login": family.email, "password": "wrong"})
    response = client.post("/accounts/login/", {"login": family.email, "password": "wrong"})
    assert "Too many failed login attempts" in response.text


def test_password_reset_sends_a_link(client, family):
    response = client.post("/accounts/password/reset/", {"email": family.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body
