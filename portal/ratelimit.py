"""A small fixed-window rate limit per client address, or per anything else a try names, kept in the shared cache.

The client address comes from allauth's adapter, so one setting
(ALLAUTH_TRUSTED_PROXY_COUNT) tells both where the real address is behind a proxy.
"""

from allauth.account.adapter import get_adapter
from django.core.cache import cache
from django.shortcuts import render
from django.utils.crypto import salted_hmac


def is_limited(request, scope, limit, period=60):
    """Count this request; True once the client made more than `limit` in `period` seconds."""
    return _counted(f"ratelimit:{scope}:{get_adapter().get_client_ip(request)}", limit, period)


def is_limited_for(scope, value, limit, period=60):
    """Count a try naming `value` (a family's phone number, a code), from any address; True past `limit`.

    The cache key holds a keyed hash of the value, never the value: a phone number is not left in Redis.
    """
    return _counted(f"ratelimit:{scope}:{salted_hmac(scope, value).hexdigest()}", limit, period)


def _counted(key, limit, period):
    cache.add(key, 0, timeout=period)
    try:
        return cache.incr(key) > limit
    except ValueError:  # the window expired between add and incr
        cache.set(key, 1, timeout=period)
        return False


def too_many(request):
    """The plain answer to a client that hit a limit: 429 with a message a parent understands."""
    return render(request, "portal/too_many_requests.html", status=429)
