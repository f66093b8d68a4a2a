"""The headers a browser reads from a production (DEBUG off) answer: Content-Security-Policy, a looser one kept to
the Wagtail admin, Permissions-Policy, SameSite on every cookie, and /.well-known/security.txt."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates"
# Templates that never reach a public page: the admin's own (served under /admin/) and emails.
NOT_PUBLIC = ("admin", "emails")


def _policy(response):
    return dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))


def test_the_answers_come_from_production_settings():
    assert settings.DEBUG is False


def test_a_public_page_allows_only_the_sites_own_scripts_styles_and_images(client, home):
    policy = _policy(client.get("/"))
    assert policy["default-src"] == policy["script-src"] == policy["style-src"] == policy["img-src"] == "'self'"
    assert policy["object-src"] == "'none'" and policy["frame-ancestors"] == "'none'"
    assert policy["form-action"] == "'self'" and "unsafe" not in str(policy)


def test_the_family_pages_send_the_same_strict_policy(client, home):
    for path in ("/requests/apply/", "/requests/status/", "/holiday/pickup/", "/accounts/login/"):
        assert "unsafe" not in client.get(path)["Content-Security-Policy"], path


def test_the_admin_gets_its_own_looser_policy_kept_to_the_admin(staff_client, home):
    admin = _policy(staff_client.get("/admin/"))
    assert admin["script-src"] == "'self' 'unsafe-inline'" and admin["frame-ancestors"] == "'self'"
    assert "unsafe" not in staff_client.get("/")["Content-Security-Policy"]


def test_every_answer_turns_off_camera_microphone_and_location(client, home):
    header = client.get("/")["Permissions-Policy"]
    assert {"camera=()", "microphone=()", "geolocation=()", "payment=()"} <= set(header.split(", "))


def test_every_cookie_says_samesite(client, family, password, home):
    responses = [
        client.post("/i18n/setlang/", {"language": "es", "next": "/"}),
        client.get("/accounts/login/"),
        client.post("/accounts/login/", {"login": family.email, "password": password}),
    ]
    cookies = {name: morsel for response in responses for name, morsel in response.cookies.items()}
    assert {"django_language", "csrftoken", "sessionid"} <= set(cookies)
    assert {name: morsel["samesite"] for name, morsel in cookies.items()} == dict.fromkeys(cookies, "Lax")


@override_settings(SECURITY_CONTACT="security@district.example.org")
def test_security_txt_gives_the_offices_contact_and_an_expiry(client):
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200 and response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Contact: mailto:security@district.example.org\n" in response.text
    assert re.search(r"^Expires: 20\d\d-\d\d-\d\dT00:00:00Z$", response.text, re.MULTILINE)


def test_without_a_contact_there_is_no_security_txt(client):
    assert client.get("/.well-known/security.txt").status_code == 404


def test_no_public_template_has_inline_script_style_or_event_handlers():
    inline = re.compile(r"<script(?![^>]*\bsrc=)|<style|\sstyle=|\son[a-z]+=|javascript:", re.IGNORECASE)
    found = [
        str(path.relative_to(TEMPLATES))
        for path in TEMPLATES.rglob("*.html")
        if not set(path.relative_to(TEMPLATES).parts) & set(NOT_PUBLIC) and inline.search(path.read_text())
    ]
    assert found == []
