import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from aid_requests.models import HouseholdView
from aid_requests.models.requests import Status
from tests.aid_requests.factories import AidRequestFactory

pytestmark = pytest.mark.django_db


def test_staff_see_the_queue_with_urgent_requests_first(staff_client):
    routine = AidRequestFactory(urgency="routine")
    emergency = AidRequestFactory(urgency="emergency")
    html = staff_client.get("/admin/requests/").text
    assert html.index(emergency.reference) < html.index(routine.reference)


def test_the_queue_filters_by_status_and_searches_by_code(staff_client):
    approved, waiting = AidRequestFactory(), AidRequestFactory()
    approved.__class__.objects.filter(pk=approved.pk).update(status=Status.APPROVED)
    html = staff_client.get("/admin/requests/", {"status": "approved"}).text
    assert approved.reference in html and waiting.reference not in html
    assert approved.reference not in staff_client.get("/admin/requests/", {"q": waiting.reference}).text


def test_the_queue_runs_the_same_queries_for_5_rows_as_for_50(staff_client):
    AidRequestFactory.create_batch(5)
    staff_client.get("/admin/requests/")
    with CaptureQueriesContext(connection) as five:
        staff_client.get("/admin/requests/")
    AidRequestFactory.create_batch(45)
    with CaptureQueriesContext(connection) as fifty:
        assert staff_client.get("/admin/requests/").text.count("CC-") >= 50
    assert len(fifty) == len(five)


def test_opening_a_request_writes_exactly_one_audit_entry(staff_client, staff):
    aid_request = AidRequestFactory()
    response = staff_client.get(f"/admin/requests/{aid_request.pk}/")
    assert response.status_code == 200 and "Maria Lopez" in response.text
    (entry,) = HouseholdView.objects.all()
    assert (entry.household, entry.viewed_by) == (aid_request.household, staff)


@pytest.mark.parametrize("persona", ["family_client", "agency_client"])
def test_families_and_agencies_cannot_open_the_queue_or_a_request(request, persona):
    browser = request.getfixturevalue(persona)
    aid_request = AidRequestFactory()
    assert browser.get("/admin/requests/").status_code == 403
    assert browser.get(f"/admin/requests/{aid_request.pk}/").status_code == 403
    assert browser.get("/admin/requests/export/").status_code == 403
    assert not HouseholdView.objects.exists()


def test_the_export_has_the_queue_without_private_flags(staff_client):
    aid_request = AidRequestFactory()
    response = staff_client.get("/admin/requests/export/", {"format": "csv"})
    text = response.content.decode()
    assert response["Content-Type"] == "text/csv" and aid_request.reference in text
    assert "homeless" not in text.lower() and "Maria" not in text


def test_the_export_comes_as_xlsx_too(staff_client):
    AidRequestFactory()
    response = staff_client.get("/admin/requests/export/", {"format": "xlsx"})
    assert response.content[:2] == b"PK"  # a zip container, as every XLSX file is


def test_requests_still_being_worked_come_before_ended_ones_however_long_ago(staff_client):
    from datetime import timedelta

    from django.utils import timezone

    from aid_requests.models import AidRequest

    year_ago = timezone.now() - timedelta(days=365)
    done = AidRequestFactory(status=Status.FULFILLED)
    AidRequest.objects.filter(pk=done.pk).update(status_changed_at=year_ago, urgency="emergency")
    waiting = AidRequestFactory(status=Status.SUBMITTED, urgency="routine")
    html = staff_client.get("/admin/requests/").text
    assert html.index(waiting.reference) < html.index(done.reference)


def test_a_kind_of_helps_usage_page_lists_its_requests_with_a_link_to_each(staff_client):
    """Requests have a page of their own and no edit form: the usage page links there, not to a 500."""
    staff_client.get("/admin/requests/")  # the admin's URLs load: Wagtail's reference index now tracks requests
    aid_request = AidRequestFactory()
    response = staff_client.get(f"/admin/snippets/resources/servicecategory/usage/{aid_request.kind_id}/")
    assert response.status_code == 200
    assert f'href="/admin/requests/{aid_request.pk}/"' in response.text
