"""The staff queue, its export and a request's actions with numbers and ids out of any range: never 500."""

import datetime

import pytest
from django.utils import timezone

from aid_requests.models import AidRequest, Offer
from tests.aid_requests.factories import AidRequestFactory, approved_request
from tests.resources.factories import PartnerAgencyFactory

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"
DAYS = ["1000000", "1e30", "-1e30", "-1", "nan", "inf", "abc", "1" * 5000]
KINDS = [HUGE, f"-{HUGE}", "0", "²", "abc"]


@pytest.mark.parametrize("days", DAYS)
def test_waiting_days_out_of_range_is_a_filter_error_not_a_crash(staff_client, days):
    AidRequestFactory()
    response = staff_client.get("/admin/requests/", {"waiting_days": days})
    assert response.status_code == 200
    assert 'class="error-message"' in response.text  # e.g. "Ensure this value is less than or equal to 3650."


@pytest.mark.parametrize("days", DAYS)
def test_the_export_ignores_waiting_days_out_of_range(staff_client, days):
    aid_request = AidRequestFactory()
    response = staff_client.get("/admin/requests/export/", {"waiting_days": days, "format": "csv"})
    assert response.status_code == 200 and aid_request.reference in response.content.decode()


def test_waiting_days_within_range_still_filters(staff_client):
    old, new = AidRequestFactory(), AidRequestFactory()
    AidRequest.objects.filter(pk=old.pk).update(status_changed_at=timezone.now() - datetime.timedelta(days=3000))
    html = staff_client.get("/admin/requests/", {"waiting_days": "3650"}).text
    assert old.reference not in html
    html = staff_client.get("/admin/requests/", {"waiting_days": "2999.5"}).text
    assert old.reference in html and new.reference not in html


@pytest.mark.parametrize("kind", KINDS)
def test_a_kind_that_cannot_exist_is_a_filter_error_not_a_crash(staff_client, kind):
    AidRequestFactory()
    assert staff_client.get("/admin/requests/", {"kind": kind}).status_code == 200
    assert staff_client.get("/admin/requests/export/", {"kind": kind}).status_code == 200


@pytest.mark.parametrize("field,action", [("agency", "offer_to"), ("offer", "withdraw")])
@pytest.mark.parametrize("value", [HUGE, "²", "-1"])
def test_an_agency_or_offer_that_cannot_exist_is_a_form_error(staff_client, field, action, value):
    aid_request = approved_request()
    PartnerAgencyFactory()
    response = staff_client.post(f"/admin/requests/{aid_request.pk}/", {"action": action, field: value})
    assert response.status_code == 200 and "Select a valid choice" in response.text
    assert not Offer.objects.exists()


@pytest.mark.parametrize("path", [f"/admin/requests/{HUGE}/", "/admin/requests/9223372036854775808/"])
def test_a_request_past_any_id_is_not_found(staff_client, path):
    assert staff_client.get(path).status_code == 404
