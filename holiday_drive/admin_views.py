"""Staff pages of the holiday drive in the Wagtail admin: registrations and their actions, exports, prints, report.

Every page here needs `holiday_drive.change_registration` (staff); volunteers check families in
at /holiday/checkin/ and see none of it.
"""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.defaults import permission_denied as forbidden
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from aid_requests.models import HouseholdView
from holiday_drive import reports, reviewing, statuses
from holiday_drive.admin_forms import DuplicateForm, RegistrationActionForm
from holiday_drive.exporting import RegistrationChildResource
from holiday_drive.models import (
    DistributionSite,
    DuplicateFlag,
    Package,
    PickupSlot,
    RegisteredChild,
    Registration,
    Sponsor,
)
from holiday_drive.models.campaigns import campaigns
from portal import bounded, notices, spreadsheets
from portal.search_terms import plain_text

Status = Registration.Status
PERMISSION = "holiday_drive.change_registration"


def is_holiday_staff(user):
    return user.has_perm(PERMISSION)


def _open_flags():
    """Open possible-duplicate flags naming the outer registration, on either side."""
    return DuplicateFlag.objects.filter(
        Q(registration=OuterRef("pk")) | Q(resembles=OuterRef("pk")), status=DuplicateFlag.Status.OPEN
    )


def _children_count():
    children = (
        RegisteredChild.objects.filter(registration=OuterRef("pk"))
        .order_by()
        .values("registration")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(children), 0)


def package_labels(registration):
    return ", ".join(str(package.label) for package in registration.packages) or "—"


def sponsor_name(registration):
    adoption = getattr(registration, "adoption", None)  # a missing reverse one-to-one raises an AttributeError
    return adoption.sponsor.name if adoption else "—"


class RegistrationFilterSet(bounded.FilterSet):
    campaign = bounded.ModelChoiceFilter(queryset=campaigns().order_by("-year", "-pk"))
    status = django_filters.MultipleChoiceFilter(choices=Status.choices)
    site = bounded.ModelChoiceFilter(
        field_name="pickup_slot__site", queryset=DistributionSite.objects.all(), label="Pickup site"
    )
    slot = bounded.ModelChoiceFilter(
        field_name="pickup_slot", queryset=PickupSlot.objects.select_related("site"), label="Pickup time"
    )
    sponsored = django_filters.BooleanFilter(method="filter_sponsored", label="Adopted by a sponsor")
    flagged = django_filters.BooleanFilter(method="filter_flagged", label="Possible duplicate to resolve")

    class Meta:
        model = Registration
        fields = []

    def filter_sponsored(self, queryset, name, value):
        return queryset.filter(adoption__isnull=not value)

    def filter_flagged(self, queryset, name, value):
        return queryset.filter(Exists(_open_flags())) if value else queryset.exclude(Exists(_open_flags()))


def filtered_registrations(request):
    """The registrations the index shows for these GET parameters (filters and `q`), for exports and prints."""
    registrations = RegistrationFilterSet(request.GET, queryset=Registration.objects.all(), request=request).qs
    if search := plain_text(request.GET.get("q", "")):
        registrations = registrations.filter(family_number__icontains=search)
    return registrations


class RegistrationIndexView(IndexView):
    """Every registration, newest campaign first then in order of registration; one query for the rows."""

    any_permission_required = ["change"]

    def get_base_queryset(self):
        return Registration.objects.select_related("pickup_slot__site", "adoption__sponsor").annotate(
            campaign_title=F("campaign__title"), children_count=_children_count(), flagged=Exists(_open_flags())
        )

    def order_queryset(self, queryset):
        if self.request.GET.get("ordering"):
            return super().order_queryset(queryset)
        return queryset.order_by("-campaign_id", "sequence")

    def get_edit_url(self, instance):
        return reverse("holiday_drive_registrations:detail", args=[instance.pk])

    # Families make registrations and staff change them on their page: no add, edit form, copy or delete here.
    def get_add_url(self):
        return None

    def get_list_more_buttons(self, instance):
        return []

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        # Exports and prints take the listing's filters and search, without its page and order.
        query = self.request.GET.copy()
        for name in ("p", "ordering", "_w_filter_fragment"):
            query.pop(name, None)
        context["filter_query"] = query.urlencode()
        return context


class RegistrationDetailView(WagtailAdminTemplateMixin, TemplateView):
    """One registration with its household, children, pickup, sponsor and flags. Opening it is audit-logged."""

    template_name = "holiday_drive/admin/registration_detail.html"
    header_icon = "clipboard-list"

    def dispatch(self, request, *args, **kwargs):
        if not is_holiday_staff(request.user):
            if request.method == "POST":
                # A plain 403, not Wagtail's redirect home: a refused action must not look like a done one.
                return forbidden(request, PermissionDenied())
            return permission_denied(request)
        self.registration = get_object_or_404(
            Registration.objects.select_related(
                "campaign", "household", "referral_code", "pickup_slot__site", "adoption__sponsor", "checked_in_by"
            ),
            pk=kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Registration {self.registration.family_number}"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("holiday_drive_registrations:index"), "label": "Registrations"},
            {"url": "", "label": self.registration.family_number},
        ]

    def get(self, request, *args, **kwargs):
        HouseholdView.objects.create(household=self.registration.household, viewed_by=request.user)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        registration = self.registration
        flags = DuplicateFlag.objects.filter(Q(registration=registration) | Q(resembles=registration)).select_related(
            "registration", "resembles", "resolved_by"
        )
        campaign = registration.campaign
        context.update(
            registration=registration,
            household=registration.household,
            children=registration.children.all(),
            packages=package_labels(registration),
            adoption=getattr(registration, "adoption", None),  # None when no sponsor adopted the family
            flags=[
                (flag, flag.resembles if flag.registration_id == registration.pk else flag.registration)
                for flag in flags
            ],
            open_flag_status=DuplicateFlag.Status.OPEN,
            can_confirm=not registration.is_waitlisted and statuses.can_move(registration, Status.CONFIRMED),
            can_cancel=statuses.can_move(registration, Status.CANCELLED),
            waitlist_position=registration.waitlist_position(),
            first_waiting=reviewing.first_waiting(campaign) if registration.is_waitlisted else None,
            places_taken=campaign.places_taken(),
            form=kwargs.get("form"),
        )
        context.update(notices.for_staff(context["household"]))
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action in DuplicateForm.ACTIONS:
            form = DuplicateForm(self.registration, request.POST)
        else:
            form = RegistrationActionForm(request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(error for errors in form.errors.values() for error in errors))
            return redirect("holiday_drive_registrations:detail", pk=self.registration.pk)
        try:
            if isinstance(form, DuplicateForm):
                self._resolve(form.cleaned_data)
            else:
                self._act(form.cleaned_data["action"])
        except statuses.InvalidMove as error:
            messages.error(request, str(error))
        return redirect("holiday_drive_registrations:detail", pk=self.registration.pk)

    def _act(self, action):
        registration, user = self.registration, self.request.user
        if action == "promote":
            promoted = reviewing.promote_next(registration.campaign, by=user)
            messages.success(
                self.request, f"{promoted.family_number} has a place now: {promoted.get_status_display()}."
            )
            return
        if action == "release":
            sponsor = registration.adoption.sponsor.name if hasattr(registration, "adoption") else ""
            statuses.release_adoption(registration, by=user)
            messages.success(self.request, f"{registration.family_number} is released from {sponsor}, who is told.")
            return
        if action == "confirm":
            reviewing.confirm(registration, by=user)
        else:
            statuses.move(registration, Status.CANCELLED, by=user)
        messages.success(self.request, f"{registration.family_number}: {registration.get_status_display()}.")
        if action == "cancel":
            self._suggest_promotion()

    def _resolve(self, data):
        flag = data["flag"]
        cancelled = reviewing.resolve_duplicate(
            flag, is_duplicate=data["action"] == "same_family", by=self.request.user
        )
        if cancelled is not None:
            messages.success(self.request, f"Same family: {cancelled.family_number} is cancelled.")
            self._suggest_promotion()
        else:
            messages.success(self.request, "Not a duplicate: both registrations stay.")

    def _suggest_promotion(self):
        if reviewing.has_free_place(self.registration.campaign):
            messages.info(self.request, "A place is free and families are waiting: promote the next one.")


def export_registrations(request):
    """The registrations list as CSV or XLSX, one row per child, with the list's filters; no private flags."""
    if not is_holiday_staff(request.user):
        return permission_denied(request)
    rows = RegistrationChildResource.rows_for(filtered_registrations(request))
    dataset = RegistrationChildResource().export(queryset=rows)
    filename = f"holiday-registrations-{timezone.localdate():%Y-%m-%d}"
    return spreadsheets.download(dataset, request.GET.get("format"), filename)


def _campaign_from(request):
    """The campaign chosen in `?campaign=`, else the one that opened last; None before any campaign exists."""
    drives = campaigns().order_by("-registration_opens", "-pk")
    chosen = bounded.as_id(request.GET.get("campaign"))
    if chosen is not None:
        return drives.filter(pk=chosen).first() or drives.first()
    return drives.first()


class StaffPageMixin(WagtailAdminTemplateMixin):
    """A holiday drive page for staff, in the admin's frame."""

    header_icon = "calendar-check"

    def dispatch(self, request, *args, **kwargs):
        if not is_holiday_staff(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def campaign(self):
        return _campaign_from(self.request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["campaign"] = self.campaign
        context["campaigns"] = campaigns().order_by("-registration_opens", "-pk")
        return context


class CampaignReportView(StaffPageMixin, TemplateView):
    """The campaign in numbers, as tables and as bar charts drawn on the server (the tables are their text)."""

    template_name = "holiday_drive/admin/campaign_report.html"
    page_title = "Campaign report"
    header_icon = "table"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.campaign is None:
            return context
        report = reports.campaign_report(self.campaign)
        by_status = [(status.label, count) for status, count in report.families_by_status.items()]
        by_package = [
            (package.label, report.packages[package])
            for package in Package
            if package in self.campaign.packages_offered or report.packages[package]
        ]
        context.update(
            report=report,
            by_status=by_status,
            by_package=by_package,
            status_bars=reports.bar_chart(by_status),
            package_bars=reports.bar_chart(by_package),
            share_sponsored=reports.percent(report.share_sponsored),
            share_picked_up=reports.percent(report.share_picked_up),
        )
        return context


class PrintIndexView(StaffPageMixin, TemplateView):
    """Links to every roster, label sheet and packing sheet of a campaign, per site and per pickup time."""

    template_name = "holiday_drive/admin/print_index.html"
    page_title = "Print rosters and labels"
    header_icon = "doc-full"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.campaign is not None:
            slots = PickupSlot.objects.filter(campaign=self.campaign).with_booked().select_related("site")
            context["slots"] = slots.order_by("site__name", "starts_at", "pk")
            context["unbooked"] = self.campaign.registrations.holding_a_place().filter(pickup_slot=None).count()
        return context


class PrintView(TemplateView):
    """A page to print from the browser: the registrations the filters choose, by site and pickup time.

    Without a status filter it holds the families with a place (not waiting, not cancelled).
    Runs two queries whatever the number of families.
    """

    title = ""

    def dispatch(self, request, *args, **kwargs):
        if not is_holiday_staff(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def registrations(self):
        registrations = filtered_registrations(self.request)
        if not self.request.GET.getlist("status"):
            registrations = registrations.holding_a_place()
        return (
            registrations.select_related("pickup_slot__site")
            .prefetch_related(Prefetch("children", queryset=RegisteredChild.objects.order_by("letter")))
            .order_by(
                # Families without a pickup time last, on every database.
                F("pickup_slot__site__name").asc(nulls_last=True),
                F("pickup_slot__starts_at").asc(nulls_last=True),
                "pickup_slot_id",
                "sequence",
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = RegistrationFilterSet(self.request.GET, request=self.request)
        chosen = filters.form.cleaned_data if filters.form.is_valid() else {}
        registrations = list(self.registrations())
        for registration in registrations:
            registration.package_labels = package_labels(registration)
        context.update(
            title=self.title,
            registrations=registrations,
            chosen=[str(chosen[name]) for name in ("campaign", "site", "slot") if chosen.get(name)],
            printed_at=timezone.now(),
            back_url=reverse("holiday_drive_registrations:index") + "?" + self.request.GET.urlencode(),
        )
        return context


class RosterView(PrintView):
    template_name = "holiday_drive/admin/print_roster.html"
    title = "Pickup roster"


class LabelsView(PrintView):
    template_name = "holiday_drive/admin/print_labels.html"
    title = "Bag labels"


class PackingView(PrintView):
    template_name = "holiday_drive/admin/print_packing.html"
    title = "Packing sheets"


class PickupSlotIndexView(IndexView):
    """Pickup slots, soonest first, with how many families booked each; one query for the rows."""

    base_filterset_class = bounded.FilterSet

    def get_base_queryset(self):
        return PickupSlot.objects.with_booked().select_related("site").annotate(campaign_title=F("campaign__title"))

    def order_queryset(self, queryset):
        if self.request.GET.get("ordering"):
            return super().order_queryset(queryset)
        return queryset.order_by("starts_at", "site__name", "pk")


class SponsorIndexView(IndexView):
    """Sponsors with their coverage: families promised, adopted, gifts received; one query for the rows."""

    base_filterset_class = bounded.FilterSet

    def get_base_queryset(self):
        return reports.with_coverage(Sponsor.objects.annotate(campaign_title=F("campaign__title")))
