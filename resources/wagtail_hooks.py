"""The directory's staff tools in the Wagtail admin: agencies, categories, languages, import and export."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from portal import bounded
from resources import admin_views, dashboard, listing_admin  # noqa: F401 (dashboard registers its panels)
from resources.models import Agency, Language, School, ServiceCategory


class AgencyIndexView(IndexView):
    base_filterset_class = bounded.FilterSet  # a language id past any range is a filter error


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "group"
    menu_label = "Agencies"
    index_view_class = AgencyIndexView
    list_display = ["name", "zip_code", "phone", "is_active", "is_partner"]
    list_filter = {"is_active": ["exact"], "is_partner": ["exact"], "zip_code": ["exact"], "languages": ["exact"]}
    # The listing's own spreadsheet; Directory › Export gives every column, languages too, ready to import back.
    list_export = ["name", "address_1", "city", "state", "zip_code", "phone", "email", "website", "is_active"]
    list_export += ["is_partner", "hsds_id"]
    export_headings = {"hsds_id": "HSDS id"}
    export_filename = "agencies"


class ServiceCategoryViewSet(SnippetViewSet):
    model = ServiceCategory
    icon = "tag"
    menu_label = "Categories"
    list_display = ["name", "slug", "parent", "taxonomy_code"]
    list_filter = ["parent"]
    list_export = ["name", "slug", "parent", "description", "taxonomy", "taxonomy_code"]
    export_filename = "categories"


class LanguageViewSet(SnippetViewSet):
    model = Language
    icon = "globe"
    menu_label = "Languages"
    list_display = ["name", "native_name", "code"]
    search_fields = ["name", "native_name", "code"]
    search_backend_name = None  # not an indexed model: search with the database


class SchoolViewSet(SnippetViewSet):
    """The district's schools and, on each, the school staff who refer families from it."""

    model = School
    icon = "home"
    menu_label = "Schools"
    list_display = ["name", "code", "level", "zip_code", "is_active"]
    list_filter = ["level", "is_active"]
    search_fields = ["name", "code"]
    search_backend_name = None  # not an indexed model: search with the database
    list_export = ["code", "name", "level", "address", "zip_code", "is_active"]
    export_filename = "schools"


class PermissionMenuItem(MenuItem):
    """A menu link shown only to people who hold one of `permissions`."""

    def __init__(self, *args, permissions, **kwargs):
        super().__init__(*args, **kwargs)
        self.permissions = permissions

    def is_shown(self, request):
        return any(request.user.has_perm(permission) for permission in self.permissions)


class DirectoryViewSetGroup(SnippetViewSetGroup):
    items = (AgencyViewSet, ServiceCategoryViewSet, LanguageViewSet, SchoolViewSet)
    menu_label = "Directory"
    menu_icon = "list-ul"
    menu_order = 250
    submenu_hook = "register_directory_menu_item"


register_snippet(DirectoryViewSetGroup)


@hooks.register("register_directory_menu_item")
def import_menu_item():
    return PermissionMenuItem(
        "Import", reverse("resources_import"), icon_name="upload", order=900, permissions=admin_views.IMPORTERS
    )


@hooks.register("register_directory_menu_item")
def export_menu_item():
    return PermissionMenuItem(
        "Export", reverse("resources_export"), icon_name="download", order=910, permissions=admin_views.EXPORTERS
    )


@hooks.register("register_directory_menu_item")
def overdue_menu_item():
    return PermissionMenuItem(
        "Listings due for a check",
        reverse("resources_overdue"),
        icon_name="time",
        order=800,
        permissions=listing_admin.CHECKERS,
    )


@hooks.register("register_directory_menu_item")
def reports_menu_item():
    return PermissionMenuItem(
        "Reports from families",
        reverse("resources_reports"),
        icon_name="warning",
        order=810,
        permissions=listing_admin.REPORT_HANDLERS,
    )


@hooks.register("register_directory_menu_item")
def missing_spanish_menu_item():
    return PermissionMenuItem(
        "Listings without Spanish",
        reverse("resources_missing_spanish"),
        icon_name="globe",
        order=820,
        permissions=listing_admin.AGENCY_EDITORS,
    )


@hooks.register("register_directory_menu_item")
def agency_changes_menu_item():
    return PermissionMenuItem(
        "Agencies' proposed changes",
        reverse("resources_agency_changes"),
        icon_name="group",
        order=805,
        permissions=listing_admin.AGENCY_EDITORS,
    )


@hooks.register("register_admin_urls")
def directory_admin_urls():
    return [
        path("directory/agency-changes/", listing_admin.agency_change_list, name="resources_agency_changes"),
        path(
            "directory/agency-changes/<int:change_id>/decide/",
            listing_admin.decide_agency_change,
            name="resources_decide_agency_change",
        ),
        path("directory/without-spanish/", listing_admin.missing_spanish, name="resources_missing_spanish"),
        path("directory/overdue/", listing_admin.overdue, name="resources_overdue"),
        path("directory/overdue/<int:program_id>/checked/", listing_admin.mark_checked, name="resources_mark_checked"),
        path("directory/reports/", listing_admin.reports, name="resources_reports"),
        path("directory/reports/<int:report_id>/resolve/", listing_admin.resolve, name="resources_resolve_report"),
        path("directory/import/", admin_views.upload, name="resources_import"),
        path("directory/import/preview/", admin_views.preview, name="resources_import_preview"),
        path("directory/export/", admin_views.export, name="resources_export"),
    ]


@hooks.register("register_admin_viewset")
def register_account_chooser():
    from resources.choosers import account_chooser

    return account_chooser
