"""Find the page a URL names with one query, not two a URL level.

Wagtail finds the site (a query), the root in the active language (two), then walks the URL one child at a
time (two queries a level: the child, then its specific row), and before serving reads the view restrictions
of the page and every ancestor (two more): eight queries before a program page reads its own parts. The
site, the tree, the restrictions and the pages themselves change only when staff edit them, so they are kept
in the cache under the content version (portal.page_cache), which moves on at once when they do: a page
moved, renamed, edited, unpublished or restricted is served as it now is on the next request.
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from wagtail.models import Page, PageQuerySet, PageViewRestriction, Site

from portal import page_cache


def any_view_restrictions():
    """Whether staff restricted any page (a password, sign-in, groups): most sites never do."""
    return page_cache.reference("any-view-restriction", PageViewRestriction.objects.exists)


def site_for_request(request):
    """Wagtail's site for the request, looked up once per content version and host."""
    # Site.find_for_request keeps its answer on the request under this name (its docstring says so), and
    # everything in Wagtail asks it: setting it here spares them all the query.
    if not hasattr(request, "_wagtail_site"):
        key = f"site:{request.get_host()}:{request.get_port()}"
        request._wagtail_site = page_cache.reference(key, lambda: Site.find_for_request(request))
    return request._wagtail_site


def route_for_request(request, path):
    """Page.route_for_request, with the page found by its URL path when the cache knows it."""
    # Wagtail's serve view asks Page.route_for_request, which keeps its answer on the request under this name
    # (its docstring says so); a path we cannot place is left to Wagtail's own walk.
    if not hasattr(request, "_wagtail_route_for_request"):
        page = _page_at(request, path)
        if page is not None:
            try:
                request._wagtail_route_for_request = page.route(request, [])  # Wagtail's rule: live, else 404
            except Http404:
                request._wagtail_route_for_request = None
    return Page.route_for_request(request, path)


def _page_at(request, path):
    site = site_for_request(request)
    if site is None:
        return None
    root = page_cache.reference(f"root-url-path:{site.pk}", lambda: site.root_page.localized.url_path)
    url_path = root + "".join(f"{component}/" for component in path.split("/") if component)
    digest = hashlib.sha256(url_path.encode()).hexdigest()  # a cache key of bounded length
    found = page_cache.reference(f"page-at:{digest}", lambda: _locate(url_path))
    if found is None:
        return None
    return page_cache.reference(f"page:{found[0]}", lambda: _load(*found))


def _load(page_id, content_type_id):
    """The page itself, kept like the rest: each request gets its own copy from the cache, so what one request
    sets on it stays with that request. A search or a page of results (its query string keeps it out of the
    page cache) then reads no page row: about a sixth of the CPU of a directory search."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    related = getattr(model, "select_related_when_served", ())
    return model._default_manager.select_related(*related).filter(pk=page_id).first()


def _locate(url_path):
    """(id, content type id) of the page at a URL path; the slug narrows it by its index."""
    slug = url_path.rstrip("/").rpartition("/")[2]
    return Page.objects.filter(slug=slug, url_path=url_path).values_list("pk", "content_type_id").first()


class RestrictionsReadOnce:
    """For page models: view restrictions are read only when some page has one."""

    def get_view_restrictions(self):
        if not any_view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class PublicPageQuerySet(PageQuerySet):
    def public(self):
        # Wagtail reads every restriction to build the filter, even when there is none.
        return super().public() if any_view_restrictions() else self

    def not_public(self):
        return super().not_public() if any_view_restrictions() else self.none()
