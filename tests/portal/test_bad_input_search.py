"""Whatever a visitor types into the site search or the directory, they get results or a friendly "no results".

Quotes, operators and control characters are read as the words around them (issue 19: they used to reach
SQLite's FTS5 as syntax and answer 500).
"""

import pytest
from wagtail.models import Locale

from portal.demo_es import translate
from tests.factories import StandardPageFactory
from tests.resources.factories import ResourcePageFactory

pytestmark = pytest.mark.django_db

# Each finds the page about coats: the syntax around the word is dropped.
AROUND_COATS = ['coats"', '"coats', '"warm coats', "warm AND coats", "NEAR(warm coats)", "coats*", "^coats", "-coats"]
AROUND_COATS += ["(coats OR", "warm:coats", "coats\x00", "warm\x01\x7fcoats", "NOT coats", "coats" + "\x00" * 10_000]
# Nothing in these is a word the site holds.
NO_WORDS = ['"""', '"', '\x00"', "AND", "NEAR", "*", "^", "-", "()", ":", "OR NOT"]
SITE_NOTHING = {"en": "Nothing matched. Try fewer or simpler words", "es": "No encontramos nada. Pruebe con menos"}
DIRECTORY_NOTHING = {"en": "No programs match.", "es": "No encontramos programas."}


@pytest.fixture
def coats_page(home):
    return StandardPageFactory(parent=home, title="Warm coats", slug="coats", body=[("paragraph", "<p>coats</p>")])


@pytest.fixture
def spanish_directory(home, directory):
    """The directory at /es/connection-center/ with one Spanish program about coats ("abrigos")."""
    spanish = Locale.objects.get(language_code="es")
    translate(home, spanish, title="Inicio")
    translate(directory, spanish, intro="Encuentre ayuda.")
    program = ResourcePageFactory(parent=directory, title="Winter coats", summary="coats")
    translate(program, spanish, title="Abrigos de invierno", summary="abrigos coats")
    return directory


def search(client, query, language="en"):
    response = client.get("/search/", {"q": query}, headers={"accept-language": language})
    assert response.status_code == 200
    return response.text


@pytest.mark.parametrize("query", AROUND_COATS)
def test_the_site_search_reads_syntax_as_the_words_around_it(client, coats_page, query):
    html = search(client, query)
    assert '<a href="/coats/">Warm coats</a>' in html


@pytest.mark.parametrize("query", NO_WORDS)
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_site_search_says_nothing_matched_when_no_word_is_left(client, coats_page, query, language):
    html = search(client, query, language)
    assert SITE_NOTHING[language] in html and "Warm coats" not in html


def test_the_site_search_shows_what_was_typed_without_control_characters(client, coats_page):
    html = search(client, 'warm "coats\x00')
    assert 'value="warm &quot;coats"' in html and "\x00" not in html


def test_a_search_for_nul_alone_is_an_empty_search(client, coats_page):
    html = search(client, "\x00")
    assert 'name="q" value=""' in html and "result" not in html.split("</form>", 1)[1]


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_10000_character_search_keeps_its_first_200_and_says_nothing_matched(client, coats_page, language):
    html = search(client, "coats " + "x" * 10_000, language)
    assert 'value="coats ' + "x" * 194 + '"' in html
    assert SITE_NOTHING[language] in html


@pytest.mark.parametrize("query", AROUND_COATS)
def test_the_directory_reads_syntax_as_the_words_around_it(client, directory, query):
    ResourcePageFactory(parent=directory, title="Warm coats", summary="coats")
    ResourcePageFactory(parent=directory, title="Pantry", summary="food")
    html = client.get("/connection-center/", {"q": query}).text
    assert "Warm coats" in html and "Pantry" not in html


@pytest.mark.parametrize("query", ['zzzz" AND NEAR(\x00', "x" * 10_000])
@pytest.mark.parametrize("path,language", [("/connection-center/", "en"), ("/es/connection-center/", "es")])
def test_the_directory_says_no_programs_match_in_the_visitors_language(
    client, spanish_directory, path, language, query
):
    response = client.get(path, {"q": query})
    assert response.status_code == 200
    assert DIRECTORY_NOTHING[language] in response.text


@pytest.mark.parametrize("query", NO_WORDS)
def test_the_directory_lists_every_program_when_no_word_is_left(client, directory, query):
    ResourcePageFactory(parent=directory, title="Winter coats")
    response = client.get("/connection-center/", {"q": query})
    assert response.status_code == 200 and "Winter coats" in response.text


def test_the_spanish_directory_finds_words_among_syntax(client, spanish_directory):
    html = client.get("/es/connection-center/", {"q": '"abrigos*'}).text
    assert "Abrigos de invierno" in html and "1 programa" in html
