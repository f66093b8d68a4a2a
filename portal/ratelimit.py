"""A small fixed-window rate limit per client address, kept in the shared cache.

The client address comes from allauth's adapter, so one setting
(ALLAUTH_TRUSTED_PROXY_COUNT) tells both where the real address is behind a proxy.
"""

from allauth.account.adapter import get_adapter
from django.core.cache import cache
from django.shortcuts import render


def is_limited(request, scope, limit, period=60):
    """Count this request; True once the client made more than `limit` in `period` seconds."""
    key = f"ratelimit:{scope}:{get_adapter().get_client_ip(request)}"
    cache.add(key, 0, timeout=period)
    try:
        return cache.incr(key) > limit
    except ValueError:  # the window expired between add and incr
        cache.set(key, 1, timeout=period)
        return False


def too_many(request):
    """The plain answer to a client that hit a limit: 429 with a message a parent understands."""
    return render(request, "portal/too_many_requests.html", status=429)
