"""Real-browser tests: Debian's Chromium, driven by Playwright's sync API, against pytest-django's live_server."""

import os
import sqlite3
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from playwright.sync_api import sync_playwright

from portal.models import User
from tests.e2e.axe import assert_no_serious_violations, write_summary

# Debian's package, not Playwright's download: `playwright install` cannot reach its CDN here.
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",  # containers and CI runners seldom allow Chromium's sandbox
    "--disable-gpu",
    "--disable-background-networking",  # no calls home: the tests must not depend on the network
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORTS = {
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1280, "height": 800}},
}
# The desktop at 200 % zoom (WCAG 1.4.10 reflow): 640 CSS pixels wide, drawn at twice the pixel density.
ZOOM_200 = {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2}


# One browser for all browser tests. Scoped to this package rather than the session, so that Playwright's
# event loop and DJANGO_ALLOW_ASYNC_UNSAFE end with the last browser test instead of leaking into later tests
# (test_configuration runs `manage.py check --deploy` in a child process, which warns about that variable).
@pytest.fixture(scope="package")
def browser():
    if not Path(CHROMIUM).is_file():
        if os.environ.get("CI") == "true":
            # A CI run that quietly skips every browser test would look green while testing nothing.
            pytest.fail(
                f"Chromium not found at {CHROMIUM}: install Debian's chromium package or set CHROMIUM.", pytrace=False
            )
        pytest.skip(f"Chromium not found at {CHROMIUM}: browser tests skipped")
    # Playwright's sync API keeps an asyncio loop running in this thread, so Django would refuse ORM calls
    # (seeding, flushing) as "async unsafe". Allowed only while the browser lives.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(params=list(VIEWPORTS))
def page(request, browser, live_server):
    """A fresh browser context per test (no cookies carried over), opened at the live server.

    Every test runs on both viewports; `@pytest.mark.parametrize("page", ["phone"], indirect=True)` picks one.
    """
    context = browser.new_context(base_url=live_server.url, **VIEWPORTS[request.param])
    refused = watch_content_security_policy(context)
    yield context.new_page()
    context.close()
    assert refused == [], "the Content-Security-Policy blocked something a page uses"


def watch_content_security_policy(context):
    """What the Content-Security-Policy refused in this context's pages, as Chromium reports it; a growing list."""
    refused = []

    def on_console(message):
        if message.type == "error" and "Content Security Policy" in message.text:
            refused.append(f"{message.location.get('url')}: {message.text}")

    context.on("console", on_console)
    return refused


@pytest.fixture
def demo_site(transactional_db):
    """The demo content, committed (transactional_db) so the live server's thread can see it.

    Seeding takes seconds and every test's flush empties it again: on SQLite the first seed is copied aside
    (SQLite's backup API) and copied back for the next tests, a few milliseconds each.
    """
    from portal.demo import seed

    if connection.vendor != "sqlite":
        seed()
        return
    connection.ensure_connection()
    if _demo_copy:
        _demo_copy[0].backup(connection.connection)
        return
    seed()
    copy = sqlite3.connect(":memory:", check_same_thread=False)
    connection.connection.backup(copy)
    _demo_copy.append(copy)


_demo_copy = []  # the seeded SQLite database, once seeded in this run


@pytest.fixture
def axe_clean(page, request):
    """Call `axe_clean("home")` after each page load; the report is named after the test and that label."""
    return lambda label: assert_no_serious_violations(page, f"{request.node.name}-{label}")


def pytest_sessionfinish(session):
    write_summary()  # artifacts/axe/moderate.json: what axe found in this run that failed no test


def sign_in(context, live_server, email):
    """Sign a browser context in as the user with this email, without the login form (force_login's session)."""
    client = Client()
    client.force_login(User.objects.get(email=email))
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])


def sign_in_through_form(page, email, password):
    """Sign in on /accounts/login/ by keyboard, with the authenticator app's code when the account has one."""
    from portal.demo import DEMO_TOTP_SECRET
    from tests.e2e.keyboard import activate, type_into
    from tests.factories import totp_code

    page.goto("/accounts/login/")
    type_into(page, page.get_by_label("Email"), email)
    type_into(page, page.get_by_label("Password"), password)
    activate(page, page.get_by_role("button", name="Sign In"))
    if page.url.endswith("/accounts/2fa/authenticate/"):  # staff and partners: the demo's authenticator key
        type_into(page, page.get_by_label("Code"), totp_code(DEMO_TOTP_SECRET))
        activate(page, page.get_by_role("button", name="Sign In"))
