"""The same finished form saved again (a double click, a resent page) gives back the first registration."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from aid_requests.models import Child, Household
from holiday_drive import registering
from holiday_drive.models import Registration
from tests.holiday_drive.conftest import GUARDIAN

pytestmark = pytest.mark.django_db


def _save(campaign, key, user=None):
    child = {"first_name": "Ana", "age": 9}
    return registering.register(
        campaign, guardian=GUARDIAN, children=[child], packages=["food"], submission_key=key, user=user
    )


def test_the_same_form_again_returns_the_first_registration_and_saves_nothing_more(campaign):
    key = uuid.uuid4()
    assert _save(campaign, key) == _save(campaign, key) and Registration.objects.count() == 1
    assert Household.objects.count() == 1 and Child.objects.count() == 1


def test_a_signed_in_family_sending_its_form_again_is_not_told_it_registered_before(campaign, family):
    key = uuid.uuid4()
    assert _save(campaign, key, family) == _save(campaign, key, family)
    assert Household.objects.filter(user=family).count() == 1 and Child.objects.count() == 1
    with pytest.raises(registering.AlreadyRegistered):
        _save(campaign, uuid.uuid4(), family)  # another form of the same family


def test_the_same_form_again_after_the_window_closed_returns_the_first_registration(campaign):
    key = uuid.uuid4()
    first = _save(campaign, key)
    campaign.registration_closes = timezone.now() - timedelta(minutes=1)
    campaign.save()
    assert _save(campaign, key) == first
    with pytest.raises(registering.RegistrationClosed):
        _save(campaign, uuid.uuid4())
