"""The "Holiday drive" menu of the Wagtail admin: registrations, sponsors, sites, pickup slots, prints, the report.

Other modules add items to the menu with the `register_holiday_drive_menu_item` hook.
"""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from holiday_drive import admin_views, campaign_by_day, todo
from holiday_drive.admin_forms import PickupSlotForm
from holiday_drive.models import DistributionSite, PickupSlot, Registration, Sponsor
from portal.admin_viewsets import DetailViewSet

MENU_HOOK = "register_holiday_drive_menu_item"


class RegistrationViewSet(DetailViewSet):
    """Registrations change only through the actions on their page (holiday_drive.statuses)."""

    model = Registration
    icon = "clipboard-list"
    menu_label = "Registrations"
    url_prefix = "holiday-drive/registrations"
    url_namespace = "holiday_drive_registrations"
    index_view_class = admin_views.RegistrationIndexView
    index_results_template_name = "holiday_drive/admin/registration_index_results.html"
    filterset_class = admin_views.RegistrationFilterSet
    search_fields = ["family_number"]
    search_backend_name = None  # family numbers: a plain database lookup
    list_per_page = 50
    copy_view_enabled = False
    list_display = [
        "family_number",
        Column("campaign", label="Campaign", accessor="campaign_title"),
        Column("status", label="Status", accessor="get_status_display"),
        Column("children", label="Children", accessor="children_count"),
        Column("packages", label="Packages", accessor=admin_views.package_labels),
        Column("pickup", label="Pickup", accessor=lambda registration: registration.pickup_slot or "—"),
        Column("sponsor", label="Sponsor", accessor=lambda registration: admin_views.sponsor_name(registration)),
        Column(
            "flagged", label="Possible duplicate", accessor=lambda registration: "Yes" if registration.flagged else ""
        ),
    ]
    exclude_form_fields = []

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", admin_views.RegistrationDetailView.as_view(), name="detail"),
            path("export/", admin_views.export_registrations, name="export"),
        ]


class SponsorViewSet(ModelViewSet):
    model = Sponsor
    icon = "group"
    menu_label = "Sponsors"
    url_prefix = "holiday-drive/sponsors"
    url_namespace = "holiday_drive_sponsors"
    index_view_class = admin_views.SponsorIndexView
    list_display = [
        "name",
        Column("campaign", label="Campaign", accessor="campaign_title"),
        Column("kind", label="Kind", accessor="get_kind_display"),
        Column("families_to_adopt", label="Families promised", sort_key="families_to_adopt"),
        Column("adopted", label="Adopted", sort_key="adopted"),
        Column("gifts_received", label="Gifts received", sort_key="gifts_received"),
    ]
    list_filter = ["campaign", "kind"]
    search_fields = ["name", "contact_name"]
    search_backend_name = None
    form_fields = [
        "campaign",
        "kind",
        "agency",
        "name",
        "contact_name",
        "contact_email",
        "contact_phone",
        "user",
        "families_to_adopt",
    ]
    copy_view_enabled = False


class DistributionSiteViewSet(ModelViewSet):
    model = DistributionSite
    icon = "site"
    menu_label = "Distribution sites"
    url_prefix = "holiday-drive/sites"
    url_namespace = "holiday_drive_sites"
    list_display = ["name", "zip_code"]
    search_fields = ["name"]
    search_backend_name = None
    form_fields = ["name", "address", "zip_code", "notes"]
    copy_view_enabled = False


class PickupSlotViewSet(ModelViewSet):
    model = PickupSlot
    icon = "time"
    menu_label = "Pickup slots"
    url_prefix = "holiday-drive/slots"
    url_namespace = "holiday_drive_slots"
    index_view_class = admin_views.PickupSlotIndexView
    list_display = [
        Column("when", label="When", sort_key="starts_at"),
        Column("site", label="Site", accessor="site.name", sort_key="site__name"),
        Column("campaign", label="Campaign", accessor="campaign_title"),
        Column("booked", label="Booked", accessor=lambda slot: f"{slot.booked} of {slot.capacity}", sort_key="booked"),
    ]
    list_filter = ["campaign", "site"]
    list_per_page = 50
    edit_handler = ObjectList(
        [
            FieldPanel("campaign"),
            FieldPanel("site"),
            FieldPanel("starts_at"),
            FieldPanel("ends_at"),
            FieldPanel("capacity"),
        ],
        base_form_class=PickupSlotForm,
    )


class HolidayDriveViewSetGroup(ModelViewSetGroup):
    items = (RegistrationViewSet, SponsorViewSet, DistributionSiteViewSet, PickupSlotViewSet)
    menu_label = "Holiday drive"
    menu_icon = "calendar-check"
    menu_order = 160
    submenu_hook = MENU_HOOK


@hooks.register("register_admin_viewset")
def register_holiday_drive_viewsets():
    return HolidayDriveViewSetGroup()


class HolidayStaffMenuItem(MenuItem):
    """Shown only to holiday staff; the views check the same permission."""

    def is_shown(self, request):
        return admin_views.is_holiday_staff(request.user)


@hooks.register(MENU_HOOK)
def print_menu_item():
    return HolidayStaffMenuItem(
        "Print rosters and labels", reverse("holiday_drive_print"), icon_name="doc-full", order=500
    )


@hooks.register(MENU_HOOK)
def report_menu_item():
    return HolidayStaffMenuItem("Campaign report", reverse("holiday_drive_report"), icon_name="table", order=600)


@hooks.register("register_admin_urls")
def holiday_drive_admin_urls():
    return [
        path("reports/holiday-by-day/", campaign_by_day.CampaignByDayView.as_view(), name="holiday_drive_by_day"),
        path("holiday-drive/report/", admin_views.CampaignReportView.as_view(), name="holiday_drive_report"),
        path("holiday-drive/print/", admin_views.PrintIndexView.as_view(), name="holiday_drive_print"),
        path("holiday-drive/print/roster/", admin_views.RosterView.as_view(), name="holiday_drive_print_roster"),
        path("holiday-drive/print/labels/", admin_views.LabelsView.as_view(), name="holiday_drive_print_labels"),
        path("holiday-drive/print/packing/", admin_views.PackingView.as_view(), name="holiday_drive_print_packing"),
    ]


@hooks.register("construct_homepage_panels")
def holiday_todo_panels(request, panels):
    panels.extend(todo.holiday_panels(request.user))


@hooks.register("register_reports_menu_item")
def by_day_menu_item():
    return HolidayStaffMenuItem(
        "Holiday drive day by day", reverse("holiday_drive_by_day"), icon_name="calendar-check", order=850
    )
