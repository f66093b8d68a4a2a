"""Each request has an id the IT person can search for: in the X-Request-ID header and on every log line."""

import re

import pytest
from django.core.handlers.exception import convert_exception_to_response

from portal.logs import RequestIdMiddleware

HEX_ID = re.compile(r"[0-9a-f]{32}")


def test_it_keeps_a_sane_request_id_sent_by_the_proxy(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="lb-4f2.a_9")
    assert response["X-Request-ID"] == "lb-4f2.a_9"


@pytest.mark.parametrize("sent", ["", "has spaces", "<script>", "a" * 65, "zip=21044&name=x"])
def test_it_replaces_a_missing_or_unsafe_request_id_with_a_new_one(client, sent):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=sent)
    assert HEX_ID.fullmatch(response["X-Request-ID"])


def test_each_request_gets_its_own_id(client):
    assert client.get("/healthz")["X-Request-ID"] != client.get("/healthz")["X-Request-ID"]


@pytest.mark.django_db
def test_the_request_line_names_a_signed_in_person_by_id_never_by_email(family_client, family, json_log):
    response = family_client.get("/my/?sort=newest")
    (line,) = [line for line in json_log() if line["logger"] == "portal.request"]
    assert (line["path"], line["status"], line["user_id"]) == ("/my/", 200, family.pk)
    assert line["request_id"] == response["X-Request-ID"]
    assert "parent@example.org" not in str(json_log())


def test_a_traceback_carries_the_id_of_its_request(rf, json_log):
    def broken_view(request):
        raise ValueError("the view failed")

    response = RequestIdMiddleware(convert_exception_to_response(broken_view))(rf.get("/requests/apply/"))
    error, request = json_log()
    assert "ValueError: the view failed" in error["exc_info"] and error["logger"] == "django.request"
    assert (request["status"], request["path"]) == (500, "/requests/apply/")
    assert error["request_id"] == request["request_id"] == response["X-Request-ID"]
