from urllib.parse import urlsplit

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views import i18n
from wagtail import views as wagtail_views
from wagtail.models import Locale, Page, Site

from portal import routing
from portal.page_cache import cache_anonymous_pages
from portal.search_terms import plain_text, search_words

RESULTS_PER_PAGE = 10


def search(request):
    """Full-text search over the live, public pages of the site in the visitor's language, for the words typed."""
    query = plain_text(request.GET.get("q", ""))  # shown back as typed
    words = search_words(query)
    results = Page.objects.none()
    if words:
        results = Page.objects.live().public().filter(locale=Locale.get_active()).specific().search(words)
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "portal/search.html", {"query": query, "results": page})


@cache_anonymous_pages
def serve_page(request, path):
    """Wagtail's page view; a URL without a language prefix names a page of the default language.

    A visitor whose language (cookie, else browser) has a live translation of that page is sent to it;
    otherwise the page is served as it is, around it the site in the visitor's language.
    """
    language = translation.get_language()
    if translation.get_language_from_path(request.path_info) is None:
        with translation.override(settings.LANGUAGE_CODE):
            route = routing.route_for_request(request, path)  # kept on the request for Wagtail's view
        translated = None
        if route and language != settings.LANGUAGE_CODE and request.method in ("GET", "HEAD"):
            translated = _live_translation(route[0], language)
        if translated is not None:
            response = redirect(_with_query(translated.get_url(request), request.META.get("QUERY_STRING")))
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
            return response
    else:
        routing.route_for_request(request, path)
    return wagtail_views.serve(request, path)


def set_language(request):
    """Django's set_language; from a page, it goes to the page's translation, and it remembers a signed-in
    person's choice on their profile (applied again when they sign in: see portal.models)."""
    response = i18n.set_language(request)
    language = request.POST.get(i18n.LANGUAGE_QUERY_PARAMETER)
    if request.method != "POST" or not language or not translation.check_for_language(language):
        return response
    if request.user.is_authenticated and request.user.language != language:
        request.user.language = language
        request.user.save(update_fields=["language"])
    next_url = urlsplit(request.POST.get("next", ""))
    page = _page_at(request, next_url.path) if response.status_code == 302 else None
    if page is not None:
        # Django translates the path, which finds the translation only while both languages share its slugs.
        target = _live_translation(page, language) or page
        response["Location"] = _with_query(target.get_url(request), next_url.query)
    return response


def _page_at(request, path):
    """The live page a site path shows (/es/... among Spanish pages, unprefixed among the default language's)."""
    language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    site = Site.find_for_request(request)
    with translation.override(language):
        try:
            match = resolve(path)
        except Resolver404:
            return None
        if match.url_name != "wagtail_serve" or site is None:
            return None
        try:
            components = [component for component in match.args[0].split("/") if component]
            page, _args, _kwargs = site.root_page.localized.specific.route(request, components)
        except Http404:
            return None
    return page


def _live_translation(page, language):
    """The live translation of `page` into `language`, or None (also when `page` is in that language)."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None or locale.pk == page.locale_id:
        return None
    translated = page.get_translation_or_none(locale)
    return translated if translated is not None and translated.live else None


def _with_query(url, query):
    return f"{url}?{query}" if query else url
