"""Staff see on a request's and a registration's page each notice sent to that family, its status, and whether
the family turned texts off; never another family's texts."""

import pytest

from portal import notices, sms
from portal.models import TextOptOut
from portal.sms.backends import locmem
from tests.aid_requests.factories import AidRequestFactory, HouseholdFactory
from tests.holiday_drive.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def texted(household):
    aid_request = AidRequestFactory(household=household)
    notices.notify("request_received", household, {"requests": [aid_request]})
    return aid_request


def test_the_request_page_shows_each_text_with_its_status(staff_client):
    household = HouseholdFactory(contact_method="text", phone="410-555-0142")
    aid_request = texted(household)
    other = texted(HouseholdFactory(contact_method="text", phone="410-555-0199"))
    html = staff_client.get(f"/admin/requests/{aid_request.pk}/").text
    assert "Notices sent to this family" in html
    assert aid_request.reference in html and "Sent" in html and "1 segment" in html
    assert other.reference not in html


def test_a_failed_text_and_the_opt_out_show_on_the_registration_page(staff_client, campaign):
    household = HouseholdFactory(contact_method="text", phone="410-555-0142")
    registration = RegistrationFactory(campaign=campaign, household=household)
    locmem.failures["+14105550142"] = sms.PermanentTextError("Twilio refused the text: error 21614 (HTTP 400).")
    texted(household)
    notices.stop_texts("+14105550142", TextOptOut.Source.REPLY)
    html = staff_client.get(f"/admin/holiday-drive/registrations/{registration.pk}/").text
    assert "Failed: Twilio refused the text: error 21614" in html
    assert "turned off" in html and "replied STOP" in html


@pytest.mark.parametrize("persona", ["family_client", "agency_client"])
def test_families_and_agencies_do_not_see_the_notices(request, persona):
    aid_request = texted(HouseholdFactory(contact_method="text"))
    response = request.getfixturevalue(persona).get(f"/admin/requests/{aid_request.pk}/")
    assert response.status_code == 403
    assert aid_request.reference not in response.text
