"""A parent on a phone looks for dental help near home and opens a program."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.screenshots import save_screenshot

pytestmark = pytest.mark.usefixtures("demo_site")


@pytest.mark.parametrize("page", ["phone"], indirect=True)
def test_search_dental_help_near_21044_and_open_a_program(page, axe_clean):
    page.goto("/connection-center/")
    axe_clean("directory")
    page.get_by_label("What do you need?").fill("dental")
    page.get_by_label("Near ZIP code").fill("21044")
    page.get_by_role("button", name="Search", exact=True).last.click()
    expect(page).to_have_url(re.compile(r"q=dental.*near=21044"))
    results = page.locator(".program-card")
    expect(results.first).to_contain_text("miles away")
    axe_clean("results")
    save_screenshot(page, "directory-results-en")

    results.first.get_by_role("link").first.click()
    expect(page.get_by_role("heading", name="Hours this week")).to_be_visible()
    expect(page.locator("a[href^='tel:']").first).to_be_visible()
    axe_clean("program")
    save_screenshot(page, "directory-program-en")
