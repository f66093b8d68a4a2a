"""axe-core checks: fail on serious or critical violations, keep every violation as JSON for review."""

import json
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "axe"  # git-ignored
OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]}}
BLOCKING = {"serious", "critical"}

axe = Axe()  # reads axe.min.js once


def _targets(violation):
    # A target is a CSS selector, or a list of them when the element sits inside a shadow root or frame.
    return ", ".join(" >>> ".join(t) if isinstance(t, list) else t for n in violation["nodes"] for t in n["target"])


def assert_no_serious_violations(page, name):
    violations = axe.run(page, options=OPTIONS).response["violations"]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    report = ARTIFACTS / (re.sub(r"\W+", "-", name).strip("-") + ".json")
    report.write_text(json.dumps({"url": page.url, "violations": violations}, indent=2))
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    if blocking:
        lines = [f"- {v['id']} ({v['impact']}): {v['help']}\n    {_targets(v)}" for v in blocking]
        pytest.fail(
            f"axe: {len(blocking)} serious/critical violation(s) on {page.url} (full list: {report}):\n"
            + "\n".join(lines),
            pytrace=False,
        )
