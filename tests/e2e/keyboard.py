"""Driving a page with the keyboard alone, as a family without a mouse or touch screen would."""

from playwright.sync_api import expect

MAX_TABS = 80


def tab_to(page, locator):
    """Press Tab until `locator` has focus; fail if it is not reachable by keyboard."""
    for _ in range(MAX_TABS):
        if locator.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    expect(locator).to_be_focused()  # fails with a readable message


def type_into(page, locator, text):
    tab_to(page, locator)
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def tick(page, locator):
    """Tick or untick a checkbox or radio with the space bar."""
    tab_to(page, locator)
    page.keyboard.press("Space")


def activate(page, locator):
    """Press Enter on a link or button and wait for the page it loads."""
    tab_to(page, locator)
    with page.expect_navigation():
        page.keyboard.press("Enter")
