from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.shortcuts import render
from django.utils import translation


class AdminAccessMiddleware:
    """Answer 403 to signed-in people without admin access who open /admin/.

    Wagtail would send them to the login page, and allauth sends signed-in people
    straight back to `next`: a redirect loop. A plain refusal is clearer.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            request.path.startswith("/admin/")
            and user.is_authenticated
            and not user.has_perm("wagtailadmin.access_admin")
        ):
            return render(request, "portal/admin_refused.html", status=403)
        return self.get_response(request)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except that a URL without a language prefix keeps the visitor's language.

    Django activates the default language for every unprefixed URL once i18n_patterns is used; here only
    the /es/ prefix of a Wagtail page forces a language, and everything else (/requests/, /my/, ...) speaks
    the language of the cookie, else the browser. Unprefixed page URLs still resolve (see portal/urls.py).

    The cookie also remembers the language of a page opened under /es/ (a family that followed a link to a
    Spanish page goes on in Spanish), and the one signing in brings back (see portal.models).
    """

    def process_request(self, request):
        translation.activate(translation.get_language_from_request(request, check_path=True))
        request.LANGUAGE_CODE = translation.get_language()
        from_path = translation.get_language_from_path(request.path_info)
        if from_path and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != from_path:
            request.remembered_language = from_path

    def process_response(self, request, response):
        response = super().process_response(request, response)
        language = getattr(request, "remembered_language", None)
        if language and response.status_code < 400:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response
