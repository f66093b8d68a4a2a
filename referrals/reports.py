"""The referrals report: by school and by kind, how many, the share families confirmed, time to fulfilment.

Counted in the database (GROUP BY), and the median time to fulfilment too: window functions number the durations
in order within each school, each kind and overall, and only the middle ones come back. Four queries whatever the
number of referrals.
"""

from dataclasses import dataclass, field
from statistics import median

from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, Window
from django.db.models.functions import RowNumber

from aid_requests.models.requests import Status
from referrals.models import Referral

GROUPS = {"schools": "school__name", "kinds": "request__kind__name"}
FULFILLED_AT = "request__fulfilment__recorded_at"


@dataclass
class Row:
    label: str
    referrals: int = 0
    confirmed: int = 0
    declined: int = 0
    waiting: int = 0
    fulfilled: int = 0
    middle_days: list = field(
        default_factory=list
    )  # the one or two middle days to fulfilment, whose mean is the median

    @property
    def confirmed_percent(self):
        return f"{round(100 * self.confirmed / self.referrals)} %" if self.referrals else "—"

    @property
    def median_days_to_fulfil(self):
        return f"{median(self.middle_days):.1f}" if self.middle_days else "—"


def _counts():
    return {
        "referrals": Count("pk"),
        "confirmed": Count("confirmed_at"),
        "declined": Count("declined_at"),
        "waiting": Count("pk", filter=Q(request__status=Status.AWAITING)),
        "fulfilled": Count(FULFILLED_AT),
    }


def _middle_positions(total):
    return {(total + 1) // 2, total // 2 + 1}


def _middle_days():
    """{group: {label: [days]}} with "total" as a group of one label, None: the middle durations only."""
    groups = {**GROUPS, "total": None}
    ranked = Referral.objects.filter(**{f"{FULFILLED_AT}__isnull": False}).annotate(
        duration=ExpressionWrapper(F(FULFILLED_AT) - F("created_at"), DurationField()),
        **{name: F(path) for name, path in GROUPS.items()},
    )
    wanted = Q()
    for name in groups:
        partition = {"partition_by": [F(name)]} if groups[name] else {}
        order = [F("duration").asc(), F("pk").asc()]
        ranked = ranked.annotate(
            **{
                f"{name}_position": Window(RowNumber(), order_by=order, **partition),
                f"{name}_total": Window(Count("pk"), **partition),
            }
        )
        wanted |= Q(**{f"{name}_position": (F(f"{name}_total") + 1) / 2})
        wanted |= Q(**{f"{name}_position": F(f"{name}_total") / 2 + 1})
    columns = [*GROUPS, *(f"{name}_{part}" for name in groups for part in ("position", "total"))]
    middle = {name: {} for name in groups}
    for row in ranked.order_by().filter(wanted).values(*columns, "duration"):
        for name in groups:
            if row[f"{name}_position"] in _middle_positions(row[f"{name}_total"]):
                label = row[name] if groups[name] else None
                middle[name].setdefault(label, []).append(row["duration"].total_seconds() / 86400)
    return middle


def referral_figures():
    """{"schools": [Row...], "kinds": [Row...], "total": Row}: four queries whatever the number of referrals."""
    middle = _middle_days()
    figures = {}
    for name, path in GROUPS.items():
        rows = Referral.objects.values(path).annotate(**_counts()).order_by()
        figures[name] = sorted(
            (
                Row(
                    label=row[path], middle_days=middle[name].get(row[path], []), **{key: row[key] for key in _counts()}
                )
                for row in rows
            ),
            key=lambda row: row.label,
        )
    total = Referral.objects.aggregate(**_counts())
    figures["total"] = Row("All schools", middle_days=middle["total"].get(None, []), **total)
    return figures
