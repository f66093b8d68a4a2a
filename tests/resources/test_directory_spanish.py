"""The directory in Spanish: its own programs, search and filters, and each program exported only once."""

import pytest
from wagtail.models import Locale

from portal.demo_es import translate
from resources import directory as directory_module
from resources.hsds.records import directory_tables
from resources.models import ResourcePage, ServiceCategory
from resources.transfer import export_content
from tests.resources.factories import ResourcePageFactory

pytestmark = pytest.mark.django_db
COAT, DENTIST, PANTRY = ("Winter coats", "Abrigos de invierno"), ("Kids' dentist", "Dentista"), ("Pantry", "Despensa")


@pytest.fixture
def spanish():
    return Locale.objects.get(language_code="es")


@pytest.fixture
def programs(home, directory, spanish):
    """Three programs, each with its Spanish translation, under the Spanish directory at /es/connection-center/."""
    translate(home, spanish, title="Ayuda para estudiantes y familias")
    translate(directory, spanish, intro="Encuentre ayuda cerca de usted.")
    categories = [ServiceCategory.objects.get(slug=slug) for slug in ("coats", "dental", "food-pantry")]
    made = []
    for (english, spanish_title), category in zip((COAT, DENTIST, PANTRY), categories, strict=True):
        program = ResourcePageFactory(parent=directory, title=english, categories=[category], summary="Help.")
        translate(program, spanish, title=spanish_title, summary=f"{spanish_title}: ayuda gratis.")
        made.append(program)
    return made


def test_the_spanish_directory_lists_only_the_spanish_programs(client, programs):
    html = client.get("/es/connection-center/").text
    assert '<html lang="es">' in html and "3 programas" in html
    assert all(spanish in html for _english, spanish in (COAT, DENTIST, PANTRY))
    assert "Winter coats" not in html and 'href="/connection-center/winter-coats/"' not in html
    assert 'href="/es/connection-center/winter-coats/"' in html  # a translation keeps the English slug


def test_the_english_directory_lists_no_spanish_copy(client, programs):
    html = client.get("/connection-center/").text
    assert "3 programs" in html and "Winter coats" in html
    assert "Abrigos de invierno" not in html and 'href="/es/connection-center/' not in html


def test_a_spanish_program_page_reads_in_spanish(client, programs):
    html = client.get("/es/connection-center/winter-coats/").text
    assert '<html lang="es">' in html and ">Abrigos de invierno</h1>" in html
    assert "Abrigos de invierno: ayuda gratis." in html
    assert "Abrigos y ropa de invierno" in html  # its category, in Spanish


def test_search_filters_and_pages_work_in_spanish(client, programs, monkeypatch):
    html = client.get("/es/connection-center/?q=dentista").text
    assert "1 programa\n" in html and "Dentista" in html and "Despensa" not in html
    html = client.get("/es/connection-center/?category=food-pantry").text
    assert "1 programa\n" in html and "Despensa" in html and "Dentista" not in html
    monkeypatch.setattr(directory_module, "PER_PAGE", 2)
    html = client.get("/es/connection-center/?page=2").text
    assert "Página 2 de 2" in html and "Winter coats" not in html


def test_a_visitor_who_chose_spanish_is_sent_to_the_spanish_directory(client, programs):
    client.cookies["django_language"] = "es"
    response = client.get("/connection-center/?q=dentista")
    assert response.status_code == 302 and response.url == "/es/connection-center/?q=dentista"


def test_the_hsds_api_and_exports_count_each_program_once(client, programs):
    assert ResourcePage.objects.count() == 6
    assert client.get("/api/hsds/services").json()["total_items"] == 3
    assert len(directory_tables()["service"]) == 3
    _content, count = export_content("programs", "csv")
    assert count == 3


def test_staff_translate_a_program_in_the_admin(staff_client, programs, spanish):
    program = ResourcePageFactory(parent=programs[0].get_parent(), title="Bus passes")
    response = staff_client.post(f"/admin/translation/submit/page/{program.pk}/", {"locales": [spanish.pk]})
    assert response.status_code == 302
    copy = program.get_translation(spanish)
    assert copy.title == "Bus passes" and copy.hsds_id != program.hsds_id  # a translation is not another service
    assert copy.get_parent().locale_id == spanish.pk
