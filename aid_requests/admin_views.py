"""Staff pages in the Wagtail admin: the queue, one request with its household, the export, the partners report."""

from datetime import timedelta

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Case, Q, When
from django.db.models.functions import Greatest
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.defaults import permission_denied as forbidden
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from aid_requests import matching, reports
from aid_requests.admin_forms import ACTION_STATUS, ActionForm, OfferToForm, WithdrawForm
from aid_requests.exporting import AidRequestResource
from aid_requests.models import AidRequest, HouseholdView
from aid_requests.models.offers import OPEN_STATUSES
from aid_requests.models.requests import ENDED_STATUSES, REQUEST_KINDS, Status, Urgency
from aid_requests.workflow import InvalidTransition, add_message, can_move, transition
from portal import bounded, notices, spreadsheets
from resources.models import ServiceCategory

LONGEST_WAIT_DAYS = 3650  # ten years: past that a date would be before the site existed, or overflow


class RequestFilterSet(bounded.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=Status.choices)
    kind = bounded.ModelMultipleChoiceFilter(queryset=ServiceCategory.objects.filter(slug__in=REQUEST_KINDS))
    urgency = django_filters.MultipleChoiceFilter(choices=Urgency.choices)
    school = django_filters.CharFilter(method="filter_school", label="School")
    zip_code = django_filters.CharFilter(field_name="household__zip_code", label="ZIP code")
    waiting_days = bounded.NumberFilter(
        method="filter_waiting", label="Waiting at least (days)", min_value=0, max_value=LONGEST_WAIT_DAYS
    )
    no_partner = django_filters.BooleanFilter(method="filter_no_partner", label="No partner agency found")
    offer_overdue = django_filters.BooleanFilter(method="filter_offer_overdue", label="Offer past its answer time")

    class Meta:
        model = AidRequest
        fields = []

    def filter_school(self, queryset, name, value):
        return queryset.filter(Q(household__school__name__icontains=value) | Q(household__schools__icontains=value))

    def filter_waiting(self, queryset, name, value):
        return queryset.filter(status_changed_at__lte=timezone.now() - timedelta(days=float(value)))

    def filter_no_partner(self, queryset, name, value):
        without = AidRequest.objects.without_partner().values("pk")
        return queryset.filter(pk__in=without) if value else queryset.exclude(pk__in=without)

    def filter_offer_overdue(self, queryset, name, value):
        overdue = AidRequest.objects.with_overdue_offer().values("pk")
        return queryset.filter(pk__in=overdue) if value else queryset.exclude(pk__in=overdue)


URGENCY_ORDER = [Urgency.EMERGENCY, Urgency.URGENT, Urgency.ROUTINE]


def priority_rank():
    """0 first: emergencies; a McKinney-Vento household's request counts one step more urgent."""
    by_urgency = Case(*[When(urgency=value, then=rank) for rank, value in enumerate(URGENCY_ORDER)])
    return Greatest(by_urgency - Case(When(household__mckinney_vento=True, then=1), default=0), 0)


class RequestQueueView(IndexView):
    """All requests, the ones still being worked first, urgent first; one query for the rows whatever their number."""

    def get_base_queryset(self):
        return AidRequest.objects.select_related("household__school", "kind", "assigned_to").annotate(
            urgency_rank=priority_rank(), ended=Case(When(status__in=ENDED_STATUSES, then=1), default=0)
        )

    def order_queryset(self, queryset):
        """Unless staff sort by a column: open cases before ended ones (a year of fulfilled requests waited
        longest, but nobody waits on them), then emergencies first, then the longest waiting."""
        if self.request.GET.get("ordering"):
            return super().order_queryset(queryset)
        return queryset.order_by("ended", "urgency_rank", "status_changed_at", "pk")

    def get_edit_url(self, instance):
        return reverse("aid_requests_admin:detail", args=[instance.pk])


def _can_view(user):
    return user.has_perm("aid_requests.view_aidrequest")


# The actions that need the request to build their form; the others post an ActionForm.
REQUEST_FORMS = {"offer_to": OfferToForm, "withdraw": WithdrawForm}


class RequestDetailView(WagtailAdminTemplateMixin, TemplateView):
    """One request with its household, children, timeline and actions. Opening it is audit-logged."""

    template_name = "aid_requests/admin/request_detail.html"
    header_icon = "help"

    def dispatch(self, request, *args, **kwargs):
        if not _can_view(request.user):
            return permission_denied(request)
        self.aid_request = get_object_or_404(
            AidRequest.objects.select_related("household", "kind", "assigned_to"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Request {self.aid_request.reference}"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("aid_requests_admin:index"), "label": "Requests"},
            {"url": "", "label": self.aid_request.reference},
        ]

    def get(self, request, *args, **kwargs):
        household = self.aid_request.household
        HouseholdView.objects.create(
            household=household, viewed_by=request.user, saw_mckinney_vento=household.mckinney_vento
        )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        aid_request = self.aid_request
        can_change = self.request.user.has_perm("aid_requests.change_aidrequest")
        may_offer = can_change and aid_request.status in (Status.APPROVED, Status.OFFERED)
        context.update(
            aid_request=aid_request,
            household=aid_request.household,
            children=aid_request.children.all(),
            events=aid_request.events.select_related("actor"),
            offers=aid_request.offers.select_related("agency"),
            other_requests=aid_request.household.requests.exclude(pk=aid_request.pk).select_related("kind"),
            form=kwargs.get("form") or ActionForm(),
            can_change=can_change,
            may_offer=may_offer,
            offer_to_form=kwargs.get("offer_to_form") or (OfferToForm(aid_request) if may_offer else None),
            can_withdraw=can_change and aid_request.status in (Status.OFFERED, Status.ACCEPTED),
            open_statuses=OPEN_STATUSES,
            can_close=can_change and can_move(aid_request.status, Status.CLOSED),
        )
        context.update(notices.for_staff(context["household"]))
        return context

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm("aid_requests.change_aidrequest"):
            # A plain 403, not Wagtail's redirect home: a refused action must not look like a done one.
            return forbidden(request, PermissionDenied())
        action = request.POST.get("action")
        if action in REQUEST_FORMS:
            form = REQUEST_FORMS[action](self.aid_request, request.POST)
        else:
            form = ActionForm(request.POST)
        if not form.is_valid():
            extra = {"offer_to_form": form} if isinstance(form, OfferToForm) else {}
            return self.render_to_response(self.get_context_data(form=form, **extra))
        try:
            if action in REQUEST_FORMS:
                self._act_on_offers(action, form.cleaned_data, request.user)
            else:
                self._act(form.cleaned_data, request.user)
        except (InvalidTransition, matching.OfferError) as error:
            messages.error(request, str(error))
        return redirect("aid_requests_admin:detail", pk=self.aid_request.pk)

    def _act(self, data, user):
        aid_request, action, message = self.aid_request, data["action"], data["message"]
        with transaction.atomic():
            if action in ACTION_STATUS:
                transition(aid_request, ACTION_STATUS[action], actor=user, note=message)
                if action == "approve":
                    self._match(aid_request, user)
                messages.success(self.request, f"{aid_request.reference}: {aid_request.get_status_display()}.")
            elif action in ("ask", "note"):
                add_message(aid_request, message, actor=user, visible_to_family=action == "ask")
                messages.success(self.request, "Message sent to the family." if action == "ask" else "Note added.")
            elif action == "assign":
                AidRequest.objects.filter(pk=aid_request.pk).update(assigned_to=user)
                add_message(
                    aid_request,
                    f"Assigned to {user.get_full_name() or user.email}.",
                    actor=user,
                    visible_to_family=False,
                )
                messages.success(self.request, "Assigned to you.")
            elif action == "amount":
                AidRequest.objects.filter(pk=aid_request.pk).update(amount_secured=data["amount"])
                add_message(aid_request, f"Money secured: ${data['amount']}.", actor=user, visible_to_family=False)
                messages.success(self.request, "Amount recorded.")
            elif action == "mckinney_vento":
                aid_request.household.mark_mckinney_vento(user)
                add_message(aid_request, "Marked eligible under McKinney-Vento.", actor=user, visible_to_family=False)
                messages.success(self.request, "Marked eligible under McKinney-Vento: its requests go first.")
            elif action == "rematch":
                self._report_match(matching.rematch(aid_request, user), aid_request)

    def _act_on_offers(self, action, data, user):
        """Staff overrides; matching keeps the rules (limits, one open offer) and raises OfferError."""
        if action == "offer_to":
            offer = matching.offer_to(self.aid_request, data["agency"], user)
            messages.success(self.request, f"Offered to {offer.agency}.")
        elif action == "withdraw":
            offer = matching.withdraw(data["offer"], user)
            messages.success(
                self.request, f"Offer to {offer.agency} withdrawn. The request waits, approved, to be matched again."
            )

    def _match(self, aid_request, user):
        """An approved request goes straight to the best partner; staff read why when none fits."""
        self._report_match(matching.match(aid_request, actor=user), aid_request)

    def _report_match(self, offer, aid_request):
        if offer:
            messages.success(self.request, f"Offered to {offer.agency}.")
        else:
            messages.warning(self.request, f"No partner agency yet: {aid_request.no_match_reason}.")


def export_requests(request):
    """The queue as CSV or XLSX, with the queue's filters; staff only, and no private flags."""
    if not _can_view(request.user):
        return permission_denied(request)
    queryset = RequestFilterSet(request.GET, queryset=AidRequest.objects.all()).qs
    dataset = AidRequestResource().export(queryset=queryset)
    return spreadsheets.download(dataset, request.GET.get("format"), f"requests-{timezone.localdate():%Y-%m-%d}")


class PartnerReportView(ReportView):
    """Per partner agency: open offers, requests held, answers and median times; two queries in all."""

    page_title = "Partner agencies"
    header_icon = "group"
    index_url_name = "aid_requests_partner_report"
    results_template_name = "aid_requests/admin/partner_report_results.html"
    permission_policy = ModelPermissionPolicy(AidRequest)
    permission_required = "view"
    paginate_by = 100
    columns = [
        TitleColumn(
            "agency",
            label="Agency",
            accessor="agency.name",
            get_url=lambda row: reverse("wagtailsnippets_resources_agency:edit", args=[row.agency.pk]),
        ),
        Column("open_offers", label="Open offers"),
        Column("held", label="Requests held"),
        Column("offers_made", label="Offers made"),
        Column("accepted", label="Accepted"),
        Column("declined", label="Declined"),
        Column("expired", label="Expired"),
        Column("acceptance", label="Acceptance rate", accessor="acceptance_percent"),
        Column("to_accept", label="Median time to accept", accessor="time_to_accept"),
        Column("to_fulfil", label="Median time to fulfil", accessor="time_to_fulfil"),
    ]
    export_filename = "partner-agencies"
    export_headings = {
        "agency.name": "Agency",
        "open_offers": "Open offers",
        "held": "Requests held",
        "offers_made": "Offers made",
        "accepted": "Accepted",
        "declined": "Declined",
        "expired": "Expired",
        "acceptance_rate": "Acceptance rate",
        "hours_to_accept": "Median hours to accept",
        "hours_to_fulfil": "Median hours to fulfil",
    }
    list_export = list(export_headings)

    def get_queryset(self):
        return reports.partner_figures()
