"""A load balancer probes /readyz every few seconds: a failing probe logs its request line, not an error each time."""

import logging

import pytest

pytestmark = pytest.mark.django_db


def test_a_failing_readyz_logs_one_line_and_no_traceback(client, settings, production_log):
    settings.TASKS_BACKEND = "database"  # and no worker has beaten: the worker check fails
    assert client.get("/readyz").status_code == 503
    (line,) = production_log()
    assert (line["logger"], line["level"], line["path"], line["status"]) == ("portal.request", "INFO", "/readyz", 503)


def test_a_503_from_any_other_page_is_still_logged_as_an_error(rf, production_log):
    request = rf.get("/requests/apply/")
    logging.getLogger("django.request").error(
        "Service Unavailable: %s", request.path, extra={"status_code": 503, "request": request}
    )
    (line,) = production_log()
    assert (line["level"], line["message"]) == ("ERROR", "Service Unavailable: /requests/apply/")
