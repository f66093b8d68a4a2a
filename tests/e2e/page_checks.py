"""Checks any page must pass, beyond axe: it reflows without sideways scrolling, its form errors are announced and
linked to their fields, its notices say in words what their colour says, and its title names it. Each returns a
list of problems."""

# WCAG 1.4.10: at 320 CSS pixels (a phone, or 1280 pixels at 400 %) nothing but tables and maps scrolls sideways.
REFLOW = """() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  if (root.scrollWidth <= width) return null;
  const name = (element) => element.tagName.toLowerCase() + (element.id ? "#" + element.id : "")
    + [...element.classList].map((c) => "." + c).join("");
  const wide = [...document.body.querySelectorAll("*")].filter((e) => e.getBoundingClientRect().right > width + 1);
  // The innermost ones are the culprits; their ancestors are only stretched by them.
  const culprits = wide.filter((element) => !wide.some((other) => other !== element && element.contains(other)));
  return {scrollWidth: root.scrollWidth, width,
          culprits: culprits.slice(0, 5).map((e) => `${name(e)} (${Math.round(e.getBoundingClientRect().right)}px)`)};
}"""

ERRORS = """() => {
  const problems = [];
  const text = (element) => element.textContent.trim().replace(/\\s+/g, " ");
  const wrong = [...document.querySelectorAll(".field--error, [aria-invalid=true]")];
  const summary = document.querySelector(".error-summary");
  if (!summary) {
    const shown = wrong.length || document.querySelector(".errorlist");
    return shown ? ["the page shows form errors, but no error summary announces them"] : [];
  }
  if (summary.getAttribute("role") !== "alert" && document.activeElement !== summary) {
    problems.push("the error summary is not announced (neither role=alert nor focused)");
  }
  if (!/^Error:/.test(document.title)) problems.push(`the title "${document.title}" does not start with "Error:"`);
  const linked = new Set();  // names of the fields the summary links to
  for (const link of summary.querySelectorAll("a")) {
    const id = decodeURIComponent((link.getAttribute("href") || "").replace(/^#/, ""));
    const target = id && document.getElementById(id);
    if (!target) { problems.push(`"${text(link)}" links to #${id}, which is not on the page`); continue; }
    if (!target.matches("input, select, textarea")) {
      problems.push(`"${text(link)}" links to a ${target.tagName.toLowerCase()}, not to a field`);
    } else if (target.getAttribute("aria-invalid") !== "true" && !target.closest(".field--error")) {
      problems.push(`"${text(link)}" links to #${id}, a field not marked wrong`);
    }
    linked.add(target.name);
  }
  for (const field of wrong) {
    // A group of checkboxes or radios is linked through its first box.
    const names = field.matches("input, select, textarea") ? [field.name]
      : [...field.querySelectorAll("input, select, textarea")].map((control) => control.name);
    if (names.length && !names.some((name) => linked.has(name))) {
      problems.push(`the wrong field ${names[0]} has no link in the error summary`);
    }
  }
  return problems;
}"""

# Status badges, notices and errors must say in words what their colour says (WCAG 1.4.1).
NOTICES = ".badge, .message, .alert, .offer-status, .errorlist, .error-summary, [class*='status']"
COLOUR_ONLY = """(selector) => {
  const problems = [];
  const visible = (element) => element.getClientRects().length > 0;
  for (const element of document.querySelectorAll(selector)) {
    if (visible(element) && !/[\\p{L}\\p{N}]/u.test(element.innerText)) {
      problems.push(`<${element.tagName.toLowerCase()} class="${element.className}"> has no words`);
    }
  }
  for (const field of document.querySelectorAll(".field--error")) {
    const error = field.querySelector(".errorlist");
    if (!error || !/[\\p{L}\\p{N}]/u.test(error.innerText)) problems.push("a field is marked wrong without words");
  }
  return problems;
}"""


def reflow_problems(page):
    overflow = page.evaluate(REFLOW)
    if overflow is None:
        return []
    culprits = ", ".join(overflow["culprits"]) or "no single element"
    return [f"scrolls sideways: {overflow['scrollWidth']}px wide in {overflow['width']}px, because of {culprits}"]


def error_problems(page):
    return page.evaluate(ERRORS)


def colour_only_problems(page):
    return page.evaluate(COLOUR_ONLY, NOTICES)


def title_problems(page):
    """WCAG 2.4.2: a title that tells this page from the others, not only the site's name (axe checks only that
    there is one)."""
    title = page.title()
    own = title.rpartition("·")[0].strip() if "·" in title else ""
    return [] if own else [f"the title {title!r} does not name the page"]
