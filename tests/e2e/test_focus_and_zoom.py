"""Keyboard users see where the focus is, hear form errors and reach the field at fault.

200 % zoom, error summaries' links and notices told by colour alone are checked on every page by test_every_page.py.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.keyboard import activate, tab_to

pytestmark = pytest.mark.usefixtures("demo_site")

# After each Tab: the element that had focus must have looked different while focused (outline, shadow or
# background), and the element that has it now is remembered with its focused look.
FOCUS_STEP = """() => {
  const look = (element) => {
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
    return {outline: outline ? `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` : "none",
            shadow: style.boxShadow, background: style.backgroundColor};
  };
  const name = (element) => `<${element.tagName.toLowerCase()}> "${(element.innerText || element.name || "").trim()}"`;
  const state = window.focusSweep = window.focusSweep || {seen: new Set(), previous: null, problems: []};
  if (state.previous) {
    const {element, focused} = state.previous;
    const blurred = look(element);
    const shows = (focused.outline !== "none" && focused.outline !== blurred.outline)
      || focused.shadow !== blurred.shadow || focused.background !== blurred.background;
    if (!shows) state.problems.push(`${name(element)} looks the same with and without focus`);
  }
  const element = document.activeElement;
  const done = !element || element === document.body || state.seen.has(element);
  if (!done) { state.seen.add(element); state.previous = {element, focused: look(element)}; }
  return {done, count: state.seen.size, problems: state.problems};
}"""


def focus_problems(page, max_stops=120):
    """Tab through the whole page once; return (elements reached, problems)."""
    for _ in range(max_stops):
        page.keyboard.press("Tab")
        step = page.evaluate(FOCUS_STEP)
        if step["done"]:
            break
    return step["count"], step["problems"]


@pytest.mark.parametrize("page", ["desktop"], indirect=True)
def test_every_link_button_and_field_shows_where_the_focus_is(page):
    problems = []
    for url in ["/", "/connection-center/?near=21044", "/requests/apply/", "/holiday/register/", "/accounts/login/"]:
        page.goto(url)
        reached, found = focus_problems(page)
        assert reached >= 8, f"only {reached} elements reached by Tab on {url}"
        problems += [f"{url}: {problem}" for problem in found]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("page", ["phone"], indirect=True)
def test_form_errors_are_announced_and_each_links_to_its_field(page):
    page.goto("/requests/apply/")
    activate(page, page.get_by_role("button", name="Continue"))
    expect(page).to_have_title(re.compile(r"^Error: "))  # the first thing a screen reader says
    summary = page.get_by_role("alert")  # read out as soon as the page loads
    expect(summary).to_contain_text("Enter your name.")
    zip_error = summary.get_by_role("link", name="Enter a ZIP code of five digits, like 21044.")
    activate_in_page(page, zip_error)
    zip_field = page.get_by_label("ZIP code", exact=True)
    expect(zip_field).to_be_focused()
    expect(zip_field).to_have_attribute("aria-invalid", "true")
    # The error is read with the field, not only shown in red next to it.
    described_by = zip_field.get_attribute("aria-describedby").split()
    errors = " ".join(page.locator(f"[id='{name}']").inner_text() for name in described_by)
    assert "Enter a ZIP code of five digits" in errors


def activate_in_page(page, link):
    """Follow a link to a part of the same page by keyboard (no page load to wait for)."""
    tab_to(page, link)
    page.keyboard.press("Enter")
