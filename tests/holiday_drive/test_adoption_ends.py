"""When a sponsored family cancels, or staff release it, the adoption ends and the sponsor is told by family
number only; the family goes back to the list sponsors choose from."""

import pytest
from django.core import mail

from holiday_drive import statuses
from holiday_drive.models import Adoption
from tests.holiday_drive.factories import AdoptionFactory, RegisteredChildFactory, RegistrationFactory

LIST = "/admin/holiday-drive/registrations/"


@pytest.fixture
def adopted(campaign, sponsor):
    sponsor.name, sponsor.contact_name = "O'Brien Hardware", "D'Andre Kelly"
    sponsor.save()
    registration = RegistrationFactory(campaign=campaign, status="sponsored")
    RegisteredChildFactory(registration=registration, first_name="Anabella")
    AdoptionFactory(registration=registration, sponsor=sponsor)
    return registration


def only_email_to(sponsor):
    (email,) = [message for message in mail.outbox if message.to == [sponsor.contact_email]]
    return email


def test_a_cancelled_family_ends_the_adoption_and_the_sponsor_hears(
    adopted, sponsor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        statuses.move(adopted, "cancelled")
    assert not Adoption.objects.exists()
    email = only_email_to(sponsor)
    assert adopted.family_number in email.body and "cancelled" in email.body
    assert "D'Andre" in email.body and "O'Brien" in email.body and "&#x27;" not in email.body
    assert adopted.household.guardian_name not in email.body and "Anabella" not in email.body
    assert adopted.family_number not in email.subject


def test_staff_release_a_family_from_its_sponsor(staff_client, adopted, sponsor, django_capture_on_commit_callbacks):
    page = staff_client.get(f"{LIST}{adopted.pk}/").text
    assert "Release from the sponsor" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(f"{LIST}{adopted.pk}/", {"action": "release"})
    assert response.status_code == 302
    adopted.refresh_from_db()
    assert adopted.status == "confirmed" and not Adoption.objects.exists()
    assert "released" in only_email_to(sponsor).body


def test_releasing_a_family_without_a_sponsor_changes_nothing(staff_client, campaign):
    registration = RegistrationFactory(campaign=campaign, status="confirmed")
    staff_client.post(f"{LIST}{registration.pk}/", {"action": "release"})
    registration.refresh_from_db()
    assert registration.status == "confirmed" and mail.outbox == []


def test_sponsors_cannot_release_families(sponsor_client, adopted):
    response = sponsor_client.post(f"{LIST}{adopted.pk}/", {"action": "release"})
    assert response.status_code in (302, 403)
    assert Adoption.objects.filter(registration=adopted).exists()
