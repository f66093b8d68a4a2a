"""The holiday registration when the browser sends back what the form never sent: the step again, never 500."""

import pytest

from aid_requests.models import Household
from holiday_drive.models import Registration
from tests.holiday_drive.conftest import CHILDREN, PREFIX, step_data

pytestmark = pytest.mark.django_db

URL = "/holiday/register/"
AGAIN = "Something went wrong with this page. Check your answers and send them again."


@pytest.mark.parametrize("total", ["abc", "-1", "99999999999999999999", "²"])
def test_a_children_count_that_was_tampered_with_shows_the_children_step_again(client, register, total):
    register(stop_after="guardian")
    data = step_data("children", CHILDREN) | {"add_child": "1", "children-TOTAL_FORMS": total}
    response = client.post(URL, data)
    assert response.status_code == 200 and AGAIN in response.text and "Step 2 of 3" in response.text
    assert not Household.objects.exists() and not Registration.objects.exists()


@pytest.mark.parametrize("step", ["nonexistent", "packages\x00"])
def test_an_unknown_step_shows_the_current_step_again_and_the_registration_goes_on(client, register, step):
    register(stop_after="guardian")
    response = client.post(URL, step_data("children", CHILDREN) | {f"{PREFIX}-current_step": step})
    assert response.status_code == 200 and AGAIN in response.text and "Step 2 of 3" in response.text
    assert "Step 3 of 3" in client.post(URL, step_data("children", CHILDREN)).text


def test_the_message_is_in_spanish_for_a_spanish_speaker(client, register):
    client.cookies["django_language"] = "es"
    register(stop_after="guardian")
    response = client.post(URL, step_data("children", CHILDREN) | {f"{PREFIX}-current_step": "x"})
    assert "Algo salió mal con esta página. Revise sus respuestas y envíelas de nuevo." in response.text


@pytest.mark.parametrize("slot", ["99999999999999999999", "-1", "²"])
def test_a_pickup_time_that_cannot_exist_is_a_form_error(client, register, slot):
    response = register(packages={"packages": ["food"], "pickup_slot": slot, "consent": "on"}, stop_after="packages")
    assert response.status_code == 200 and "Step 3 of 3" in response.text
    assert not Registration.objects.exists()
