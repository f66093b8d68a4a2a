from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.annual_summary import AnnualSummaryView
from portal.models import Alert


class AlertViewSet(SnippetViewSet):
    model = Alert
    icon = "warning"
    menu_label = "Notices"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["message", "level", "starts_at", "ends_at"]
    list_filter = ["level"]


register_snippet(AlertViewSet)


class SummaryMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("aid_requests.view_aidrequest")


@hooks.register("register_admin_urls")
def annual_summary_urls():
    return [path("reports/annual-summary/", AnnualSummaryView.as_view(), name="portal_annual_summary")]


@hooks.register("register_reports_menu_item")
def annual_summary_menu_item():
    return SummaryMenuItem(
        "Annual summary (printable)", reverse("portal_annual_summary"), icon_name="doc-full", order=860
    )
