"""A family applies at a library computer: its reference codes end with the browser, or an hour later at most."""

import time
from types import SimpleNamespace

import pytest

pytestmark = pytest.mark.django_db

AN_HOUR_LATER = SimpleNamespace(time=lambda: time.time() + 60 * 60 + 1)


def test_applying_gives_a_session_cookie_that_ends_when_the_browser_closes(client, apply):
    response = apply()
    assert response.url == "/requests/apply/done/"
    cookie = response.cookies["sessionid"]
    assert cookie.value and not cookie["expires"] and not cookie["max-age"]


def test_the_reference_codes_are_never_stored_and_gone_an_hour_later(client, apply, monkeypatch):
    apply()
    done = client.get("/requests/apply/done/")
    assert done.status_code == 200 and "no-store" in done["Cache-Control"]
    monkeypatch.setattr("portal.family_sessions.time", AN_HOUR_LATER)
    assert client.get("/requests/apply/done/").url == "/requests/apply/"
    assert "applied_references" not in client.session


def test_a_status_lookup_is_never_stored(client):
    assert (
        "no-store"
        in client.post("/requests/status/", {"reference": "CC-2222-3333", "zip_code": "21044"})["Cache-Control"]
    )


def test_signing_in_is_told_through_the_session_not_a_cookie(client, family, password, home):
    response = client.post("/accounts/login/", {"login": family.email, "password": password})
    assert response.status_code == 302 and "messages" not in response.cookies
    assert f"Successfully signed in as {family.email}." in client.get("/my/").text
