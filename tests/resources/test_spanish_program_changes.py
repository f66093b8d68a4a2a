"""Each language's page of a program is proposed in its own language, as staff translate it."""

import pytest
from django.test import Client
from wagtail.models import Locale, WorkflowState

from portal.demo_es import translate
from resources.models import ResourcePage
from tests.resources.factories import AgencyFactory, AgencyMembershipFactory, ResourcePageFactory


@pytest.fixture
def pages(home, directory, agency_user):
    spanish = Locale.objects.get(language_code="es")
    translate(home, spanish, title="Ayuda")
    translate(directory, spanish, intro="Encuentre ayuda.")
    agency = AgencyFactory()
    AgencyMembershipFactory(agency=agency, user=agency_user)
    english = ResourcePageFactory(parent=directory, title="Pantry", agency=agency, summary="Food.")
    return english, translate(english, spanish, title="Despensa", summary="Comida.")


def test_the_change_form_names_its_language_and_links_the_other(agency_client, pages):
    english, spanish = pages
    html = agency_client.get(f"/partners/listings/{english.pk}/").text
    assert "Language of this page: English." in html
    assert f'href="/partners/listings/{spanish.pk}/" lang="es">Despensa (Español)</a>' in html


def test_a_spanish_description_goes_on_the_spanish_page_only(agency_client, pages, staff):
    english, spanish = pages
    data = {
        "summary": "Comida.",
        "description": "Traiga una bolsa.",
        "service_area": "county",
        "status": "active",
        "hours-TOTAL_FORMS": "0",
        "hours-INITIAL_FORMS": "0",
        "closures-TOTAL_FORMS": "1",
        "closures-INITIAL_FORMS": "0",
        "closures-0-starts_on": "2099-01-02",
        "closures-0-reason": "Día festivo",
    }
    agency_client.post(f"/partners/listings/{spanish.pk}/", data)
    state = WorkflowState.objects.active().for_instance(spanish).get()
    state.current_task_state.task.specific.on_action(state.current_task_state, staff, "approve")
    spanish_html = Client().get(ResourcePage.objects.get(pk=spanish.pk).url).text
    assert "Traiga una bolsa." in spanish_html and "Día festivo" in spanish_html
    english_html = Client().get(english.url).text
    assert "Traiga una bolsa." not in english_html and "Día festivo" not in english_html
