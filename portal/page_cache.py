"""Public pages served from the cache, and the lists that change only when staff edit something.

Everything cached here is filed under the content version, a number in the cache that moves on whenever
staff publish, unpublish, move or delete a page, or save what public pages show (the directory's agencies,
programs, categories and languages, site settings, notices). A change is therefore visible at the next
request: the old entries are never read again and expire on their own. With more than one process the
version must live in a shared cache (REDIS_URL); with the local memory cache each process keeps its own.

A page is served from the cache only when it is the same for every anonymous visitor in a language: its
page class says `cache_for_anonymous = True`, the request is a GET or HEAD without a query string, nobody
is signed in, no message waits to be shown, and the page has no view restriction. The whole response is
kept, headers included; the CSRF token of its forms is set aside and each visitor gets their own.
"""

import re
import time
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.middleware.csrf import get_token
from django.utils import translation
from wagtail.models import Page

VERSION_KEY = "content-version"
PAGE_SECONDS = 60  # pages show "open now": a cached page is at most this old
REFERENCE_SECONDS = 60 * 60
CSRF_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
CSRF_PLACEHOLDER = rb"\1__csrf_token__\2"
_collected = ContextVar("page_cache_collected", default=None)  # a list while changes_collected() runs
_read = ContextVar("page_cache_read", default=None)  # a dict while a request runs (ContentVersionMiddleware)


def content_version():
    """The content version; read once a request (a page asks for it about four times), in the cache otherwise."""
    read = _read.get()
    if read is not None and "version" in read:
        return read["version"]
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()  # never a number an earlier entry could have used
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    if read is not None:
        read["version"] = version
    return version


class ContentVersionMiddleware:
    """Each request reads the content version once: the pages and lists it shows are of one version."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _read.set({})
        try:
            return self.get_response(request)
        finally:
            _read.reset(token)


def content_changed(**kwargs):
    """Signal receiver: what public pages show has changed.

    Moved on at once, so the rest of this transaction reads the change, and again at commit: a page another
    request cached in between, from the rows before the commit, is never read.
    """
    collected = _collected.get()
    if collected is not None:
        collected.append(True)
        return
    _bump()
    connection = transaction.get_connection()
    if not any(callback is _bump for _savepoints, callback, _robust in connection.run_on_commit):
        transaction.on_commit(_bump)  # once per transaction: an import publishes thousands of pages


@contextmanager
def changes_collected():
    """Changes in this block move the content version once, at its end: an import saves thousands of rows."""
    collected = []
    token = _collected.set(collected)
    try:
        yield
    finally:
        _collected.reset(token)
    if collected:
        content_changed()


def _bump():
    version = time.time_ns()
    cache.set(VERSION_KEY, version, None)
    read = _read.get()
    if read is not None:  # the request that changed something reads its change
        read["version"] = version


def reference(name, build):
    """`build()`'s value, kept until the content changes: lists such as the categories or languages.

    Kept in the shared cache, and in this process's memory (about four a page: no round trip for them). Each call
    gets its own copy, unpickled, so nothing a request sets on it is seen by the next.
    """
    key = f"reference:{content_version()}:{name}:{translation.get_language()}"
    local = caches["local"]
    value = local.get(key)
    if value is None:
        value = cache.get(key)
        if value is None:
            value = build()
            cache.set(key, value, REFERENCE_SECONDS)
        local.set(key, value, REFERENCE_SECONDS)
    return value


def cache_anonymous_pages(view):
    """Wrap Wagtail's page view: serve a public page from the cache when every anonymous visitor sees the same."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _may_use_cache(request):
            return view(request, *args, **kwargs)
        key = f"page:{content_version()}:{translation.get_language()}:{request.get_host()}:{request.path_info}"
        cached = cache.get(key)
        if cached is not None:
            return _with_own_token(request, cached)
        response = view(request, *args, **kwargs)
        if _may_store(request, response):
            cache.set(key, _without_token(response), PAGE_SECONDS)
        return response

    return wrapper


def _may_use_cache(request):
    if request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING"):
        return False
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return True  # nobody can be signed in, no message can wait (they live in the session): no session read
    return not request.user.is_authenticated and not len(getattr(request, "_messages", ()))


def _may_store(request, response):
    route = getattr(request, "_wagtail_route_for_request", None)
    if response.status_code != 200 or response.cookies or not route:
        return False
    if getattr(response, "streaming", False) or response.has_header("Set-Cookie"):
        return False
    page = route[0]
    if not getattr(page, "cache_for_anonymous", False) or getattr(request, "is_preview", False):
        return False
    if getattr(request, "user", None) is not None and request.user.is_authenticated:
        return False
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    return not page.get_view_restrictions().exists()


def _without_token(response):
    stored = response.__class__.__new__(response.__class__)
    stored.__dict__.update(response.__dict__)
    stored.content = CSRF_FIELD.sub(CSRF_PLACEHOLDER, response.content)
    return stored


def _with_own_token(request, cached):
    if b"__csrf_token__" in cached.content:
        cached.content = cached.content.replace(b"__csrf_token__", get_token(request).encode())
    return cached


# What public pages show: pages (any save of a page row; publishing has its own signals) and the rows of
# these models. Nothing else: audit entries, revisions, families' reports, notices sent, sign-ins and the
# like are written while people use the site, and each would make every visitor's next page render afresh.
CONTENT_MODELS = {
    "wagtailcore.site",
    "wagtailcore.locale",
    "wagtailcore.pageviewrestriction",
    "portal.sitesettings",
    "portal.alert",
    "resources.agency",
    "resources.servicecategory",
    "resources.language",
    "resources.openinghours",
    "resources.closure",
    "resources.school",
    "holiday_drive.pickupslot",
    "holiday_drive.distributionsite",
}


def _model_changed(sender, **kwargs):
    # m2m_changed names the through model: the change is to the instance's own model (a program's categories).
    model = type(kwargs["instance"]) if "action" in kwargs else sender
    if issubclass(model, Page) or model._meta.label_lower in CONTENT_MODELS:
        content_changed()


def connect():
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid=f"portal.page_cache.{id(signal)}")
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_model_changed, dispatch_uid=f"portal.page_cache.model.{id(signal)}")
