"""Staff carry out families' deletion requests in the Wagtail admin, with the retention job's anonymisation."""

from django.contrib import messages
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from aid_requests import privacy
from portal import bounded

PERMISSION = "aid_requests.change_aidrequest"


def can_anonymise(user):
    return user.has_perm(PERMISSION)


class DeletionRequestsView(WagtailAdminTemplateMixin, TemplateView):
    """Households whose family asked for deletion, oldest first, each with its open-case state; two queries."""

    page_title = "Deletion requests"
    header_icon = "bin"
    template_name = "aid_requests/admin/deletion_requests.html"

    def dispatch(self, request, *args, **kwargs):
        if not can_anonymise(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        households = privacy.deletion_requests().annotate(
            has_open_case=Exists(privacy.open_households().filter(pk=OuterRef("pk")))
        )
        return super().get_context_data(**kwargs) | {"households": households}

    def post(self, request, *args, **kwargs):
        household = bounded.get_object_or_404(privacy.deletion_requests(), request.POST.get("household"))
        try:
            privacy.anonymise_one(household, user=request.user)
        except privacy.HasOpenCase:
            messages.error(request, f"{household} still has an open request or registration: close it first.")
        else:
            messages.success(request, f"{household} is anonymised.")
        return redirect("aid_requests_deletion_requests")
