"""How fast requests were met: time to the first offer, to acceptance and to fulfilment, median and 90th percentile.

Percentiles are nearest ranks (ceil(p × n / 100)), computed in the database. On SQLite (which has no percentile
function) window functions number each group's durations in order, and only the rows at the nearest ranks come
back, two rows a group; PostgreSQL's percentile_disc gives the same values from one sort a group.
"""

from django.db import connections
from django.db.models import Aggregate, Count, DurationField, ExpressionWrapper, F, Q, Window
from django.db.models.functions import RowNumber, TruncMonth

from aid_requests.request_volume import month_label
from portal.chart_reports import FigureTable
from resources.models import ServiceCategory

PERCENTS = (50, 90)
MEASURES = {
    "offer": "first offer",
    "acceptance": "acceptance",
    "fulfilment": "fulfilment",
}


def _kind_names():
    """{kind pk: name} when no two categories share a name, else None.

    Then the figures are grouped by the kind's key, an integer that sorts faster than its name and needs no join,
    and named after; with two kinds of the same name they are grouped by name, as the table shows them."""
    names = dict(ServiceCategory.objects.values_list("pk", "name"))
    return names if len(set(names.values())) == len(names) else None


# measure: the request's stored moment it is measured to (aid_requests.workflow.request_moments says which)
MOMENTS = {"offer": "first_offered_at", "acceptance": "accepted_at", "fulfilment": "fulfilled_at"}


def _timed(requests, kind="kind__name"):
    """{measure: the requests that reached it, annotated with `duration` since the request}.

    The moments are kept on the request itself, so each measure reads the filtered requests alone: no join to
    the offers or the timeline. A request counts once a measure: its first offer, the acceptance of the agency
    holding it, its first move to fulfilled."""
    return {
        measure: requests.filter(**{f"{moment}__isnull": False}).annotate(
            duration=ExpressionWrapper(F(moment) - F("created_at"), DurationField()),
            kind_name=F(kind),
            month=TruncMonth("created_at"),
        )
        for measure, moment in MOMENTS.items()
    }


def nearest_rank_percentiles(durations, groups):
    """{group: {value: {percent: timedelta}}} for a queryset annotated with `duration` and each of `groups`.

    On PostgreSQL one query a grouping, by its ordered-set aggregate; elsewhere one query whatever the number of
    groupings, each numbering the rows in its own window."""
    durations = durations.filter(duration__isnull=False)
    if connections[durations.db].vendor == "postgresql":
        return {group: _percentiles_by_aggregate(durations, group) for group in groups}
    wanted = Q()
    for group in groups:
        in_order = [F("duration").asc(), F("pk").asc()]
        durations = durations.annotate(
            **{
                f"{group}_position": Window(RowNumber(), partition_by=[F(group)], order_by=in_order),
                f"{group}_total": Window(Count("pk"), partition_by=[F(group)]),
            }
        )
        for percent in PERCENTS:
            wanted |= Q(**{f"{group}_position": (F(f"{group}_total") * percent + 99) / 100})
    columns = [name for group in groups for name in (group, f"{group}_position", f"{group}_total")]
    figures = {group: {} for group in groups}
    for row in durations.filter(wanted).values(*columns, "duration"):
        for group in groups:
            for percent in PERCENTS:
                if row[f"{group}_position"] == (row[f"{group}_total"] * percent + 99) // 100:
                    figures[group].setdefault(row[group], {})[percent] = row["duration"]
    return figures


class NearestRank(Aggregate):
    """PostgreSQL's percentile_disc: the first value, in order, at or past `percent` of the group's rows, i.e. the
    row at position ceil(percent × n / 100), as the windows number them. PostgreSQL takes ceil(0.9 × n) in double
    precision; for 0.5 and 0.9 that equals the exact rank (checked for every n up to 10,000,000)."""

    function = "percentile_disc"
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"

    def __init__(self, expression, percent):
        super().__init__(expression, fraction=f"{percent / 100}", output_field=DurationField())


def _percentiles_by_aggregate(durations, group):
    """{value: {percent: timedelta}} for one grouping: the database sorts each group's durations once, with no
    window functions over every row (which took a third more time at 100,000 requests)."""
    aggregates = {f"nearest_{percent}": NearestRank("duration", percent) for percent in PERCENTS}
    rows = durations.values(group).annotate(**aggregates)
    return {row[group]: {percent: row[f"nearest_{percent}"] for percent in PERCENTS} for row in rows}


def _hours(duration):
    return None if duration is None else round(duration.total_seconds() / 3600, 1)


def speed_figures(requests, groups=("kind_name", "month")):
    """{group: {value: [median, 90th] hours per measure, in MEASURES order}}; groups "kind_name" and "month".

    One query per measure, and one for the kinds' names."""
    names = _kind_names() if "kind_name" in groups else None
    by_group = {group: {} for group in groups}
    for index, timed in enumerate(_timed(requests, "kind_id" if names else "kind__name").values()):
        for group, figures in nearest_rank_percentiles(timed, groups).items():
            for value, percentiles in figures.items():
                cells = by_group[group].setdefault(value, [None] * (len(MEASURES) * len(PERCENTS)))
                for offset, percent in enumerate(PERCENTS):
                    cells[index * len(PERCENTS) + offset] = _hours(percentiles.get(percent))
    if names:
        by_group["kind_name"] = {names[kind]: cells for kind, cells in by_group["kind_name"].items()}
    return by_group


COLUMNS = [f"{label} of hours to {measure}" for measure in MEASURES.values() for label in ("Median", "90th percentile")]


def speed_by_kind(requests, figures=None):
    figures = (figures or speed_figures(requests, ["kind_name"]))["kind_name"]
    return FigureTable(
        slug="speed-by-kind",
        title="Hours to first offer, acceptance and fulfilment, by kind",
        columns=["Kind", *COLUMNS],
        rows=[[kind, *figures[kind]] for kind in sorted(figures)],
        series_columns=[1, 3, 5],
        note="The chart shows the medians; the table adds the 90th percentiles (nine in ten were as fast).",
    )


def speed_by_month(requests, figures=None):
    figures = (figures or speed_figures(requests, ["month"]))["month"]
    return FigureTable(
        slug="speed-by-month",
        title="Hours to first offer, acceptance and fulfilment, by month of the request",
        columns=["Month", *COLUMNS],
        rows=[[month_label(month), *figures[month]] for month in sorted(figures)],
        chart="line",
    )


def speed_tables(requests):
    figures = speed_figures(requests)  # both tables from the same three queries
    return [speed_by_kind(requests, figures), speed_by_month(requests, figures)]
