"""Staff pages in the Wagtail admin: the queue, one request with its household, and the export."""

from datetime import timedelta

import django_filters
from django.contrib import messages
from django.db import transaction
from django.db.models import Case, When
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from aid_requests.admin_forms import ACTION_STATUS, ActionForm
from aid_requests.exporting import AidRequestResource
from aid_requests.matching import match
from aid_requests.models import AidRequest, HouseholdView
from aid_requests.models.requests import REQUEST_KINDS, Status, Urgency
from aid_requests.workflow import InvalidTransition, add_message, transition
from resources.models import ServiceCategory


class RequestFilterSet(WagtailFilterSet):
    status = django_filters.MultipleChoiceFilter(choices=Status.choices)
    kind = django_filters.ModelMultipleChoiceFilter(queryset=ServiceCategory.objects.filter(slug__in=REQUEST_KINDS))
    urgency = django_filters.MultipleChoiceFilter(choices=Urgency.choices)
    school = django_filters.CharFilter(field_name="household__schools", lookup_expr="icontains", label="School")
    zip_code = django_filters.CharFilter(field_name="household__zip_code", label="ZIP code")
    waiting_days = django_filters.NumberFilter(method="filter_waiting", label="Waiting at least (days)")

    class Meta:
        model = AidRequest
        fields = []

    def filter_waiting(self, queryset, name, value):
        return queryset.filter(status_changed_at__lte=timezone.now() - timedelta(days=float(value)))


URGENCY_ORDER = [Urgency.EMERGENCY, Urgency.URGENT, Urgency.ROUTINE]


class RequestQueueView(IndexView):
    """All requests, urgent first; one query for the rows whatever their number."""

    def get_base_queryset(self):
        return AidRequest.objects.select_related("household", "kind", "assigned_to").annotate(
            urgency_rank=Case(*[When(urgency=value, then=rank) for rank, value in enumerate(URGENCY_ORDER)])
        )

    def order_queryset(self, queryset):
        """Unless staff sort by a column: emergencies first, then the longest waiting."""
        if self.request.GET.get("ordering"):
            return super().order_queryset(queryset)
        return queryset.order_by("urgency_rank", "status_changed_at", "pk")

    def get_edit_url(self, instance):
        return reverse("aid_requests_admin:detail", args=[instance.pk])


def _can_view(user):
    return user.has_perm("aid_requests.view_aidrequest")


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
        HouseholdView.objects.create(household=self.aid_request.household, viewed_by=request.user)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        aid_request = self.aid_request
        context.update(
            aid_request=aid_request,
            household=aid_request.household,
            children=aid_request.children.all(),
            events=aid_request.events.select_related("actor"),
            offers=aid_request.offers.select_related("agency"),
            other_requests=aid_request.household.requests.exclude(pk=aid_request.pk).select_related("kind"),
            form=kwargs.get("form") or ActionForm(),
            can_change=self.request.user.has_perm("aid_requests.change_aidrequest"),
        )
        return context

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm("aid_requests.change_aidrequest"):
            return permission_denied(request)
        form = ActionForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            self._act(form.cleaned_data, request.user)
        except InvalidTransition as error:
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

    def _match(self, aid_request, user):
        """An approved request goes straight to the best partner; staff read why when none fits."""
        if not match(aid_request, actor=user):
            messages.warning(self.request, f"No partner agency yet: {aid_request.no_match_reason}.")


def export_requests(request):
    """The queue as CSV or XLSX, with the queue's filters; staff only, and no private flags."""
    if not _can_view(request.user):
        return permission_denied(request)
    file_format = request.GET.get("format", "csv")
    if file_format not in ("csv", "xlsx"):
        file_format = "csv"
    queryset = RequestFilterSet(request.GET, queryset=AidRequest.objects.all()).qs
    dataset = AidRequestResource().export(queryset=queryset)
    content_type = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
    response = HttpResponse(dataset.export(file_format), content_type=content_type[file_format])
    response["Content-Disposition"] = f'attachment; filename="requests-{timezone.localdate():%Y-%m-%d}.{file_format}"'
    return response
