"""How many requests came in: by kind and month, by school, by status, by language. One GROUP BY query each."""

from django.conf import settings
from django.db.models import Count, F, Value
from django.db.models.functions import Coalesce, NullIf, TruncMonth

from aid_requests.models.requests import Status
from portal.chart_reports import FigureTable

MOST_SCHOOLS_SHOWN = 25


def month_label(moment):
    return f"{moment:%Y-%m}"


def months_between(first, last):
    """Every month label from `first` to `last` (aware datetimes at a month's start), so gaps show as zeros."""
    year, month = first.year, first.month
    labels = []
    while (year, month) <= (last.year, last.month):
        labels.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return labels


def pivot_by_month(rows, value="count"):
    """[{month, kind_name, value}] as (kinds, [[month label, value per kind...]]) with every month in between."""
    if not rows:
        return [], []
    kinds = sorted({row["kind_name"] for row in rows})
    cells = {(month_label(row["month"]), row["kind_name"]): row[value] for row in rows}
    months = months_between(min(row["month"] for row in rows), max(row["month"] for row in rows))
    return kinds, [[month] + [cells.get((month, kind), 0) for kind in kinds] for month in months]


def by_kind_and_month(requests):
    rows = list(
        requests.annotate(month=TruncMonth("created_at"), kind_name=F("kind__name"))
        .values("month", "kind_name")
        .annotate(count=Count("pk"))
        .order_by("month", "kind_name")
    )
    kinds, table_rows = pivot_by_month(rows)
    return FigureTable(
        slug="by-kind-and-month",
        title="Requests by kind and month",
        columns=["Month", *kinds],
        rows=table_rows,
        chart="stacked_bar",
    )


def by_school(requests):
    # A listed school (chosen from the list) by its name; otherwise the name as the family typed it.
    school = Coalesce(NullIf("household__school__name", Value("")), "household__schools")
    rows = (
        requests.annotate(school_name=school)
        .values("school_name")
        .annotate(count=Count("pk"))
        .order_by("-count", "school_name")[:MOST_SCHOOLS_SHOWN]
    )
    return FigureTable(
        slug="by-school",
        title="Requests by school",
        columns=["School", "Requests"],
        rows=[[row["school_name"] or "Not given", row["count"]] for row in rows],
        note=f"The {MOST_SCHOOLS_SHOWN} schools with most requests: listed ones by name, others as typed.",
    )


def by_status(requests):
    counts = dict(requests.values_list("status").annotate(count=Count("pk")).order_by())
    rows = [[status.label, counts[status.value]] for status in Status if counts.get(status.value)]
    return FigureTable(slug="by-status", title="Requests by status now", columns=["Status", "Requests"], rows=rows)


def by_language(requests):
    counts = dict(requests.values_list("household__preferred_language").annotate(count=Count("pk")).order_by())
    rows = [[str(name), counts[code]] for code, name in settings.LANGUAGES if counts.get(code)]
    return FigureTable(
        slug="by-language", title="Requests by the family's language", columns=["Language", "Requests"], rows=rows
    )


def volume_tables(requests):
    return [by_kind_and_month(requests), by_school(requests), by_status(requests), by_language(requests)]
