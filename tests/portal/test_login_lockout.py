"""Failed passwords slow the address that sends them, never lock a named person out (issue 16)."""

import re

import pytest
from django.core import mail

from tests.factories import StaffFactory, totp_code

pytestmark = pytest.mark.django_db
ATTACKER = "203.0.113.9"
OFFICE = "198.51.100.20"


def _login(client, email, password, address):
    return client.post("/accounts/login/", {"login": email, "password": password}, REMOTE_ADDR=address)


def test_wrong_passwords_from_one_address_do_not_lock_the_person_out_elsewhere(client, password):
    staff = StaffFactory()
    for _ in range(5):
        _login(client, staff.email, "guess", ATTACKER)
    assert "Too many failed login attempts" in _login(client, staff.email, password, ATTACKER).text
    response = _login(client, staff.email, password, OFFICE)
    assert response.url == "/accounts/2fa/authenticate/"


def test_a_reset_link_unlocks_the_address_that_was_locked(client, password):
    staff = StaffFactory()
    for _ in range(6):
        _login(client, staff.email, "mistyped", OFFICE)
    assert "Too many failed login attempts" in _login(client, staff.email, password, OFFICE).text
    client.post("/accounts/password/reset/", {"email": staff.email}, REMOTE_ADDR=OFFICE)
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+/)", mail.outbox[-1].body).group(1)
    form = client.get(link, REMOTE_ADDR=OFFICE, follow=True)
    new = {"password1": "a-fresh-long-pass-42", "password2": "a-fresh-long-pass-42"}
    client.post(form.redirect_chain[-1][0], new, REMOTE_ADDR=OFFICE)
    assert _login(client, staff.email, new["password1"], OFFICE).url == "/accounts/2fa/authenticate/"
    client.post("/accounts/2fa/authenticate/", {"code": totp_code()}, REMOTE_ADDR=OFFICE)
    assert client.get("/admin/", REMOTE_ADDR=OFFICE).status_code == 200
