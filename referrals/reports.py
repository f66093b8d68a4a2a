"""The referrals report: by school and by kind, how many, the share families confirmed, time to fulfilment."""

from dataclasses import dataclass, field
from statistics import median

from referrals.models import Referral


@dataclass
class Row:
    label: str
    referrals: int = 0
    confirmed: int = 0
    declined: int = 0
    waiting: int = 0
    fulfilled: int = 0
    days_to_fulfil: list = field(default_factory=list)

    @property
    def confirmed_percent(self):
        return f"{round(100 * self.confirmed / self.referrals)} %" if self.referrals else "—"

    @property
    def median_days_to_fulfil(self):
        return f"{median(self.days_to_fulfil):.1f}" if self.days_to_fulfil else "—"


def referral_figures():
    """{"schools": [Row...], "kinds": [Row...], "total": Row}: one query whatever the number of referrals."""
    by_school, by_kind, total = {}, {}, Row("All schools")
    rows = Referral.objects.values_list(
        "school__name",
        "request__kind__name",
        "created_at",
        "confirmed_at",
        "declined_at",
        "request__status",
        "request__fulfilment__recorded_at",
    ).order_by()
    for school, kind, created, confirmed, declined, status, fulfilled in rows:
        row_school = by_school.setdefault(school, Row(school))
        row_kind = by_kind.setdefault(kind, Row(kind))
        for row in (row_school, row_kind, total):
            row.referrals += 1
            row.confirmed += confirmed is not None
            row.declined += declined is not None
            row.waiting += status == "awaiting"
            if fulfilled is not None:
                row.fulfilled += 1
                row.days_to_fulfil.append((fulfilled - created).total_seconds() / 86400)
    return {
        "schools": sorted(by_school.values(), key=lambda row: row.label),
        "kinds": sorted(by_kind.values(), key=lambda row: row.label),
        "total": total,
    }
