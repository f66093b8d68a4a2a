"""Error reports to Sentry (when SENTRY_DSN is set) that hold nothing personal.

The SDK is told not to collect personal data, request bodies or local variables; `scrub` then removes
what it collects anyway (query strings, cookies, most headers, log extras) and runs the log redactor
over every message, so an event holds no more than a log line does.
"""

from django.core.exceptions import ImproperlyConfigured

from portal.logs import FIELDS, redact, request_id

SAFE_HEADERS = {"accept", "accept-language", "content-length", "content-type", "host", "user-agent", "x-request-id"}


def init_sentry(dsn, environment, traces_sample_rate):
    try:
        import sentry_sdk
        from sentry_sdk.integrations.django import DjangoIntegration
    except ImportError as error:
        raise ImproperlyConfigured(
            'SENTRY_DSN is set but the Sentry client is not installed: run pip install -e ".[sentry]".'
        ) from error
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        max_request_body_size="never",
        include_local_variables=False,
        traces_sample_rate=traces_sample_rate,
        before_send=scrub,
        before_send_transaction=scrub,
    )


def scrub(event, hint=None):
    """The event with only safe request details, the user's id, and redacted messages."""
    if request := event.get("request"):
        headers = request.get("headers") or {}
        event["request"] = {
            "method": request.get("method"),
            "url": (request.get("url") or "").split("?")[0],
            "headers": {name: value for name, value in headers.items() if name.lower() in SAFE_HEADERS},
        }
    if (user := event.pop("user", None)) and user.get("id") is not None:
        event["user"] = {"id": user["id"]}
    event["extra"] = {name: value for name, value in (event.get("extra") or {}).items() if name in FIELDS}
    if isinstance(event.get("message"), str):
        event["message"] = redact(event["message"])
    if logentry := event.get("logentry"):
        # The formatted message replaces the template and its arguments, which may hold what a family typed.
        event["logentry"] = {"message": redact(logentry.get("formatted") or str(logentry.get("message", "")))}
    for breadcrumb in _values(event.get("breadcrumbs")):
        breadcrumb.pop("data", None)
        if isinstance(breadcrumb.get("message"), str):
            breadcrumb["message"] = redact(breadcrumb["message"])
    for exception in _values(event.get("exception")):
        if isinstance(exception.get("value"), str):
            exception["value"] = redact(exception["value"])
    for thread_or_exception in [*_values(event.get("exception")), *_values(event.get("threads"))]:
        for frame in (thread_or_exception.get("stacktrace") or {}).get("frames", []):
            frame.pop("vars", None)
    for span in event.get("spans") or []:
        for name in ("http.query", "http.fragment"):
            (span.get("data") or {}).pop(name, None)
    if current := request_id.get():
        event.setdefault("tags", {})["request_id"] = current
    return event


def _values(container):
    """Sentry keeps lists either bare or under "values"."""
    if isinstance(container, dict):
        return container.get("values") or []
    return container or []
