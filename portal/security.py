"""What the site tells browsers about itself: the Content-Security-Policy (django-csp; the Wagtail admin gets a
looser one of its own), the Permissions-Policy, and /.well-known/security.txt for whoever finds a hole."""

from datetime import timedelta

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

# security.txt must say when to stop trusting it (RFC 9116, under a year ahead): half a year from today.
SECURITY_TXT_VALID_DAYS = 183


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with ADMIN_CONTENT_SECURITY_POLICY on the Wagtail admin's pages instead of the
    public pages' CONTENT_SECURITY_POLICY: the admin's own scripts need inline code and styles, the public
    pages need neither, so the looser rules stay under /admin/."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith("/admin/"):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts


class PermissionsPolicyMiddleware:
    """Turns off the browser features no page uses (camera, microphone, location...), for the site and its embeds."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DENIED)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response


@require_GET
@cache_control(max_age=24 * 60 * 60, public=True)
def security_txt(request):
    """/.well-known/security.txt: the office's contact for security reports (SECURITY_CONTACT); 404 without one."""
    contact = settings.SECURITY_CONTACT
    if not contact:
        raise Http404
    if "@" in contact and ":" not in contact:
        contact = f"mailto:{contact}"
    expires = (timezone.now() + timedelta(days=SECURITY_TXT_VALID_DAYS)).strftime("%Y-%m-%dT00:00:00Z")
    lines = [
        f"Contact: {contact}",
        f"Expires: {expires}",
        "Preferred-Languages: en, es",
        f"Canonical: {settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/.well-known/security.txt",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
