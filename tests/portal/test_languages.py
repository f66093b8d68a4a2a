import shutil
from contextlib import chdir
from pathlib import Path

import polib
import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "locale" / "es" / "LC_MESSAGES" / "django.po"
# What `make messages` leaves out: no family reads these.
NOT_SOURCE = [".*", "tests", "bench", "artifacts", "static", "media", "node_modules", "*.sqlite3", "__pycache__"]


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


def _missing(catalog):
    """Entries of a .po file without a Spanish translation, or marked fuzzy (a guess nobody checked)."""
    po = polib.pofile(str(catalog))
    return [entry.msgid for entry in po.untranslated_entries() + po.fuzzy_entries() if not entry.obsolete]


def test_every_spanish_string_is_translated_and_none_is_fuzzy():
    assert _missing(CATALOG) == []


def test_every_string_in_the_code_is_in_the_catalog(tmp_path, settings):
    """A string marked for translation but never extracted would show in English: extract a copy and check it.

    makemessages writes into every `locale` folder under the current one, so it runs on a copy of the code.
    """
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*NOT_SOURCE))
    settings.LOCALE_PATHS = [source / "locale"]
    with chdir(source):
        call_command("makemessages", locale=["es"], verbosity=0)
    assert _missing(source / "locale" / "es" / "LC_MESSAGES" / "django.po") == []
