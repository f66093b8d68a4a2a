"""A sponsor's adopt button with family ids no database can hold, or the sponsor's filters tampered with."""

import pytest

from tests.holiday_drive.sponsor_data import waiting_family

pytestmark = pytest.mark.django_db

ADOPT = "/holiday/sponsor/adopt/"
NOT_IDS = ["99999999999999999999", "-1", "0", "²", "1e3", "1" * 5000, "\x00"]


@pytest.mark.parametrize("value", NOT_IDS)
def test_a_family_id_past_any_range_asks_to_choose_a_family(sponsor_client, sponsor, value):
    response = sponsor_client.post(ADOPT, {"family": value}, follow=True)
    assert response.status_code == 200
    assert "Choose at least one family to adopt." in response.text
    assert not sponsor.adoptions.exists()


def test_the_families_chosen_beside_an_impossible_id_are_adopted(sponsor_client, sponsor, campaign):
    family = waiting_family(campaign)
    response = sponsor_client.post(ADOPT, {"family": [family.pk, "99999999999999999999"]}, follow=True)
    assert f"Thank you! You adopted family {family.family_number}." in response.text
    assert sponsor.adoptions.get().registration == family


def test_the_message_is_in_spanish_for_a_spanish_speaker(sponsor_client, sponsor):
    sponsor_client.cookies["django_language"] = "es"
    response = sponsor_client.post(ADOPT, {"family": "99999999999999999999"}, follow=True)
    assert response.status_code == 200 and "Elija al menos una familia para adoptar." in response.text


@pytest.mark.parametrize("query", [{"children": "99999999999999999999"}, {"ages": "\x00"}, {"page": "1" * 5000}])
def test_the_list_of_waiting_families_ignores_filters_it_cannot_read(sponsor_client, sponsor, campaign, query):
    family = waiting_family(campaign)
    response = sponsor_client.get("/holiday/sponsor/", query)
    assert response.status_code == 200 and family.family_number in response.text
