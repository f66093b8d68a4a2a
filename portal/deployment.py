"""Warnings for a deployment whose rate limits would not hold: limits kept per process, or client addresses
read from the wrong place behind a proxy (README: REDIS_URL and TRUSTED_PROXY_COUNT)."""

import logging

from django.conf import settings
from django.core import checks

logger = logging.getLogger("portal.deployment")


@checks.register(checks.Tags.security)
def rate_limits_are_shared(app_configs=None, **kwargs):
    """With DEBUG off, a memory cache gives each process its own count: four workers allow four times the limit."""
    backend = settings.CACHES["default"]["BACKEND"]
    if settings.DEBUG or not backend.endswith("LocMemCache"):
        return []
    return [
        checks.Warning(
            "Rate limits (failed logins, status and pickup lookups) are counted separately by each process.",
            hint="Set REDIS_URL to a Redis server every web process shares, e.g. redis://127.0.0.1:6379/0.",
            id="portal.W001",
        )
    ]


class ProxyCountMiddleware:
    """Warn once per process when X-Forwarded-For shows proxies that TRUSTED_PROXY_COUNT does not count.

    With TRUSTED_PROXY_COUNT=0 behind a proxy every family shares the proxy's address, so a few requests
    keep a lookup at 429 for everyone; with a count larger than the proxies really there, a client can
    name any address it likes. Only the numbers are logged, never an address.
    """

    warned = False

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not ProxyCountMiddleware.warned and not settings.DEBUG:
            self._check(request.META.get("HTTP_X_FORWARDED_FOR"))
        return self.get_response(request)

    @classmethod
    def _check(cls, forwarded_for):
        counted = settings.ALLAUTH_TRUSTED_PROXY_COUNT
        seen = len([part for part in (forwarded_for or "").split(",") if part.strip()])
        if counted == 0 and seen:
            message = (
                "Requests arrive through a proxy (X-Forwarded-For) but TRUSTED_PROXY_COUNT is 0: every client "
                "shares the proxy's rate limits. Set TRUSTED_PROXY_COUNT to the number of proxies in front of the app."
            )
        elif seen and counted > seen:
            message = (
                f"TRUSTED_PROXY_COUNT is {counted} but a request came through {seen} proxies: a client can choose the "
                "address its rate limits count. Set TRUSTED_PROXY_COUNT to the number of proxies in front of the app."
            )
        else:
            return
        cls.warned = True
        logger.warning(message)
