"""Logs a person can search and that hold nothing personal.

Every request gets an id (X-Request-ID) carried by every line logged while it runs, and one line of its
own: method, path (never the query string), status, duration and the user's id. With DEBUG off each line
is one JSON object holding only the fields in FIELDS. A redactor removes email addresses, phone numbers,
query strings and PostgreSQL's copies of row values from every line, as a last line of defence, and drops
the DEBUG lines of loggers that dump data.
"""

import logging
import re
import time
import uuid
from contextvars import ContextVar

from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter as BaseJsonFormatter

request_id = ContextVar("request_id", default=None)
request_logger = logging.getLogger("portal.request")

# A client's or proxy's own id is kept when it is a plain token, so a request can be followed through them.
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")

# The only fields a JSON line holds. Anything else a library attaches to a record is dropped: Django's
# own request logs attach the request object, whose text is the full URL with its query string.
FIELDS = (
    "timestamp",
    "level",
    "logger",
    "message",
    "request_id",
    "method",
    "path",
    "status",
    "duration_ms",
    "user_id",
    "exc_info",
    "stack_info",
)

# Loggers whose DEBUG lines dump data by design: template contexts, SQL with its values. The handler drops
# those lines, so no LOG_LEVEL or per-logger level lets them through.
DUMPING_LOGGERS = ("django.template", "django.db.backends")

# Health probes whose failure is an answer, not an error (portal/health.py).
PROBES = ("/readyz",)

REDACTIONS = [
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[email]"),
    # North American numbers in their usual spellings, and any number written with a leading +.
    (re.compile(r"(?<![\w+])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-]?)\d{3}[\s.-]?\d{4}(?!\w)"), "[phone]"),
    (re.compile(r"\+\d[\d\s().-]{6,}\d"), "[phone]"),
    # A query string after a path or URL: gunicorn's errors and Django's CSRF messages quote them.
    (re.compile(r"(/[^\s?\"'<>]*)\?[^\s\"'<>]+"), r"\1?[query]"),
    # The single-use token of a referred family's link (referrals): a key, never logged.
    (re.compile(r"(/referrals/family/)[\w-]+"), r"\1[token]"),
    # PostgreSQL copies the values of the offending row into constraint errors.
    (re.compile(r"(Key \([^)]*\)=\().*?(\) (?:already exists|is not present))"), r"\1[values]\2"),
    (re.compile(r"(Failing row contains \().*(\))"), r"\1[values]\2"),
]


def redact(text):
    """The text without email addresses, phone numbers, query strings or row values."""
    for pattern, replacement in REDACTIONS:
        text = pattern.sub(replacement, text)
    return text


class RequestIdMiddleware:
    """Give each request an id, return it as X-Request-ID, and log one line when the response is ready."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        current = incoming if SANE_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        token = request_id.set(current)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = current
            duration_ms = round((time.perf_counter() - started) * 1000, 1)
            request_logger.info(
                "%s %s %s %sms",
                request.method,
                request.path,
                response.status_code,
                duration_ms,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": duration_ms,
                    "user_id": _user_id(request),
                },
            )
            return response
        finally:
            request_id.reset(token)


def _user_id(request):
    user = getattr(request, "user", None)  # absent when whitenoise answered before the auth middleware
    return user.pk if user is not None and user.is_authenticated else None


class RequestIdFilter(logging.Filter):
    """Stamp every record with the id of the request it was logged in (None outside requests)."""

    def filter(self, record):
        record.request_id = request_id.get()
        return True


class RedactFilter(logging.Filter):
    """Redact a record's message, traceback, stack and extra strings before any handler formats it."""

    def filter(self, record):
        if record.levelno < logging.INFO and record.name.startswith(DUMPING_LOGGERS):
            return False
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        if record.exc_info:
            # The formatted traceback replaces exc_info, which formatters would otherwise render afresh.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        for name, value in list(vars(record).items()):
            if name not in RESERVED_ATTRS and isinstance(value, str):
                setattr(record, name, redact(value))
        return True


class QuietProbeFilter(logging.Filter):
    """Drop django.request's ERROR line for a 503 from /readyz: a load balancer probes every few seconds, the
    answer names the failing check, and portal.request already logs each probe's status."""

    def filter(self, record):
        request = getattr(record, "request", None)
        return not (getattr(record, "status_code", None) == 503 and getattr(request, "path_info", None) in PROBES)


class JsonFormatter(BaseJsonFormatter):
    """One JSON object a line, with only the fields in FIELDS, in that order."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("rename_fields", {"levelname": "level", "name": "logger"})
        super().__init__("{levelname}{name}{message}{request_id}", *args, style="{", timestamp=True, **kwargs)

    def process_log_record(self, log_data):
        return {field: log_data[field] for field in FIELDS if field in log_data}
