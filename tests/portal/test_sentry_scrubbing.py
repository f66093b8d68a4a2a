"""Errors sent to Sentry hold no more than a log line: scrubbed before they leave (nothing is sent here)."""

import sys

import pytest
import sentry_sdk
from django.core.exceptions import ImproperlyConfigured

from portal.sentry import init_sentry, scrub


def _event():
    """An event as the Django integration builds it, with everything it might collect."""
    return {
        "request": {
            "url": "https://help.example.org/requests/status/?code=CC-7K3F-9QX2&zip=21044",
            "method": "POST",
            "query_string": "code=CC-7K3F-9QX2&zip=21044",
            "cookies": {"sessionid": "abc"},
            "data": {"guardian_name": "Zebulon Quixotic"},
            "env": {"REMOTE_ADDR": "203.0.113.9"},
            "headers": {"User-Agent": "Firefox", "Cookie": "sessionid=abc", "Referer": "https://x/?zip=21044"},
        },
        "user": {"id": 7, "email": "zebulon@example.org", "ip_address": "203.0.113.9"},
        "extra": {"request": "<WSGIRequest: GET '/my/?zip=21044'>", "request_id": "abc123"},
        "logentry": {
            "message": "Lookup by %s failed",
            "params": ["Zebulon"],
            "formatted": "Lookup by 410-555-0187 failed",
        },
        "exception": {
            "values": [
                {
                    "value": "Key (email)=(zebulon@example.org) already exists.",
                    "stacktrace": {"frames": [{"function": "status", "vars": {"name": "Zebulon"}}]},
                }
            ]
        },
        "breadcrumbs": {"values": [{"message": "Sent to zebulon@example.org", "data": {"http.query": "zip=21044"}}]},
    }


def test_it_keeps_only_the_method_the_path_and_safe_headers_of_the_request():
    request = scrub(_event())["request"]
    assert request == {
        "method": "POST",
        "url": "https://help.example.org/requests/status/",
        "headers": {"User-Agent": "Firefox"},
    }


def test_it_keeps_only_the_users_id_and_the_known_log_fields():
    event = scrub(_event())
    assert event["user"] == {"id": 7} and event["extra"] == {"request_id": "abc123"}


def test_it_redacts_messages_and_drops_local_variables_and_breadcrumb_data():
    event = scrub(_event())
    assert event["logentry"] == {"message": "Lookup by [phone] failed"}
    (exception,) = event["exception"]["values"]
    assert exception["value"] == "Key (email)=([values]) already exists."
    assert exception["stacktrace"]["frames"] == [{"function": "status"}]
    assert event["breadcrumbs"]["values"] == [{"message": "Sent to [email]"}]
    assert "Zebulon" not in str(event) and "21044" not in str(event)


def test_a_dsn_without_the_sentry_client_stops_start_up_saying_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "sentry_sdk", None)  # as if it were not installed
    with pytest.raises(ImproperlyConfigured, match=r'pip install -e "\.\[sentry\]"'):
        init_sentry("https://key@sentry.example.org/1", environment="production", traces_sample_rate=0.0)


def test_sentry_is_told_to_collect_nothing_personal_and_no_traces_by_default(monkeypatch):
    options = {}
    monkeypatch.setattr(sentry_sdk, "init", lambda **given: options.update(given))
    init_sentry("https://key@sentry.example.org/1", environment="staging", traces_sample_rate=0.0)
    assert options["send_default_pii"] is False and options["include_local_variables"] is False
    assert options["max_request_body_size"] == "never" and options["traces_sample_rate"] == 0.0
    assert options["before_send"] is scrub and options["environment"] == "staging"
