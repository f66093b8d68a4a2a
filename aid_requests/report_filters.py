"""The filters every request report shares: a date range, a school year and a kind of help."""

from datetime import date, datetime, time, timedelta

from django import forms
from django.utils import timezone

from aid_requests.models import AidRequest
from aid_requests.models.requests import REQUEST_KINDS
from portal import bounded
from resources.models import ServiceCategory

SCHOOL_YEARS_SHOWN = 6
FIRST_MONTH = 7  # a school year runs from July 1 to June 30


def school_year_of(day):
    """The year a school year starts in: 2025 for any day from 2025-07-01 to 2026-06-30."""
    return day.year if day.month >= FIRST_MONTH else day.year - 1


def school_year_label(start_year):
    return f"{start_year}–{(start_year + 1) % 100:02d}"


def school_year_bounds(start_year):
    return date(start_year, FIRST_MONTH, 1), date(start_year + 1, FIRST_MONTH, 1)


def _school_year_choices():
    this_year = school_year_of(timezone.localdate())
    years = range(this_year, this_year - SCHOOL_YEARS_SHOWN, -1)
    return [("", "Any school year")] + [(str(year), school_year_label(year)) for year in years]


class RequestReportFilters(forms.Form):
    school_year = forms.TypedChoiceField(label="School year", required=False, coerce=int, empty_value=None)
    start = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    end = forms.DateField(
        label="To (inclusive)", required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    kind = bounded.ModelChoiceField(
        label="Kind of help",
        required=False,
        empty_label="Every kind",
        queryset=ServiceCategory.objects.filter(slug__in=REQUEST_KINDS).order_by("name"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school_year"].choices = _school_year_choices()

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", "The end date must be on or after the start date.")
        return cleaned


def _midnight(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def date_bounds(filters):
    """(from, to) as aware datetimes, to exclusive; either may be None. A school year and dates both narrow."""
    starts, ends = [], []
    if filters.get("school_year"):
        first, after = school_year_bounds(filters["school_year"])
        starts.append(first)
        ends.append(after)
    if filters.get("start"):
        starts.append(filters["start"])
    if filters.get("end"):
        ends.append(filters["end"] + timedelta(days=1))
    return (_midnight(max(starts)) if starts else None, _midnight(min(ends)) if ends else None)


def requests_in(filters):
    """The requests the filters select, by when they were made and their kind."""
    requests = AidRequest.objects.all()
    since, until = date_bounds(filters)
    if since:
        requests = requests.filter(created_at__gte=since)
    if until:
        requests = requests.filter(created_at__lt=until)
    if filters.get("kind"):
        requests = requests.filter(kind=filters["kind"])
    return requests.order_by()
