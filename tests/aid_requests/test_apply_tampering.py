"""The application when the browser sends back what the form never sent: the step again with a message, never 500."""

import pytest

from aid_requests.models import AidRequest, Child, Household
from tests.aid_requests.conftest import CHILDREN, PREFIX, step_data

pytestmark = pytest.mark.django_db

URL = "/requests/apply/"
AGAIN = "Something went wrong with this page. Check your answers and send them again."
AGAIN_ES = "Algo salió mal con esta página. Revise sus respuestas y envíelas de nuevo."


def _nothing_saved():
    return not (Household.objects.exists() or Child.objects.exists() or AidRequest.objects.exists())


@pytest.mark.parametrize("total", ["abc", "", "-1", "9", "99999999999999999999", "²", "1e3", "1" * 5000])
def test_a_children_count_that_was_tampered_with_shows_the_children_step_again(client, apply, total):
    apply(stop_after="about")
    data = step_data("children", CHILDREN) | {"add_child": "1", "children-TOTAL_FORMS": total}
    response = client.post(URL, data)
    assert response.status_code == 200
    assert AGAIN in response.text and "Step 2 of 4" in response.text
    assert _nothing_saved()


def test_a_tampered_count_on_continue_is_refused_too(client, apply):
    apply(stop_after="about")
    response = client.post(URL, step_data("children", CHILDREN) | {"children-TOTAL_FORMS": "1000"})
    assert AGAIN in response.text and "Step 2 of 4" in response.text
    assert response.text.count('name="children-') < 40  # not a thousand empty children


@pytest.mark.parametrize("step", ["nonexistent", "", "CHILDREN", "\x00"])
def test_an_unknown_step_shows_the_current_step_again_and_the_wizard_goes_on(client, apply, step):
    apply(stop_after="about")
    response = client.post(URL, step_data("children", CHILDREN) | {f"{PREFIX}-current_step": step})
    assert response.status_code == 200 and AGAIN in response.text and "Step 2 of 4" in response.text
    assert "Step 2 of 4" in client.get(URL).text  # the saved answers are intact
    assert "Step 3 of 4" in client.post(URL, step_data("children", CHILDREN)).text


def test_a_post_without_the_step_is_refused_with_the_message(client, apply):
    apply(stop_after="about")
    response = client.post(URL, {"about-guardian_name": "Maria"})
    assert response.status_code == 200 and AGAIN in response.text and "Step 2 of 4" in response.text


def test_the_message_is_in_spanish_for_a_spanish_speaker(client, apply):
    client.cookies["django_language"] = "es"
    apply(stop_after="about")
    response = client.post(URL, step_data("children", CHILDREN) | {"add_child": "1", "children-TOTAL_FORMS": "abc"})
    assert AGAIN_ES in response.text and "Paso 2 de 4" in response.text


@pytest.mark.parametrize("kind", ["99999999999999999999", "-1", "0", "²", "abc"])
def test_a_kind_of_help_that_cannot_exist_is_a_form_error(client, apply, kind):
    response = apply(needs={"kinds": [kind], "children": ["0"], "urgency": "routine"}, stop_after="needs")
    assert response.status_code == 200 and "Step 3 of 4" in response.text
    assert "Select a valid choice" in response.text
    assert _nothing_saved()
