from django.shortcuts import render


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
