"""What families type never reaches the logs, even with every logger at DEBUG (issue 12)."""

import json
import re

import pytest

from aid_requests.models import AidRequest
from resources.models import ServiceCategory
from tests.aid_requests.conftest import step_data as apply_step
from tests.holiday_drive.conftest import step_data as register_step
from tests.holiday_drive.factories import HolidayCampaignPageFactory

pytestmark = pytest.mark.django_db

ABOUT = {
    "guardian_name": "Zebulon Quixotic",
    "phone": "410-555-0187",
    "email": "zebulon.quixotic@example.org",
    "preferred_language": "en",
    "contact_method": "email",
    "zip_code": "21045",
}
CHILD = {"first_name": "Philippa", "age": "9", "grade": "4", "wish_1": "A zeppelin kite"}
TYPED = ["Zebulon", "Quixotic", "410-555-0187", "4105550187", "555-0187", "zebulon.quixotic", "21045", "Philippa"]
REQUEST_KEYS = {"timestamp", "level", "logger", "message", "request_id", "method", "path", "status", "duration_ms"}


def _apply(client, django_capture_on_commit_callbacks):
    clothing = ServiceCategory.objects.get(slug="clothing")
    needs = {"kinds": [clothing.pk], "children": ["0"], "urgency": "routine", "details": "A coat for Philippa"}
    client.get("/requests/apply/?restart=1")
    with django_capture_on_commit_callbacks(execute=True):
        for name, data in [("about", ABOUT), ("children", [CHILD]), ("needs", needs), ("consent", {"consent": "on"})]:
            response = client.post("/requests/apply/", apply_step(name, data))
    assert response.status_code == 302 and response.url == "/requests/apply/done/"
    return AidRequest.objects.get().reference


def _register(client, home):
    HolidayCampaignPageFactory(parent=home)
    packages = {"packages": ["food", "gifts"], "pickup_slot": "later", "consent": "on"}
    client.get("/holiday/register/?restart=1")
    for name, data in [("guardian", ABOUT), ("children", [CHILD]), ("packages", packages)]:
        response = client.post("/holiday/register/", register_step(name, data))
    assert response.status_code == 302 and response.url == "/holiday/register/done/"


def _assert_none_of(values, lines):
    text = "\n".join(json.dumps(line) for line in lines)
    for value in values:
        assert not re.search(rf"(?<!\w){re.escape(value)}(?!\w)", text, re.IGNORECASE), f"{value!r} is in the log"


def _request_lines(lines, path):
    found = [line for line in lines if line["logger"] == "portal.request" and line["path"] == path]
    assert found and all(line.keys() >= REQUEST_KEYS and line["user_id"] is None for line in found)
    return found


def test_an_application_and_its_status_lookup_log_nothing_the_family_typed(
    client, home, json_log, django_capture_on_commit_callbacks
):
    reference = _apply(client, django_capture_on_commit_callbacks)
    client.get(f"/requests/status/?code={reference}&zip=21045&email=zebulon.quixotic@example.org")
    client.post("/requests/status/", {"reference": reference, "zip_code": "21045"})
    lines = json_log()
    _assert_none_of([*TYPED, reference], lines)
    assert {(line["method"], line["status"]) for line in _request_lines(lines, "/requests/apply/")} == {
        ("GET", 200),
        ("POST", 200),
        ("POST", 302),
    }
    assert len(_request_lines(lines, "/requests/status/")) == 2


def test_a_holiday_registration_logs_nothing_the_family_typed(client, home, json_log):
    _register(client, home)
    lines = json_log()
    _assert_none_of([*TYPED, "zeppelin"], lines)
    assert len(_request_lines(lines, "/holiday/register/")) == 4
    assert all(re.fullmatch(r"[0-9a-f]{32}", line["request_id"]) for line in lines if line["request_id"])
