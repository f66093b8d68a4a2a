"""seed_demo's history: two school years of finished requests, so the report charts show real shapes."""

from datetime import date

import pytest
from django.db.models.functions import ExtractMonth

from aid_requests.demo_history import REQUESTS, seed_history
from aid_requests.models import AidRequest
from aid_requests.report_filters import school_year_of
from tests.resources.factories import PartnerAgencyFactory

pytestmark = pytest.mark.django_db


def test_requests_spread_over_this_school_year_and_the_last_once():
    PartnerAgencyFactory()
    assert seed_history(today=date(2026, 12, 4)) == REQUESTS
    created = AidRequest.objects.values_list("created_at", flat=True)
    assert {school_year_of(moment.date()) for moment in created} == {2025, 2026}
    assert AidRequest.objects.annotate(month=ExtractMonth("created_at")).values("month").distinct().count() == 12
    assert AidRequest.objects.filter(status="closed", fulfilment__isnull=False).exists()
    assert seed_history(today=date(2026, 12, 4)) == 0
