from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn

from aid_requests import admin_privacy, admin_views, privacy, report_views, todo
from aid_requests.models import AidRequest
from portal.admin_viewsets import DetailViewSet


class RequestViewSet(DetailViewSet):
    """The staff queue of requests. Requests change only through the actions on their page."""

    model = AidRequest
    icon = "help"
    menu_label = "Requests"
    menu_order = 150
    add_to_admin_menu = True
    url_prefix = "requests"
    url_namespace = "aid_requests_admin"
    index_view_class = admin_views.RequestQueueView
    filterset_class = admin_views.RequestFilterSet
    search_fields = ["reference", "household__guardian_name"]
    list_per_page = 50
    search_backend_name = None  # plain database lookups: reference codes and names, no index needed
    list_display = [
        "reference",
        Column("kind", label="Kind", accessor="kind.name"),
        Column("status", label="Status", accessor="get_status_display"),
        Column("urgency", label="Urgency", accessor="get_urgency_display"),
        Column("zip", label="ZIP", accessor="household.zip_code"),
        Column("school", label="School", accessor="household.school_name"),
        DateColumn("status_changed_at", label="Waiting since"),
        Column("assigned_to", label="Assigned to", accessor="assigned_to"),
    ]
    exclude_form_fields = []

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", admin_views.RequestDetailView.as_view(), name="detail"),
            path("export/", admin_views.export_requests, name="export"),
        ]


request_viewset = RequestViewSet()


@hooks.register("register_admin_viewset")
def register_request_viewset():
    return request_viewset


class StaffReportMenuItem(MenuItem):
    """Shown only to people who may read requests; the view checks the same permission."""

    def is_shown(self, request):
        return request.user.has_perm("aid_requests.view_aidrequest")


@hooks.register("register_reports_menu_item")
def partner_report_menu_item():
    return StaffReportMenuItem("Partner agencies", reverse("aid_requests_partner_report"), icon_name="group", order=800)


@hooks.register("register_admin_urls")
def partner_report_urls():
    return [path("reports/partners/", admin_views.PartnerReportView.as_view(), name="aid_requests_partner_report")] + [
        path(f"reports/{route}", view.as_view(), name=name) for route, name, _label, view, _icon in report_views.REPORTS
    ]


# One Reports menu item per request report, after "Partner agencies".
for _order, (_route, _name, _label, _view, _icon) in enumerate(report_views.REPORTS):
    hooks.register(
        "register_reports_menu_item",
        lambda name=_name, label=_label, icon=_icon, order=_order: StaffReportMenuItem(
            label, reverse(name), icon_name=icon, order=810 + order
        ),
    )


@hooks.register("construct_homepage_panels")
def request_todo_panels(request, panels):
    panels.extend(todo.request_panels(request.user))


@hooks.register("register_log_actions")
def household_privacy_log_actions(actions):
    """The audit trail of a household's data (aid_requests.privacy), in Wagtail's history and site history report."""
    actions.register_action(privacy.ANONYMISED, "Anonymise household", "Anonymised the household")
    actions.register_action(privacy.DELETION_REQUESTED, "Ask for deletion", "The family asked for deletion")


class DeletionRequestsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_privacy.can_anonymise(request.user)


@hooks.register("register_admin_menu_item")
def deletion_requests_menu_item():
    return DeletionRequestsMenuItem(
        "Deletion requests", reverse("aid_requests_deletion_requests"), icon_name="bin", order=155
    )


@hooks.register("register_admin_urls")
def deletion_requests_urls():
    return [
        path(
            "requests/deletions/",
            admin_privacy.DeletionRequestsView.as_view(),
            name="aid_requests_deletion_requests",
        )
    ]
