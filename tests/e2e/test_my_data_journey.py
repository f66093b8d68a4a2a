"""A family opens their information from /my/, downloads it, and asks for its deletion, in a real browser."""

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.usefixtures("demo_site")


def test_a_family_downloads_their_information_and_asks_for_deletion(page, live_server, axe_clean):
    sign_in(page.context, live_server, "family@example.org")
    page.goto("/my/")
    page.get_by_role("link", name="My information: see it, download it or ask us to delete it").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My information")
    axe_clean("my-data")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download my information (JSON)").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data["account"]["email"] == "family@example.org" and data["households"]
    page.get_by_label("I want you to delete my family's information.").check()
    page.get_by_role("button", name="Ask for deletion").click()
    expect(page.get_by_text("We have your request.")).to_be_visible()
    axe_clean("my-data-asked")
