from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db
CATALOG = Path(__file__).resolve().parents[2] / "locale" / "es" / "LC_MESSAGES" / "django.po"


def test_the_switcher_offers_spanish_on_every_page(client, home):
    html = client.get("/").text
    assert 'action="/i18n/setlang/"' in html
    assert '<button type="submit" name="language" value="es" lang="es">Español</button>' in html


def test_switching_to_spanish_is_remembered(client, home):
    response = client.post("/i18n/setlang/", {"language": "es", "next": "/search/"})
    assert response.status_code == 302 and response.url == "/search/"
    html = client.get("/search/").text
    assert '<html lang="es">' in html
    assert "Saltar al contenido principal" in html
    assert "¿Qué está buscando?" in html


def test_a_spanish_browser_gets_spanish_without_choosing(client, home):
    html = client.get("/", headers={"accept-language": "es-MX,es;q=0.9"}).text
    assert '<html lang="es">' in html
    assert "Pedir ayuda" in html


def test_every_spanish_string_is_translated_and_none_is_fuzzy():
    text = CATALOG.read_text()
    entries = text.split("\n\n")[1:]
    untranslated = [entry for entry in entries if entry.rstrip().endswith('msgstr ""') or 'msgstr[0] ""' in entry]
    assert untranslated == []
    assert "#, fuzzy" not in text
