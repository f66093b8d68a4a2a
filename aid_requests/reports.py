"""Figures for staff reports: how each partner agency answers and meets the requests offered to it."""

import statistics
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import (
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    FilteredRelation,
    OuterRef,
    Q,
    Window,
)
from django.db.models.functions import RowNumber

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
    to_accept, to_fulfil = _medians()
    return [
        PartnerFigures(
            agency=agency,
            open_offers=agency.open_offers,
            held=agency.held,
            offers_made=agency.offers_made,
            accepted=agency.accepted,
            declined=agency.declined,
            expired=agency.expired,
            median_to_accept=to_accept.get(agency.pk),
            median_to_fulfil=to_fulfil.get(agency.pk),
        )
        for agency in agencies
    ]


def _middle_positions(total):
    """The positions (from 1, in order) whose values make the median of `total` values: one, or the two middle."""
    return {(total + 1) // 2, total // 2 + 1} if total else set()


def _medians():
    """({agency pk: median offered → accepted}, {agency pk: median accepted → fulfilled}), from one query.

    The durations are numbered in order within each agency in the database (window functions, as on SQLite as on
    PostgreSQL), and only the rows at the middle positions come back: at most four an agency. The median of an
    even number of durations is the mean of the two middle ones, as statistics.median has it. A request's
    fulfilment is its first "fulfilled" event, joined (not a subquery per offer)."""
    fulfilled = FilteredRelation("request__events", condition=Q(request__events__to_status=Status.FULFILLED))
    accepted = Offer.objects.filter(status=Offer.Status.ACCEPTED, answered_at__isnull=False).annotate(
        fulfilled=fulfilled, fulfilled_at=F("fulfilled__created_at"), fulfilled_pk=F("fulfilled__pk")
    )
    earlier = StatusEvent.objects.filter(
        Q(created_at__lt=OuterRef("fulfilled_at"))
        | Q(created_at=OuterRef("fulfilled_at"), pk__lt=OuterRef("fulfilled_pk")),
        request=OuterRef("request"),
        to_status=Status.FULFILLED,
    )
    by_agency = [F("agency_id")]
    ranked = (
        accepted.exclude(Exists(earlier))  # the first fulfilment only, or none
        .annotate(
            to_accept=ExpressionWrapper(F("answered_at") - F("offered_at"), DurationField()),
            to_fulfil=ExpressionWrapper(F("fulfilled_at") - F("answered_at"), DurationField()),
        )
        .annotate(
            accept_position=Window(RowNumber(), partition_by=by_agency, order_by=[F("to_accept").asc(), F("pk").asc()]),
            accepted_total=Window(Count("pk"), partition_by=by_agency),
            fulfil_position=Window(
                RowNumber(), partition_by=by_agency, order_by=[F("to_fulfil").asc(nulls_last=True), F("pk").asc()]
            ),
            fulfilled_total=Window(Count("fulfilled_at"), partition_by=by_agency),
        )
        .order_by()
    )
    middle = ranked.filter(
        Q(accept_position=(F("accepted_total") + 1) / 2)
        | Q(accept_position=F("accepted_total") / 2 + 1)
        | Q(fulfil_position=(F("fulfilled_total") + 1) / 2)
        | Q(fulfil_position=F("fulfilled_total") / 2 + 1)
    )
    to_accept, to_fulfil = {}, {}
    columns = ("agency_id", "accept_position", "accepted_total", "to_accept")
    for row in middle.values_list(*columns, "fulfil_position", "fulfilled_total", "to_fulfil"):
        agency_id, accept_position, accepted_total, accept, fulfil_position, fulfilled_total, fulfil = row
        if accept_position in _middle_positions(accepted_total):
            to_accept.setdefault(agency_id, []).append(accept)
        if fulfil is not None and fulfil_position in _middle_positions(fulfilled_total):
            to_fulfil.setdefault(agency_id, []).append(fulfil)
    return (
        {agency_id: statistics.median(middle) for agency_id, middle in to_accept.items()},
        {agency_id: statistics.median(middle) for agency_id, middle in to_fulfil.items()},
    )


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
