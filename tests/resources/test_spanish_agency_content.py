"""Agency text families read has a Spanish version on Spanish pages (English where none exists); staff see gaps."""

import pytest
from wagtail.models import Locale, Site

from portal.demo_es import translate
from portal.models import SiteSettings
from tests.resources.factories import AgencyFactory, ResourcePageFactory


@pytest.fixture
def program(home, directory):
    spanish = Locale.objects.get(language_code="es")
    translate(home, spanish, title="Ayuda")
    translate(directory, spanish, intro="Encuentre ayuda.")
    agency = AgencyFactory(accessibility="Ramp at the side door", accessibility_es="Rampa en la puerta lateral")
    english = ResourcePageFactory(parent=directory, title="Pantry", agency=agency)
    return english, translate(english, spanish, title="Despensa")


def test_the_spanish_page_shows_the_spanish_text(client, program):
    english, spanish = program
    assert "Ramp at the side door" in client.get(english.url).text
    assert "Rampa en la puerta lateral" in client.get(spanish.url).text


def test_english_shows_where_no_spanish_was_given(client, program):
    english, spanish = program
    english.agency.accessibility_es = ""
    english.agency.save()
    assert "Ramp at the side door" in client.get(spanish.url).text


def test_the_footer_hours_are_in_the_page_language(client, program):
    office = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    office.hours, office.hours_es = "Monday to Friday", "De lunes a viernes"
    office.save()
    assert "Monday to Friday" in client.get(program[0].url).text
    assert "De lunes a viernes" in client.get(program[1].url).text


def test_staff_see_the_listings_that_lack_spanish(staff_client, program, directory):
    ResourcePageFactory(parent=directory, title="Untranslated clinic")
    AgencyFactory(name="English Only Agency", description="We help.")
    html = staff_client.get("/admin/directory/without-spanish/").text
    assert "Untranslated clinic" in html and "English Only Agency" in html
    assert ">Pantry<" not in html


def test_agencies_cannot_open_the_report(agency_client, program):
    assert agency_client.get("/admin/directory/without-spanish/").status_code in (302, 403)
