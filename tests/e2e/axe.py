"""axe-core checks: fail on serious or critical violations, keep every violation as JSON for review.

Each page's full report goes to artifacts/axe/<name>.json; the violations that do not fail a test (moderate and
minor ones, and best practices beyond WCAG) are also gathered into artifacts/axe/moderate.json, written by the
e2e conftest when the run ends.
"""

import json
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "axe"  # git-ignored
WCAG = {"wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"}
# Best practices are checked too, for the summary: only serious or critical breaches of WCAG fail a test.
OPTIONS = {"runOnly": {"type": "tag", "values": [*sorted(WCAG), "best-practice"]}}
BLOCKING = {"serious", "critical"}
SUMMARY = ARTIFACTS / "moderate.json"

axe = Axe()  # reads axe.min.js once
pages_checked = []  # this run's page names
# (page, url, rule, impact, count) of every violation met in this run that did not fail it, in the order met.
non_blocking = []


def _targets(violation):
    # A target is a CSS selector, or a list of them when the element sits inside a shadow root or frame.
    return ", ".join(" >>> ".join(t) if isinstance(t, list) else t for n in violation["nodes"] for t in n["target"])


def _blocks(violation):
    return violation["impact"] in BLOCKING and not WCAG.isdisjoint(violation["tags"])


def serious_violations(page, name):
    """Run axe on the page as it is now; keep its report; return its serious and critical violations as text."""
    violations = axe.run(page, options=OPTIONS).response["violations"]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    slug = re.sub(r"\W+", "-", name).strip("-")
    report = ARTIFACTS / (slug + ".json")
    report.write_text(json.dumps({"url": page.url, "violations": violations}, indent=2))
    pages_checked.append(slug)
    non_blocking.extend(
        {"page": slug, "url": page.url, "rule": v["id"], "impact": v["impact"], "count": len(v["nodes"])}
        for v in violations
        if not _blocks(v)
    )
    return [
        f"- {v['id']} ({v['impact']}) on {page.url}: {v['help']}\n    {_targets(v)}  (full list: {report})"
        for v in violations
        if _blocks(v)
    ]


def assert_no_serious_violations(page, name):
    blocking = serious_violations(page, name)
    if blocking:
        pytest.fail(f"axe: {len(blocking)} serious/critical violation(s):\n" + "\n".join(blocking), pytrace=False)


def write_summary():
    """artifacts/axe/moderate.json: this run's violations that failed nothing, per page and rule, with totals."""
    if not pages_checked:
        return  # a run without browser tests keeps the last summary
    totals = {}
    for row in non_blocking:
        totals[row["rule"]] = totals.get(row["rule"], 0) + row["count"]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    summary = {"pages_checked": len(pages_checked), "totals_by_rule": totals, "violations": non_blocking}
    SUMMARY.write_text(json.dumps(summary, indent=2))
