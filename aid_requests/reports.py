"""Figures for staff reports: how each partner agency answers and meets the requests offered to it."""

import statistics
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, OuterRef, Q, Subquery

from aid_requests.models import Offer, StatusEvent
from aid_requests.models.requests import Status
from resources.models import Agency


@dataclass
class PartnerFigures:
    """One agency's line of the partners overview; times are None until there is something to measure."""

    agency: Agency
    open_offers: int
    held: int
    offers_made: int
    accepted: int
    declined: int
    expired: int
    median_to_accept: timedelta | None
    median_to_fulfil: timedelta | None

    @property
    def acceptance_rate(self):
        """Accepted ÷ (accepted + declined + expired): open and withdrawn offers count for nothing."""
        settled = self.accepted + self.declined + self.expired
        return self.accepted / settled if settled else None

    @property
    def acceptance_percent(self):
        return "—" if self.acceptance_rate is None else f"{self.acceptance_rate:.0%}"

    @property
    def hours_to_accept(self):
        return _hours(self.median_to_accept)

    @property
    def hours_to_fulfil(self):
        return _hours(self.median_to_fulfil)

    @property
    def time_to_accept(self):
        return duration_label(self.median_to_accept)

    @property
    def time_to_fulfil(self):
        return duration_label(self.median_to_fulfil)


def partner_figures():
    """Every partner agency (and any former one with offers), by name; two queries whatever their number."""

    def offers(**lookups):
        return Count("offers", filter=Q(**{f"offers__{name}": value for name, value in lookups.items()}))

    agencies = (
        Agency.objects.filter(Q(is_partner=True) | Q(pk__in=Offer.objects.values("agency_id")))
        .annotate(
            open_offers=offers(status=Offer.Status.OFFERED),
            held=offers(status=Offer.Status.ACCEPTED, request__status=Status.ACCEPTED),
            offers_made=Count("offers"),
            accepted=offers(status=Offer.Status.ACCEPTED),
            declined=offers(status=Offer.Status.DECLINED),
            expired=offers(status=Offer.Status.EXPIRED),
        )
        .order_by("name", "pk")
    )
    to_accept, to_fulfil = _durations()
    return [
        PartnerFigures(
            agency=agency,
            open_offers=agency.open_offers,
            held=agency.held,
            offers_made=agency.offers_made,
            accepted=agency.accepted,
            declined=agency.declined,
            expired=agency.expired,
            median_to_accept=_median(to_accept.get(agency.pk)),
            median_to_fulfil=_median(to_fulfil.get(agency.pk)),
        )
        for agency in agencies
    ]


def _durations():
    """({agency pk: [offered → accepted]}, {agency pk: [accepted → fulfilled]}) from one query over accepted offers."""
    fulfilled_at = (
        StatusEvent.objects.filter(request=OuterRef("request"), to_status=Status.FULFILLED)
        .order_by("created_at")
        .values("created_at")[:1]
    )
    accepted = Offer.objects.filter(status=Offer.Status.ACCEPTED, answered_at__isnull=False)
    rows = accepted.annotate(fulfilled_at=Subquery(fulfilled_at)).values_list(
        "agency_id", "offered_at", "answered_at", "fulfilled_at"
    )
    to_accept, to_fulfil = {}, {}
    for agency_id, offered_at, answered_at, fulfilled_at in rows:
        to_accept.setdefault(agency_id, []).append(answered_at - offered_at)
        if fulfilled_at is not None:
            to_fulfil.setdefault(agency_id, []).append(fulfilled_at - answered_at)
    return to_accept, to_fulfil


def _median(durations):
    return statistics.median(durations) if durations else None


def _hours(duration):
    return None if duration is None else round(duration.total_seconds() / 3600, 1)


def duration_label(duration):
    """A span as staff read it: "45 min", "5 h 20 min", "3 days 4 h"; "—" when there is none."""
    if duration is None:
        return "—"
    minutes = int(duration.total_seconds() // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days} day{'s' if days != 1 else ''} {hours} h"
    if hours:
        return f"{hours} h {minutes} min"
    return f"{minutes} min"
