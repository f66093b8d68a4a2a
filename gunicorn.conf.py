"""gunicorn's settings for the web process (`bin/run web`: gunicorn --config gunicorn.conf.py portal.wsgi).

Requests are logged by the portal itself (portal/logs.py), one JSON line each without the query string,
so gunicorn's access log stays off: it would write query strings and referers. gunicorn's own messages
(workers booting, timeouts) are JSON lines on standard error too, through the same redactor.
"""

from pathlib import Path

from portal.env import env_int

bind = f"0.0.0.0:{env_int('PORT', 8000)}"
workers = env_int("WEB_CONCURRENCY", 2)
timeout = 30
graceful_timeout = 30  # no request outlives `timeout`, so a restart lets every request in flight finish
# The worker heartbeat file is touched every second: in memory, not on a disk that may stall.
worker_tmp_dir = "/dev/shm" if Path("/dev/shm").is_dir() else None
# gunicorn 25+ opens a control socket in $HOME for `gunicornc`: the process manager restarts us instead, and two
# servers on one host would share the socket (a read-only $HOME logs a warning at every start).
control_socket_disable = True
# The proxy's X-Forwarded-Proto is read by Django (SECURE_PROXY_SSL_HEADER), so gunicorn's
# forwarded_allow_ips (env FORWARDED_ALLOW_IPS) can keep its default.

accesslog = None
logconfig_dict = {
    # Replaces gunicorn's defaults, which send gunicorn.access to standard output whenever this is set.
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "portal.logs.RedactFilter"}},
    "formatters": {"json": {"()": "portal.logs.JsonFormatter"}},
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "formatter": "json",
            "filters": ["redact"],
        }
    },
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    "loggers": {
        "gunicorn.error": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
    },
}
