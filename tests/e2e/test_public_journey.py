"""A family's first visit: home page, the Pupil Personnel Services page, then the site in Spanish."""

import re

import pytest
from playwright.sync_api import expect

from portal.content import OFFICE_PHONE
from tests.e2e.screenshots import save_screenshot

pytestmark = pytest.mark.usefixtures("demo_site")

PPS = {
    "en": ("/pupil-personnel-services/", "Pupil Personnel Services"),
    "es": ("/es/servicios-de-personal-estudiantil/", "Servicios de Personal Estudiantil"),
}
PPS_SECTIONS = {
    "en": ["Academic Success", "Administrative Functions", "Family Services", "Code of Ethics"],
    "es": ["Éxito escolar", "Funciones administrativas", "Servicios para familias", "Código de ética"],
}


def expect_pps_page(page, language="en"):
    """The Pupil Personnel Services page with its four sections, in `language`."""
    path, title = PPS[language]
    expect(page).to_have_url(re.compile(re.escape(path) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    for section in PPS_SECTIONS[language]:
        expect(page.get_by_role("heading", level=2, name=section)).to_be_visible()


def test_home_then_pps_then_spanish(page, axe_clean):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Help for students and families")
    # Families call more than they click: the office phone must be a tappable tel: link on every page.
    expect(page.get_by_role("contentinfo").locator("a[href^='tel:']")).to_have_text(OFFICE_PHONE)
    axe_clean("home")
    save_screenshot(page, f"home-en-{page.viewport_size['width']}")

    page.goto("/pupil-personnel-services/")  # nothing on the home page links to it yet
    expect_pps_page(page)
    axe_clean("pps")

    page.get_by_role("button", name="Español").click()
    # The page has a Spanish translation: the switch goes there.
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect_pps_page(page, "es")
    axe_clean("pps-es")
    save_screenshot(page, f"pps-es-{page.viewport_size['width']}")


def test_first_tab_reaches_skip_link(page):
    page.goto("/")
    skip_link = page.get_by_role("link", name="Skip to main content")
    # It waits off-screen until focused (where Playwright's "visible" would already pass), so check the viewport.
    expect(skip_link).not_to_be_in_viewport()
    page.keyboard.press("Tab")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
