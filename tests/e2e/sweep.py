"""A sweep over many pages on one viewport: each page is checked with axe and page_checks, and every problem is
kept, with the viewport and page it was found on, to be reported together."""

from django.conf import settings
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from tests.e2e.axe import serious_violations
from tests.e2e.conftest import VIEWPORTS as PAGE_VIEWPORTS
from tests.e2e.conftest import ZOOM_200, sign_in
from tests.e2e.page_checks import colour_only_problems, error_problems, reflow_problems, title_problems
from tests.e2e.screenshots import save_screenshot

# The e2e viewports, and the desktop at 200 % zoom.
VIEWPORTS = {**PAGE_VIEWPORTS, "zoom-200": ZOOM_200}


class Sweep:
    """Walks journeys on one viewport, gathering every page's problems to report them together."""

    def __init__(self, browser, live_server, viewport):
        self.browser, self.live_server, self.viewport = browser, live_server, viewport
        self.problems = []
        self.pages = 0
        self.language = None  # once set, every page checked must be in it

    def walk(self, journey):
        """Run one journey in a fresh browser context; a step that fails is a problem, and the next journey runs."""
        self.context = self.browser.new_context(base_url=self.live_server.url, **VIEWPORTS[self.viewport])
        self.context.set_default_timeout(10_000)  # a missing element fails in seconds, not the default half minute
        self.page = self.context.new_page()
        self.language = None
        try:
            journey(self)
        except (AssertionError, PlaywrightError) as failure:
            message = str(failure).split("\nAria snapshot:")[0]  # Playwright appends the whole page's tree
            self.problems.append(f"{self.viewport}-{journey.__name__} stopped on {self.page.url}: {message}")
        finally:
            self.context.close()

    def visit(self, url, label, *, heading=None, status=200):
        response = self.page.goto(url)
        assert response.status == status, f"{url} answered {response.status}"
        self.check(label, heading=heading)

    def submit(self, label, *, button=None, heading=None):
        """Send the page's form with its main button (or `button`) and check the page that answers."""
        if button is None:
            button = self.page.locator("main form button[type=submit]:not([name])").first
        with self.page.expect_navigation():
            button.click()
        self.check(label, heading=heading)

    def follow(self, link, label, *, heading=None):
        with self.page.expect_navigation():
            link.click()
        self.check(label, heading=heading)

    def check(self, label, *, heading=None):
        """Check the page as it is now: axe, reflow, error summary, colour alone and title."""
        if heading is not None:
            expect(self.page.get_by_role("heading", level=1)).to_have_text(heading)
        if self.language is not None:
            expect(self.page.locator("html")).to_have_attribute("lang", self.language)
        name = f"{self.viewport}-{label}"
        self.pages += 1
        found = serious_violations(self.page, f"every-page-{name}")
        found += reflow_problems(self.page) + error_problems(self.page) + colour_only_problems(self.page)
        found += title_problems(self.page)
        self.problems += [f"{name}: {problem}" for problem in found]

    def screenshot(self, name):
        save_screenshot(self.page, f"{name}-{self.viewport}")

    def sign_in(self, email):
        sign_in(self.context, self.live_server, email)

    def switch_to_spanish(self, url, label):
        """Open `url` in English and press "Español"; the rest of the journey is in Spanish too."""
        self.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": self.live_server.url}])
        self.page.goto(url)
        self.language = "es"
        self.submit(label, button=self.page.get_by_role("button", name="Español"))


def fill(page, values):
    """Fill fields by CSS selector, whatever the page's language."""
    for selector, value in values.items():
        page.locator(selector).fill(value)
