"""The last line of defence: whatever a message or traceback quotes, the log holds no email or phone."""

import logging

import pytest
from django.db import IntegrityError, transaction

from portal.logs import redact
from tests.factories import UserFactory


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sent to zebulon.quixotic+cc@mail.example.org.", "Sent to [email]."),
        ("Call 410-555-0187, (410) 555-0187 or 410.555.0187", "Call [phone], [phone] or [phone]"),
        ("Call 4105550187 or +1 410 555 0187", "Call [phone] or [phone]"),
        ("Llame al +52 55 1234 5678", "Llame al [phone]"),
        (
            "Error handling request /requests/status/?code=CC-7K3F&zip=21044",
            "Error handling request /requests/status/?[query]",
        ),
        (
            "Referer https://help.example.org/my/?q=Maria does not match",
            "Referer https://help.example.org/my/?[query] does not match",
        ),
        ("DETAIL:  Key (email)=(Maria@example.org) already exists.", "DETAIL:  Key (email)=([values]) already exists."),
        ("DETAIL:  Failing row contains (7, Maria Lopez, 21044).", "DETAIL:  Failing row contains ([values])."),
    ],
)
def test_it_redacts_emails_phones_query_strings_and_row_values(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Task id=3f2a9c0e5d1b4a7f9e8d7c6b5a4f3e2d path=aid_requests.tasks.match state=SUCCESSFUL",
        "run_at=2026-12-04 10:00:00+00:00 took 1234.5ms at 127.0.0.1, line 1042",
        "Agency 4105 covers 21044 and 21045; job expire_offers claimed by worker-1234567890abcdef",
    ],
)
def test_it_leaves_ids_times_and_counts_alone(text):
    assert redact(text) == text


@pytest.mark.django_db
def test_a_database_error_keeps_its_traceback_without_the_email_it_quotes(json_log):
    UserFactory(email="zebulon.quixotic@example.org")
    try:
        with transaction.atomic():
            UserFactory(email="zebulon.quixotic@example.org")
    except IntegrityError:
        logging.getLogger("aid_requests").exception("Saving the account failed")
    (line,) = [line for line in json_log() if line["logger"] == "aid_requests"]  # factory_boy logs too
    assert "Traceback" in line["exc_info"] and "IntegrityError" in line["exc_info"]
    assert "zebulon" not in str(line).lower()


def test_a_line_holds_only_the_known_fields_never_the_request_a_library_attaches(rf, json_log):
    request = rf.get("/requests/status/?code=CC-7K3F-9QX2&zip=21044")
    logging.getLogger("django.request").error("Not Found: %s", request.path, extra={"request": request})
    (line,) = json_log()
    assert set(line) == {"timestamp", "level", "logger", "message", "request_id"}
    assert line["message"] == "Not Found: /requests/status/" and "21044" not in str(line)


def test_template_and_sql_debug_lines_are_dropped_whatever_the_level(json_log):
    logging.getLogger("django.template").debug("Exception while resolving variable in {'guardian': 'Zebulon'}")
    logging.getLogger("django.db.backends").debug("(0.001) UPDATE household SET guardian_name = 'Zebulon'")
    logging.getLogger("django.db.backends").warning("Slow query")
    assert [line["message"] for line in json_log()] == ["Slow query"]
