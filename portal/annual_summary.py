"""The one-page annual summary staff share outside the office (board packets, funders).

Part of the shell, like the demo builder: it reads both the requests and the holiday drive.
Any count of fewer than 10 is shown as "fewer than 10" (small-cell suppression, the usual rule
for student data published outside a district), and when a table has one such cell a second
one is hidden too, so no total minus the other rows can reveal it.
"""

from dataclasses import dataclass

from django import forms
from django.db.models import Count, F, Q, Sum
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied

from aid_requests.dollars_secured import amount_expression
from aid_requests.models.requests import MEDICAL_KINDS, Status
from aid_requests.report_filters import requests_in, school_year_label, school_year_of
from holiday_drive.models import Adoption, Registration
from holiday_drive.models.campaigns import campaigns
from portal import charts

SMALLEST_SHOWN = 10
FEWER_THAN = f"fewer than {SMALLEST_SHOWN}"
HELPED = [Status.FULFILLED, Status.CLOSED]


def shown(count):
    """A count fit to publish: itself from SMALLEST_SHOWN up, else "fewer than 10" (zero too, which is also small)."""
    return count if count >= SMALLEST_SHOWN else FEWER_THAN


def suppressed_rows(rows):
    """[(label, count)] with small counts hidden, and the next smallest hidden too when only one would be."""
    hidden = {index for index, (_label, count) in enumerate(rows) if count < SMALLEST_SHOWN}
    if len(hidden) == 1 and len(rows) > 1:
        visible = [index for index in range(len(rows)) if index not in hidden]
        hidden.add(min(visible, key=lambda index: rows[index][1]))
    return [(label, FEWER_THAN if index in hidden else count) for index, (label, count) in enumerate(rows)]


@dataclass
class AnnualSummary:
    school_year: int
    headlines: list  # (label, figure) ready to print
    by_kind: list  # (kind, requests or "fewer than 10")

    @property
    def label(self):
        return school_year_label(self.school_year)

    def by_kind_chart(self):
        """Bars only for the kinds whose count may be published."""
        drawn = [(kind, count) for kind, count in self.by_kind if count != FEWER_THAN]
        if not drawn:
            return ""
        title = f"Requests by kind of help, {self.label}"
        return charts.draw("bar", title, [kind for kind, _count in drawn], [("Requests", [c for _k, c in drawn])])


def annual_summary(school_year):
    """The school year's headline figures and requests by kind; eight queries."""
    requests = requests_in({"school_year": school_year})
    helped = requests.filter(status__in=HELPED)
    families_helped = helped.values("household").distinct().count()
    dollars = requests.filter(kind__slug__in=MEDICAL_KINDS).aggregate(total=Sum(amount_expression()))["total"] or 0
    by_kind = list(requests.values_list(F("kind__name")).annotate(count=Count("pk")).order_by("-count", "kind__name"))
    drives = campaigns().filter(year=school_year)
    registrations = Registration.objects.filter(campaign__in=drives).holding_a_place()
    holiday = registrations.aggregate(
        families=Count("pk"), picked_up=Count("pk", filter=Q(status=Registration.Status.PICKED_UP))
    )
    adopted = Adoption.objects.filter(registration__in=registrations).count()
    headlines = [
        ("Families helped", shown(families_helped)),
        ("Requests received", shown(requests.count())),
        ("Requests met (help given)", shown(helped.count())),
        ("Dollars secured for medical and prescription help", f"${dollars:,.0f}"),
        ("Holiday families registered", shown(holiday["families"])),
        ("Holiday families adopted by a sponsor", shown(adopted)),
        ("Holiday families who picked up their packages", shown(holiday["picked_up"])),
    ]
    return AnnualSummary(school_year=school_year, headlines=headlines, by_kind=suppressed_rows(by_kind))


class SummaryFilters(forms.Form):
    school_year = forms.IntegerField(label="School year starting in", min_value=2000, max_value=2100, required=False)


class AnnualSummaryView(TemplateView):
    """The printable page; staff who read requests only. `?school_year=2025` for 2025–26, else this school year."""

    template_name = "portal/annual_summary.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("aid_requests.view_aidrequest"):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SummaryFilters(self.request.GET)
        year = school_year_of(timezone.localdate())
        if form.is_valid() and form.cleaned_data["school_year"]:
            year = form.cleaned_data["school_year"]
        context.update(form=form, summary=annual_summary(year), fewer_than=FEWER_THAN)
        return context
