"""Dollars secured for medical and prescription help, by kind and month: one GROUP BY query.

Staff's figure on the request (`amount_secured`) wins; else the amount the agency recorded with its fulfilment.
"""

from decimal import Decimal

from django.db.models import DecimalField, F, Sum, Value
from django.db.models.functions import Coalesce, TruncMonth

from aid_requests.models.requests import MEDICAL_KINDS
from aid_requests.request_volume import pivot_by_month
from portal.chart_reports import FigureTable

MONEY = DecimalField(max_digits=12, decimal_places=2)


def amount_expression():
    return Coalesce("amount_secured", "fulfilment__amount", Value(Decimal(0)), output_field=MONEY)


def dollars_by_kind_and_month(requests):
    rows = list(
        requests.filter(kind__slug__in=MEDICAL_KINDS)
        .annotate(month=TruncMonth("created_at"), kind_name=F("kind__name"), amount=amount_expression())
        .values("month", "kind_name")
        .annotate(dollars=Sum("amount"))
        .filter(dollars__gt=0)
        .order_by("month", "kind_name")
    )
    for row in rows:
        row["dollars"] = int(round(row["dollars"]))  # whole dollars read better and export as numbers
    kinds, table_rows = pivot_by_month(rows, value="dollars")
    return FigureTable(
        slug="dollars-by-kind-and-month",
        title="Dollars secured for medical and prescription help, by kind and month",
        columns=["Month", *kinds],
        rows=table_rows,
        chart="stacked_bar",
        note="In whole US dollars, by the month the family asked.",
    )


def dollars_tables(requests):
    return [dollars_by_kind_and_month(requests)]
