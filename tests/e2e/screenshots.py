"""Screenshots of each journey's key screen, in each language, for people reviewing the site (issue #7)."""

import re
from pathlib import Path

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"  # git-ignored


def save_screenshot(page, name):
    """Save the whole page as artifacts/screenshots/<name>.png (a later run replaces it) and return the path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / (re.sub(r"[^\w.-]+", "-", name).strip("-") + ".png")
    page.screenshot(path=path, full_page=True, animations="disabled")
    return path
