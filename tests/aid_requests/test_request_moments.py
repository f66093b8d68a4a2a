"""The moments "How fast requests were met" measures, kept on the request: set by the real flows, filled by the
migration, and giving the figures the report used to compute from the offers and the timeline.

What the moments mean (aid_requests.workflow.request_moments), as the report measured them before:
- first offer: the request's earliest offer, whatever became of it (a new offer after a decline does not move it);
- acceptance: the answer of the offer the request holds accepted now (gone when it is withdrawn; a later
  acceptance replaces it);
- fulfilment: its first move to fulfilled. A note added to a fulfilled request repeats "fulfilled" on the
  timeline; that is no second fulfilment.
"""

import importlib
from datetime import timedelta

import pytest
from django.apps import apps
from django.db.models import DurationField, Exists, ExpressionWrapper, F, OuterRef, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from aid_requests import request_speed
from aid_requests.matching import accept, decline, match, offer_to, withdraw
from aid_requests.models import AidRequest, Offer, StatusEvent
from aid_requests.models.requests import Status
from aid_requests.partners import record_fulfilment
from aid_requests.privacy import anonymise
from aid_requests.report_filters import requests_in
from aid_requests.workflow import add_message, transition
from tests.aid_requests.factories import approved_request
from tests.aid_requests.report_data import at, made, two_kinds_over_two_months
from tests.resources.factories import PartnerAgencyFactory

pytestmark = pytest.mark.django_db
migration = importlib.import_module("aid_requests.migrations.0010_fill_request_moments")
MOMENTS = ["first_offered_at", "accepted_at", "fulfilled_at"]


def moments(aid_request):
    return AidRequest.objects.values_list(*MOMENTS).get(pk=aid_request.pk)


def refreshed(instance):
    instance.refresh_from_db()
    return instance


def test_offers_acceptances_and_help_given_set_the_moments(agency_user, staff):
    near, _far = PartnerAgencyFactory(zip_code="21045"), PartnerAgencyFactory(zip_code="21794")
    aid_request = approved_request()
    first = match(aid_request)
    assert first.agency == near and moments(aid_request) == (first.offered_at, None, None)

    decline(first, agency_user, "No sizes")  # offered to the next partner: the first offer stays the first
    second = Offer.objects.get(request=aid_request, status=Offer.Status.OFFERED)
    assert second.offered_at > first.offered_at and moments(aid_request) == (first.offered_at, None, None)

    accept(second, agency_user)
    assert moments(aid_request) == (first.offered_at, refreshed(second).answered_at, None)

    withdraw(second, staff)  # no agency holds it any more: no acceptance
    assert moments(aid_request) == (first.offered_at, None, None)

    third = accept(offer_to(aid_request, near, staff), agency_user)
    assert moments(aid_request) == (first.offered_at, refreshed(third).answered_at, None)

    record_fulfilment(third, agency_user, items=[("Winter coat", 1)], given_on=timezone.localdate())
    fulfilled = StatusEvent.objects.get(request=aid_request, to_status=Status.FULFILLED)
    expected = (first.offered_at, third.answered_at, fulfilled.created_at)
    assert moments(aid_request) == expected

    add_message(refreshed(aid_request), "Glad it fitted.", actor=staff)  # "fulfilled" again on the timeline
    transition(aid_request, Status.CLOSED, actor=staff)
    assert StatusEvent.objects.filter(request=aid_request, to_status=Status.FULFILLED).count() == 2
    assert moments(aid_request) == expected

    anonymise([aid_request.household_id])  # dates of the service, not personal data
    assert refreshed(aid_request).details == "" and moments(aid_request) == expected


def test_a_request_withdrawn_after_acceptance_keeps_its_first_offer_and_loses_its_acceptance(agency_user):
    PartnerAgencyFactory(zip_code="21045")
    aid_request = approved_request()
    offer = accept(match(aid_request), agency_user)
    transition(aid_request, Status.WITHDRAWN)
    assert refreshed(offer).status == Offer.Status.WITHDRAWN
    assert moments(aid_request) == (offer.offered_at, None, None)


def _timed_from_offers_and_events(requests, kind="kind__name"):
    """The report's computation before the moments were stored (request_speed._timed at 9617c81)."""
    offered = requests.annotate(moment=F("offers__offered_at"), offer_id=F("offers__pk"))
    earlier = Offer.objects.filter(
        Q(offered_at__lt=OuterRef("moment")) | Q(offered_at=OuterRef("moment"), pk__lt=OuterRef("offer_id")),
        request=OuterRef("pk"),
    )
    rows = {
        "offer": offered.exclude(Exists(earlier)),
        "acceptance": requests.filter(offers__status=Offer.Status.ACCEPTED).annotate(moment=F("offers__answered_at")),
        "fulfilment": requests.filter(events__to_status=Status.FULFILLED).annotate(moment=F("events__created_at")),
    }
    return {
        measure: queryset.annotate(
            duration=ExpressionWrapper(F("moment") - F("created_at"), DurationField()),
            kind_name=F(kind),
            month=TruncMonth("created_at"),
        )
        for measure, queryset in rows.items()
    }


def test_the_migration_fills_the_moments_to_the_figures_computed_from_offers_and_events(monkeypatch):
    two_kinds_over_two_months()  # offered and accepted, offered only, fulfilled, declined then offered again
    made("vision", at(2025, 10, 8), status="closed", offer_after=6, accepted_after=30, fulfilled_after=200)
    made("dental", at(2025, 10, 9), status="approved", declined="No dentist free")  # declined, not offered again
    made("clothing", at(2025, 10, 20), status="withdrawn")  # never offered
    AidRequest.objects.update(first_offered_at=None, accepted_at=None, fulfilled_at=None)  # as before 0009
    with monkeypatch.context() as patched:
        patched.setattr(request_speed, "_timed", _timed_from_offers_and_events)
        before = request_speed.speed_figures(requests_in({}))

    migration.fill(apps, None)

    assert request_speed.speed_figures(requests_in({})) == before
    assert before["kind_name"]["Clothing"][:4] == [2.0, 3.0, 5.0, 10.0]  # first offers after 2 h and 3 h (declined)


def test_the_migration_takes_the_first_offer_and_the_first_move_to_fulfilled():
    aid_request = made("clothing", at(2025, 9, 10), status="closed", declined="No sizes", offer_after=8)
    StatusEvent.objects.bulk_create(
        StatusEvent(request=aid_request, from_status="fulfilled", to_status="fulfilled", created_at=moment)
        for moment in (at(2025, 9, 14), at(2025, 9, 12))
    )
    AidRequest.objects.update(first_offered_at=None, accepted_at=None, fulfilled_at=None)
    migration.fill(apps, None)
    assert moments(aid_request) == (at(2025, 9, 10) + timedelta(hours=3), None, at(2025, 9, 12))
