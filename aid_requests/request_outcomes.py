"""How requests ended: help given, no partner agency able to take it, declined by staff, withdrawn; the
offers agencies let expire; and the reasons agencies gave when they declined. One GROUP BY query each."""

from django.db.models import Case, CharField, Count, Q, Value, When

from aid_requests.models import Offer
from aid_requests.models.requests import Status
from portal.chart_reports import FigureTable

MOST_REASONS_SHOWN = 15
OUTCOMES = [
    ("given", "Help given", Q(status__in=[Status.FULFILLED, Status.CLOSED])),
    (
        "no_partner",
        "Declined by every agency or none could take it",
        Q(status=Status.APPROVED) & ~Q(no_match_reason=""),
    ),
    ("declined", "Declined by staff", Q(status=Status.DECLINED)),
    ("withdrawn", "Cancelled by the family", Q(status=Status.WITHDRAWN)),
]
STILL_OPEN = "Still open"


def outcome_expression():
    """Each request's outcome as a label, in SQL."""
    return Case(
        *[When(rule, then=Value(label)) for _key, label, rule in OUTCOMES],
        default=Value(STILL_OPEN),
        output_field=CharField(),
    )


def by_outcome(requests):
    counts = dict(requests.annotate(outcome=outcome_expression()).values_list("outcome").annotate(n=Count("pk")))
    labels = [label for _key, label, _rule in OUTCOMES] + [STILL_OPEN]
    rows = [[label, counts[label]] for label in labels if counts.get(label)]
    return FigureTable(slug="outcomes", title="How requests ended", columns=["Outcome", "Requests"], rows=rows)


def offers_by_answer(requests):
    counts = dict(
        Offer.objects.filter(request__in=requests.values("pk")).values_list("status").annotate(n=Count("pk")).order_by()
    )
    rows = [[status.label, counts[status.value]] for status in Offer.Status if counts.get(status.value)]
    return FigureTable(
        slug="offers",
        title="Offers to partner agencies, by their answer",
        columns=["Answer", "Offers"],
        rows=rows,
        note="Expired: the agency did not answer in time, and the request went to the next one.",
    )


def decline_reasons(requests):
    rows = (
        Offer.objects.filter(request__in=requests.values("pk"), status=Offer.Status.DECLINED)
        .values("decline_reason")
        .annotate(n=Count("pk"))
        .order_by("-n", "decline_reason")[:MOST_REASONS_SHOWN]
    )
    return FigureTable(
        slug="decline-reasons",
        title="Reasons agencies gave when they declined",
        columns=["Reason", "Offers declined"],
        rows=[[row["decline_reason"] or "No reason given", row["n"]] for row in rows],
        chart="",
        note=f"The {MOST_REASONS_SHOWN} most frequent, as agencies wrote them.",
    )


def outcome_tables(requests):
    return [by_outcome(requests), offers_by_answer(requests), decline_reasons(requests)]
