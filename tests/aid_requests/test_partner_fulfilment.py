"""Marking an accepted request as given, and the family seeing what it received."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from aid_requests.matching import OfferError, accept, match
from aid_requests.models import Fulfilment
from aid_requests.models.requests import Status
from aid_requests.partners import record_fulfilment
from aid_requests.workflow import transition
from tests.aid_requests.factories import approved_request
from tests.resources.factories import AgencyMembershipFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


@pytest.fixture
def partner(agency_user):
    return AgencyMembershipFactory(user=agency_user, agency__serves=["clothing", "dental"]).agency


@pytest.fixture
def accepted(partner, agency_user):
    return accept(match(approved_request()), agency_user)


def given(*lines, given_on=None, **fields):
    """The fulfil form's POST data: item lines as (description, quantity), five lines in all."""
    data = {"items-TOTAL_FORMS": "5", "items-INITIAL_FORMS": "0", "items-MIN_NUM_FORMS": "0"}
    data |= {"items-MAX_NUM_FORMS": "30", "given_on": (given_on or TODAY()).isoformat(), "note": ""}
    for index, (description, quantity) in enumerate(lines):
        data |= {f"items-{index}-description": description, f"items-{index}-quantity": str(quantity)}
    return data | fields


def status_of(offer):
    offer.request.refresh_from_db()
    return offer.request.status


def test_marking_given_records_the_items_and_fulfils_the_request(agency_client, accepted):
    data = given(("Winter coat", 2), ("Boots", 1), note="Picked up at our office")
    response = agency_client.post(f"/partners/offers/{accepted.pk}/fulfil/", data, follow=True)
    assert "The family can now see that help was given." in response.text and "2 × Winter coat" in response.text
    fulfilment = Fulfilment.objects.get()
    assert [(item.description, item.quantity) for item in fulfilment.items.all()] == [("Winter coat", 2), ("Boots", 1)]
    assert (fulfilment.given_on, fulfilment.note, fulfilment.amount) == (TODAY(), "Picked up at our office", None)
    assert status_of(accepted) == Status.FULFILLED and accepted.request.events.last().visible_to_family


def test_medical_help_asks_for_dollars_and_records_them(agency_client, partner, agency_user):
    offer = accept(match(approved_request(kind="dental")), agency_user)
    refused = agency_client.post(f"/partners/offers/{offer.pk}/fulfil/", given(("Cleaning", 1)))
    assert "Enter the dollars, or 0 if there were none." in refused.text and status_of(offer) == Status.ACCEPTED
    agency_client.post(f"/partners/offers/{offer.pk}/fulfil/", given(("Cleaning", 1), amount="120.50"))
    assert offer.request.__class__.objects.get(pk=offer.request_id).amount_secured == Decimal("120.50")


def test_clothing_does_not_ask_for_dollars(agency_client, accepted):
    assert 'name="amount"' not in agency_client.get(f"/partners/offers/{accepted.pk}/fulfil/").text


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (given(), "Write at least one thing you gave, and how many."),
        (given(("Coat", 0)), "Enter a number of 1 or more."),
        (given(("", 2)), "Write what you gave on this line."),
        (given(("Coat", 1), given_on=TODAY() + datetime.timedelta(days=1)), "cannot be in the future"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(agency_client, accepted, data, error):
    response = agency_client.post(f"/partners/offers/{accepted.pk}/fulfil/", data)
    assert error in response.text and "Please fix the following" in response.text
    assert Fulfilment.objects.count() == 0 and status_of(accepted) == Status.ACCEPTED


def test_a_request_no_longer_accepted_cannot_be_marked_given(agency_client, accepted, agency_user):
    transition(accepted.request, Status.CLOSED)
    with pytest.raises(OfferError):
        record_fulfilment(accepted, agency_user, items=[("Coat", 1)], given_on=TODAY())
    assert agency_client.post(f"/partners/offers/{accepted.pk}/fulfil/", given(("Coat", 1))).status_code == 404
    assert Fulfilment.objects.count() == 0 and status_of(accepted) == Status.CLOSED


def test_marking_given_twice_records_it_once(agency_client, accepted):
    agency_client.post(f"/partners/offers/{accepted.pk}/fulfil/", given(("Coat", 1)))
    response = agency_client.post(f"/partners/offers/{accepted.pk}/fulfil/", given(("Coat", 1)), follow=True)
    assert "Only a request you accepted and have not marked as given" in response.text
    assert Fulfilment.objects.get().items.count() == 1


def test_an_invalid_line_saves_nothing_at_all(accepted, agency_user):
    with pytest.raises(ValidationError):
        record_fulfilment(accepted, agency_user, items=[("Coat", 1), ("x" * 201, 1)], given_on=TODAY())
    assert Fulfilment.objects.count() == 0 and status_of(accepted) == Status.ACCEPTED


def test_the_family_sees_what_was_given_on_the_status_page_and_my_requests(client, family, partner, agency_user):
    offer = accept(match(approved_request(user=family)), agency_user)
    record_fulfilment(offer, agency_user, items=[("Winter coat", 2)], given_on=TODAY(), note="Office only note")
    status_page = client.post("/requests/status/", {"reference": offer.request.reference, "zip_code": "21044"}).text
    client.force_login(family)
    my_page = client.get("/my/").text
    for html in (status_page, my_page):
        assert "Help given on" in html and "2 × Winter coat" in html
        assert "Office only note" not in html and partner.name not in html


def test_a_family_page_without_help_given_says_nothing_of_it(family_client, family):
    approved_request(user=family)
    assert "Help given on" not in family_client.get("/my/").text


def test_removing_a_household_removes_its_record_of_help(accepted, agency_user):
    record_fulfilment(accepted, agency_user, items=[("Coat", 1)], given_on=TODAY())
    accepted.request.household.delete()
    assert Fulfilment.objects.count() == 0
