from django.conf import settings
from django.urls import URLResolver, include, path, re_path
from django.urls.resolvers import LocalePrefixPattern
from django.utils.translation import get_language, get_language_from_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import accounts, health, security, views


class PageLanguagePrefix(LocalePrefixPattern):
    """i18n_patterns(prefix_default_language=False)'s prefix, except that an unprefixed URL always resolves.

    Django's LocaleMiddleware activates the default language for unprefixed URLs so that they resolve; ours
    keeps the visitor's language there (portal.middleware), and views.serve_page routes them among the
    default language's pages.
    """

    def match(self, path):
        language = get_language_from_path(f"/{path}")
        if language is None:
            return path, (), {}
        return super().match(path) if language == get_language() else None


def page_patterns(*urls):
    """Like i18n_patterns(*urls, prefix_default_language=False): /es/... for Spanish, no prefix for English."""
    if not settings.USE_I18N:
        return list(urls)
    return [URLResolver(PageLanguagePrefix(prefix_default_language=False), list(urls))]


urlpatterns = [
    # For load balancers and monitoring; no trailing slash, no language prefix.
    path("healthz", health.HealthView.as_view(), name="healthz"),
    path("readyz", health.ReadyView.as_view(), name="readyz"),
    path(".well-known/security.txt", security.security_txt, name="security_txt"),
    # One login door: Wagtail's own login form would skip allauth (and staff MFA).
    path("admin/login/", RedirectView.as_view(url=settings.WAGTAILADMIN_LOGIN_URL, query_string=True)),
    path("admin/", include(wagtailadmin_urls)),
    path("accounts/second-factor/", accounts.second_factor_setup, name="second_factor_setup"),
    path("accounts/", include("allauth.urls")),
    path("documents/", include(wagtaildocs_urls)),
    # Django's set_language, which also sends a page to its translation and remembers a signed-in person's choice.
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("search/", views.search, name="search"),
    path("api/hsds/", include("resources.api_urls")),
    path("", include("resources.urls")),
    # The text provider's replies and delivery reports: signed by the provider, no language prefix.
    path("texts/", include("portal.sms.urls")),
    path("", include("aid_requests.urls")),
    path("", include("holiday_drive.urls")),
    path("", include("referrals.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's pages, last: its pattern matches every path. Spanish pages under /es/, English ones unprefixed.
urlpatterns += page_patterns(
    re_path(wagtail_urls.serve_pattern, views.serve_page, name="wagtail_serve"),
    path("", include(wagtail_urls)),
)
